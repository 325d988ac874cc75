"""A reading view of a Document: the text with soft line wraps joined, for the field regexes.

OCR returns one line per printed line, and a paragraph the layout could not join arrives broken
wherever the page edge fell, often inside an amount (`50,00` / `0元`) or a name. Joining a line to
the next unless it looks like it ends there (punctuation, or it is much shorter than a full line)
lets one regex see the whole value; `origin` maps every view character back to its Document offset
for evidence. Plain text keeps its lines: there the author's line breaks are meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.numbers import repair_ocr_digits
from ingest.document import Document, Evidence

_HARD_END = set("。；;：:！!？?")
# Lines that end where they stand, whatever their width: titles, and table rows (cells set apart by
# spaces, which Chinese running text does not use).
_STANDS_ALONE = re.compile(r"(?:决定书?|通知书|告知书)\s*$|[\u4e00-\u9fff\w)）]\s+[\u4e00-\u9fff\w(（]")


@dataclass(frozen=True)
class View:
    text: str
    origin: tuple[int, ...]  # origin[i] = Document offset of text[i]
    doc: Document
    raw: str  # `text` before OCR digit repair (same length): codes are reported as printed

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        if not self.origin:
            return 0, 0
        end = max(end, start + 1)
        return self.origin[min(start, len(self.origin) - 1)], self.origin[min(end, len(self.origin)) - 1] + 1

    def evidence(self, start: int, end: int) -> Evidence:
        s, e = self.doc_span(start, end)
        return self.doc.evidence(s, e)

    def section_of(self, pos: int) -> str | None:
        if not self.origin:
            return None
        return self.doc.section_of(self.origin[min(pos, len(self.origin) - 1)])


def _full_width(lengths: list[int]) -> int:
    if not lengths:
        return 0
    ordered = sorted(lengths)
    return ordered[int(0.9 * (len(ordered) - 1))]


def _spans_the_line(doc: Document, start: int, end: int, margins: dict[int, tuple[float, float]]) -> bool:
    """True when the line runs from the left margin (or a paragraph indent) to the right one: the
    print went on below. Centred titles and right-aligned signatures do not start at the margin."""
    boxes = doc.span_boxes(start, end)
    if not boxes:
        return False
    page, last = boxes[-1]
    left, right = margins.get(page, (0.0, 1.0))
    return boxes[0][1].x0 <= left + 0.08 and last.x1 >= right - 0.04


def _margins(doc: Document, lines: list[str]) -> dict[int, tuple[float, float]]:
    starts: dict[int, list[float]] = {}
    ends: dict[int, list[float]] = {}
    offset = 0
    for line in lines:
        boxes = doc.span_boxes(offset, offset + len(line))
        if boxes:
            starts.setdefault(boxes[0][0], []).append(boxes[0][1].x0)
            ends.setdefault(boxes[-1][0], []).append(boxes[-1][1].x1)
        offset += len(line) + 1
    return {
        page: (sorted(starts.get(page, [0.0]))[int(0.1 * (len(starts.get(page, [0.0])) - 1))],
               sorted(xs)[int(0.9 * (len(xs) - 1))])
        for page, xs in ends.items()
    }


def build_view(doc: Document) -> View:
    lines = doc.text.split("\n")
    full = 0 if doc.text_source == "text" else _full_width([len(x.strip()) for x in lines if x.strip()])
    margins = _margins(doc, lines) if full else {}
    parts: list[str] = []
    origin: list[int] = []
    offset = 0
    for i, line in enumerate(lines):
        parts.append(line)
        origin.extend(range(offset, offset + len(line)))
        stripped = line.strip()
        soft = (
            i + 1 < len(lines)
            and stripped != ""
            and stripped[-1] not in _HARD_END
            and full > 0
            and len(stripped) >= 12
            and not _STANDS_ALONE.search(stripped)
            and (len(stripped) >= 0.75 * full or _spans_the_line(doc, offset, offset + len(line), margins))
        )
        if not soft and i + 1 < len(lines):
            parts.append("\n")
            origin.append(offset + len(line))
        offset += len(line) + 1
    joined = "".join(parts)
    return View(text=repair_ocr_digits(joined), origin=tuple(origin), doc=doc, raw=joined)
