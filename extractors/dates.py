"""Dates as agencies write them, and the decision date: the one in the 落款, not a date of the facts.

Written forms: 2023年5月12日, 二〇二三年五月十二日, 2023.5.12, 2023-05-12, 2023/5/12, with spaces and
OCR slips inside. The decision date is the last date of the signature block; when the segmenter found
none, the last date standing on its own line near the end, else the last date before the remedy notice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from lianfa.extractors.numbers import parse_number
from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence

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


_SEAL_NOTE = re.compile(r"[(（〔\[【]?\s*(?:公章|印章|盖章|章|签章|印)\s*[)）〕\]】]?")
_PUNCT = re.compile(r"[\s,，.。:：;；]")


def _is_signature_line(rest: str, is_agency: Callable[[str], bool]) -> bool:
    rest = _PUNCT.sub("", _SEAL_NOTE.sub("", rest))
    return rest == "" or is_agency(rest)


def extract_decision_date(
    view: View, signature: tuple[int, int] | None, is_agency: Callable[[str], bool]
) -> DecisionDate | None:
    """The date of the 落款: the last line holding only a date, or a date beside the agency's name
    (`某某局  2021年5月6日`), wherever the agency put the block; else the first date on a short line
    of the segmenter's signature section."""
    text = view.text
    chosen: FoundDate | None = None
    pos = 0
    for line in text.split("\n"):
        found = find_dates(line)
        if len(found) == 1:
            f = found[0]
            rest = line[: f.start] + line[f.end :]
            if _is_signature_line(rest, is_agency):
                chosen = FoundDate(f.value, pos + f.start, pos + f.end)
        pos += len(line) + 1
    if chosen is None and signature is not None:
        # a 落款 line with OCR noise beside the date (a seal read as characters), but still short
        for f in find_dates(text, *signature):
            line_start = text.rfind("\n", 0, f.start) + 1
            line_end = text.find("\n", f.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
            if len(line) <= 30 and not re.search(r"[。，,；;]", line):
                chosen = f
                break
    if chosen is None:
        return None
    return DecisionDate(value=chosen.value, evidence=view.evidence(chosen.start, chosen.end))
