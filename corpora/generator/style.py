"""Style banks: every phrasing choice has a `default` and a `holdout` variant list, kept disjoint.

A `Bank` maps a style to its options. `pick` draws from the style's list only, so a corpus made with
`--style holdout` contains no sentence template, layout or naming choice that `--style default` uses.
`check_disjoint` is what the tests run over every bank to keep that promise.
"""

from __future__ import annotations

import random
from typing import Literal, TypeVar

Style = Literal["default", "holdout"]
STYLES: tuple[Style, ...] = ("default", "holdout")

T = TypeVar("T")

Bank = dict[str, tuple[T, ...]]


def pick(rng: random.Random, bank: Bank[T], style: Style) -> T:
    return rng.choice(bank[style])


def check_disjoint(name: str, bank: Bank[T]) -> None:
    """Raise ValueError when a bank lacks a style or both styles share an option."""
    missing = [s for s in STYLES if not bank.get(s)]
    if missing:
        raise ValueError(f"phrasing bank {name!r} has no options for style(s) {missing}")
    shared = set(map(repr, bank["default"])) & set(map(repr, bank["holdout"]))
    if shared:
        raise ValueError(f"phrasing bank {name!r} shares options between styles: {sorted(shared)[:3]}")
