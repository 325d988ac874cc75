"""What the case page shows: every extracted value with where it was read, the document text cut
into plain and highlighted segments, and the reasons for the flag in plain Chinese."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lianfa.classifiers.reasons import qty
from lianfa.contract import (
    EvidenceOut,
    ReasonOut,
    ReviewedAmount,
    ReviewedLaw,
    ReviewedParty,
    ReviewedPenalty,
    ReviewedQuantity,
    ReviewedResult,
)
from lianfa.service.web.labels import (
    AMOUNT_ROLES,
    FIELD_NAMES,
    LAW_ROLES,
    MEASURES,
    PARTY_KINDS,
    PENALTY_KINDS,
    QUANTITY_KINDS,
    RISK_LEVELS,
    RISK_UNASSESSED,
    VALUE_SOURCES,
)

_SINGLE = ("doc_number", "agency", "decision_date", "case_cause")


@dataclass
class EvidenceItem:
    id: str
    field: str
    label: str
    value: str
    text: str | None
    page: int | None
    start: int | None
    end: int | None
    box: dict[str, float] | None
    provenance: str | None = None  # where it was read and how sure: `标题 · 60%`, shown for 文号 and parties

    @property
    def box_style(self) -> str:
        """Position of the box over the page image, in percent of the page (boxes are page fractions)."""
        if not self.box:
            return ""
        b = {k: min(1.0, max(0.0, float(self.box.get(k, 0.0)))) for k in ("x0", "y0", "x1", "y1")}
        return (
            f"left:{b['x0'] * 100:.2f}%;top:{b['y0'] * 100:.2f}%;"
            f"width:{max(0.0, b['x1'] - b['x0']) * 100:.2f}%;height:{max(0.0, b['y1'] - b['y0']) * 100:.2f}%"
        )


@dataclass
class Segment:
    text: str
    evidence_id: str | None = None


@dataclass
class ReasonView:
    level: str | None
    sentence: str
    comparison: str | None
    source: str | None
    evidence_id: str | None


@dataclass
class RelatedNumber:
    number: str
    kind: str


@dataclass
class CaseView:
    evidence: list[EvidenceItem] = field(default_factory=list)
    related_numbers: list[RelatedNumber] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    reasons: list[ReasonView] = field(default_factory=list)


Row = ReviewedParty | ReviewedAmount | ReviewedQuantity | ReviewedLaw | ReviewedPenalty
ROW_MODELS: dict[str, type[Row]] = {
    "parties": ReviewedParty,
    "amounts": ReviewedAmount,
    "quantities": ReviewedQuantity,
    "laws": ReviewedLaw,
    "penalties": ReviewedPenalty,
}


def _describe(item: Row) -> tuple[str, str]:
    if isinstance(item, ReviewedAmount):
        return AMOUNT_ROLES.get(item.role, "金额"), f"{qty(item.yuan)} 元"
    if isinstance(item, ReviewedQuantity):
        return f"{item.subject}{QUANTITY_KINDS.get(item.kind, '数量')}", f"{qty(item.value)} {item.unit}".strip()
    if isinstance(item, ReviewedLaw):
        where = f"第{item.article}条" + (f"第{item.paragraph}款" if item.paragraph else "")
        return f"法律{LAW_ROLES[item.role]}", f"《{item.law}》{where}"
    if isinstance(item, ReviewedPenalty):
        return "处罚", PENALTY_KINDS.get(item.kind, "处罚") + (f" {qty(item.yuan)} 元" if item.yuan is not None else "")
    extra = f"（{item.credit_code}）" if item.credit_code else ""
    return f"当事人·{PARTY_KINDS.get(item.kind, '')}".rstrip("·"), f"{item.name}{extra}"


def _provenance(source: str | None, confidence: float | None) -> str | None:
    if not source:
        return None
    where = VALUE_SOURCES.get(source, source)
    return f"{where} · {confidence:.0%}" if confidence is not None else where


def _item(eid: str, key: str, label: str, value: str, ev: EvidenceOut | None) -> EvidenceItem:
    if ev is None:
        return EvidenceItem(id=eid, field=key, label=label, value=value, text=None, page=None, start=None, end=None,
                            box=None)
    return EvidenceItem(
        id=eid, field=key, label=label, value=value, text=ev.text, page=ev.page, start=ev.start, end=ev.end,
        box=ev.box.model_dump() if ev.box else None,
    )


def _segments(text: str, items: list[EvidenceItem]) -> list[Segment]:
    spans = sorted(
        (it for it in items if isinstance(it.start, int) and isinstance(it.end, int) and 0 <= it.start < it.end <= len(text)),
        key=lambda it: (it.start, -(it.end or 0)),
    )
    out: list[Segment] = []
    pos = 0
    for it in spans:
        assert it.start is not None and it.end is not None
        if it.start < pos:  # overlapping spans: the first (longest) keeps the mark
            continue
        if it.start > pos:
            out.append(Segment(text[pos : it.start]))
        out.append(Segment(text[it.start : it.end], it.id))
        pos = it.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def _extra(r: ReasonOut, key: str) -> str | None:
    """A key the classifiers add to a reason beyond the contract's (level, source...), as text."""
    value = (r.model_extra or {}).get(key)
    return str(value) if value not in (None, "") else None


def _reason(r: ReasonOut, eid: str | None) -> ReasonView:
    """The classifier's own sentence when it wrote one; else one made from the measured value."""
    comparison = None
    if not r.text and r.value is not None and r.threshold is not None:
        unit = r.unit or ""
        measure = MEASURES.get(r.measure or "") or AMOUNT_ROLES.get(r.measure or "", "数值")
        op = "≥" if r.value >= r.threshold else "接近"
        comparison = f"{measure} {qty(r.value)} {unit} {op} 追诉标准 {qty(r.threshold)} {unit}".replace("  ", " ")
    parts = ["".join(v for v in (_extra(r, "source"), _extra(r, "source_article")) if v), r.article or ""]
    if r.rule_id:
        parts.append(f"规则 {r.rule_id}" + (f" · {r.rule_version}" if r.rule_version else ""))
    source = "；".join(p for p in parts if p) or None
    sentence = r.text or (f"涉嫌{r.crime}" if r.crime else "模型提示需人工复核")
    return ReasonView(level=_extra(r, "level"), sentence=sentence, comparison=comparison, source=source, evidence_id=eid)


def build(result: ReviewedResult) -> CaseView:
    view = CaseView()
    for key in _SINGLE:
        value = getattr(result, key)
        if value:
            view.evidence.append(_item(f"ev-{key}", key, FIELD_NAMES[key], str(value), getattr(result.evidence, key)))
    if view.evidence and view.evidence[0].field == "doc_number":
        view.evidence[0].provenance = _provenance(result.doc_number_source, result.doc_number_confidence)
    view.related_numbers = [RelatedNumber(r.number, r.kind) for r in result.related_numbers if r.number]
    for key in ROW_MODELS:
        rows: list[Row] = getattr(result, key)
        for n, it in enumerate(rows):
            label, value = _describe(it)
            item = _item(f"ev-{key}-{n}", key, label, value, it.evidence)
            if isinstance(it, ReviewedParty):
                item.provenance = _provenance(it.source, it.confidence)
            view.evidence.append(item)
    for n, r in enumerate(result.criminal_risk.reasons):
        eid = None
        if r.evidence is not None:
            eid = f"ev-reason-{n}"
            view.evidence.append(_item(eid, "reason", "追诉理由", r.crime or "", r.evidence))
        view.reasons.append(_reason(r, eid))
    if result.text is not None:
        view.segments = _segments(result.text, [e for e in view.evidence if e.field != "reason"])
    return view


def describe_value(key: str, value: Any) -> str:
    """A stored field's value in words, for the history's `before → after`."""
    if value in (None, "", []):
        return "（空）"
    if isinstance(value, list) and key in ROW_MODELS:
        return "；".join(" ".join(_describe(_row(key, v))) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def _row(key: str, value: dict[str, Any]) -> Row:
    return ROW_MODELS[key].model_validate(value)


def changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """What an audited review changed: each field, the category and the risk, `old → new`."""
    if not before or not after:
        return []
    out = []
    old_fields, new_fields = before.get("fields") or {}, after.get("fields") or {}
    for key in new_fields:
        if old_fields.get(key) != new_fields.get(key):
            out.append(f"{FIELD_NAMES.get(key, key)}：{describe_value(key, old_fields.get(key))} → "
                       f"{describe_value(key, new_fields.get(key))}")
    if before.get("category") != after.get("category"):
        out.append(f"类别：{before.get('category_label') or before.get('category') or '（空）'} → "
                   f"{after.get('category_label') or after.get('category') or '（空）'}")
    old_risk, new_risk = before.get("risk") or {}, after.get("risk") or {}
    if (old_risk.get("level"), old_risk.get("score")) != (new_risk.get("level"), new_risk.get("score")):
        def level(r: dict[str, Any]) -> str:
            score = f" {float(r['score']):.2f}" if r.get("score") is not None else ""
            return f"{RISK_LEVELS.get(str(r.get('level')), RISK_UNASSESSED)}{score}"

        out.append(f"刑事风险：{level(old_risk)} → {level(new_risk)}")
    return out
