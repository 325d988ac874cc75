"""criminal_risk = {level, score, reasons}: the rules engine's reasons for the likely categories,
who already decided the criminal question when the text says so, and the text model for conduct
no rule measures.

Who already decided:
- the police declining or dropping a case whose facts cross a standard (不予立案, 撤案, 移送回) is
  what 立案监督 exists for: `review`, with a `declined_by_police` reason the prosecutors act on;
- a prosecutor's 不起诉 with 检察意见, or a case sent back by the prosecutor (反向移送), is decided:
  `low`, with a `decided_by_prosecutor` reason.
The threshold reasons stay listed for the reviewer either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lianfa.classifiers.rules_engine import CaseFacts, Level, Measured, QuantityIn, Reason
from lianfa.classifiers.signals import TextSignals
from lianfa.corpora.vocabulary import risk_rank
from lianfa.extractors.fields import Fields
from lianfa.ingest.document import Document, Evidence

_OUTCOME_COUNTS = {"死亡": "死亡", "重伤": "重伤", "轻伤": "轻伤"}


@dataclass
class CriminalRisk:
    level: Level
    score: float
    reasons: list[Reason] = field(default_factory=list)


_SENTENCE_END = "。；;\n"


def _context(text: str, start: int, end: int) -> str:
    """The sentence holding a figure (at most 60 characters either side)."""
    a = max(0, start - 60)
    cut = max(text.rfind(ch, a, start) for ch in _SENTENCE_END)
    b = min(len(text), end + 60)
    stops = [i for i in (text.find(ch, end, b) for ch in _SENTENCE_END) if i >= 0]
    return text[(cut + 1 if cut >= 0 else a) : (min(stops) if stops else b)]


def case_facts(fields: Fields, signals: TextSignals, text: str = "") -> CaseFacts:
    amounts: dict[str, Measured] = {}
    for a in fields.amounts:
        if a.role not in amounts or a.yuan > amounts[a.role].value:
            amounts[a.role] = Measured(a.yuan, a.evidence)
    # 没收违法所得X元 is the illegal income the agency established, when it names no other figure.
    if "illegal_income" not in amounts and "confiscated_income" in amounts:
        amounts["illegal_income"] = amounts["confiscated_income"]
    # measures the text states in forms no extracted role names (票面金额, 开采量×单价): a role the
    # extractor read keeps its figure
    for role, sig in signals.measures.items():
        if role not in amounts and sig.value:
            amounts[role] = Measured(sig.value, sig.evidence)
    masked: dict[str, Measured] = {}
    for masked_amount in fields.masked_amounts:
        role = masked_amount.role
        if role not in amounts and (role not in masked or masked_amount.at_most > masked[role].value):
            masked[role] = Measured(masked_amount.at_most, masked_amount.evidence)
    quantities = [
        QuantityIn(
            q.kind, q.value, q.unit, q.subject, q.evidence, _context(text, q.evidence.start, q.evidence.end)
        )
        for q in fields.quantities
    ]
    for sig in signals.outcomes:
        subject = _OUTCOME_COUNTS.get(sig.detail)
        if subject and sig.value is not None and not any(q.subject == subject for q in quantities):
            quantities.append(QuantityIn("count", sig.value, "人", subject, sig.evidence))
    party = fields.parties[0].kind if fields.parties else None
    return CaseFacts(
        amounts=amounts, masked=masked, quantities=quantities, party_kind=party, decided=fields.decided_on, signals=signals
    )


def _score(reasons: list[Reason], text_score: float) -> float:
    best = 0.0
    for r in reasons:
        ratio = r.ratio if r.ratio is not None else 1.0
        if r.level == "high":
            best = max(best, 0.9 + 0.1 * min(1.0, max(0.0, ratio - 1.0)))
        elif r.level == "review":
            best = max(best, 0.5 + 0.3 * min(1.0, ratio))
        elif r.kind == "near_threshold":
            # listed, not queued: sorts above the plain lows for whoever browses them
            best = max(best, 0.3 + 0.15 * min(1.0, ratio))
    return max(best, 0.45 * text_score)


def _facts_evidence(document: Document) -> Evidence | None:
    section = document.section("facts") or document.section("finding")
    if section is None or section.end <= section.start:
        return None
    return document.evidence(section.start, min(section.end, section.start + 120))


def assess(
    document: Document,
    rule_reasons: list[Reason],
    signals: TextSignals,
    text_score: float,
    *,
    text_review_score: float,
    crime_names: list[str],
) -> CriminalRisk:
    """The risk from the engine's reasons; `crime_names` are the likely categories' candidate
    crimes (the text model only speaks for a category that has one)."""
    reasons = list(rule_reasons)
    crossing = [r for r in reasons if risk_rank(r.level) > risk_rank("low")]
    if signals.prosecutor is not None:
        decided = Reason(
            level="low",
            kind="decided_by_prosecutor",
            text=f"文书载明检察机关已作出处理（“{signals.prosecutor.detail}”），刑事部分已有决定，不作为新的移送线索",
            evidence=signals.prosecutor.evidence,
        )
        return CriminalRisk("low", min(0.2, _score(reasons, text_score)), [decided, *reasons])
    if signals.declined is not None and crossing:
        declined = Reason(
            level="review",
            kind="declined_by_police",
            text=f"文书载明公安机关“{signals.declined.detail}”，而案件事实已达追诉标准"
            f"（{crossing[0].text}）：属立案监督线索，请报送检察机关",
            crime=crossing[0].crime,
            evidence=signals.declined.evidence,
        )
        others = [replace(r, level="review") if r.level == "high" else r for r in reasons]
        return CriminalRisk("review", _score(others, text_score), [declined, *others])
    if signals.declined is not None:
        reasons.append(
            Reason(
                level="low",
                kind="declined_by_police",
                text=f"文书载明公安机关“{signals.declined.detail}”，案件事实未见达到追诉标准的数额或情节",
                evidence=signals.declined.evidence,
            )
        )
    if not any(risk_rank(r.level) > risk_rank("low") for r in reasons) and signals.crime_named is not None:
        crime, said = signals.crime_named
        reasons.append(
            Reason(
                level="review",
                kind="crime_named",
                text=f"文书载明“{said.detail}”，但未载明可与追诉标准比较的数额或情节，请复核是否已移送司法机关",
                crime=crime,
                evidence=said.evidence,
            )
        )
    # the grade is a lead whatever the category: no administrative penalty grades an amount so
    if not any(risk_rank(r.level) > risk_rank("low") for r in reasons) and signals.grade is not None:
        reasons.append(
            Reason(
                level="review",
                kind="grade_stated",
                text=f"文书认定“{signals.grade.detail}”，这是追诉标准的数额等级用语，但未载明可与追诉标准比较的数额，请复核",
                crime=crime_names[0] if crime_names else None,
                evidence=signals.grade.evidence,
            )
        )
    if not any(risk_rank(r.level) > risk_rank("low") for r in reasons) and crime_names and text_score >= text_review_score:
        reasons.append(
            Reason(
                level="review",
                kind="text_model",
                text=f"文本模型判断案情与{('、'.join(crime_names[:2]))}的入罪情形相似（{text_score:.0%}），"
                "但文书未载明可与追诉标准比较的数额或情节，请复核",
                crime=crime_names[0],
                ratio=text_score,
                evidence=_facts_evidence(document),
            )
        )
    level: Level = "low"
    for r in reasons:
        if risk_rank(r.level) > risk_rank(level):
            level = r.level
    return CriminalRisk(level, _score(reasons, text_score), reasons)
