"""Training a new classifier from the reviewed cases, in a background thread of the web process,
with its stage kept in memory for the progress page; and comparing two registry versions.

The run never activates the new model: an analyst looks at the comparison and promotes it.
"""

from __future__ import annotations

import itertools
import json
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from lianfa.errors import LianfaError
from lianfa.service.db.models import Case, Document
from lianfa.service.db.session import Database
from lianfa.service.exports import training_record

if TYPE_CHECKING:
    from lianfa.classifiers.evaluation import ModelEvaluation
    from lianfa.classifiers.registry import Registry
    from lianfa.classifiers.training import Example

STAGES = ("queued", "exporting", "training", "done")
CORPUS_SEED = 20_240_601


@dataclass
class TrainingRun:
    id: int
    started_by: str
    corpus_documents: int
    stage: str = "queued"
    started: float = field(default_factory=time.time)
    finished: float | None = None
    reviewed_cases: int = 0
    version: str | None = None
    error: str | None = None

    @property
    def percent(self) -> int:
        if self.stage == "failed":
            return 100
        return int(100 * STAGES.index(self.stage) / (len(STAGES) - 1))

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "stage": self.stage, "percent": self.percent, "version": self.version,
                "error": self.error, "reviewed_cases": self.reviewed_cases, "finished": self.finished is not None}


def registry_for(data_dir: Path) -> Registry:
    from lianfa.classifiers.registry import Registry

    return Registry(data_dir / "models")


def reviewed_export(db: Database, path: Path) -> Counter[str]:
    """Write the reviewed cases (confirmed, rejected, corrected) as training JSONL; returns how many
    of each category (an empty category for a case without one)."""
    n: Counter[str] = Counter()
    with db.session() as s, path.open("w", encoding="utf-8") as out:
        rows = s.execute(
            select(Case, Document.sha256).join(Document, Document.id == Case.document_id)
            .where(Case.review_state != "pending").order_by(Case.id)
        )
        for case, sha in rows:
            record = training_record(case, sha)
            if record.get("text"):
                out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                n[record.get("category") or ""] += 1
    return n


def reviewed_examples(db: Database) -> list[Example]:
    from lianfa.classifiers.training import load_examples

    with tempfile.TemporaryDirectory(prefix="lianfa-eval-") as tmp:
        path = Path(tmp) / "reviewed.jsonl"
        if not reviewed_export(db, path).total():
            return []
        return load_examples(path)[0]


class TrainingRuns:
    """The runs this web process started (kept in memory: a restart forgets them, not their models)."""

    def __init__(self) -> None:
        self._runs: dict[int, TrainingRun] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def get(self, run_id: int) -> TrainingRun | None:
        return self._runs.get(run_id)

    def latest(self) -> TrainingRun | None:
        return self._runs[max(self._runs)] if self._runs else None

    def start(self, db: Database, data_dir: Path, user: str, corpus_documents: int) -> TrainingRun:
        """Start a run unless one is going (one at a time: training takes the machine's cores)."""
        with self._lock:
            busy = next((r for r in self._runs.values() if r.finished is None), None)
            if busy is not None:
                return busy
            run = TrainingRun(id=next(self._ids), started_by=user, corpus_documents=corpus_documents)
            self._runs[run.id] = run
        threading.Thread(target=_train, args=(run, db, data_dir), name=f"lianfa-train-{run.id}", daemon=True).start()
        return run


def _train(run: TrainingRun, db: Database, data_dir: Path) -> None:
    from lianfa.classifiers.training import train

    try:
        folder = data_dir / "training"
        folder.mkdir(parents=True, exist_ok=True)
        run.stage = "exporting"
        export = folder / f"reviewed-{time.strftime('%Y%m%d-%H%M%S')}-{run.id}.jsonl"
        categories = reviewed_export(db, export)
        run.reviewed_cases = categories.total()
        sources = [export] if run.reviewed_cases else []
        known = len([c for c in categories if c])
        if sources and known < 2 and not run.corpus_documents:
            raise LianfaError(f"已审核案件只涉及 {known} 个违法类别，至少需要两个类别才能训练："
                              "请再审核一些其他类别的案件，或填写“另加生成语料”的篇数")
        with tempfile.TemporaryDirectory(prefix="lianfa-train-corpus-") as tmp:
            if run.corpus_documents:
                from lianfa.corpora.generator.writer import write_corpus

                write_corpus(Path(tmp), n=run.corpus_documents, seed=CORPUS_SEED, style="default")
                sources.append(Path(tmp))
            if not sources:
                raise LianfaError("还没有已审核的案件可供训练：请先审核一些案件，或填写“另加生成语料”的篇数")
            run.stage = "training"
            meta = train(
                sources, registry_for(data_dir), seed=CORPUS_SEED, promote=False, processes=1,
                note=f"网页训练：已审核案件 {run.reviewed_cases} 件，生成语料 {run.corpus_documents} 篇，发起人 {run.started_by}",
            )
        run.version = meta.version
        run.stage = "done"
    except (LianfaError, ValueError, OSError) as exc:
        run.error = f"训练失败：{exc}"
        run.stage = "failed"
    finally:
        run.finished = time.time()


@dataclass
class Comparison:
    candidate: str
    active: str | None
    examples: int
    evaluations: dict[str, ModelEvaluation]
    labels: list[str]


def compare(data_dir: Path, db: Database, version: str) -> Comparison:
    """`version` and the active model evaluated on the same reviewed cases."""
    from lianfa.classifiers.evaluation import evaluate_model
    from lianfa.ingest.tokenize import jieba_cache_dir

    reg = registry_for(data_dir)
    active = reg.active()
    examples = reviewed_examples(db)
    evaluations: dict[str, ModelEvaluation] = {}
    if examples:
        for v in dict.fromkeys([version, active]):
            if v is not None:
                evaluations[v] = evaluate_model(reg.load(v), examples, jieba_cache_dir(data_dir), processes=1)
    labels = sorted({lab for ev in evaluations.values() for lab in ev.category.labels})
    return Comparison(version, active, len(examples), evaluations, labels)


def promotion_warnings(data_dir: Path, db: Database, version: str, names: dict[str, str]) -> list[str]:
    """Why promoting `version` may make the service worse than the active model: classes it does not
    cover, and lower scores on the same reviewed cases (or, with none, on its own held-out sample)."""
    reg = registry_for(data_dir)
    active = reg.active()
    if active is None or active == version:
        return []
    cand, act = reg.meta(version), reg.meta(active)
    warnings = []
    missing = [lab for lab in act.labels if lab not in set(cand.labels)]
    if missing:
        shown = "、".join(names.get(lab, lab) for lab in missing[:8]) + ("等" if len(missing) > 8 else "")
        warnings.append(f"{version} 只认识 {len(cand.labels)} 个类别，现用的 {active} 认识 {len(act.labels)} 个；"
                        f"启用后这些类别的决定书将被归入别的类别：{shown}")
    comparison = compare(data_dir, db, version)
    if comparison.evaluations:
        mine, theirs = comparison.evaluations[version].category, comparison.evaluations[active].category
        if mine.accuracy is not None and theirs.accuracy is not None and mine.accuracy < theirs.accuracy:
            warnings.append(f"在同一批 {comparison.examples} 件已审核案件上，{version} 的类别准确率 "
                            f"{mine.accuracy:.1%} 低于现用 {active} 的 {theirs.accuracy:.1%}")
    else:
        worse = [(label, getattr(cand.held_out, key), getattr(act.held_out, key))
                 for key, label in (("category_accuracy", "类别准确率"), ("criminal_recall", "涉罪召回率"))
                 if getattr(cand.held_out, key) is not None and getattr(act.held_out, key) is not None
                 and getattr(cand.held_out, key) < getattr(act.held_out, key)]
        for label, mine_v, theirs_v in worse:
            warnings.append(f"{version} 的{label} {mine_v:.1%} 低于现用 {active} 的 {theirs_v:.1%}（各自训练时留出的样本；"
                            "还没有已审核案件可在同一批数据上比较）")
    return warnings
