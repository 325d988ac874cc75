"""Compare a case with the prosecution threshold rules (corpora/data/thresholds.yaml).

For each rule the engine picks the version by the conduct date (从旧兼从轻): the version in force
when the conduct happened decides; when a later version in force at the decision date is lighter
and the case no longer crosses it, the lead is only `review`. Each criterion of a version is an
alternative; inside one, every stated condition must hold:

- amounts: Σ weight × amount(role) over the criterion's own roles only (sales, goods value,
  illegal revenue and illegal income are never mixed), against the threshold in yuan;
- quantities: a quantity of the criterion's kind whose subject it names, converted to the
  threshold's unit (亩 → 平方米, 条 → 支 for 卷烟, 吨 → 千克);
- exceedance: a listed pollutant over its standard by the stated times;
- facts: every named fact element stated in the text; prior administrative penalties.

Levels: at or above the upper end of a provincial range (or a province's own figure, or a single
value) → high; at or above the lower end → review; within the near-threshold band below it →
review. A `review`-certainty criterion never goes above review, and still prompts review when its
amount is met but its rarely-stated fact (逃税额占应纳税额10%) is not, unless the text states the
contrary (占应纳税额3.2%). A quantity whose subject no criterion lists stands in, at review, for
the case's own category, near the threshold too. Outcome rules (deaths,
injuries, losses) prompt review when the text states the outcome but no figure was read.

The engine decides with typed findings (classifiers/findings.py); classifiers/reasons.py writes each
reason's sentence from its finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from lianfa.classifiers import reasons
from lianfa.classifiers.findings import (
    AmountMeasure,
    AmountPart,
    BeforeBook,
    BehaviourFinding,
    ExceedanceFinding,
    FigureFinding,
    Finding,
    Kind,
    Level,
    LighterLater,
    MaskedFigureFinding,
    NoConductDate,
    Note,
    Outcome,
    OutcomeStatedFinding,
    QuantityMeasure,
    Threshold,
    Undated,
    cap_review,
)
from lianfa.classifiers.signals import TextSignals
from lianfa.corpora.rules import Criterion, Rule, RuleBook, RuleVersion
from lianfa.corpora.vocabulary import risk_rank
from lianfa.ingest.document import Evidence
from lianfa.kinds import PartyKind

__all__ = ["CaseFacts", "Level", "Measured", "QuantityIn", "Reason", "RulesEngine"]


@dataclass(frozen=True)
class Measured:
    value: float
    evidence: Evidence


@dataclass(frozen=True)
class QuantityIn:
    kind: str
    value: float
    unit: str
    subject: str
    evidence: Evidence
    # The words around the figure: what was measured is often named a clause away (废活性炭3.21吨
    # 丢弃……经鉴定属于危险废物), where a one-word subject misses it.
    context: str = ""

    def about(self, subjects: list[str]) -> bool:
        return _subject_matches(self.subject, subjects) or any(
            s in self.context for s in subjects if len(s) > 1
        )


@dataclass
class CaseFacts:
    """The case as the rules see it; amounts keep the largest figure of each role (a total is
    stated after its parts, never below them)."""

    amounts: dict[str, Measured] = field(default_factory=dict)
    # roles stated only masked (人民币XXXXXXX元), with the largest figure the mask could hold
    masked: dict[str, Measured] = field(default_factory=dict)
    quantities: list[QuantityIn] = field(default_factory=list)
    party_kind: PartyKind | None = None  # None: the decision names no party the extractor could read
    decided: date | None = None
    signals: TextSignals = field(default_factory=TextSignals)
    # The case is (most likely) of the rules' own category: a quantity of the right kind and unit
    # whose subject the rule does not list (野鸭 for 野生动物) may stand in, at review level.
    infer_subjects: bool = False
    # A figure that crosses while a qualifying fact is not found in the wording asks for review
    # (phrase lists cannot know every agency's words); off for rules no category brought.
    assume_facts: bool = True


@dataclass(frozen=True)
class Reason:
    level: Level
    kind: str  # threshold | near_threshold | behaviour | outcome_stated | masked_figure | text_model | declined_by_police
    text: str
    crime: str | None = None
    article: str | None = None  # 刑法 article, e.g. 刑法第140条
    rule_id: str | None = None
    rule_version: str | None = None
    source: str | None = None
    source_article: str | None = None
    criterion: str | None = None
    measure: str | None = None
    value: float | None = None
    threshold: float | None = None
    unit: str | None = None
    ratio: float | None = None  # value / threshold, for ordering leads
    evidence: Evidence | None = None
    # What a rule's comparison found, typed (the fields above are its flat view in the contract);
    # None for the reasons risk assessment adds (text model, police or prosecutor decisions).
    finding: Finding | None = None


def _subject_matches(subject: str, subjects: list[str]) -> bool:
    """A quantity's subject names one of the listed subjects (废矿物油 in 危险废物废矿物油). A more
    general subject is not the specific one: 林地 is no 防护林地, 土地 no 基本农田."""
    return bool(subject) and any(s in subject for s in subjects if len(s) > 1 or s == subject)


class RulesEngine:
    def __init__(self, book: RuleBook, *, province: str | None = None, near: float = 0.8) -> None:
        self.book = book
        self.province = province
        self.near = near

    def evaluate(self, rule_ids: list[str], case: CaseFacts) -> list[Reason]:
        """The reasons (one per rule that gives one), highest level first."""
        out: list[Reason] = []
        for rid in dict.fromkeys(rule_ids):
            reason = self._rule(self.book.rule(rid), case)
            if reason is not None:
                out.append(reason)
        out.sort(key=lambda r: (risk_rank(r.level), r.ratio or 0.0), reverse=True)
        return out

    def evaluate_cued(self, case: CaseFacts, *, exclude: list[str]) -> list[Reason]:
        """The rules whose own cue words the text uses (盗伐, 虚开, 危险废物), other than `exclude`
        (the likely categories' rules): they run whatever the category, or with none, and may ask for
        review, never raise a lead alone. A cue is no category: every fact element a criterion names
        must be stated (危险废物 stored badly is not 倾倒), and no quantity is taken for a subject the
        rule does not list."""
        wanted = [rid for rid in case.signals.cued if rid not in exclude]
        strict = replace(case, infer_subjects=False, assume_facts=False)
        out = []
        for reason in self.evaluate(wanted, strict):
            cue = case.signals.cued[reason.rule_id or ""]
            text = reasons.cued(reason.text, cue.detail)
            out.append(replace(reason, level="review" if reason.level == "high" else reason.level, text=text))
        return out

    def _rule(self, rule: Rule, case: CaseFacts) -> Reason | None:
        conduct = case.signals.conduct_date
        at_decision = rule.version_at(case.decided) if case.decided else None
        before_book = False
        if conduct is not None:
            version = rule.version_at(conduct)
            if version is None:
                # a file reviewed years on (supervision reaches back) is still compared, for review
                version = rule.versions[0]
                before_book = rule.predecessor is not None and conduct < version.effective_from
                if not before_book:
                    return None
        elif case.decided is None:
            return self._undated(rule, case)
        else:
            version = at_decision
            if version is None:
                return None
        hit = self._version(rule, version, case)
        note: Note | None = None if conduct is not None else NoConductDate()
        if hit is not None and at_decision is not None and at_decision is not version and hit.level != "low":
            later = self._version(rule, at_decision, case)
            if later is None or risk_rank(later.level) < risk_rank(hit.level):
                hit = replace(hit, level="review")
                note = LighterLater(at_decision.version)
        if hit is None:
            hit = self._outcome_stated(rule, version, case)
        if hit is None:
            return None
        if before_book:
            hit, note = replace(hit, level="review") if hit.level == "high" else hit, BeforeBook(version.version, rule.predecessor or "")
        return self._reason(rule, version, hit, note)

    def _undated(self, rule: Rule, case: CaseFacts) -> Reason | None:
        """No date was read (a damaged 落款): every version is compared; crossing any asks for
        review, and only crossing all of them is a lead."""
        hits = [(v, self._version(rule, v, case)) for v in rule.versions]
        found = [(v, h) for v, h in hits if h is not None]
        if not found:
            return None
        version, hit = max(found, key=lambda vh: vh[1].rank())
        if hit.level == "high" and (len(found) < len(hits) or any(h.level != "high" for _v, h in found)):
            hit = replace(hit, level="review")
        return self._reason(rule, version, hit, Undated())

    def _reason(self, rule: Rule, version: RuleVersion, hit: Finding, note: Note | None) -> Reason:
        return Reason(
            level=hit.level,
            kind=hit.kind,
            text=reasons.reason_text(rule.crime, hit.detail, hit.citation, note),
            crime=rule.crime,
            article=reasons.penal_article(rule),
            rule_id=rule.id,
            rule_version=version.version,
            source=version.source,
            source_article=version.source_article,
            criterion=hit.criterion,
            measure=hit.measure,
            value=hit.value,
            threshold=hit.threshold,
            unit=hit.unit,
            ratio=hit.ratio,
            evidence=hit.evidence,
            finding=hit,
        )

    def _version(self, rule: Rule, version: RuleVersion, case: CaseFacts) -> Finding | None:
        best: Finding | None = None
        for crit in version.criteria:
            if case.party_kind is not None and not crit.covers(case.party_kind):
                continue
            hit = self._criterion(crit, version, case, named_only=rule.measure == "outcome")
            if hit is None:
                continue
            hit = replace(hit, criterion=crit.id)
            if crit.certainty == "review" or (case.party_kind is None and crit.party_kind != "any"):
                hit = cap_review(hit)
            if best is None or hit.rank() > best.rank():
                best = hit
        return best

    def _criterion(
        self, crit: Criterion, version: RuleVersion, case: CaseFacts, *, named_only: bool = False
    ) -> Finding | None:
        missing = [f for f in crit.facts if f not in case.signals.facts]
        prior = _prior_met(crit, case.signals)
        if prior is None:
            return None
        cap = prior
        if crit.exceedance is not None:
            return None if missing else self._exceedance(crit, version, case)
        if crit.threshold is None:
            return self._behaviour(crit, version, case, missing, cap=cap)
        return self._figure(crit, version, case, missing, cap=cap, named_only=named_only)

    def _behaviour(
        self, crit: Criterion, version: RuleVersion, case: CaseFacts, missing: list[str], *, cap: bool
    ) -> Finding | None:
        """Facts alone are the whole test; with prior penalties met, a fact the phrase list missed
        ("无证行医" for 未取得医师资格) is worth a look, not a lead."""
        sig = case.signals
        if missing and (not crit.prior_penalties or not case.assume_facts):
            return None
        present = [f for f in crit.facts if f in sig.facts]
        evidence = next((sig.facts[f].evidence for f in present), sig.prior.evidence if sig.prior else None)
        detail = BehaviourFinding(
            stated=tuple(sig.facts[f].detail for f in present),
            prior_penalties=sig.prior.count if crit.prior_penalties and sig.prior else None,
            description=crit.description,
            missing_facts=self._names(missing),
        )
        hit = Finding("high", "behaviour", detail, reasons.citation(version), 1.0, evidence)
        if missing:
            return cap_review(replace(hit, assumed=True))
        return cap_review(hit) if cap else hit

    def _figure(
        self,
        crit: Criterion,
        version: RuleVersion,
        case: CaseFacts,
        missing: list[str],
        *,
        cap: bool,
        named_only: bool,
    ) -> Finding | None:
        """An amount or quantity against the criterion's threshold."""
        measure = self._measure(crit, version, case, named_only=named_only)
        if measure is None:
            if missing:
                return None
            return self._masked(crit, version, case) or self._unstated(crit, version, case)
        low, high, t_unit = self.book.threshold_bounds(crit, self.province)
        threshold = Threshold(low, high, t_unit)
        compared = self._compare(measure.value, threshold)
        if compared is None:
            return None
        level, outcome = compared
        value = measure.value
        if missing:
            # The figure crosses but a qualifying fact was not found in the wording: phrase lists
            # cannot know every agency's words, so a human decides (never `high`). Not so for an
            # aggravated variant (a lower figure with an extra fact): its base criterion decides.
            # Near the figure, the same holds only where the fact does not choose between
            # criteria measuring the same thing (纳税人 or 扣缴义务人), and never for a fact the
            # text rules out.
            if (
                not case.assume_facts
                or _has_base(crit, version)
                or any(f in case.signals.ruled_out for f in missing)
                or (value < low and _has_sibling(crit, version))
            ):
                return None
            level = "review" if value >= low else "low"
        sig = case.signals
        inferred = isinstance(measure, QuantityMeasure) and measure.inferred
        detail = FigureFinding(
            measure=measure,
            threshold=threshold,
            outcome=outcome,
            ratio=value / low if low else 0.0,
            missing_facts=self._names(missing),
            prior_penalties=sig.prior.count if crit.prior_penalties and sig.prior else None,
            # Near the threshold too: the level is review either way, and a supervisor is meant to
            # look at a case of the rule's own category 临近立案标准 whatever its catch is called.
            listed_subjects=tuple(crit.subjects) if inferred else (),
        )
        kind: Kind = "near_threshold" if outcome == "near" else "threshold"
        hit = Finding(
            level, kind, detail, reasons.citation(version), detail.ratio, measure.evidence,
            assumed=bool(missing) or inferred,
        )
        return cap_review(hit) if cap or inferred else hit

    def _masked(self, crit: Criterion, version: RuleVersion, case: CaseFacts) -> Finding | None:
        """A criterion's amount stated only masked, where the mask could hold a figure at the
        threshold: review, never a lead (the figure is unknown)."""
        roles = [t.role for t in crit.terms if t.role in case.masked]
        if not roles:
            return None
        low, high, t_unit = self.book.threshold_bounds(crit, self.province)
        top = max(roles, key=lambda r: case.masked[r].value)
        if case.masked[top].value < low:
            return None
        evidence = case.masked[top].evidence
        detail = MaskedFigureFinding(tuple(roles), evidence.text, Threshold(low, high, t_unit))
        return Finding(
            "review", "masked_figure", detail, reasons.citation(version), 0.0, evidence, assumed=True
        )

    def _unstated(self, crit: Criterion, version: RuleVersion, case: CaseFacts) -> Finding | None:
        """Facts that make the figure the only question, and no figure in the text: review."""
        if crit.unstated != "review":
            return None
        sig = case.signals
        stated = tuple(sig.facts[f].detail for f in crit.facts)
        detail = BehaviourFinding(stated=stated, prior_penalties=None, description=crit.description, unstated_figure=True)
        evidence = sig.facts[crit.facts[0]].evidence
        return Finding("review", "behaviour", detail, reasons.citation(version), 0.0, evidence, assumed=True)

    def _compare(self, value: float, t: Threshold) -> tuple[Level, Outcome] | None:
        """At or above the upper end → high; at or above the lower end → review; within the near band
        → low: 临近立案标准 is listed for whoever opens the case, not queued as a lead (below the
        figure the facts do not cross the standard)."""
        if value >= t.high:
            return "high", "high"
        if value >= t.low:
            return "review", "within_range"
        if value >= self.near * t.low:
            return "low", "near"
        return None

    def _names(self, fact_ids: list[str]) -> tuple[str, ...]:
        return tuple(self.book.fact(f).name for f in fact_ids)

    def _measure(
        self, crit: Criterion, version: RuleVersion, case: CaseFacts, *, named_only: bool = False
    ) -> AmountMeasure | QuantityMeasure | None:
        """The criterion's figure. `named_only` (outcome rules): people hurt are counted under their
        own word, 3人轻伤 beside 2人重伤 is no third 重伤, and no count of people stands in for deaths."""
        if crit.terms:
            return _amount(crit, case)
        assert crit.threshold is not None
        _low, _high, t_unit = self.book.threshold_bounds(crit, self.province)
        best = self._named_quantity(crit, version, case, t_unit, named_only=named_only)
        if best is None and case.infer_subjects and not named_only:
            best = self._inferred_quantity(crit, version, case, t_unit)
        return best

    def _named_quantity(
        self, crit: Criterion, version: RuleVersion, case: CaseFacts, t_unit: str, *, named_only: bool
    ) -> QuantityMeasure | None:
        """The largest quantity of the criterion's kind about one of its subjects, in the threshold's unit."""
        best: QuantityMeasure | None = None
        for q in case.quantities:
            if q.kind != crit.quantity_kind or not (
                _subject_matches(q.subject, crit.subjects) if named_only else q.about(crit.subjects)
            ):
                continue
            if any(x in q.subject for x in crit.except_subjects) or not _told_with_act(crit, q):
                continue
            if not _subject_matches(q.subject, crit.subjects) and any(
                _subject_matches(q.subject, c.subjects)
                for c in version.criteria
                if c is not crit and c.quantity_kind == crit.quantity_kind
            ):
                continue  # named for what another criterion measures; its clause's words do not move it
            subject = next((s for s in crit.subjects if s in q.subject or s in q.context), q.subject)
            value, unit = self.book.convert(q.value, q.unit, subject)
            if unit != t_unit:
                continue
            if best is None or value > best.value:
                named = q.subject if _subject_matches(q.subject, crit.subjects) else subject
                best = QuantityMeasure(value, unit, named, q.evidence)
        return best

    def _inferred_quantity(
        self, crit: Criterion, version: RuleVersion, case: CaseFacts, t_unit: str
    ) -> QuantityMeasure | None:
        """A quantity whose subject no criterion lists, standing in for the case's own category. A
        subject another criterion lists (耕地 beside 基本农田) has its own threshold."""
        claimed = [s for c in version.criteria if c.quantity_kind == crit.quantity_kind for s in c.subjects]
        best: QuantityMeasure | None = None
        for q in case.quantities:
            if q.about(claimed) or not _told_with_act(crit, q):
                continue
            value, unit = self.book.convert(q.value, q.unit, crit.subjects[0])
            if q.kind == crit.quantity_kind and unit == t_unit and (best is None or value > best.value):
                best = QuantityMeasure(value, unit, q.subject or "数量", q.evidence, inferred=True)
        return best

    def _exceedance(self, crit: Criterion, version: RuleVersion, case: CaseFacts) -> Finding | None:
        assert crit.exceedance is not None
        wanted = crit.exceedance
        best: Finding | None = None
        for pollutant, sig in case.signals.exceedance:
            if pollutant not in wanted.pollutants or sig.value is None:
                continue
            times = sig.value
            ratio = times / wanted.times
            if times >= wanted.times:
                level: Level = "high"
            elif times >= self.near * wanted.times:
                level = "low"
            else:
                continue
            detail = ExceedanceFinding(
                pollutant, sig.detail, times, wanted.times, "high" if level == "high" else "near", ratio,
                limit_supplied=sig.supplied,
            )
            kind: Kind = "threshold" if level == "high" else "near_threshold"
            hit = Finding(level, kind, detail, reasons.citation(version), ratio, sig.evidence)
            if sig.supplied:
                # the decision states no limit: a plant's own sector standard may differ from it
                hit = cap_review(replace(hit, assumed=True))
            if best is None or hit.ratio > best.ratio:
                best = hit
        return best

    def _outcome_stated(self, rule: Rule, version: RuleVersion, case: CaseFacts) -> Finding | None:
        """An outcome rule whose figures were not read, while the text states deaths, injuries or
        losses: a human must read the decision."""
        if rule.measure != "outcome" or not case.signals.outcomes:
            return None
        for crit in version.criteria:
            if crit.terms and any(t.role in case.amounts for t in crit.terms):
                return None
            if crit.quantity_kind and any(
                q.kind == crit.quantity_kind and q.about(crit.subjects) for q in case.quantities
            ):
                return None
        stated = case.signals.outcomes[0]
        detail = OutcomeStatedFinding(stated.evidence.text)
        return Finding("review", "outcome_stated", detail, reasons.citation(version), 0.8, stated.evidence)


def _told_with_act(crit: Criterion, q: QuantityIn) -> bool:
    """A quantity read without its clause (no context) is not held to the verbs."""
    return not crit.acts or not q.context or any(a in q.context for a in crit.acts)


def _prior_met(crit: Criterion, sig: TextSignals) -> bool | None:
    """None: the criterion's prior penalties are not met; else whether the finding is capped at
    review (the text states the penalties but not when they were)."""
    if not crit.prior_penalties:
        return False
    prior = sig.prior
    if prior is None or prior.count < crit.prior_penalties or (crit.continued and not prior.continued):
        return None
    if crit.within_years and prior.within_years is not None and prior.within_years > crit.within_years + 0.05:
        return None
    return crit.within_years is not None and prior.within_years is None


def _amount(crit: Criterion, case: CaseFacts) -> AmountMeasure | None:
    """Σ weight × amount over the criterion's own roles; the evidence is the largest term's."""
    parts = [(t, case.amounts[t.role]) for t in crit.terms if t.role in case.amounts]
    if not parts:
        return None
    total = sum(t.weight * m.value for t, m in parts)
    top = max(parts, key=lambda p: p[0].weight * p[1].value)[1]
    return AmountMeasure(tuple(AmountPart(t.role, t.weight, m.value) for t, m in parts), total, top.evidence)


def _same_measure(a: Criterion, b: Criterion) -> bool:
    if a.terms or b.terms:
        return {t.role for t in a.terms} & {t.role for t in b.terms} != set()
    return a.quantity_kind == b.quantity_kind and bool(set(a.subjects) & set(b.subjects))


def _has_base(crit: Criterion, version: RuleVersion) -> bool:
    """Another criterion of the version measures the same thing with fewer required facts."""
    return any(
        other is not crit
        and _same_measure(crit, other)
        and set(other.facts) < set(crit.facts)
        and other.party_kind in ("any", crit.party_kind)
        for other in version.criteria
    )


def _has_sibling(crit: Criterion, version: RuleVersion) -> bool:
    """Another criterion of the version measures the same thing."""
    return any(other is not crit and _same_measure(crit, other) for other in version.criteria)
