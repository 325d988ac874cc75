"""Page layout: a GoldRecord's blocks placed on A4 pages, whatever the pages are later drawn with.

Positions are pixels at the render resolution. The image painter and the PDF text-layer writer
draw from the same layout, so a page looks alike in every output format.

Ground truth, per page: `text` is the decision text the page carries, in reading order. A block
line ends with "\\n" on the page where it ends, and a line wrapped across a page break carries no
newline at the break, so the page texts concatenated give back `GoldRecord.text` exactly (the
last page drops the final newline). Page furniture (page numbers) is not decision text: it is
kept in `furniture`. A parties table's ground truth is its block's text (the cells, in the
record's own wording).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from lianfa.corpora.gold import Block, GoldRecord
from lianfa.corpora.render.fonts import FontSpec, Measurer, measurer
from lianfa.corpora.render.style import Style

Align = Literal["left", "center", "right"]
Color = tuple[int, int, int]
BLACK: Color = (0, 0, 0)
LETTERHEAD_RED: Color = (200, 16, 24)

# Chinese typesetting: these never begin a line (they hang into the margin instead) ...
_NO_LINE_START = frozenset("，。、；：？！）》」』”’】〕,.;:?!)%")
# ... and these never end one.
_NO_LINE_END = frozenset("（《「『“‘【〔(")
# Digits, Latin letters and the symbols inside numbers, codes and 文号 stay on one line when they fit.
_TOKEN = re.compile(r"[0-9A-Za-z]+(?:[.,:\-_/][0-9A-Za-z]+)*%?|.", re.S)


@dataclass(eq=False)
class Run:
    """One printed line of text."""

    x: float  # left edge
    baseline: float
    text: str
    font: FontSpec
    width: float
    align: Align = "left"  # how a writer with other font metrics anchors the line
    color: Color = BLACK
    tracking: float = 0.0  # extra pixels after each character

    @property
    def box(self) -> tuple[float, float, float, float]:
        m = measurer(self.font)
        return (self.x, self.baseline - m.ascent, self.x + self.width, self.baseline + m.descent)


@dataclass
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float


@dataclass
class SealSpot:
    cx: float
    cy: float
    diameter: float
    agency: str
    covers: list[str]


@dataclass
class PageLayout:
    number: int
    width: int
    height: int
    runs: list[Run] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    furniture: list[Run] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    seal: SealSpot | None = None

    @property
    def text(self) -> str:
        return "".join(self.pieces)


def wrap(text: str, m: Measurer, first_width: float, width: float) -> list[str]:
    """Split `text` into lines that fit; the lines concatenated are `text` again."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        tokens.extend(token if len(token) > 1 and m.width(token) > width else [token])
    lines: list[str] = []
    current = ""
    used = 0.0
    limit = first_width
    i = 0
    while i < len(tokens):
        token = tokens[i]
        w = m.width(token)
        if used + w <= limit or (not current and len(token) == 1) or (current and token in _NO_LINE_START):
            current += token
            used += w
            i += 1
        elif not current:
            # wider than this (indented first) line: break the number or code by characters
            tokens[i : i + 1] = list(token)
        else:
            carry = current
            while carry and carry[-1] in _NO_LINE_END:
                carry = carry[:-1]
            carry = current[len(carry) :] if carry else ""
            lines.append(current[: len(current) - len(carry)])
            current = carry
            used = m.width(carry)
            limit = width
    lines.append(current)
    return lines


class _Flow:
    def __init__(self, style: Style) -> None:
        self.style = style
        self.pages: list[PageLayout] = []
        self.y = 0.0
        self._new_page()

    @property
    def page(self) -> PageLayout:
        return self.pages[-1]

    @property
    def bottom(self) -> float:
        return self.style.height - self.style.bottom

    def _new_page(self) -> None:
        self.pages.append(PageLayout(len(self.pages) + 1, self.style.width, self.style.height))
        self.y = self.style.top

    def ensure(self, height: float) -> None:
        at_top = self.y <= self.style.top + 0.5
        if self.y + height > self.bottom and not at_top:
            self._new_page()

    def skip(self, height: float) -> None:
        if self.y > self.style.top + 0.5:
            self.y = min(self.y + height, self.bottom)

    def line(self, piece: str, run_text: str, font: FontSpec, x: float, align: Align, pitch: float,
             color: Color = BLACK, tracking: float = 0.0) -> Run:
        self.ensure(pitch)
        m = measurer(font)
        width = m.width(run_text) + tracking * len(run_text)
        baseline = self.y + (pitch + m.ascent - m.descent) / 2
        run = Run(x, baseline, run_text, font, width, align, color, tracking)
        if run_text:
            self.page.runs.append(run)
        self.page.pieces.append(piece)
        self.y += pitch
        return run


def _x_for(style: Style, width: float, align: Align, indent: float = 0.0, right_inset: float = 0.0) -> float:
    if align == "center":
        return style.left + (style.text_width - width) / 2
    if align == "right":
        return style.width - style.right - right_inset - width
    return style.left + indent


def _pitch(style: Style, font: FontSpec) -> float:
    return style.line_pitch * font.size / style.body.size


class _Composer:
    def __init__(self, record: GoldRecord, style: Style) -> None:
        self.record = record
        self.style = style
        self.flow = _Flow(style)
        self.signature_runs: list[Run] = []
        self.date_runs: list[Run] = []

    def flowed(self, text: str, font: FontSpec, align: Align, *, indent_chars: int = 0,
               color: Color = BLACK, tracking: float = 0.0, right_inset: float = 0.0) -> list[Run]:
        style = self.style
        m = measurer(font)
        pitch = _pitch(style, font)
        runs: list[Run] = []
        for para in text.split("\n"):
            indent = indent_chars * font.size if align == "left" else 0.0
            avail = style.text_width - right_inset
            # a spaced-out title that would run off the paper is set tighter, and wrapped when even
            # unspaced it is wider than the text block, as a typist would
            spread = min(tracking, max(avail - m.width(para), 0.0) / max(len(para), 1))
            pieces = wrap(para, m, avail - indent, avail) if not spread else [para]
            for pi, piece in enumerate(pieces):
                last = pi == len(pieces) - 1
                line_indent = indent if pi == 0 else 0.0
                spacing = spread
                if style.justify and align == "left" and not last and piece:
                    # 两端对齐: full lines reach the right margin, the slack shared between characters
                    slack = avail - line_indent - m.width(piece)
                    spacing = min(max(slack, 0.0) / len(piece), 0.5 * font.size)
                w = m.width(piece) + spacing * len(piece)
                x = _x_for(style, w, align, line_indent, right_inset)
                runs.append(self.flow.line(piece + ("\n" if last else ""), piece, font, x, align,
                                           pitch, color, spacing))
        return runs

    def table(self, block: Block) -> bool:
        """Draw a parties block as a ruled table; False when it cannot fit on one page."""
        style = self.style
        rows = block.rows or []
        font = style.body
        m = measurer(font)
        pitch = style.line_pitch
        pad = 0.35 * font.size
        ncols = max(len(r) for r in rows)
        natural = [0.0] * ncols
        for row in rows:
            for c, cell in enumerate(row):
                natural[c] = max(natural[c], m.width(cell) + 2 * pad)
        avail = style.text_width
        widths = _column_widths(natural, avail, min_width=3 * font.size)
        cells: list[list[list[str]]] = []
        heights: list[float] = []
        for row in rows:
            wrapped = []
            for c in range(ncols):
                cell = row[c] if c < len(row) else ""
                wrapped.append(wrap(cell, m, widths[c] - 2 * pad, widths[c] - 2 * pad))
            cells.append(wrapped)
            heights.append(max(len(w) for w in wrapped) * pitch + pad)
        total = sum(heights)
        if total > style.height - style.top - style.bottom:
            return False
        flow = self.flow
        flow.ensure(total)
        top = flow.y
        xs = [style.left]
        for w in widths:
            xs.append(xs[-1] + w)
        rule_w = max(1.0, style.dpi / 150)
        y = top
        for wrapped, h in zip(cells, heights, strict=True):
            flow.page.rules.append(Rule(xs[0], y, xs[-1], y, rule_w))
            for c, lines in enumerate(wrapped):
                for i, text in enumerate(lines):
                    if not text:
                        continue
                    baseline = y + pad / 2 + i * pitch + (pitch + m.ascent - m.descent) / 2
                    flow.page.runs.append(Run(xs[c] + pad, baseline, text, font, m.width(text)))
            y += h
        flow.page.rules.append(Rule(xs[0], y, xs[-1], y, rule_w))
        for x in xs:
            flow.page.rules.append(Rule(x, top, x, y, rule_w))
        flow.page.pieces.append(block.text + "\n")
        flow.y = y + 0.3 * pitch
        return True

    def closing(self, blocks: Sequence[Block]) -> None:
        """Signature and date: kept on one page, with room above for the seal."""
        style = self.style
        pitch = style.line_pitch
        lines = sum(len(b.text.split("\n")) for b in blocks)
        self.flow.skip(pitch * 1.5)
        self.flow.ensure(lines * pitch + pitch)
        sig_width = max((measurer(style.body).width(b.text.split("\n")[0]) for b in blocks
                         if b.kind == "signature"), default=0.0)
        for block in blocks:
            align: Align = block.align if block.align != "left" else "right"
            inset = style.signature_inset
            if block.kind == "date" and style.date_under_signature_centre and sig_width:
                width = measurer(style.body).width(block.text)
                inset = style.signature_inset + max(0.0, (sig_width - width) / 2)
            runs = self.flowed(block.text, style.body, align, right_inset=inset)
            (self.signature_runs if block.kind == "signature" else self.date_runs).extend(runs)

    def compose(self) -> list[PageLayout]:
        style = self.style
        blocks = self.record.blocks
        i = 0
        while i < len(blocks):
            block = blocks[i]
            kind = block.kind
            if kind in ("signature", "date"):
                group = [block]
                while i + 1 < len(blocks) and blocks[i + 1].kind in ("signature", "date"):
                    i += 1
                    group.append(blocks[i])
                self.closing(group)
            elif kind == "header":
                color = LETTERHEAD_RED if style.header_red else BLACK
                self.flowed(block.text, style.header, "center", color=color)
                self.flow.skip(style.line_pitch * 0.4)
                if style.header_red:
                    rule_y = self.flow.y - style.line_pitch * 0.2
                    self.flow.page.rules.append(
                        Rule(style.left, rule_y, style.width - style.right, rule_y, max(2.0, style.dpi / 60))
                    )
            elif kind == "title":
                self.flowed(block.text, style.title, "center", tracking=style.title_tracking)
                self.flow.skip(style.line_pitch * 0.5)
            elif kind == "doc_number":
                self.flowed(block.text, style.body, block.align)
                self.flow.skip(style.line_pitch * 0.5)
            elif kind == "parties":
                if not (block.rows and style.table_parties and self.table(block)):
                    self.flowed(block.text, style.body, block.align, indent_chars=style.parties_indent_chars)
            elif kind == "heading":
                self.flowed(block.text, style.heading, block.align, indent_chars=style.indent_chars)
            elif kind == "footer":
                self.flow.skip(style.line_pitch * 0.5)
                self.flowed(block.text, style.small, block.align)
            else:
                self.flowed(block.text, style.body, block.align, indent_chars=style.indent_chars)
                self.flow.skip(style.paragraph_gap)
            i += 1
        pages = self.flow.pages
        last = pages[-1].pieces
        if last and last[-1].endswith("\n"):
            last[-1] = last[-1][:-1]
        self._furnish(pages)
        self._place_seal(pages)
        return pages

    def _furnish(self, pages: list[PageLayout]) -> None:
        """Running header (the 文号 on continuation pages, on some templates) and page numbers."""
        style = self.style
        font = style.small
        m = measurer(font)
        if style.running_header and self.record.doc_number:
            text = self.record.doc_number
            width = m.width(text)
            for page in pages[1:]:
                page.furniture.append(Run(_x_for(style, width, "right"), style.top / 2, text, font, width, "right"))
        if len(pages) == 1 and not style.number_single_page:
            return
        align: Align = "center" if style.page_number_align == "center" else "right"
        for page in pages:
            text = style.page_number_format.format(n=page.number, m=len(pages))
            width = m.width(text)
            baseline = style.height - style.bottom / 2
            page.furniture.append(Run(_x_for(style, width, align), baseline, text, font, width, align))

    def _place_seal(self, pages: list[PageLayout]) -> None:
        anchors = self.signature_runs + self.date_runs
        if not anchors:
            return
        style = self.style
        page = next(p for p in reversed(pages) if any(r in p.runs for r in anchors))
        on_page = [r for r in anchors if r in page.runs]
        sig = [r for r in on_page if r in self.signature_runs] or on_page
        cx = sum(r.x + r.width / 2 for r in sig) / len(sig) + style.seal_offset[0]
        cy = (min(r.box[1] for r in on_page) + max(r.box[3] for r in on_page)) / 2 + style.seal_offset[1]
        radius = style.seal_diameter / 2
        covers = [r.text for r in page.runs if _disc_touches(cx, cy, radius * 0.92, r.box)]
        page.seal = SealSpot(cx, cy, style.seal_diameter, self.record.agency, covers)


def _column_widths(natural: list[float], avail: float, min_width: float) -> list[float]:
    total = sum(natural)
    if total <= avail:
        return [w * avail / total for w in natural]
    fair = avail / len(natural)
    fixed = [w if w <= fair else 0.0 for w in natural]
    flexible = sum(w for w in natural if w > fair)
    room = avail - sum(fixed)
    return [w if w <= fair else max(min_width, w * room / flexible) for w in natural]


def _disc_touches(cx: float, cy: float, r: float, box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    nx = min(max(cx, x0), x1)
    ny = min(max(cy, y0), y1)
    return math.hypot(cx - nx, cy - ny) < r


def layout_record(record: GoldRecord, style: Style) -> list[PageLayout]:
    """All pages of a decision, laid out (cheap: positions and strings, no pixels)."""
    return _Composer(record, style).compose()
