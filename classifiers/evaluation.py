"""Evaluating a model on labelled examples: per-category precision/recall/F1, the confusion
matrix, and the text model's criminal-likeness scores; and a side-by-side with another model.
Also the real criminal fact descriptions of CAIL2018 (../shared/real/cail, measured, never
trained on): is the true charge among the candidate crimes, and a reliability table."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lianfa.classifiers.schemas import ClassMetrics
from lianfa.corpora.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from lianfa.classifiers.classify import Classifier
    from lianfa.classifiers.registry import LoadedModel
    from lianfa.classifiers.training import Example


@dataclass
class CategoryReport:
    documents: int
    accuracy: float | None
    macro_f1: float | None
    per_class: dict[str, ClassMetrics]
    labels: list[str] = field(default_factory=list)
    confusion: list[list[int]] = field(default_factory=list)  # rows: truth, columns: predicted


@dataclass
class ModelEvaluation:
    version: str
    category: CategoryReport
    criminal_precision: float | None = None
    criminal_recall: float | None = None
    criminal_documents: int = 0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def category_report(truth: list[str], predicted: list[str]) -> CategoryReport:
    labels = sorted(set(truth) | set(predicted))
    index = {c: i for i, c in enumerate(labels)}
    confusion = [[0] * len(labels) for _ in labels]
    for t, p in zip(truth, predicted, strict=True):
        confusion[index[t]][index[p]] += 1
    support = Counter(truth)
    per: dict[str, ClassMetrics] = {}
    for c in labels:
        tp = confusion[index[c]][index[c]]
        predicted_c = sum(row[index[c]] for row in confusion)
        precision, recall = _ratio(tp, predicted_c), _ratio(tp, support[c])
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[c] = ClassMetrics(precision=precision, recall=recall, f1=f1, support=support[c])
    scored = [m.f1 for c, m in per.items() if support[c]]
    return CategoryReport(
        documents=len(truth),
        accuracy=_ratio(sum(t == p for t, p in zip(truth, predicted, strict=True)), len(truth)) if truth else None,
        macro_f1=sum(scored) / len(scored) if scored else None,
        per_class=per,
        labels=labels,
        confusion=confusion,
    )


def evaluate_model(
    model: LoadedModel, examples: list[Example], tokenizer_dir: Path, processes: int | None = None
) -> ModelEvaluation:
    """`tokenizer_dir`: jieba's prefix cache (ingest.tokenize.jieba_cache_dir of the data folder)."""
    from lianfa.classifiers.criminal_model import criminal_scores
    from lianfa.classifiers.training import prepare

    rows = prepare([e.text for e in examples], tokenizer_dir, processes)
    x = model.bundle["features"].transform(rows)
    with_cat = [i for i, e in enumerate(examples) if e.category]
    predicted = [str(c) for c in model.bundle["category"].predict(x[with_cat])] if with_cat else []
    report = category_report([str(examples[i].category) for i in with_cat], predicted)
    crim = [i for i, e in enumerate(examples) if e.criminal is not None]
    result = ModelEvaluation(version=model.meta.version, category=report, criminal_documents=len(crim))
    if crim:
        scores = criminal_scores(model.bundle["criminal"], x[crim])
        flagged = [s >= 0.5 for s in scores]
        truth = [bool(examples[i].criminal) for i in crim]
        tp = sum(f and t for f, t in zip(flagged, truth, strict=True))
        result.criminal_precision = _ratio(tp, sum(flagged))
        result.criminal_recall = _ratio(tp, sum(truth))
    return result


def format_evaluation(
    ev: ModelEvaluation, other: ModelEvaluation | None = None, confusion: bool = True
) -> str:
    """A plain-text report; with `other`, its headline numbers side by side."""
    rep = ev.category
    lines = [f"model {ev.version}: {rep.documents} documents"]

    def num(v: float | None) -> str:
        return "-" if v is None else f"{v:.4f}"

    head = [
        ("category accuracy", rep.accuracy),
        ("category macro-F1", rep.macro_f1),
        ("text criminal precision", ev.criminal_precision),
        ("text criminal recall", ev.criminal_recall),
    ]
    if other is not None:
        theirs = [
            other.category.accuracy,
            other.category.macro_f1,
            other.criminal_precision,
            other.criminal_recall,
        ]
        lines.append(f"{'':26}{ev.version:>10}{other.version + ' (active)':>18}")
        lines += [f"{name:26}{num(v):>10}{num(o):>18}" for (name, v), o in zip(head, theirs, strict=True)]
    else:
        lines += [f"{name:26}{num(v):>10}" for name, v in head]
    lines.append("")
    lines.append(f"{'category':34}{'P':>8}{'R':>8}{'F1':>8}{'n':>6}")
    for c, m in rep.per_class.items():
        lines.append(f"{c:34}{m.precision:8.3f}{m.recall:8.3f}{m.f1:8.3f}{m.support:6d}")
    if confusion and rep.labels:
        lines.append("")
        lines.append("confusion (rows: true, columns: predicted; only categories with errors):")
        idx = range(len(rep.labels))
        bad = [
            i
            for i in idx
            if any(rep.confusion[i][j] for j in idx if j != i)
            or any(rep.confusion[j][i] for j in idx if j != i)
        ]
        for i in bad:
            errs = [f"{rep.labels[j]}×{rep.confusion[i][j]}" for j in idx if j != i and rep.confusion[i][j]]
            if errs:
                lines.append(f"  {rep.labels[i]} ({rep.confusion[i][i]} right) → " + ", ".join(errs))
        if not bad:
            lines.append("  (none)")
    return "\n".join(lines)


@dataclass(frozen=True)
class CailRow:
    """A real criminal fact description (CAIL2018) and its true charges (罪名 without 罪)."""

    id: int
    fact: str
    charges: list[str]


@dataclass(frozen=True)
class CailResult:
    id: int
    probability: float  # of the first guess
    first_right: bool  # a true charge is among the first guess's candidate crimes
    filed: bool  # violation.category is not null
    hit: bool  # a true charge is among violation.candidate_crimes (what score_cail.py counts)
    flagged: bool  # criminal_risk.level is not low


def load_cail(path: Path) -> list[CailRow]:
    """CAIL rows from a jsonl file: `in_scope` charges where given, else `accusation`."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            rows.append(CailRow(int(obj["id"]), obj["fact"], list(obj.get("in_scope") or obj["accusation"])))
    return rows


def _charge(name: str) -> str:
    # 刑法修正案（十一） renamed 生产、销售假药罪 to 生产、销售、提供假药罪: the same charge
    return re.sub(r"[、，,\s罪]|提供", "", name)


def _former_names() -> dict[str, list[str]]:
    """Each candidate crime's names before 2021 (taxonomy.yaml `formerly`)."""
    out: dict[str, list[str]] = {}
    for category in load_taxonomy().categories:
        for crime in category.candidate_crimes:
            names = out.setdefault(crime.crime, [])
            names.extend(n for n in crime.formerly if n not in names)
    return out


def charge_among(charges: list[str], crimes: list[str]) -> bool:
    """score_cail.py's test: a charge equal to, or inside, or holding a candidate crime's name, or
    one of the names the crime had before 2021 (a judgment of 2016 names the charge of its day)."""
    former = _former_names()
    wanted = [_charge(c) for c in charges]
    got = [_charge(n) for c in crimes if c for n in (c, *former.get(c, []))]
    return any(t == c or t in c or c in t for t in wanted for c in got)


def score_cail(classifier: Classifier, rows: list[CailRow]) -> list[CailResult]:
    """Extract and classify each fact description as `lianfa extract` does."""
    from lianfa.extractors.fields import extract
    from lianfa.ingest.document import document_from_text
    from lianfa.ingest.sections import segment

    out = []
    for row in rows:
        doc = document_from_text(row.fact)
        doc = doc.with_sections(segment(doc.text))
        result = classifier.classify(doc, extract(doc))
        violation = result.violation
        first = result.ranked[0] if result.ranked else None
        category = classifier.taxonomy.get(first.category) if first else None
        first_crimes = [c.crime for c in category.candidate_crimes] if category else []
        out.append(
            CailResult(
                id=row.id,
                probability=first.probability if first else 0.0,
                first_right=charge_among(row.charges, first_crimes),
                filed=violation.category is not None,
                hit=charge_among(row.charges, violation.candidate_crimes),
                flagged=result.risk.level != "low",
            )
        )
    return out


def reliability_table(results: list[CailResult], bins: int = 5) -> str:
    """Predicted (mean probability of the first guess) against observed accuracy, per bin."""
    lines = [f"{'confidence':>12}{'rows':>6}{'predicted':>11}{'observed':>10}{'filed':>7}"]
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [r for r in results if lo <= r.probability < hi or (b == bins - 1 and r.probability == 1.0)]
        if not inside:
            lines.append(f"{f'{lo:.1f}–{hi:.1f}':>12}{0:6d}{'-':>11}{'-':>10}{0:7d}")
            continue
        predicted = sum(r.probability for r in inside) / len(inside)
        observed = sum(r.first_right for r in inside) / len(inside)
        filed = sum(r.filed for r in inside)
        lines.append(f"{f'{lo:.1f}–{hi:.1f}':>12}{len(inside):6d}{predicted:11.3f}{observed:10.3f}{filed:7d}")
    return "\n".join(lines)
