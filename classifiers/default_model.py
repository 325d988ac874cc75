"""The default model a fresh install classifies with: trained reproducibly from a generated
default-style corpus (fixed seed and size) when the registry has no active model, by `lianfa setup`
(never on first use: a worker that trained would hold every file behind it for minutes).

Beside the decisions it learns from short court-, news- and table-style texts of each category's
conduct (corpora.generator.court_style), one for every COURT_SHARE decisions per category: without
them the model knows the categories only in the generator's decision templates, and real fact
descriptions in other words came out near-uniform."""

from __future__ import annotations

import fcntl
import json
import tempfile
import threading
from pathlib import Path

from lianfa.classifiers.registry import Registry
from lianfa.classifiers.schemas import ModelMeta

DEFAULT_SEED = 20_240_601
# Court-style examples per category: one per this many generated decisions, at least MIN_COURT.
COURT_SHARE = 150
MIN_COURT = 5
_lock = threading.Lock()


def train_default(registry: Registry, n: int, seed: int = DEFAULT_SEED) -> ModelMeta:
    """`n`: the generated corpus's size (LIANFA_DEFAULT_MODEL_DOCUMENTS)."""
    from lianfa.classifiers.training import train
    from lianfa.corpora.generator.court_style import court_examples
    from lianfa.corpora.generator.writer import write_corpus

    per_category = max(MIN_COURT, n // COURT_SHARE)
    with tempfile.TemporaryDirectory(prefix="lianfa-default-corpus-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, n=n, seed=seed, style="default")
        court = Path(tmp) / "court_style.jsonl"
        with court.open("w", encoding="utf-8") as fh:
            for i, ex in enumerate(court_examples(per_category, seed=seed)):
                # the training export's form: a category, no criminal label (these texts state
                # conduct, not the measures a threshold needs)
                row = {
                    "case_id": f"court-{i}",
                    "text": ex.text,
                    "category": ex.category,
                    "criminal_label": None,
                }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        return train(
            [corpus, court],
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
