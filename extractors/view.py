"""A reading view of a Document: the text with soft line wraps joined, for the field regexes.

OCR returns one line per printed line, and a paragraph the layout could not join arrives broken
wherever the page edge fell, often inside an amount (`50,00` / `0元`) or a name. Joining a line to
the next unless it looks like it ends there (punctuation, or it is much shorter than a full line)
lets one regex see the whole value; `origin` maps every view character back to its Document offset
for evidence. Plain text keeps its lines: there the author's line breaks are meant.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.numbers import repair_ocr_digits
from ingest.document import Document, Evidence

_HARD_END = set("。；;：:！!？?")


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


def _reaches_margin(doc: Document, start: int, end: int, right: dict[int, float]) -> bool:
    """True when the line's last box ends at its page's right margin: the print went on below."""
    boxes = doc.span_boxes(start, end)
    if not boxes:
        return False
    page, box = boxes[-1]
    return box.x1 >= right.get(page, 1.0) - 0.04


def _right_margins(doc: Document, lines: list[str]) -> dict[int, float]:
    ends: dict[int, list[float]] = {}
    offset = 0
    for line in lines:
        for page, box in doc.span_boxes(offset, offset + len(line))[-1:]:
            ends.setdefault(page, []).append(box.x1)
        offset += len(line) + 1
    return {page: sorted(xs)[int(0.9 * (len(xs) - 1))] for page, xs in ends.items()}


def build_view(doc: Document) -> View:
    lines = doc.text.split("\n")
    full = 0 if doc.text_source == "text" else _full_width([len(x.strip()) for x in lines if x.strip()])
    right = _right_margins(doc, lines) if full else {}
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
            and (len(stripped) >= 0.75 * full or _reaches_margin(doc, offset, offset + len(line), right))
        )
        if not soft and i + 1 < len(lines):
            parts.append("\n")
            origin.append(offset + len(line))
        offset += len(line) + 1
    joined = "".join(parts)
    return View(text=repair_ocr_digits(joined), origin=tuple(origin), doc=doc, raw=joined)
