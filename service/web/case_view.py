"""What the case page shows: every extracted value with where it was read, the document text cut
into plain and highlighted segments, and the reasons for the flag in plain Chinese."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lianfa.service.web.labels import (
    AMOUNT_ROLES,
    FIELD_NAMES,
    LAW_ROLES,
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


def _num(v: Any) -> str:
    f = float(v)
    return f"{f:,.0f}" if abs(f - round(f)) < 1e-6 else f"{f:,.2f}".rstrip("0").rstrip(".")


def _describe(key: str, item: dict[str, Any]) -> tuple[str, str]:
    if key == "amounts":
        return AMOUNT_ROLES.get(str(item.get("role")), "金额"), f"{_num(item.get('yuan') or 0)} 元"
    if key == "quantities":
        kind = QUANTITY_KINDS.get(str(item.get("kind")), "数量")
        subject = item.get("subject") or ""
        return f"{subject}{kind}", f"{_num(item.get('value') or 0)} {item.get('unit') or ''}".strip()
    if key == "laws":
        where = f"第{item.get('article')}条" + (f"第{item['paragraph']}款" if item.get("paragraph") else "")
        role = LAW_ROLES["violated" if item.get("role") == "violated" else "basis"]
        return f"法律{role}", f"《{item.get('law')}》{where}"
    if key == "penalties":
        kind = PENALTY_KINDS.get(str(item.get("kind")), "处罚")
        return "处罚", kind + (f" {_num(item['yuan'])} 元" if item.get("yuan") is not None else "")
    if key == "parties":
        extra = f"（{item['credit_code']}）" if item.get("credit_code") else ""
        return f"当事人·{PARTY_KINDS.get(str(item.get('kind')), '')}".rstrip("·"), f"{item.get('name') or ''}{extra}"
    return FIELD_NAMES.get(key, key), str(item.get("text") or "")


def _provenance(source: Any, confidence: Any) -> str | None:
    if not source:
        return None
    where = VALUE_SOURCES.get(str(source), str(source))
    return f"{where} · {float(confidence):.0%}" if isinstance(confidence, (int, float)) else where


def _item(eid: str, key: str, label: str, value: str, ev: dict[str, Any] | None) -> EvidenceItem:
    ev = ev or {}
    box = ev.get("box")
    return EvidenceItem(
        id=eid, field=key, label=label, value=value, text=ev.get("text"), page=ev.get("page"),
        start=ev.get("start"), end=ev.get("end"), box=box if isinstance(box, dict) else None,
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


def _reason(r: dict[str, Any], eid: str | None) -> ReasonView:
    """The classifier's own sentence when it wrote one; else one made from the measured value."""
    comparison = None
    if not r.get("text") and r.get("value") is not None and r.get("threshold") is not None:
        unit = r.get("unit") or ""
        measure = AMOUNT_ROLES.get(str(r.get("measure")), "数额")
        op = "≥" if float(r["value"]) >= float(r["threshold"]) else "接近"
        comparison = f"{measure} {_num(r['value'])} {unit} {op} 追诉标准 {_num(r['threshold'])} {unit}".replace("  ", " ")
    parts = ["".join(str(r[k]) for k in ("source", "source_article") if r.get(k)), str(r.get("article") or "")]
    if r.get("rule_id"):
        parts.append(f"规则 {r['rule_id']}" + (f" · {r['rule_version']}" if r.get("rule_version") else ""))
    source = "；".join(p for p in parts if p) or None
    crime = r.get("crime")
    sentence = str(r.get("text") or "") or (f"涉嫌{crime}" if crime else "模型提示需人工复核")
    return ReasonView(level=r.get("level"), sentence=sentence, comparison=comparison, source=source, evidence_id=eid)


def build(fields: dict[str, Any]) -> CaseView:
    view = CaseView()
    single_ev = fields.get("evidence") or {}
    for key in _SINGLE:
        if fields.get(key):
            ev = single_ev.get(key) if isinstance(single_ev.get(key), dict) else None
            view.evidence.append(_item(f"ev-{key}", key, FIELD_NAMES[key], str(fields[key]), ev))
    if view.evidence and view.evidence[0].field == "doc_number":
        view.evidence[0].provenance = _provenance(fields.get("doc_number_source"), fields.get("doc_number_confidence"))
    view.related_numbers = [
        RelatedNumber(str(r.get("number") or ""), str(r.get("kind") or "其他"))
        for r in fields.get("related_numbers") or [] if isinstance(r, dict) and r.get("number")
    ]
    for key in ("parties", "amounts", "quantities", "laws", "penalties"):
        for n, it in enumerate(fields.get(key) or []):
            if isinstance(it, dict):
                label, value = _describe(key, it)
                ev = it.get("evidence") if isinstance(it.get("evidence"), dict) else None
                item = _item(f"ev-{key}-{n}", key, label, value, ev)
                if key == "parties":
                    item.provenance = _provenance(it.get("source"), it.get("confidence"))
                view.evidence.append(item)
    for n, r in enumerate((fields.get("criminal_risk") or {}).get("reasons") or []):
        if not isinstance(r, dict):
            continue
        eid = None
        if isinstance(r.get("evidence"), dict):
            eid = f"ev-reason-{n}"
            view.evidence.append(_item(eid, "reason", "追诉理由", str(r.get("crime") or ""), r["evidence"]))
        view.reasons.append(_reason(r, eid))
    text = fields.get("text")
    if isinstance(text, str):
        view.segments = _segments(text, [e for e in view.evidence if e.field != "reason"])
    return view


def describe_value(key: str, value: Any) -> str:
    """A stored field's value in words, for the history's `before → after`."""
    if value in (None, "", []):
        return "（空）"
    if isinstance(value, list):
        return "；".join(" ".join(_describe(key, v)) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


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
