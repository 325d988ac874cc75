"""Dates as agencies write them, and the decision date: the one in the 落款, not a date of the facts.

Written forms: 2023年5月12日, 二〇二三年五月十二日, 2023.5.12, 2023-05-12, 2023/5/12, with spaces and
OCR slips inside. The decision date is the last date of the signature block; when the segmenter found
none, the last date standing on its own line near the end, else the last date before the remedy notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extractors.numbers import parse_number
from extractors.view import View
from ingest.document import Evidence

_CN = "零〇○O一二三四五六七八九十"
DATE = re.compile(
    rf"(?P<y>(?:19|20)\s?\d\s?\d|[一二][{_CN}]{{3}})\s?年\s?(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s?月\s?(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s?[日号]"
    r"|(?P<y2>(?:19|20)\d{2})\s?(?P<sep>[.\-/])\s?(?P<m2>\d{1,2})\s?(?P=sep)\s?(?P<d2>\d{1,2})(?!\d)"
)


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int
    end: int


@dataclass(frozen=True)
class DecisionDate:
    value: date
    evidence: Evidence


def _num(s: str) -> int | None:
    s = s.replace(" ", "").replace("O", "〇").replace("○", "〇")
    v = parse_number(s)
    return int(v) if v is not None else None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    out: list[FoundDate] = []
    for m in DATE.finditer(text, start, len(text) if end is None else end):
        if m.group("y"):
            y, mo, d = _num(m.group("y")), _num(m.group("m")), _num(m.group("d"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if y is None or mo is None or d is None:
            continue
        try:
            out.append(FoundDate(date(y, mo, d), m.start(), m.end()))
        except ValueError:
            continue
    return out


def extract_decision_date(view: View, signature: tuple[int, int] | None, remedy_start: int | None) -> DecisionDate | None:
    text = view.text
    candidates: list[FoundDate] = []
    if signature is not None:
        candidates = find_dates(text, *signature)
    if not candidates:
        tail_start = int(len(text) * 0.6)
        for f in find_dates(text, tail_start):
            line_start = text.rfind("\n", 0, f.start) + 1
            line_end = text.find("\n", f.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if len(line.strip()) <= (f.end - f.start) + 4:
                candidates.append(f)
    if not candidates and remedy_start is not None:
        candidates = find_dates(text, 0, remedy_start)
    if not candidates:
        return None
    # A 送达 or 执行 note after the 落款 carries its own date; the decision's is the first in the block.
    chosen = candidates[0] if signature is not None and len(candidates) > 1 else candidates[-1]
    return DecisionDate(value=chosen.value, evidence=view.evidence(chosen.start, chosen.end))
