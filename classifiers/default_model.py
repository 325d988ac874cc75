"""The default model a fresh install classifies with: trained reproducibly from a generated
default-style corpus (fixed seed and size) when the registry has no active model, by `lianfa setup`
or lazily on first use."""

from __future__ import annotations

import fcntl
import tempfile
import threading
from pathlib import Path

from classifiers.registry import Registry
from classifiers.schemas import ModelMeta

DEFAULT_SEED = 20_240_601
_lock = threading.Lock()


def train_default(registry: Registry, n: int | None = None, seed: int = DEFAULT_SEED) -> ModelMeta:
    from classifiers.config import get_classifier_settings
    from classifiers.training import train
    from corpora.generator.writer import write_corpus

    n = n or get_classifier_settings().default_model_documents
    with tempfile.TemporaryDirectory(prefix="lianfa-default-corpus-") as tmp:
        write_corpus(Path(tmp), n=n, seed=seed, style="default")
        return train(
            [Path(tmp)],
            registry,
            seed=seed,
            promote=True,
            note=f"default model: generated default-style corpus, n={n}, seed={seed}",
        )


def ensure_default(registry: Registry) -> str:
    """The active version, training and activating the default model first if there is none.
    A lock file keeps service workers starting together from training it twice."""
    with _lock:
        active = registry.active()
        if active is not None:
            return active
        registry.root.mkdir(parents=True, exist_ok=True)
        with (registry.root / ".default.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                active = registry.active()
                return active if active is not None else train_default(registry).version
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
