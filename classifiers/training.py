"""Training: examples from a generated corpus and/or the reviewed cases the service exports, fitted
into a versioned model in the registry.

Accepted inputs (each a directory or a .jsonl file):
- a corpus directory (decisions.jsonl of corpora.gold.GoldRecord) or that jsonl itself: category
  and the criminal label (a case the police declined still crossed a threshold: its text is
  criminal-like; the risk stage marks the decline);
- the service's training export (service/exports.py): {case_id, text, category, criminal_label:
  1 | 0 | null, ...}; a null label or a missing category leaves that example out of that model.

Beside them every model learns from short court-, news- and table-style texts of each category's
conduct (corpora.generator.court_style), one per COURT_SHARE training documents for each category
the data name: without them a model knows the categories only in the wording of its decisions, and
real fact descriptions in other words came out near-uniform. The default model and `lianfa train` both add
them, so an analyst's retrained model keeps that coverage.

A stratified 15% is held out: the category SVM is calibrated on it and the metrics stored with the
model are measured on it.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from lianfa.classifiers.category_model import fit_category
from lianfa.classifiers.criminal_model import criminal_scores, fit_criminal
from lianfa.classifiers.evaluation import category_report
from lianfa.classifiers.features import (
    build_transformer,
    feature_rows,
    parts_from_text,
    slim,
    vocabulary_width,
)
from lianfa.classifiers.registry import TRUSTED_TYPES, Registry
from lianfa.classifiers.schemas import DataSource, HeldOutMetrics, ModelMeta
from lianfa.errors import DataFileError
from lianfa.ingest.tokenize import get_tokenizer, jieba_cache_dir

HELD_OUT = 0.15
# Court-style examples per category: one per this many training documents, at least MIN_COURT. An
# analyst's few hundred reviewed cases need as many as a large corpus: with 5 a category a 300-case
# model filed court facts under whichever category's examples were most court-like.
COURT_SHARE = 150
MIN_COURT = 20
COURT_SOURCE = "generated:court_style"


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    category: str | None
    criminal: bool | None


def _example(obj: dict[str, Any], where: str) -> tuple[Example, str]:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DataFileError(f"{where}: no decision text (`text`); export reviewed cases with their text")
    if isinstance(obj.get("criminal"), dict):  # a GoldRecord
        crim = obj["criminal"]
        return Example(
            str(obj.get("id", where)), text, obj.get("category"), bool(crim.get("label"))
        ), "corpus"
    label = obj.get("criminal_label")
    criminal = None if label is None else bool(int(label))
    return Example(str(obj.get("case_id", where)), text, obj.get("category") or None, criminal), "reviewed"


def load_examples(path: Path) -> tuple[list[Example], DataSource]:
    """Examples from a corpus dir or a .jsonl file; DataFileError names the file and line."""
    file = path / "decisions.jsonl" if path.is_dir() else path
    if not file.is_file():
        raise DataFileError(f"{path}: no training data here (want a corpus directory or a .jsonl file)")
    examples: list[Example] = []
    kinds: set[str] = set()
    digest = hashlib.sha256()
    with file.open("rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            digest.update(raw)
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise DataFileError(f"{file}:{n}: not JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise DataFileError(f"{file}:{n}: each line must be a JSON object")
            ex, kind = _example(obj, f"{file}:{n}")
            examples.append(ex)
            kinds.add(kind)
    if not examples:
        raise DataFileError(f"{file}: no examples")
    kind = kinds.pop() if len(kinds) == 1 else "mixed"
    return examples, DataSource(path=str(path), kind=kind, documents=len(examples), sha256=digest.hexdigest())


def court_style_examples(data: list[Example], seed: int) -> tuple[list[Example], DataSource]:
    """The court-style texts a model learns beside `data`: for each category the data name (they
    add wording, never a category an analyst's reviewed cases do not teach), a category each and no
    criminal label (they state conduct, not the measures a threshold needs)."""
    from lianfa.corpora.generator.court_style import court_examples

    per_category = max(MIN_COURT, len(data) // COURT_SHARE)
    named = {e.category for e in data if e.category}
    examples = [
        Example(f"court-{i}", ex.text, ex.category, None)
        for i, ex in enumerate(court_examples(per_category, seed=seed))
        if ex.category in named
    ]
    digest = hashlib.sha256("\n".join(e.text for e in examples).encode()).hexdigest()
    return examples, DataSource(path=COURT_SOURCE, kind="court_style", documents=len(examples), sha256=digest)


def data_hash(examples: list[Example]) -> str:
    """Order-independent hash of what the models learn from."""
    lines = sorted(
        hashlib.sha256(json.dumps([e.text, e.category, e.criminal], ensure_ascii=False).encode()).hexdigest()
        for e in examples
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _rows(texts: list[str], tokenizer_dir: Path) -> np.ndarray:
    return feature_rows([parts_from_text(t) for t in texts], get_tokenizer(tokenizer_dir))


def prepare(texts: list[str], tokenizer_dir: Path, processes: int | None = None) -> np.ndarray:
    """Feature rows for raw texts; sections and jieba run in worker processes on big inputs.
    `tokenizer_dir` holds jieba's prefix cache (ingest.tokenize.jieba_cache_dir)."""
    workers = processes if processes is not None else min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(texts) < 400:
        return _rows(texts, tokenizer_dir)
    chunks = [texts[i : i + 200] for i in range(0, len(texts), 200)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return np.vstack(pool.map(partial(_rows, tokenizer_dir=tokenizer_dir), chunks))


def _split(examples: list[Example], seed: int) -> tuple[list[int], list[int]]:
    """Stratified by category, every category on both sides: the calibration needs each category
    the SVM knows. A category with a single example is in both (and so out of the metrics)."""
    rng = np.random.default_rng(seed)
    by_class: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        by_class.setdefault(e.category or "", []).append(i)
    train: list[int] = []
    held: list[int] = []
    for idx in by_class.values():
        idx = [int(i) for i in rng.permutation(idx)]
        if len(idx) == 1:
            train += idx
            held += idx
            continue
        k = max(1, int(round(len(idx) * HELD_OUT)))
        held += idx[:k]
        train += idx[k:]
    return sorted(train), sorted(held)


def _criminal_metrics(y: list[int], scores: np.ndarray) -> dict[str, float | None]:
    from sklearn.metrics import roc_auc_score

    if not y:
        return {}
    pred = scores >= 0.5
    truth = np.array(y, dtype=bool)
    tp = int((pred & truth).sum())
    precision = tp / int(pred.sum()) if pred.sum() else None
    recall = tp / int(truth.sum()) if truth.sum() else None
    auc = float(roc_auc_score(truth, scores)) if 0 < truth.sum() < len(truth) else None
    return {"criminal_precision": precision, "criminal_recall": recall, "criminal_auc": auc}


def fit(
    examples: list[Example], tokenizer_dir: Path, seed: int = 0, processes: int | None = None
) -> tuple[dict[str, Any], HeldOutMetrics]:
    """The model bundle and its held-out metrics."""
    categorized = [e for e in examples if e.category]
    if len({e.category for e in categorized}) < 2:
        raise DataFileError("training data need at least two categories")
    rows = prepare([e.text for e in examples], tokenizer_dir, processes)
    train, held = _split(examples, seed)
    transformer = build_transformer()
    x_train = transformer.fit_transform(rows[train])
    x_held = transformer.transform(rows[held])
    slim(transformer)
    cat_train = [pos for pos, i in enumerate(train) if examples[i].category]
    cat_held = [pos for pos, i in enumerate(held) if examples[i].category]
    cat_model = fit_category(
        x_train[cat_train],
        [str(examples[train[p]].category) for p in cat_train],
        x_held[cat_held],
        [str(examples[held[p]].category) for p in cat_held],
        seed,
    )
    crim_rows = [pos for pos, i in enumerate(train) if examples[i].criminal is not None]
    crim_model = fit_criminal(
        x_train[crim_rows],
        [int(bool(examples[train[pos]].criminal)) for pos in crim_rows],
        columns=x_train.shape[1] - vocabulary_width(transformer),
    )
    trained_on = set(train)
    unseen = [pos for pos, i in enumerate(held) if i not in trained_on]
    scored = [pos for pos in unseen if examples[held[pos]].category]
    truth = [str(examples[held[pos]].category) for pos in scored]
    predicted = [str(c) for c in cat_model.predict(x_held[scored])] if scored else []
    report = category_report(truth, predicted)
    crim_held = [pos for pos in unseen if examples[held[pos]].criminal is not None]
    crim = _criminal_metrics(
        [int(bool(examples[held[pos]].criminal)) for pos in crim_held],
        criminal_scores(crim_model, x_held[crim_held]) if crim_held else np.zeros(0),
    )
    metrics = HeldOutMetrics(
        documents=len(scored),
        category_accuracy=report.accuracy,
        category_macro_f1=report.macro_f1,
        per_category=report.per_class,
        **crim,
    )
    return {"features": transformer, "category": cat_model, "criminal": crim_model}, metrics


def _library_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("scikit-learn", "skops", "numpy", "scipy", "jieba")}


def train(
    sources: list[Path],
    registry: Registry,
    *,
    seed: int = 0,
    promote: bool = False,
    note: str = "",
    processes: int | None = None,
    court_style: bool = True,
) -> ModelMeta:
    """Fit on every example in `sources` (and the court-style texts unless `court_style` is
    False), store a new version (and make it active if `promote`). jieba's cache goes beside the
    registry (it is `<data_dir>/models`)."""
    examples: list[Example] = []
    described: list[DataSource] = []
    for src in sources:
        found, described_one = load_examples(Path(src))
        examples += found
        described.append(described_one)
    if court_style:
        found, described_one = court_style_examples(examples, seed)
        examples += found
        described.append(described_one)
    bundle, metrics = fit(examples, jieba_cache_dir(registry.root.parent), seed=seed, processes=processes)
    meta = ModelMeta(
        version="pending",
        created=datetime.now(UTC),
        file_sha256="pending",
        data_sha256=data_hash(examples),
        data_size=len(examples),
        sources=described,
        seed=seed,
        labels=[str(c) for c in bundle["category"].classes_],
        criminal_model=bundle["criminal"] is not None,
        held_out=metrics,
        library_versions=_library_versions(),
        trusted_types=TRUSTED_TYPES,
        note=note,
    )
    meta = registry.save(bundle, meta)
    if promote:
        registry.promote(meta.version)
    return meta
