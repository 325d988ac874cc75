"""Criminal prosecution threshold rules (立案追诉标准), loaded from corpora/data/thresholds.yaml.

The data file documents the shape. This module validates it (units convert, fact names resolve,
versions of a rule never overlap) and answers the questions every user of the rules asks: which
version was in force on a date, what a threshold is in canonical units for a province, and whether
a criterion's party scope covers a party. Deciding whether a case crosses a threshold is the
classifiers' rules engine, not this module.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from lianfa.corpora.datafile import DATA_DIR, load_model
from lianfa.errors import DataFileError
from lianfa.kinds import AmountRole, PartyKind, QuantityKind

Measure = Literal["amount", "quantity", "behaviour", "outcome"]
# Amount roles a rule may measure: the contract's roles, and measures only the text signals read
# (classifiers/signals.py), which are no field of the extract contract: the face value and the tax
# printed on invoices (票面金额, 税额).
RuleRole = AmountRole | Literal["invoice_face_value", "invoice_tax"]
PartyScope = Literal["any", "individual", "unit"]
Certainty = Literal["flag", "review"]

CURRENCY = "元"
# Canonical units fixed by corpora/gold.py; counts keep their own unit.
CANONICAL_UNIT: dict[QuantityKind, str | None] = {
    "area": "平方米",
    "volume": "立方米",
    "weight": "千克",
    "count": None,
}


class UnitConversion(BaseModel):
    unit: str
    canonical: str
    factor: float = Field(gt=0)
    subject: str | None = None  # the conversion only holds for this subject (1条 卷烟 = 200支)
    subjects: list[str] = Field(default_factory=list)  # or for any of these

    def holds_for(self, named: list[str]) -> bool:
        wanted = [self.subject] if self.subject else self.subjects
        return not wanted or any(w in s for w in wanted for s in named)


class Share(BaseModel):
    """A fact that holds when a stated percentage of something reaches a minimum (逃税额占应纳税额的
    比例为31.57%). A stated share below the minimum rules the fact out, whatever phrase also matched."""

    of: list[str] = Field(min_length=1)  # what the share is of, as written: 应纳税额, 应缴税额
    min_percent: float = Field(gt=0, le=100)


class Residue(BaseModel):
    """A substance's permitted content in food (GB 2760 铝的残留量 ≤ 100 mg/kg): a measured content
    over it states the fact in figures, as 超限量使用 states it in words."""

    substance: str
    names: list[str] = Field(min_length=1)  # as written before the figure: 铝的残留量, 铝含量
    limit: float = Field(gt=0)  # mg/kg
    standard: str
    verified: str = ""


class Fact(BaseModel):
    id: str
    name: str
    phrases: list[str] = Field(default_factory=list)
    # wordings of a conduct that is not this fact (危险废物贮存不规范 is no 处置): found without any of
    # `phrases`, they rule the fact out instead of leaving it to a reviewer
    contrary: list[str] = Field(default_factory=list)
    share: Share | None = None
    residues: list[Residue] = Field(default_factory=list)
    # words that make a phrase right after them something else (携带禁用渔具 is gear carried, not a
    # method used): such an occurrence does not state the fact
    not_after: list[str] = Field(default_factory=list)
    note: str = ""


class AmountTerm(BaseModel):
    role: RuleRole
    weight: float = 1.0


class Exceedance(BaseModel):
    pollutants: list[str] = Field(min_length=1)
    times: float = Field(gt=0)


class DischargeLimit(BaseModel):
    """A pollutant's discharge limit in a standard (GB 8978 表1 总砷 0.5 mg/L): what a measured
    concentration is compared with when the decision states the concentration but not the limit."""

    pollutant: str
    names: list[str] = Field(min_length=1)  # as written: 总砷, 砷
    limit: float = Field(gt=0)
    unit: str
    standard: str
    verified: str = ""  # where the limit was checked against the standard's table


class Threshold(BaseModel):
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str
    by_province: dict[str, float] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_form(self) -> Threshold:
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give either value or low/high, not both")
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("give value, or both low and high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self

    def bounds(self, province: str | None = None) -> tuple[float, float]:
        """(suspected, highly suspected) in `unit`: a province's own figure when known, otherwise
        the range's low and high ends (thresholds.md 使用提示 3)."""
        if province is not None and province in self.by_province:
            figure = self.by_province[province]
            return figure, figure
        if self.value is not None:
            return self.value, self.value
        assert self.low is not None and self.high is not None
        return self.low, self.high


class Criterion(BaseModel):
    id: str
    description: str
    party_kind: PartyScope = "any"
    certainty: Certainty = "flag"
    terms: list[AmountTerm] = Field(default_factory=list)
    quantity_kind: QuantityKind | None = None
    subjects: list[str] = Field(default_factory=list)
    # subjects that contain a listed one yet are another thing (增值税专用发票 for 发票)
    except_subjects: list[str] = Field(default_factory=list)
    # the conduct's own verbs: a quantity told in a clause with none of them (收购斑鸠22只 for a
    # hunting count) is of another conduct
    acts: list[str] = Field(default_factory=list)
    exceedance: Exceedance | None = None
    facts: list[str] = Field(default_factory=list)
    prior_penalties: int | None = Field(default=None, ge=1)
    # the prior penalties need only be stated, the conduct going on after them (又/仍/继续)
    continued: bool = False
    within_years: int | None = Field(default=None, ge=1)
    threshold: Threshold | None = None
    # its facts stated and its figure not stated at all (neither read nor masked): `review` asks the
    # reviewer to establish the figure (a protected animal whose value the text never gives); a
    # figure stated below the threshold is still below it
    unstated: Literal["none", "review"] = "none"

    @model_validator(mode="after")
    def _consistent(self) -> Criterion:
        if self.terms and self.quantity_kind:
            raise ValueError(f"criterion {self.id}: one threshold cannot measure both amounts and a quantity")
        if (self.terms or self.quantity_kind) and self.threshold is None:
            raise ValueError(f"criterion {self.id}: amounts or a quantity need a threshold")
        if self.threshold is not None and not (self.terms or self.quantity_kind):
            raise ValueError(f"criterion {self.id}: a threshold needs amount terms or a quantity_kind")
        if self.quantity_kind and not self.subjects:
            raise ValueError(f"criterion {self.id}: a quantity needs the subjects it counts")
        if self.unstated == "review" and (self.threshold is None or not self.facts):
            raise ValueError(f"criterion {self.id}: unstated review needs a figure and the facts that anchor it")
        if self.continued and self.prior_penalties is None:
            raise ValueError(f"criterion {self.id}: continued without prior_penalties")
        if self.within_years is not None and self.prior_penalties is None:
            raise ValueError(f"criterion {self.id}: within_years without prior_penalties")
        if not (self.terms or self.quantity_kind or self.exceedance or self.facts or self.prior_penalties):
            raise ValueError(f"criterion {self.id}: states no condition")
        return self

    def covers(self, party: PartyKind) -> bool:
        """Whether the criterion's party scope applies; 个体工商户 are natural persons in criminal law."""
        if self.party_kind == "any":
            return True
        return (self.party_kind == "unit") == (party == "organisation")


class RuleVersion(BaseModel):
    version: str
    effective_from: date
    effective_to: date | None = None  # exclusive: the day the next version took over
    source: str
    source_article: str
    unverified: bool = False
    unverified_note: str = ""
    # the published text the version's dates and figures were checked against: title, article,
    # issuing body, date, and where it was read
    verified: str = ""
    note: str = ""
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _valid(self) -> RuleVersion:
        if self.effective_to is not None and self.effective_to <= self.effective_from:
            raise ValueError(f"version {self.version}: effective_to is not after effective_from")
        ids = [c.id for c in self.criteria]
        if len(ids) != len(set(ids)):
            raise ValueError(f"version {self.version}: duplicate criterion ids {ids}")
        if self.unverified and not self.unverified_note:
            raise ValueError(f"version {self.version}: say what is unverified in unverified_note")
        return self

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


class Rule(BaseModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    crime: str
    article: int  # 刑法 article
    article_sub: int | None = Field(default=None, ge=1)  # 之一, 之二: 刑法第二百七十六条之一
    paragraph: int | None = None
    measure: Measure
    # words naming the rule's own conduct (盗伐, 虚开, 危险废物): stated in a decision's facts they
    # bring the rule in whatever category the model chose, or none
    cues: list[str] = Field(default_factory=list)
    # the standard in force before the earliest version here, not modelled: conduct of its time is
    # compared with the earliest version, for review. None: no standard existed before it.
    predecessor: str | None = None
    versions: list[RuleVersion] = Field(min_length=1)

    @model_validator(mode="after")
    def _versions_do_not_overlap(self) -> Rule:
        blank = [c for c in self.cues if len(c.strip()) < 2]
        if blank:
            raise ValueError(f"rule {self.id}: cue words need two characters at least, got {blank}")
        ordered = sorted(self.versions, key=lambda v: v.effective_from)
        for earlier, later in pairwise(ordered):
            if earlier.effective_to is None or earlier.effective_to > later.effective_from:
                raise ValueError(
                    f"rule {self.id}: version {earlier.version} overlaps {later.version}"
                    f" (ends {earlier.effective_to}, next starts {later.effective_from})"
                )
        self.versions = ordered
        return self

    def version_at(self, day: date) -> RuleVersion | None:
        """The version in force on `day` (use the conduct date); None before the rule existed."""
        return next((v for v in self.versions if v.in_force(day)), None)


class RuleBook(BaseModel):
    unit_conversions: list[UnitConversion]
    facts: list[Fact]
    discharge_limits: list[DischargeLimit] = Field(default_factory=list)
    rules: list[Rule]

    @model_validator(mode="after")
    def _references_resolve(self) -> RuleBook:
        for kind, items in (("rule", [r.id for r in self.rules]), ("fact", [f.id for f in self.facts])):
            dupes = sorted({i for i in items if items.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate {kind} ids: {dupes}")
        fact_ids = {f.id for f in self.facts}
        for rule in self.rules:
            for version in rule.versions:
                for crit in version.criteria:
                    where = f"rule {rule.id} version {version.version} criterion {crit.id}"
                    unknown = [f for f in crit.facts if f not in fact_ids]
                    if unknown:
                        raise ValueError(f"{where}: unknown facts {unknown}")
                    if crit.threshold is not None:
                        self._check_unit(where, crit)
                    self._check_measure(where, rule.measure, crit)
        exceeding = {p for r in self.rules for v in r.versions for c in v.criteria if c.exceedance
                     for p in c.exceedance.pollutants}
        for lim in self.discharge_limits:
            if lim.pollutant not in exceeding:
                raise ValueError(f"discharge limit for {lim.pollutant}: no exceedance criterion lists it")
        return self

    def _check_unit(self, where: str, crit: Criterion) -> None:
        assert crit.threshold is not None
        unit = crit.threshold.unit
        if crit.terms:
            if self._canonical_of(unit) != CURRENCY:
                raise ValueError(f"{where}: amount threshold in {unit}, not a currency unit")
            return
        assert crit.quantity_kind is not None
        want = CANONICAL_UNIT[crit.quantity_kind]
        have = self._canonical_of(unit, crit.subjects)
        if want is not None and have != want:
            raise ValueError(
                f"{where}: {crit.quantity_kind} threshold in {unit}, which does not convert to {want}"
            )
        if want is None and have in {CURRENCY, *filter(None, CANONICAL_UNIT.values())}:
            raise ValueError(f"{where}: count threshold in {unit}, which is not a count unit")

    @staticmethod
    def _check_measure(where: str, measure: Measure, crit: Criterion) -> None:
        if measure == "amount" and not crit.terms:
            raise ValueError(f"{where}: an amount rule's criterion needs amount terms")
        if measure == "quantity" and not (crit.quantity_kind or crit.exceedance):
            raise ValueError(f"{where}: a quantity rule's criterion needs a quantity_kind or exceedance")
        if measure == "behaviour" and not (crit.facts or crit.prior_penalties):
            raise ValueError(f"{where}: a behaviour rule's criterion needs facts or prior_penalties")

    def _canonical_of(self, unit: str, subjects: list[str] | None = None) -> str:
        conv = self._conversion(unit, subjects or [])
        return conv.canonical if conv else unit

    def _conversion(self, unit: str, subjects: list[str]) -> UnitConversion | None:
        for conv in self.unit_conversions:
            if conv.unit == unit and conv.holds_for(subjects):
                return conv
        return None

    def convert(self, value: float, unit: str, subject: str | None = None) -> tuple[float, str]:
        """(value, canonical unit). Units without a conversion are already canonical (counts:
        株, 只, 人...). 条/件/盒 convert to 支 only when the subject is 卷烟 (香烟)."""
        conv = self._conversion(unit, [subject] if subject else [])
        if conv is None:
            return value, unit
        return value * conv.factor, conv.canonical

    def threshold_bounds(self, crit: Criterion, province: str | None = None) -> tuple[float, float, str]:
        """A criterion's (low, high, canonical unit) for `province`."""
        if crit.threshold is None:
            raise ValueError(f"criterion {crit.id} has no threshold")
        low, high = crit.threshold.bounds(province)
        subject = crit.subjects[0] if crit.subjects else None
        low_c, unit = self.convert(low, crit.threshold.unit, subject)
        high_c, _ = self.convert(high, crit.threshold.unit, subject)
        return low_c, high_c, unit

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def fact(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def limit_for(self, name: str) -> DischargeLimit | None:
        """The discharge limit a pollutant written `name` (总砷, 六价铬) is held to, if any."""
        return next((lim for lim in self.discharge_limits if name in lim.names), None)

    def for_crime(self, crime: str) -> list[Rule]:
        return [r for r in self.rules if r.crime == crime]


@lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> RuleBook:
    """The threshold rules; raises DataFileError naming the file and the problem."""
    return load_model(path or DATA_DIR / "thresholds.yaml", RuleBook)


def rule_by_id(rule_id: str) -> Rule:
    try:
        return load_rules().rule(rule_id)
    except KeyError as exc:
        raise DataFileError(f"thresholds.yaml: no rule with id {rule_id!r}") from exc
