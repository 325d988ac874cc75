"""Scoring predictions against gold: pure functions from (gold records, predictions) to a report.

Counting conventions, the same for every field:
- a single value (文号, 机关, date, 案由, a party attribute): right = TP; wrong = FP + FN; predicted
  where gold has none = FP; not predicted where gold has one = FN.
- a list (amounts, quantities, laws, penalties, missing elements): items are matched one to one;
  matched = TP, predicted left over = FP, gold left over = FN.
- a gold record without a prediction, or whose prediction is an error, scores as all-missed.
A decision printed without its 落款 (作出决定的机关名称和日期 among the missing elements) has no
decision date to read: gold keeps the date for the classifiers, but scoring expects none.
Parties are paired by name first, then the rest in order, so a misread name does not hide a right
credit code; the party-name score itself counts only exact (normalised) name matches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from lianfa.corpora.elements import AUTHORITY as SIGNATURE_ELEMENT
from lianfa.corpora.gold import GoldAmount, GoldLaw, GoldParty, GoldPenalty, GoldQuantity, GoldRecord
from lianfa.corpora.scoring import normalize as norm
from lianfa.corpora.scoring.inputs import (
    PredAmount,
    Prediction,
    PredLaw,
    PredParty,
    PredPenalty,
    PredQuantity,
    PredRisk,
)
from lianfa.corpora.scoring.report import (
    CategoryScore,
    CerScore,
    Counts,
    CriminalScore,
    EvalReport,
    NearThresholdScore,
    RoleScore,
)
from lianfa.corpora.vocabulary import flagged_levels
from lianfa.ingest.ocr.quality import edit_distance

FLAGGED_LEVELS = frozenset(flagged_levels())
FIELD_ORDER = (
    "doc_number",
    "agency",
    "decision_date",
    "case_cause",
    "party_name",
    "party_kind",
    "credit_code",
    "credit_code_valid",
    "legal_representative",
    "amounts",
    "quantities",
    "laws",
    "penalties",
    "missing_elements",
)

G = TypeVar("G")
P = TypeVar("P")
V = TypeVar("V")


def single(gold: V | None, pred: V | None, key: Callable[[V], object] = lambda v: v) -> Counts:
    g = None if gold is None or gold == "" else key(gold)
    p = None if pred is None or pred == "" else key(pred)
    if g is None and p is None:
        return Counts()
    if g is None:
        return Counts(fp=1)
    if p is None:
        return Counts(fn=1)
    return Counts(tp=1) if g == p else Counts(fp=1, fn=1)


def match(
    gold: Sequence[G], pred: Sequence[P], same: Callable[[G, P], bool]
) -> tuple[list[tuple[G, P]], list[G], list[P]]:
    """One-to-one matching, each gold item taking the first unused prediction it equals."""
    free = list(range(len(pred)))
    pairs: list[tuple[G, P]] = []
    left: list[G] = []
    for g in gold:
        hit = next((i for i in free if same(g, pred[i])), None)
        if hit is None:
            left.append(g)
        else:
            free.remove(hit)
            pairs.append((g, pred[hit]))
    return pairs, left, [pred[i] for i in free]


def _list_counts(gold: Sequence[G], pred: Sequence[P], same: Callable[[G, P], bool]) -> Counts:
    pairs, left, extra = match(gold, pred, same)
    return Counts(tp=len(pairs), fp=len(extra), fn=len(left))


_PARTY_ATTRS: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("kind", str),
    ("credit_code", norm.credit_code),
    ("credit_code_valid", bool),
    ("legal_representative", norm.plain),
)


def _same_name(g: GoldParty, p: PredParty) -> bool:
    return norm.plain(g.name) == norm.plain(p.name or "")


def _same_amount(g: GoldAmount, p: PredAmount) -> bool:
    return g.role == p.role and norm.same_amount(g.yuan, p.yuan)


def _same_quantity(g: GoldQuantity, p: PredQuantity) -> bool:
    # The subject is free text (卷烟/香烟, 工业盐/盐): kind, unit and value decide.
    same_unit = norm.plain(g.unit) == norm.plain(p.unit)
    return g.kind == p.kind and same_unit and norm.same_quantity(g.value, p.value)


def _same_law(g: GoldLaw, p: PredLaw) -> bool:
    # 款/项 are not compared: decisions often cite only the article, and gold then has none.
    return (norm.law_name(g.law), g.article, g.role) == (norm.law_name(p.law), p.article, p.role)


def _same_penalty(g: GoldPenalty, p: PredPenalty) -> bool:
    # A gold penalty without an amount (没收 goods) matches its kind whatever amount was read.
    if g.kind != p.kind:
        return False
    return g.yuan is None or (p.yuan is not None and norm.same_amount(g.yuan, p.yuan))


def party_counts(gold: Sequence[GoldParty], pred: Sequence[PredParty]) -> dict[str, Counts]:
    named = [p for p in pred if p.name]
    by_name, rest_gold, rest_pred = match(gold, named, _same_name)
    out = {"party_name": Counts(tp=len(by_name), fp=len(rest_pred), fn=len(rest_gold))}
    rest_pred += [p for p in pred if not p.name]
    paired = by_name + list(zip(rest_gold, rest_pred, strict=False))
    lone_gold = rest_gold[len(rest_pred) :]
    lone_pred = rest_pred[len(rest_gold) :]
    for attr, key in _PARTY_ATTRS:
        counts = Counts()
        for g, p in paired:
            counts.add(single(getattr(g, attr), getattr(p, attr), key))
        for g in lone_gold:
            counts.add(single(getattr(g, attr), None))
        for p in lone_pred:
            counts.add(single(None, getattr(p, attr)))
        out[f"party_{attr}" if attr == "kind" else attr] = counts
    return out


def _printed_date(gold: GoldRecord) -> str | None:
    return None if SIGNATURE_ELEMENT in gold.missing_elements else gold.decision_date.isoformat()


def document_counts(gold: GoldRecord, pred: Prediction) -> dict[str, Counts]:
    """Per-field counts for one document (pred must be an ok prediction)."""
    out = {
        "doc_number": single(gold.doc_number, pred.doc_number, norm.doc_number),
        "agency": single(gold.agency, pred.agency, norm.plain),
        "decision_date": single(_printed_date(gold), pred.decision_date, norm.plain),
        "case_cause": single(gold.case_cause, pred.case_cause, norm.case_cause),
        **party_counts(gold.parties, pred.parties),
        "amounts": _list_counts(gold.amounts, pred.amounts, _same_amount),
        "quantities": _list_counts(gold.quantities, pred.quantities, _same_quantity),
        "laws": _list_counts(gold.laws, pred.laws, _same_law),
        "penalties": _list_counts(gold.penalties, pred.penalties, _same_penalty),
        "missing_elements": _list_counts(gold.missing_elements, pred.missing_elements, str.__eq__),
    }
    return {name: out[name] for name in FIELD_ORDER}


def amounts_by_role(pairs: Iterable[tuple[GoldRecord, Prediction]]) -> dict[str, RoleScore]:
    counts: dict[str, Counts] = {}
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for gold, pred in pairs:
        gold_n.update(a.role for a in gold.amounts)
        pred_n.update(a.role for a in pred.amounts)
        for a in gold.amounts:
            if any(norm.same_amount(a.yuan, p.yuan) for p in pred.amounts):
                found[a.role] += 1
        for role in {a.role for a in gold.amounts} | {a.role for a in pred.amounts}:
            c = _list_counts(
                [a for a in gold.amounts if a.role == role],
                [a for a in pred.amounts if a.role == role],
                lambda g, p: norm.same_amount(g.yuan, p.yuan),
            )
            counts.setdefault(role, Counts()).add(c)
    return {
        role: RoleScore(
            **counts[role].score().model_dump(),
            gold=gold_n[role],
            pred=pred_n[role],
            value_found=found[role] / gold_n[role] if gold_n[role] else None,
        )
        for role in sorted(counts)
    }


def category_score(labels: Sequence[tuple[str, str | None]]) -> CategoryScore:
    """labels: (gold category, predicted category or None) per document."""
    classes = sorted({g for g, _ in labels} | {p for _, p in labels if p is not None})
    per: dict[str, Counts] = {c: Counts() for c in classes}
    for g, p in labels:
        if g == p:
            per[g].tp += 1
            continue
        per[g].fn += 1
        if p is not None:
            per[p].fp += 1
    correct = sum(1 for g, p in labels if g == p)
    f1s = [c.f1 for c in per.values() if c.f1 is not None]
    return CategoryScore(
        documents=len(labels),
        correct=correct,
        accuracy=correct / len(labels) if labels else None,
        macro_f1=sum(f1s) / len(f1s) if f1s else None,
        per_category={c: per[c].score() for c in classes},
    )


def _flag_counts(counts: Counts, expected: bool, flagged: bool) -> None:
    counts.tp += expected and flagged
    counts.fp += flagged and not expected
    counts.fn += expected and not flagged


def criminal_score(labels: Sequence[tuple[GoldRecord, PredRisk]]) -> CriminalScore:
    """labels: (gold record, predicted criminal risk) per document."""
    counts, high, spec = Counts(), Counts(), Counts()
    levels: Counter[str] = Counter()
    near: Counter[str] = Counter()
    declined = agreeing = by_prosecutor = 0
    for gold, risk in labels:
        levels[risk.level or "none"] += 1
        expected = gold.criminal.label and not gold.criminal.decided_by_prosecutor
        declined += gold.criminal.label and gold.criminal.declined_by_police
        by_prosecutor += gold.criminal.label and gold.criminal.decided_by_prosecutor
        _flag_counts(counts, expected, risk.level in FLAGGED_LEVELS)
        _flag_counts(high, expected, risk.level == "high")
        if gold.criminal.near_threshold and not gold.criminal.label:
            near[risk.level if risk.level in FLAGGED_LEVELS else "low"] += 1
            if risk.level == "review":
                continue
        _flag_counts(spec, expected, risk.level in FLAGGED_LEVELS)
        if expected and risk.level in FLAGGED_LEVELS:
            agreeing += any(r.rule_id == gold.criminal.rule_id for r in risk.reasons)
    return CriminalScore(
        **counts.score().model_dump(),
        documents=len(labels),
        gold_positive=sum(1 for g, _ in labels if g.criminal.label and not g.criminal.decided_by_prosecutor),
        declined_by_police=declined,
        decided_by_prosecutor=by_prosecutor,
        levels=dict(levels),
        high_only=high.score(),
        rule_agreement=agreeing / counts.tp if counts.tp else None,
        near_prompts_excluded=NearThresholdScore(
            **spec.score().model_dump(),
            near_gold=near.total(),
            prompted=near["review"],
            prompt_share=near["review"] / near.total() if near else None,
            flagged_high=near["high"],
            missed_prompts=near["low"],
        ),
    )


def cer_score(texts: Sequence[tuple[str, str]]) -> CerScore | None:
    """texts: (gold text, predicted text). ID numbers in gold are masked the way lianfa masks them."""
    if not texts:
        return None
    chars = edits = edits_nfkc = chars_nfkc = 0
    for gold, pred in texts:
        ref = norm.mask_ids(gold)
        raw_ref, raw_hyp = "".join(ref.split()), "".join(pred.split())
        n_ref, n_hyp = norm.squeeze(ref), norm.squeeze(pred)
        chars += len(raw_ref)
        chars_nfkc += len(n_ref)
        edits += edit_distance(raw_ref, raw_hyp)
        edits_nfkc += edit_distance(n_ref, n_hyp)
    return CerScore(
        documents=len(texts),
        reference_chars=chars,
        cer=edits / chars if chars else None,
        cer_nfkc=edits_nfkc / chars_nfkc if chars_nfkc else None,
    )


def evaluate(gold: Sequence[GoldRecord], predictions: dict[str, Prediction]) -> EvalReport:
    """Score `predictions` (by file stem) against `gold`; see the module doc for the conventions."""
    missing = [g.id for g in gold if g.id not in predictions]
    errors = [g.id for g in gold if g.id in predictions and predictions[g.id].status != "ok"]
    def usable(g: GoldRecord) -> Prediction:
        pred = predictions.get(g.id)
        return pred if pred is not None and pred.status == "ok" else Prediction(file=g.id)

    scored = [(g, usable(g)) for g in gold]
    fields = {name: Counts() for name in FIELD_ORDER}
    for g, p in scored:
        for name, counts in document_counts(g, p).items():
            fields[name].add(counts)
    gold_ids = {g.id for g in gold}
    return EvalReport(
        documents=len(gold),
        predicted=len(gold) - len(missing) - len(errors),
        missing=missing,
        errors=errors,
        unmatched_predictions=sorted(stem for stem in predictions if stem not in gold_ids),
        fields={name: c.score() for name, c in fields.items()},
        amounts_by_role=amounts_by_role(scored),
        category=category_score([(g.category, p.violation.category) for g, p in scored]),
        criminal=criminal_score([(g, p.criminal_risk) for g, p in scored]),
        ocr=cer_score([(g.text, p.text) for g, p in scored if p.text is not None and g.text]),
    )
