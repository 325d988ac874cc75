"""The default model a fresh install classifies with: trained reproducibly from a generated
default-style corpus (fixed seed and size) when the registry has no active model, by `lianfa setup`
or lazily on first use."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from classifiers.registry import Registry
from classifiers.schemas import ModelMeta

DEFAULT_SEED = 20_240_601
DEFAULT_DOCUMENTS = 3000
_lock = threading.Lock()


def train_default(registry: Registry, n: int = DEFAULT_DOCUMENTS, seed: int = DEFAULT_SEED) -> ModelMeta:
    from corpora.generator.writer import write_corpus
    from classifiers.training import train

    with tempfile.TemporaryDirectory(prefix="lianfa-default-corpus-") as tmp:
        write_corpus(Path(tmp), n=n, seed=seed, style="default")
        return train(
            [Path(tmp)], registry, seed=seed, promote=True,
            note=f"default model: generated default-style corpus, n={n}, seed={seed}",
        )


def ensure_default(registry: Registry) -> str:
    """The active version, training and activating the default model first if there is none."""
    with _lock:
        active = registry.active()
        if active is not None:
            return active
        return train_default(registry).version
