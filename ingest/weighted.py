"""The weighted median both page geometry and reading order use to read a page's angle from its
text lines: long lines outvote the short fragments that seals and table cells produce."""

from __future__ import annotations


def weighted_median(values: list[tuple[float, float]]) -> float:
    """Median of (value, weight) pairs; 0.0 when there are none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    half = sum(w for _, w in ordered) / 2
    acc = 0.0
    for v, w in ordered:
        acc += w
        if acc >= half:
            return v
    return ordered[-1][0]
