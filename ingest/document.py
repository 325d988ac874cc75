"""The Document: normalised text plus, for every character, the page and box it was read from.

Boxes are fractions of the page (0..1, origin top-left, after rotation was righted), so the review
page can draw them over a page image of any resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from lianfa.ingest.normalize import normalize_with_offsets, reading_indices

TextSource = Literal["text", "text_layer", "ocr", "mixed"]
PageSource = Literal["text", "text_layer", "ocr"]


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))


@dataclass(frozen=True)
class Line:
    """One line of OCR output, in the pixel coordinates of the image given to the engine."""

    text: str
    confidence: float
    quad: tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.quad]
        ys = [p[1] for p in self.quad]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class PageInfo:
    number: int  # 1-based
    width: float  # pixels of the righted page image, or PDF points for a text-layer page
    height: float
    source: PageSource
    rotation: int = 0  # degrees clockwise that were applied to right the page
    skew: float = 0.0  # degrees of residual skew that was corrected
    engine: str | None = None  # OCR engine name when source == "ocr"
    error: str | None = None  # set when this page could not be read; the rest of the file still is


@dataclass(frozen=True)
class Section:
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    page: int
    start: int
    end: int
    text: str
    box: Box | None


@dataclass(frozen=True)
class _LineRef:
    page: int
    box: Box | None
    start: int  # offset in Document.text of the line's first character
    end: int


@dataclass(frozen=True)
class Document:
    text: str
    pages: tuple[PageInfo, ...]
    text_source: TextSource
    sections: tuple[Section, ...] = ()
    _char_line: tuple[int, ...] = field(default=(), repr=False)
    _lines: tuple[_LineRef, ...] = field(default=(), repr=False)

    def with_sections(self, sections: list[Section]) -> Document:
        return replace(self, sections=tuple(sections))

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)

    def section_of(self, offset: int) -> str | None:
        return next((s.name for s in self.sections if s.start <= offset < s.end), None)

    def page_of(self, offset: int) -> int:
        if not self._char_line or not self.text:
            return 1
        offset = min(max(offset, 0), len(self._char_line) - 1)
        idx = self._char_line[offset]
        if idx < 0:
            # a synthetic newline: take the nearest real character before it
            for j in range(offset, -1, -1):
                if self._char_line[j] >= 0:
                    return self._lines[self._char_line[j]].page
            return 1
        return self._lines[idx].page

    def span_boxes(self, start: int, end: int) -> list[tuple[int, Box]]:
        """Boxes covering text[start:end], one per line touched, as (page, box)."""
        out: list[tuple[int, Box]] = []
        if not self._char_line:
            return out
        end = min(end, len(self._char_line))
        by_line: dict[int, tuple[int, int]] = {}
        for i in range(max(start, 0), end):
            li = self._char_line[i]
            if li < 0:
                continue
            lo, hi = by_line.get(li, (i, i))
            by_line[li] = (min(lo, i), max(hi, i))
        for li, (lo, hi) in sorted(by_line.items()):
            ref = self._lines[li]
            if ref.box is None:
                continue
            n = max(ref.end - ref.start, 1)
            w = ref.box.x1 - ref.box.x0
            # characters share the line's width evenly: good enough to highlight a field in it
            x0 = ref.box.x0 + w * (lo - ref.start) / n
            x1 = ref.box.x0 + w * (hi + 1 - ref.start) / n
            out.append((ref.page, Box(x0, ref.box.y0, x1, ref.box.y1)))
        return out

    def evidence(self, start: int, end: int) -> Evidence:
        boxes = self.span_boxes(start, end)
        box: Box | None = None
        page = self.page_of(start)
        for p, b in boxes:
            if p == page:
                box = b if box is None else box.union(b)
        return Evidence(page=page, start=start, end=end, text=self.text[start:end], box=box)


@dataclass(frozen=True)
class PageEnd:
    """How the last page a builder was given ended (ingest.layout writes it): its next page's first
    paragraph may carry on a sentence that ran to the right margin."""

    page: int
    open: bool  # the last paragraph reached the right margin without ending its sentence
    tail: str  # its last character
    left: float  # the text block's left margin
    seen: frozenset[str]  # the rows of this and earlier pages, squeezed: a running header repeats one


class DocumentBuilder:
    """Collects lines in reading order and normalises them, keeping each character's origin.

    `page_end` is the layout's state between pages: it belongs to the one document being built."""

    def __init__(self) -> None:
        self.page_end: PageEnd | None = None
        self._parts: list[str] = []
        self._char_line: list[int] = []
        self._lines: list[_LineRef] = []
        self._len = 0

    def add_line(self, raw: str, page: int, box: Box | None) -> None:
        text, _ = normalize_with_offsets(raw.replace("\n", " "))
        idx = len(self._lines)
        self._lines.append(_LineRef(page=page, box=box, start=self._len, end=self._len + len(text)))
        self._parts.append(text)
        self._char_line.extend([idx] * len(text))
        self._parts.append("\n")
        self._char_line.append(-1)
        self._len += len(text) + 1

    def add_segments(
        self, segments: list[tuple[str, Box | None]], page: int, seps: list[str], continues: str | None = None
    ) -> None:
        """One line of text made of pieces read from different places (table cells on one row, the
        wrapped rows of a paragraph): each piece keeps its own box, and `seps[i]` (placed between
        piece i and i+1) is text that was not on the page, so it maps to no box, like the newline.

        With `continues` set, this line carries on the previous one (a sentence running over a page
        break): the newline that ended it is replaced by `continues`, which also maps to no box."""
        if len(seps) != max(len(segments) - 1, 0):
            raise ValueError("add_segments needs one separator between each pair of segments")
        if continues is not None and self._parts and self._parts[-1] == "\n":
            self._parts[-1] = continues
            self._char_line[-1:] = [-1] * len(continues)
            self._len += len(continues) - 1
        # a reading the layout wrapped across two pieces (`文号(hào` / `)|…`) is found on the joined row
        joined = "".join(raw + (seps[i] if i < len(seps) else "") for i, (raw, _) in enumerate(segments))
        readings = reading_indices(joined) if "(" in joined or "（" in joined else set()
        at = 0
        for i, (raw, box) in enumerate(segments):
            if i:
                sep = seps[i - 1]
                self._parts.append(sep)
                self._char_line.extend([-1] * len(sep))
                self._len += len(sep)
            if readings:
                kept = "".join(ch for k, ch in enumerate(raw) if at + k not in readings)
                at += len(raw) + (len(seps[i]) if i < len(seps) else 0)
                raw = kept
            text, _ = normalize_with_offsets(raw.replace("\n", " "))
            self._lines.append(_LineRef(page=page, box=box, start=self._len, end=self._len + len(text)))
            self._parts.append(text)
            self._char_line.extend([len(self._lines) - 1] * len(text))
            self._len += len(text)
        self._parts.append("\n")
        self._char_line.append(-1)
        self._len += 1

    def add_text(self, raw: str, page: int = 1) -> None:
        """Plain text with no geometry: each of its lines is recorded without a box."""
        for line in raw.splitlines():
            self.add_line(line, page, None)

    def build(self, pages: list[PageInfo], text_source: TextSource) -> Document:
        return Document(
            text="".join(self._parts),
            pages=tuple(pages),
            text_source=text_source,
            _char_line=tuple(self._char_line),
            _lines=tuple(self._lines),
        )


def document_from_text(raw: str) -> Document:
    """A Document for plain text input (a .txt export, or a corpus decision)."""
    b = DocumentBuilder()
    b.add_text(raw)
    return b.build([PageInfo(number=1, width=0, height=0, source="text")], "text")
