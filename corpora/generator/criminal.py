"""The criminal label: which prosecution threshold a generated case crosses, judged from the case's
own facts against the rule version in force at the conduct date (corpora/data/thresholds.yaml via
corpora.rules).

The generator decides facts first and asks this module for the label, so the label follows the
rules data rather than the generator's intent. Provincial ranges (low/high) are kept unambiguous:
samplers place values below `low` or at/above `high`; the evaluator counts anything at or above
`low` as crossing (the 疑似 reading of thresholds.md).

A case below every threshold is still marked `near_threshold` when a measured value reaches
NEAR_SHARE of one (the lower end of a provincial range; the weighted sum for combined measures):
supervisors are told to examine decisions 临近立案标准, so `review` is the expected output there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lianfa.corpora.gold import GoldCriminal, GoldQuantity
from lianfa.corpora.rules import Criterion, Rule, RuleBook, RuleVersion
from lianfa.kinds import PartyKind

# The band the spec names for 临近立案标准 (classifiers' default near-threshold setting).
NEAR_SHARE = 0.8


@dataclass
class CaseFacts:
    """What the decision states, in the terms the rules use."""

    party_kind: PartyKind
    amounts: dict[str, float] = field(default_factory=dict)  # role -> yuan, as established (认定)
    quantities: list[GoldQuantity] = field(default_factory=list)  # canonical units, as in gold
    facts: list[str] = field(default_factory=list)  # fact element ids the text states
    prior_penalties: int = 0
    prior_within_years: float = 0.0
    exceedance: list[tuple[str, float]] = field(default_factory=list)  # (pollutant, times over the standard)


def applicable(
    book: RuleBook, rule_ids: list[str], when: date, party: PartyKind
) -> list[tuple[Rule, RuleVersion, Criterion]]:
    """(rule, version, criterion) in force at `when` that cover the party kind."""
    out: list[tuple[Rule, RuleVersion, Criterion]] = []
    for rid in rule_ids:
        rule = book.rule(rid)
        version = rule.version_at(when)
        if version is None:
            continue
        out.extend((rule, version, c) for c in version.criteria if c.covers(party))
    return out


def _subject_matches(subject: str, subjects: list[str]) -> bool:
    return any(s in subject for s in subjects)


def _other_conditions_hold(crit: Criterion, case: CaseFacts) -> bool:
    """Facts and prior penalties: what a criterion asks besides its measured figure."""
    if not set(crit.facts) <= set(case.facts):
        return False
    if crit.prior_penalties:
        if case.prior_penalties < crit.prior_penalties:
            return False
        if crit.within_years and case.prior_within_years > crit.within_years:
            return False
    return True


def _measured(book: RuleBook, crit: Criterion, case: CaseFacts) -> float | None:
    """The case's largest figure in the criterion's canonical unit: the weighted sum of its amount
    terms, or a quantity of a listed subject."""
    if crit.threshold is None:
        return None
    if crit.terms:
        return sum(t.weight * case.amounts.get(t.role, 0.0) for t in crit.terms)
    _low, _high, unit = book.threshold_bounds(crit)
    best: float | None = None
    for q in case.quantities:
        if q.kind != crit.quantity_kind or not _subject_matches(q.subject, crit.subjects):
            continue
        if any(x in q.subject for x in crit.except_subjects):
            continue
        value, qunit = book.convert(q.value, q.unit, q.subject)
        if qunit == unit and (best is None or value > best):
            best = value
    return best


def criterion_met(book: RuleBook, crit: Criterion, case: CaseFacts, province: str | None) -> bool:
    if not _other_conditions_hold(crit, case):
        return False
    if crit.exceedance is not None:
        wanted = crit.exceedance
        if not any(p in wanted.pollutants and t >= wanted.times for p, t in case.exceedance):
            return False
    if crit.threshold is None:
        return True
    low, _high, _unit = book.threshold_bounds(crit, province)
    value = _measured(book, crit, case)
    if value is None:
        return False
    return value >= low - (0.005 if crit.terms else 1e-9)


def criterion_near(book: RuleBook, crit: Criterion, case: CaseFacts, province: str | None) -> bool:
    """Whether the case reaches NEAR_SHARE of the criterion's exceedance multiple or threshold (the
    lower end of a range), every other condition holding."""
    if not _other_conditions_hold(crit, case):
        return False
    if crit.exceedance is not None:
        wanted = crit.exceedance
        if not any(p in wanted.pollutants and t >= NEAR_SHARE * wanted.times for p, t in case.exceedance):
            return False
        if crit.threshold is None:
            return True
    if crit.threshold is None:
        return False
    low, _high, _unit = book.threshold_bounds(crit, province)
    value = _measured(book, crit, case)
    return value is not None and value >= NEAR_SHARE * low


def evaluate(
    book: RuleBook, rule_ids: list[str], case: CaseFacts, when: date, province: str | None
) -> GoldCriminal:
    for rule, version, crit in applicable(book, rule_ids, when, case.party_kind):
        if criterion_met(book, crit, case, province):
            reason = f"{crit.description}（{version.version}，{rule.id}/{crit.id}）"
            return GoldCriminal(label=True, rule_id=rule.id, crime=rule.crime, reason=reason)
    if not rule_ids:
        return GoldCriminal(label=False, reason="该类违法行为没有对应的刑事立案追诉标准")
    for rule, version, crit in applicable(book, rule_ids, when, case.party_kind):
        if criterion_near(book, crit, case, province):
            reason = f"案件事实未达到但已接近{crit.description}（{version.version}，{rule.id}/{crit.id}）"
            return GoldCriminal(
                label=False, rule_id=rule.id, crime=rule.crime, reason=reason, near_threshold=True
            )
    return GoldCriminal(label=False, reason="案件事实未达到行为时有效的立案追诉标准")


def threshold_for(
    book: RuleBook,
    rule_ids: list[str],
    when: date,
    party: PartyKind,
    province: str | None,
    *,
    role: str | None = None,
    quantity: tuple[str, str] | None = None,
    facts: tuple[str, ...] = (),
) -> tuple[float, float] | None:
    """The lowest (low, high) threshold, in canonical units, of a criterion measuring `role` alone
    (yuan) or `quantity` = (kind, subject). Criteria needing facts beyond `facts`, prior penalties
    or exceedance are skipped."""
    best: tuple[float, float] | None = None
    for _rule, _version, crit in applicable(book, rule_ids, when, party):
        if not set(crit.facts) <= set(facts) or crit.prior_penalties or crit.exceedance or crit.threshold is None:
            continue
        if role is not None:
            if len(crit.terms) != 1 or crit.terms[0].role != role or crit.terms[0].weight != 1:
                continue
        elif quantity is not None:
            kind, subject = quantity
            if (
                crit.quantity_kind != kind
                or not _subject_matches(subject, crit.subjects)
                or any(x in subject for x in crit.except_subjects)
            ):
                continue
        else:
            continue
        low, high, _unit = book.threshold_bounds(crit, province)
        if best is None or low < best[0]:
            best = (low, high)
    return best
