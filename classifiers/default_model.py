"""The default model a fresh install classifies with: trained reproducibly from a generated
default-style corpus (fixed seed and size) when the registry has no active model, by `lianfa setup`
(never on first use: a worker that trained would hold every file behind it for minutes).

Beside the decisions it learns from the court-, news- and table-style texts every training adds
(classifiers.training.court_style_examples)."""

from __future__ import annotations

import fcntl
import tempfile
import threading
from pathlib import Path

from lianfa.classifiers.registry import Registry
from lianfa.classifiers.schemas import ModelMeta

DEFAULT_SEED = 20_240_601
_lock = threading.Lock()


def train_default(registry: Registry, n: int, seed: int = DEFAULT_SEED) -> ModelMeta:
    """`n`: the generated corpus's size (LIANFA_DEFAULT_MODEL_DOCUMENTS); training adds the
    court-style texts, as `lianfa train` does."""
    from lianfa.classifiers.training import COURT_SHARE, MIN_COURT, train
    from lianfa.corpora.generator.writer import write_corpus

    per_category = max(MIN_COURT, n // COURT_SHARE)
    with tempfile.TemporaryDirectory(prefix="lianfa-default-corpus-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, n=n, seed=seed, style="default")
        return train(
            [corpus],
            registry,
            seed=seed,
            promote=True,
            note=(
                f"default model: generated default-style corpus, n={n}, seed={seed}; "
                f"{per_category} court-style texts per category"
            ),
        )


def ensure_default(registry: Registry, n: int) -> str:
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
                return active if active is not None else train_default(registry, n).version
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
