"""Dates as decisions print them: 2023年5月12日, 二〇二三年五月十二日, 2023.5.12, 2023-05-12 ..."""

from __future__ import annotations

import random
from datetime import date, timedelta

from lianfa.corpora.generator.style import Bank, Style, pick

_CN_DIGITS = "〇一二三四五六七八九"

# Signature dates: how the decision date under the seal is printed.
SIGNATURE_DATE_FORMATS: Bank[str] = {
    "default": ("ymd_cn", "ymd_cn", "ymd_hanzi", "ymd_cn_padded"),
    "holdout": ("ymd_hanzi_zero", "ymd_dash", "ymd_cn_spaced"),
}
# Dates inside the prose (conduct, inspection, hearing).
BODY_DATE_FORMATS: Bank[str] = {
    "default": ("ymd_cn", "ymd_cn", "ymd_cn", "ymd_dot", "ymd_dash", "ymd_hanzi"),
    "holdout": ("ymd_slash", "ymd_cn_padded", "ymd_cn_padded", "ymd_dot_padded"),
}


def _hanzi_number(n: int) -> str:
    if n < 10:
        return "一二三四五六七八九"[n - 1] if n else "〇"
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else "一二三四五六七八九"[tens - 1]
    return head + "十" + ("一二三四五六七八九"[ones - 1] if ones else "")


def write_date(d: date, fmt: str) -> str:
    if fmt == "ymd_cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if fmt == "ymd_cn_padded":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if fmt == "ymd_cn_spaced":
        return f"{d.year} 年 {d.month} 月 {d.day} 日"
    if fmt == "ymd_hanzi":
        year = "".join(_CN_DIGITS[int(c)] for c in str(d.year))
        return f"{year}年{_hanzi_number(d.month)}月{_hanzi_number(d.day)}日"
    if fmt == "ymd_hanzi_zero":
        year = "".join("零一二三四五六七八九"[int(c)] for c in str(d.year))
        return f"{year}年{_hanzi_number(d.month)}月{_hanzi_number(d.day)}日"
    if fmt == "ymd_dot":
        return f"{d.year}.{d.month}.{d.day}"
    if fmt == "ymd_dot_padded":
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    if fmt == "ymd_dash":
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if fmt == "ymd_slash":
        return f"{d.year}/{d.month}/{d.day}"
    raise ValueError(f"unknown date format {fmt!r}")


class BodyDates:
    """Dates in one decision's prose: mostly one format throughout, as one clerk types them; now and
    then (mixed=True) each date drawn afresh, as in decisions pasted together from several files."""

    def __init__(self, rng: random.Random, style: Style) -> None:
        self.rng = rng
        self.style = style
        self.fmt = pick(rng, BODY_DATE_FORMATS, style)
        self.mixed = rng.random() < 0.15

    def __call__(self, d: date) -> str:
        return write_date(d, pick(self.rng, BODY_DATE_FORMATS, self.style) if self.mixed else self.fmt)


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def plus_days(d: date, days: int) -> date:
    return d + timedelta(days=days)
