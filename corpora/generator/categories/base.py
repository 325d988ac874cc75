"""What a category module gets (Ctx) and gives back (Story).

A category module writes the facts paragraph of one decision: what the party did, with the
amounts, quantities and fact elements the threshold rules look at. It draws the size of the case
relative to the threshold in force (Ctx.scaled) so that about half of the decisions of a
criminal-capable category cross it; the label itself is computed afterwards from the facts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.criminal import CaseFacts, threshold_for
from lianfa.corpora.generator.dates import BodyDates
from lianfa.corpora.generator.numbers import AmountWriter
from lianfa.corpora.generator.parties import Party
from lianfa.corpora.generator.phrasing import PERIODS
from lianfa.corpora.generator.style import Bank, Style, pick
from lianfa.corpora.gold import GoldAmount, GoldQuantity
from lianfa.corpora.rules import RuleBook
from lianfa.kinds import PenaltyKind

Target = Literal["above", "near", "below"]


@dataclass
class Ctx:
    rng: random.Random
    style: Style
    category: Any  # a taxonomy category
    book: RuleBook
    rule_ids: list[str]
    party: Party
    start: date
    end: date
    province: str
    target: Target
    dates: BodyDates
    money: AmountWriter

    def pick(self, bank: Bank[str]) -> str:
        return pick(self.rng, bank, self.style)

    def day(self, d: date) -> str:
        return self.dates(d)

    def period(self) -> str:
        if self.start == self.end:
            return self.day(self.start) + "，"
        return self.pick(PERIODS).format(start=self.day(self.start), end=self.day(self.end))

    def threshold(self, **kwargs: Any) -> tuple[float, float] | None:
        return threshold_for(
            self.book, self.rule_ids, self.end, self.party.kind, self.province, **kwargs
        )

    def scaled(self, bounds: tuple[float, float] | None, fallback: float) -> float:
        """A value placed against a (low, high) threshold according to the target band."""
        low, high = bounds or (fallback, fallback)
        r = self.rng
        if self.target == "above":
            return high * r.uniform(1.0, 1.5) if r.random() < 0.6 else high * r.uniform(1.5, 6.0)
        if self.target == "near":
            return low * r.uniform(0.8, 0.995)
        return low * r.uniform(0.05, 0.75)

    def below(self, bounds: tuple[float, float] | None, fallback: float, top: float = 0.75) -> float:
        """A value safely under a threshold, whatever the target (for secondary measures)."""
        low = bounds[0] if bounds else fallback
        return low * self.rng.uniform(0.05, top)


@dataclass
class PenaltyItem:
    kind: PenaltyKind
    text: str  # as printed, e.g. 没收违法所得3,200元 (amount already written)
    yuan: float | None = None


@dataclass
class Story:
    cause_short: str  # 销售不合格产品
    act: str  # a short clause naming the act, for the reasoning sentence
    sentences: list[str]  # the facts paragraph(s)
    case: CaseFacts
    amounts: list[GoldAmount] = field(default_factory=list)  # facts-side amounts (not penalties)
    quantities: list[GoldQuantity] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    fine: float = 0.0
    confiscate: float = 0.0  # 没收违法所得; when > 0 the illegal income is gold `confiscated_income`
    other_penalties: list[PenaltyItem] = field(default_factory=list)


def fine_between(rng: random.Random, low: float, high: float) -> float:
    return numbers.round_fine(rng.uniform(low, high))

