"""The OCR engine interface, the registry of engines by name, and the per-process instances.

Engines load hundreds of megabytes of model weights, so each is created once per process, on first
use, and its heavy imports happen only then: `lianfa --help` and the web app's start-up never pay
for OCR they do not run. Engines that are not thread-safe (PaddleOCR) take `lock` around each call.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PIL import Image

from lianfa.errors import ConfigError
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.document import Line


@runtime_checkable
class Engine(Protocol):
    name: str

    def recognize(self, image: Image.Image) -> list[Line]:
        """Lines read from `image`, with quads in the pixel coordinates of `image`."""
        ...


EngineFactory = Callable[[IngestSettings], Engine]

_factories: dict[str, EngineFactory] = {}
# One engine per name and configuration: the settings that shape it (model folders, threads) are
# part of the key, so two Pipelines built from different settings never share an engine.
_instances: dict[tuple[str, str], Engine] = {}
_create_lock = threading.Lock()


def register(name: str) -> Callable[[EngineFactory], EngineFactory]:
    def deco(factory: EngineFactory) -> EngineFactory:
        _factories[name] = factory
        return factory

    return deco


def engine_names() -> list[str]:
    return sorted(_factories)


def offline_environment(settings: IngestSettings) -> None:
    """Keep OCR libraries' caches in the data directory and away from model hubs.

    PaddleX, Hugging Face and ModelScope write caches under ~ and look for hubs; onnxruntime keeps a
    telemetry database in ~/.cache unless told not to when it is first imported. Values an
    operator set explicitly are kept.
    """
    cache = settings.data_dir / "cache"
    for key, value in {
        "ORT_DISABLE_TELEMETRY": "1",
        "PADDLE_PDX_CACHE_HOME": str(cache / "paddlex"),
        "PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK": "True",
        "HF_HUB_OFFLINE": "1",
        "HF_HOME": str(cache / "huggingface"),
        "MODELSCOPE_CACHE": str(cache / "modelscope"),
    }.items():
        os.environ.setdefault(key, value)


def _engine_key(name: str, settings: IngestSettings) -> tuple[str, str]:
    return name, settings.model_dump_json(include={"data_dir", "ocr_threads", "ocr_model_dir"})


def get_engine(name: str | None = None, settings: IngestSettings | None = None) -> Engine:
    """The engine called `name` (default: `settings.ocr_engine`) for `settings`, created once per
    process and configuration. Without settings, the environment's (tools and tests)."""
    settings = settings if settings is not None else IngestSettings()
    key = (name or settings.ocr_engine).strip().lower()
    factory = _factories.get(key)
    if factory is None:
        raise ConfigError(
            f"Unknown OCR engine {key!r}: set LIANFA_OCR_ENGINE to one of {', '.join(engine_names())}."
        )
    cache_key = _engine_key(key, settings)
    engine = _instances.get(cache_key)
    if engine is not None:
        return engine
    with _create_lock:
        engine = _instances.get(cache_key)
        if engine is None:
            offline_environment(settings)
            engine = factory(settings)
            _instances[cache_key] = engine
    return engine
