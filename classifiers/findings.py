"""What the rules engine found when it compared a case with one criterion: named types, no sentences.
The engine decides with them (level, ratio, whether a fact was assumed); classifiers/reasons.py writes
the Chinese sentence a reviewer reads from the same finding, so wording never steers a decision."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from lianfa.corpora.vocabulary import risk_rank
from lianfa.ingest.document import Evidence

Level = Literal["high", "review", "low"]
# high: at or above the upper end (or the single figure); within_range: between a provincial
# range's ends; near: below the figure, within the near-threshold band
Outcome = Literal["high", "within_range", "near"]
Kind = Literal["threshold", "near_threshold", "behaviour", "outcome_stated", "masked_figure"]


@dataclass(frozen=True)
class AmountPart:
    role: str
    weight: float
    value: float


@dataclass(frozen=True)
class AmountMeasure:
    """Σ weight × amount over the criterion's own roles."""

    parts: tuple[AmountPart, ...]
    value: float
    evidence: Evidence | None


@dataclass(frozen=True)
class QuantityMeasure:
    """A quantity of the criterion's kind, in the threshold's unit; `subject` is what the reason calls
    it. `inferred`: no criterion lists its subject, it stands in for the case's own category."""

    value: float
    unit: str
    subject: str
    evidence: Evidence | None
    inferred: bool = False


@dataclass(frozen=True)
class Threshold:
    low: float
    high: float
    unit: str

    @property
    def ranged(self) -> bool:
        """A provincial range (下限…上限) rather than one figure."""
        return self.high > self.low


@dataclass(frozen=True)
class FigureFinding:
    """An amount or quantity compared with a threshold."""

    measure: AmountMeasure | QuantityMeasure
    threshold: Threshold
    outcome: Outcome
    ratio: float
    missing_facts: tuple[str, ...] = ()  # names of required facts the wording does not state
    prior_penalties: int | None = None  # stated prior administrative penalties, for a criterion naming them
    listed_subjects: tuple[str, ...] = ()  # the criterion's own subjects, for an inferred quantity


@dataclass(frozen=True)
class BehaviourFinding:
    """A criterion of facts alone (no figure)."""

    stated: tuple[str, ...]  # the wording of each fact element found
    prior_penalties: int | None
    description: str
    missing_facts: tuple[str, ...] = ()
    unstated_figure: bool = False  # the criterion's figure is what the text leaves out


@dataclass(frozen=True)
class ExceedanceFinding:
    pollutant: str
    detail: str  # how the text states it (`化学需氧量浓度超过标准限值3.2倍`)
    times: float
    threshold_times: float
    outcome: Literal["high", "near"]
    ratio: float
    limit_supplied: bool  # the decision states no limit; the standard's own figure was used


@dataclass(frozen=True)
class OutcomeStatedFinding:
    """An outcome rule (deaths, injuries, losses) whose figures were not read."""

    stated: str


@dataclass(frozen=True)
class MaskedFigureFinding:
    """A criterion whose amount the text states masked (人民币XXXXXXX元): the mask could hold a figure
    at the threshold, so a reviewer reads it in the original."""

    roles: tuple[str, ...]  # the criterion's roles stated masked
    written: str  # the masked figure as printed
    threshold: Threshold


Detail = FigureFinding | BehaviourFinding | ExceedanceFinding | OutcomeStatedFinding | MaskedFigureFinding


@dataclass(frozen=True)
class Finding:
    level: Level
    kind: Kind
    detail: Detail
    citation: str  # the rule version's source and article (立案追诉标准第十九条)
    ratio: float
    evidence: Evidence | None
    criterion: str | None = None
    assumed: bool = False  # a qualifying fact was not found in the text

    def rank(self) -> tuple[int, bool, float]:
        return risk_rank(self.level), not self.assumed, self.ratio

    @property
    def measure(self) -> str:
        d = self.detail
        if isinstance(d, FigureFinding):
            return "amount" if isinstance(d.measure, AmountMeasure) else "quantity"
        if isinstance(d, MaskedFigureFinding):
            return "amount"
        return {BehaviourFinding: "behaviour", ExceedanceFinding: "exceedance"}.get(type(d), "outcome")

    @property
    def value(self) -> float | None:
        d = self.detail
        if isinstance(d, FigureFinding):
            return d.measure.value
        return d.times if isinstance(d, ExceedanceFinding) else None

    @property
    def threshold(self) -> float | None:
        d = self.detail
        if isinstance(d, FigureFinding | MaskedFigureFinding):
            return d.threshold.low
        return d.threshold_times if isinstance(d, ExceedanceFinding) else None

    @property
    def unit(self) -> str | None:
        d = self.detail
        if isinstance(d, FigureFinding | MaskedFigureFinding):
            return d.threshold.unit
        return "倍" if isinstance(d, ExceedanceFinding) else None


def cap_review(f: Finding) -> Finding:
    return replace(f, level="review") if f.level == "high" else f


@dataclass(frozen=True)
class NoConductDate:
    """The text states no conduct date: the version at the decision date was applied."""


@dataclass(frozen=True)
class LighterLater:
    """The version in force at the decision is lighter (从旧兼从轻): review."""

    version: str


@dataclass(frozen=True)
class Undated:
    """No date was read: every version was compared."""


@dataclass(frozen=True)
class BeforeBook:
    """The conduct predates every version the rule book holds: the earliest was compared, for review."""

    version: str
    predecessor: str  # the standard of the conduct's time, not modelled


Note = NoConductDate | LighterLater | Undated | BeforeBook
