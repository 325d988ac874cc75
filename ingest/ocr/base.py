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
from lianfa.ingest.config import IngestSettings, get_settings
from lianfa.ingest.document import Line


@runtime_checkable
class Engine(Protocol):
    name: str

    def recognize(self, image: Image.Image) -> list[Line]:
        """Lines read from `image`, with quads in the pixel coordinates of `image`."""
        ...


EngineFactory = Callable[[IngestSettings], Engine]

_factories: dict[str, EngineFactory] = {}
_instances: dict[str, Engine] = {}
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


def get_engine(name: str | None = None) -> Engine:
    """The process-wide engine called `name` (default: the `LIANFA_OCR_ENGINE` setting)."""
    settings = get_settings()
    key = (name or settings.ocr_engine).strip().lower()
    engine = _instances.get(key)
    if engine is not None:
        return engine
    factory = _factories.get(key)
    if factory is None:
        raise ConfigError(
            f"Unknown OCR engine {key!r}: set LIANFA_OCR_ENGINE to one of {', '.join(engine_names())}."
        )
    with _create_lock:
        engine = _instances.get(key)
        if engine is None:
            offline_environment(settings)
            engine = factory(settings)
            _instances[key] = engine
    return engine
