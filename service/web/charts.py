"""Bar charts drawn on the server as SVG geometry (the template writes the elements), so the
dashboard needs no charting library and works with scripts off."""

from __future__ import annotations

from dataclasses import dataclass

from lianfa.service.schemas.stats import Bucket


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    flagged: int
    x: float
    y: float
    width: float
    height: float
    flagged_width: float
    flagged_height: float
    labelled: bool = True


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]
    width: int
    height: int
    horizontal: bool
    label_width: int = 0


def horizontal(title: str, buckets: list[Bucket], names: dict[str, str] | None = None, top: int = 10,
               width: int = 600, row: int = 26, label_width: int = 210) -> Chart:
    """One row per bucket, the flagged part of each bar drawn darker."""
    shown = buckets[:top]
    peak = max((b.count for b in shown), default=0) or 1
    room = width - label_width - 60
    bars = []
    for i, b in enumerate(shown):
        label = (names or {}).get(b.key or "", b.key) if b.key else "（未识别）"
        w = room * b.count / peak
        bars.append(Bar(label=str(label), count=b.count, flagged=b.flagged, x=label_width, y=i * row + 4,
                        width=w, height=row - 8, flagged_width=room * b.flagged / peak, flagged_height=row - 8))
    return Chart(title, bars, width, max(row, len(shown) * row + 8), True, label_width)


def columns(title: str, buckets: list[Bucket], width: int = 600, height: int = 220) -> Chart:
    """One column per bucket (months, in order), labels underneath (every few, when many)."""
    every = max(1, -(-len(buckets) // 12))
    peak = max((b.count for b in buckets), default=0) or 1
    plot = height - 40
    step = (width - 20) / max(1, len(buckets))
    bars = []
    for i, b in enumerate(buckets):
        h = plot * b.count / peak
        fh = plot * b.flagged / peak
        bars.append(Bar(label=b.key or "未知", count=b.count, flagged=b.flagged, x=10 + i * step + step * 0.15,
                        y=plot - h + 14, width=step * 0.7, height=h, flagged_width=step * 0.7, flagged_height=fh,
                        labelled=i % every == 0))
    return Chart(title, bars, width, height, False)
