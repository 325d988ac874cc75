"""Reading order: from OCR lines or PDF characters to the lines of a Document, with their boxes.

Both entry points reduce their input to *pieces* (a run of text with a box), then share one
pipeline:

1. residual skew is measured from the pieces' own top edges and undone, so rows are found on a
   level page;
2. pieces are grouped into visual rows with a tolerance relative to their height (never absolute
   pixels, because scan resolution and font size vary), refusing to put two pieces that overlap
   horizontally in one row: that is a seal or stamp over text, not a continuation;
3. pieces on one row are joined left to right: a small gap is one line detected in two fragments
   (joined directly), a wide gap is a table cell (joined with a space, or with ":" after a bare
   field label, so "名称 | 某公司" reads "名称:某公司", as a printed "名称：" reads after NFKC);
4. wrapped rows of one paragraph are joined into one line, so a sentence (and a number or a law
   name broken at the margin) is not split by a newline; every piece keeps its own box;
5. page furniture in the top or bottom margin is dropped: page numbers ("第1页 共3页", "- 2 -",
   "2/3") and running headers or footers that repeat a row of an earlier page (the 文号 atop
   continuation pages). They carry nothing an extractor needs and would split a sentence that
   runs over a page break;
6. a sentence that runs over a page break (the page's last row reaches the right margin without
   ending a sentence, the next page's first row starts at the left margin) stays one line.

Boxes given to the builder are page fractions (0..1, origin top-left).
"""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

import regex

from lianfa.ingest.document import Box, DocumentBuilder, Line, PageEnd
from lianfa.ingest.normalize import normalize
from lianfa.ingest.party_labels import labels_pattern
from lianfa.ingest.weighted import weighted_median

# Residual skew above this is not "residual": the page was not righted, and guessing would do harm.
_MAX_SKEW_DEG = 8.0

# A table cell holding only a field label has its value in the next cell: joining them with ":"
# keeps "名称:某公司" readable for extractors.
_LABEL_RE = re.compile(rf"^\s*{labels_pattern()}\s*(?:[（(][^（()）]{{1,10}}[)）])?\s*$")
_COLONS = "：:"
_FIELD_RE = re.compile(r"^\s*[^\s，。；：:,]{2,10}[：:]")
# Labels that open a cell of a party table, where OCR may have run the cell before into them.
_EMBEDDED_LABEL = re.compile(
    r"(?<=[\u4e00-\u9fff0-9A-Za-z)）])(?:统一社会信用代码|社会信用代码|统一代码|信用代码|法定代表人|法人代表|负责人"
    r"|经营者|(?:注册|联系|办公|营业|门店|经营)地址|住所地?|(?:营业执照)?注册号|证件号码|身份证号码?|居住地)"
)
# A row that starts with "label：" or an enumeration opens a new line even when the row above it
# reached the right margin (a long address followed by "法定代表人：…").
_NEW_ITEM_RE = re.compile(
    r"^\s*(?:[^\s，。；：:,]{2,10}[：:]|[（(]?[一二三四五六七八九十0-9]{1,3}[)）、.．](?![项款条目0-9])|第[一二三四五六七八九十百0-9]+[条章节项])"
)
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:"
    r"第\s*[0-9一二三四五六七八九十百]+\s*页\s*[,，/、]?\s*(?:共\s*[0-9一二三四五六七八九十百]+\s*页)?"
    r"|共\s*[0-9一二三四五六七八九十百]+\s*页\s*[,，/、]?\s*第\s*[0-9一二三四五六七八九十百]+\s*页"
    r"|[-—–－_~]*\s*[0-9]{1,4}\s*[-—–－_~]*"
    r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}"
    r"|page\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?"
    r")\s*$",
    re.IGNORECASE,
)


_PAGE_MARGIN = 0.1  # page-number rows are dropped only within this fraction of the top or bottom
_SENTENCE_END = "。！？!?；;"
_TITLE_END = re.compile(r"(?:决定书?|通知书|告知书)\s*$")


@dataclass
class _Piece:
    text: str
    box: Box  # page fractions, for the Document
    x0: float  # extents on the levelled page, in input units
    y0: float
    x1: float
    y1: float

    @property
    def h(self) -> float:
        return max(self.y1 - self.y0, 1e-6)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class _Row:
    pieces: list[_Piece] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(p.x0 for p in self.pieces)

    @property
    def x1(self) -> float:
        return max(p.x1 for p in self.pieces)

    @property
    def y0(self) -> float:
        return min(p.y0 for p in self.pieces)

    @property
    def y1(self) -> float:
        return max(p.y1 for p in self.pieces)

    @property
    def cy(self) -> float:
        return statistics.fmean(p.cy for p in self.pieces)

    @property
    def h(self) -> float:
        return statistics.median(p.h for p in self.pieces)


@dataclass
class _Out:
    """Text for the builder: pieces, and the separators between them."""

    pieces: list[_Piece]
    seps: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        parts = [self.pieces[0].text]
        for sep, p in zip(self.seps, self.pieces[1:], strict=True):
            parts.append(sep)
            parts.append(p.text)
        return "".join(parts)

    def extend(self, other: _Out, sep: str) -> None:
        self.seps.append(sep)
        self.pieces.extend(other.pieces)
        self.seps.extend(other.seps)


@dataclass
class _Line:
    """One line of the Document: a visual row, or a table row whose cells wrap over several."""

    cells: list[_Out]
    cell_x0: list[float]
    rows: list[_Row]

    def out(self) -> _Out:
        out = _Out(list(self.cells[0].pieces), list(self.cells[0].seps))
        for prev, cell in pairwise(self.cells):
            out.extend(cell, _cell_sep(prev.text, cell.text))
        return out


def add_ocr_page(builder: DocumentBuilder, lines: list[Line], page: int, width: float, height: float) -> None:
    """Add one page of OCR lines (pixel quads of the righted page image) in reading order."""
    lines = [ln for ln in lines if ln.text.strip()]
    angle = _estimate_skew(lines)
    cos, sin = math.cos(-angle), math.sin(-angle)
    pieces: list[_Piece] = []
    for ln in lines:
        xs = [p[0] for p in ln.quad]
        ys = [p[1] for p in ln.quad]
        rx = [x * cos - y * sin for x, y in ln.quad]
        ry = [x * sin + y * cos for x, y in ln.quad]
        pieces.append(
            _Piece(
                text=ln.text.strip(),
                box=_fraction_box(min(xs), min(ys), max(xs), max(ys), width, height),
                x0=min(rx),
                y0=min(ry),
                x1=max(rx),
                y1=max(ry),
            )
        )
    pieces = [part for piece in pieces for part in _split_at_labels(piece)]
    # the levelled page's vertical extent, for the page-number margin test
    corners = [(0.0, 0.0), (width, 0.0), (0.0, height), (width, height)]
    top = min(x * sin + y * cos for x, y in corners)
    bottom = max(x * sin + y * cos for x, y in corners)
    _emit(builder, pieces, page, top, bottom, width)


def _split_at_labels(piece: _Piece) -> list[_Piece]:
    """OCR often reads a value cell and the next label cell of a ruled table as one piece
    (`某某食品厂翠屏分公统一代码`); split there, at widths estimated from the characters, so a wrapped
    tail (`司`) can find the value it continues. In running text the parts join again unchanged."""
    cuts = [m.start() for m in _EMBEDDED_LABEL.finditer(piece.text) if m.start() >= 2]
    if not cuts:
        return [piece]
    weights = [0.55 if ch.isascii() else 1.0 for ch in piece.text]
    total = sum(weights)
    bounds = [0, *cuts, len(piece.text)]
    out: list[_Piece] = []
    for a, b in pairwise(bounds):
        f0, f1 = sum(weights[:a]) / total, sum(weights[:b]) / total
        bx = piece.box
        out.append(
            _Piece(
                text=piece.text[a:b],
                box=Box(bx.x0 + f0 * (bx.x1 - bx.x0), bx.y0, bx.x0 + f1 * (bx.x1 - bx.x0), bx.y1),
                x0=piece.x0 + f0 * (piece.x1 - piece.x0),
                y0=piece.y0,
                x1=piece.x0 + f1 * (piece.x1 - piece.x0),
                y1=piece.y1,
            )
        )
    return out


def add_text_layer_page(
    builder: DocumentBuilder, chars: list[dict], page: int, width: float, height: float
) -> None:
    """Add one page of a PDF text layer, from pdfplumber's `page.chars` (not `extract_words`:
    characters give exact boxes and let the gaps, not pdfplumber's defaults, decide spacing).

    `width`/`height` are the page size in PDF points (pdfplumber's `page.width`/`page.height`)."""
    usable = [c for c in chars if str(c.get("text", "")).strip()]
    upright = [c for c in usable if c.get("upright", True)]
    # Rotated glyphs on an upright page are a vector seal or a watermark; if most glyphs are
    # rotated the whole page is, and they are kept.
    if len(upright) >= 0.5 * len(usable):
        usable = upright
    rows = _group_rows(_dedupe_overprint([_char_piece(c, width, height) for c in usable]))
    pieces: list[_Piece] = []
    for row in rows:
        pieces.extend(_runs(row.pieces))
    _emit(builder, pieces, page, 0.0, height, width)


def _char_piece(c: dict, width: float, height: float) -> _Piece:
    x0, x1, top, bottom = float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"])
    return _Piece(
        text=str(c["text"]),
        box=_fraction_box(x0, top, x1, bottom, width, height),
        x0=x0,
        y0=top,
        x1=x1,
        y1=bottom,
    )


def _dedupe_overprint(chars: list[_Piece]) -> list[_Piece]:
    """PDF writers fake bold by printing a glyph twice, a hair apart: keep one."""
    kept: dict[tuple[str, int, int], list[_Piece]] = {}
    out: list[_Piece] = []
    for c in chars:
        cell = 0.3 * c.h
        gx, gy = int(c.x0 // cell), int(c.y0 // cell)
        near = (q for dx in (-1, 0, 1) for dy in (-1, 0, 1) for q in kept.get((c.text, gx + dx, gy + dy), ()))
        if any(abs(q.x0 - c.x0) < cell and abs(q.y0 - c.y0) < cell for q in near):
            continue
        kept.setdefault((c.text, gx, gy), []).append(c)
        out.append(c)
    return out


def _runs(chars: list[_Piece]) -> list[_Piece]:
    """Characters of one row → runs split at gaps wider than a character; the row pipeline then
    decides whether a gap is a fragment boundary or a table cell. Latin words get their spaces
    back from the gaps, CJK text never gets spaces from letter-spacing."""
    runs: list[_Piece] = []
    cur: list[_Piece] = []
    text: list[str] = []
    for c in chars:
        if cur:
            gap = c.x0 - cur[-1].x1
            size = max(c.h, cur[-1].h)
            if gap > 0.8 * size:
                runs.append(_merge(cur, "".join(text)))
                cur, text = [], []
            elif gap > 0.15 * size and (_is_ascii_word(text[-1][-1:]) or _is_ascii_word(c.text[:1])):
                text.append(" ")
        cur.append(c)
        text.append(c.text)
    if cur:
        runs.append(_merge(cur, "".join(text)))
    return runs


def _merge(pieces: list[_Piece], text: str) -> _Piece:
    box = pieces[0].box
    for p in pieces[1:]:
        box = box.union(p.box)
    return _Piece(
        text=re.sub(r"\s+", " ", text).strip(),
        box=box,
        x0=min(p.x0 for p in pieces),
        y0=min(p.y0 for p in pieces),
        x1=max(p.x1 for p in pieces),
        y1=max(p.y1 for p in pieces),
    )


def _is_ascii_word(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def _fraction_box(x0: float, y0: float, x1: float, y1: float, width: float, height: float) -> Box:
    w = width if width > 0 else 1.0
    h = height if height > 0 else 1.0

    def clip(v: float) -> float:
        return min(max(v, 0.0), 1.0)

    return Box(clip(x0 / w), clip(y0 / h), clip(x1 / w), clip(y1 / h))


def _estimate_skew(lines: list[Line]) -> float:
    """Width-weighted median angle (radians) of the long lines' top and bottom edges."""
    samples: list[tuple[float, float]] = []
    for ln in lines:
        (ax, ay), (bx, by), (cx, cy), (dx, dy) = ln.quad
        w = math.hypot(bx - ax, by - ay)
        h = math.hypot(dx - ax, dy - ay)
        # short boxes (a single character, a seal fragment) say little about the page's angle
        if w < 3 * max(h, 1e-6):
            continue
        top = math.atan2(by - ay, bx - ax)
        bottom = math.atan2(cy - dy, cx - dx)
        angle = (top + bottom) / 2
        if abs(math.degrees(angle)) <= _MAX_SKEW_DEG:
            samples.append((angle, w))
    return weighted_median(samples)


def _x_overlap(a: _Piece, b: _Piece) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


@dataclass
class _Growing:
    """A row while pieces are being grouped: running sums and its pieces kept sorted by x."""

    pieces: list[_Piece]
    cy_sum: float
    h_sum: float

    @property
    def cy(self) -> float:
        return self.cy_sum / len(self.pieces)

    @property
    def h(self) -> float:
        return self.h_sum / len(self.pieces)

    def overlaps(self, p: _Piece) -> bool:
        """Whether `p` covers over half of a piece already on the row, or is half covered: a seal
        or a stamp over the text, not the next words of the row."""
        i = bisect.bisect_left(self.pieces, p.x0, key=lambda q: q.x0)
        for q in self.pieces[max(i - 1, 0) : i + 1]:
            if _x_overlap(p, q) > 0.5 * min(p.x1 - p.x0, q.x1 - q.x0):
                return True
        return False

    def add(self, p: _Piece) -> None:
        bisect.insort(self.pieces, p, key=lambda q: q.x0)
        self.cy_sum += p.cy
        self.h_sum += p.h


def _group_rows(pieces: Iterable[_Piece]) -> list[_Row]:
    rows: list[_Growing] = []
    for p in sorted(pieces, key=lambda q: (q.cy, q.x0)):
        best: _Growing | None = None
        best_d = math.inf
        # rows are built top-down, so only the last few can still take this piece
        for row in rows[-6:]:
            d = abs(p.cy - row.cy)
            if d > 0.5 * min(p.h, row.h) or d >= best_d or row.overlaps(p):
                continue
            best, best_d = row, d
        if best is None:
            rows.append(_Growing([p], p.cy, p.h))
        else:
            best.add(p)
    rows.sort(key=lambda r: (r.cy, r.pieces[0].x0))
    return [_Row(r.pieces) for r in rows]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


def _repeats(text: str, seen: frozenset[str]) -> bool:
    """Whether `text` repeats a row seen before, allowing one OCR misread in a row of 6 or more."""
    if text in seen:
        return True
    if len(text) < 6:
        return False
    return any(
        abs(len(s) - len(text)) <= 1 and regex.fullmatch(rf"(?:{regex.escape(s)}){{e<=1}}", text) for s in seen
    )


def _fragment_sep(prev: str, cur: str) -> str:
    return " " if _is_ascii_word(prev[-1:]) and _is_ascii_word(cur[:1]) else ""


def _cell_sep(prev: str, cur: str) -> str:
    if prev.endswith(tuple(_COLONS)) or cur.startswith(tuple(_COLONS)):
        return ""
    if _LABEL_RE.match(prev):
        return ":"
    return " "


def _anchored(rows: list[_Row], ch: float) -> set[int]:
    """ids of pieces that start a table column: a piece (not first on its row) whose left edge
    lines up with a piece on another nearby row. Ruled tables are drawn with little padding, so
    their cells can sit closer together than words that are far apart on a plain line."""
    starts = [[p.x0 for p in r.pieces[1:]] for r in rows]
    out: set[int] = set()
    for i, row in enumerate(rows):
        near = [x for j in range(max(0, i - 6), min(len(rows), i + 7)) if j != i for x in starts[j]]
        for p in row.pieces[1:]:
            if any(abs(p.x0 - x) <= 0.5 * ch for x in near):
                out.add(id(p))
    return out


def _cells(row: _Row, anchored: set[int]) -> tuple[list[_Out], list[float]]:
    ch = row.h
    cells = [_Out([row.pieces[0]])]
    xs = [row.pieces[0].x0]
    for prev, cur in pairwise(row.pieces):
        gap = cur.x0 - prev.x1
        if gap >= 0.8 * ch or (id(cur) in anchored and gap > 0.15 * ch):
            cells.append(_Out([cur]))
            xs.append(cur.x0)
        else:
            sep = _fragment_sep(prev.text, cur.text) if gap > 0.2 * ch else ""
            cells[-1].extend(_Out([cur]), sep)
    return cells, xs


def _wraps_cells(line: _Line, row: _Row, ch: float) -> list[int] | None:
    """The columns of `line` that the pieces of `row` continue, when `row` holds only the wrapped
    tails of table cells above it. A piece in the first column opens a new table row, unless it
    completes a field label cut in two ("统一社会信用" / "代码")."""
    if len(line.cells) < 2 or row.y0 - line.rows[-1].y1 > 1.0 * ch:
        return None
    cols: list[int] = []
    inside: set[int] = set()
    for p in row.pieces:
        near = [c for c, x in enumerate(line.cell_x0) if abs(p.x0 - x) <= 0.8 * ch]
        if not near:
            within = _within_cell(line, p, ch)
            if within is None:
                return None
            inside.add(id(p))
            near = [within]
        # a piece that opens with a field label is the next field of a form, not a wrapped tail
        if _FIELD_RE.match(p.text) or _LABEL_RE.match(p.text):
            return None
        cols.append(near[0])
    if any(c == 0 and id(p) not in inside for p, c in zip(row.pieces, cols, strict=True)):
        head = line.cells[0].text
        tail = "".join(p.text for p, c in zip(row.pieces, cols, strict=True) if c == 0 and id(p) not in inside)
        if _LABEL_RE.match(head) or not _LABEL_RE.match(head + tail):
            return None
    return cols


def _within_cell(line: _Line, p: _Piece, ch: float) -> int | None:
    """The column whose text `p` continues from inside: OCR often reads a label cell and its value
    as one piece (`被处罚单位某某科技有限`), so the value's wrapped tail (`公司`) starts under the value,
    not under any cell's left edge. A tail is no wider than the cell's first line; a paragraph after
    the table is, which keeps it out."""
    first = {id(q) for q in line.rows[0].pieces}
    for c, cell in enumerate(line.cells):
        right = max(q.x1 for q in cell.pieces if id(q) in first)
        if line.cell_x0[c] + 0.8 * ch < p.x0 and p.x1 <= right + 0.8 * ch:
            return c
    return None


def _wrap_into(cell: _Out, tail: _Piece, ch: float) -> None:
    """Add a wrapped tail to its cell, right after the piece it sits under: when OCR ran the cell
    into its neighbour (地址某镇东 业主 / 岗村5组), the tail belongs to the text above it, not after the
    neighbour."""
    above = [i for i, q in enumerate(cell.pieces) if q.x0 <= tail.x0 + 0.8 * ch and q.y1 <= tail.y0 + 0.5 * ch]
    at = max(above) if above else len(cell.pieces) - 1
    while at + 1 < len(cell.pieces) and cell.pieces[at + 1].y0 >= cell.pieces[at].y1 - 1e-6:
        at += 1  # after tails already added under the same text
    cell.pieces.insert(at + 1, tail)
    cell.seps.insert(at, "")


def _lines(rows: list[_Row]) -> list[_Line]:
    ch = statistics.median(p.h for r in rows for p in r.pieces)
    anchored = _anchored(rows, ch)
    lines: list[_Line] = []
    for row in rows:
        cols = _wraps_cells(lines[-1], row, ch) if lines else None
        if cols is not None:
            line = lines[-1]
            for p, c in zip(row.pieces, cols, strict=True):
                # a wrapped cell breaks anywhere, inside a credit code too: no space
                _wrap_into(line.cells[c], p, ch)
            line.rows.append(row)
            continue
        cells, xs = _cells(row, anchored)
        lines.append(_Line(cells, xs, [row]))
    return lines


def _emit(
    builder: DocumentBuilder, pieces: list[_Piece], page: int, top: float, bottom: float, width: float
) -> None:
    rows = _group_rows(pieces)
    span = max(bottom - top, 1e-6)
    before = builder.page_end
    seen = before.seen if before is not None else frozenset()
    kept: list[_Row] = []
    for row in rows:
        rel = (row.cy - top) / span
        text = "".join(p.text for p in row.pieces)
        if rel < _PAGE_MARGIN or rel > 1 - _PAGE_MARGIN:
            # page furniture: a page number, or a running header or footer (the 文号 atop every
            # continuation page) that repeats a row of an earlier page
            if _PAGE_NUMBER_RE.match(text) or _repeats(_squeeze(text), seen):
                continue
        kept.append(row)
    seen = seen | {_squeeze("".join(p.text for p in r.pieces)) for r in rows}
    if not kept:
        builder.page_end = PageEnd(page=page, open=False, tail="", left=0.0, seen=seen)
        return
    lines = _lines(kept)
    geo = _geometry(lines, width)
    outs = _paragraphs(lines, geo)
    for i, out in enumerate(outs):
        continues: str | None = None
        if i == 0 and before is not None and before.page == page - 1 and before.open:
            if _opens_plain(lines[0], out, geo, min(geo.left, before.left)):
                continues = _fragment_sep(before.tail, out.text)
        builder.add_segments([(p.text, p.box) for p in out.pieces], page, out.seps, continues=continues)
    last, text = lines[-1], outs[-1].text.rstrip()
    is_open = (
        geo.usable
        and len(last.cells) == 1
        and last.rows[-1].x1 >= geo.right - 1.5 * geo.ch
        and last.rows[-1].x0 <= geo.left + 3.5 * geo.ch
        and bool(text)
        and text[-1] not in _SENTENCE_END
    )
    builder.page_end = PageEnd(page=page, open=is_open, tail=text[-1:], left=geo.left, seen=seen)


@dataclass(frozen=True)
class _Geometry:
    ch: float  # median glyph height
    left: float  # the text block's margins
    right: float
    indent_style: bool  # paragraphs open with an indent
    usable: bool  # the margins are wide enough to tell a full row from a short one


def _geometry(lines: list[_Line], width: float) -> _Geometry:
    rows = [r for ln in lines for r in ln.rows]
    ch = statistics.median(p.h for r in rows for p in r.pieces)
    left = _margin([r.x0 for r in rows], ch, lowest=True)
    right = _right_margin([r.x1 for r in rows], ch)
    if right - left < 0.5 * width:
        # too few rows agree (a last page holding only the signature): take the extremes
        left, right = min(r.x0 for r in rows), max(r.x1 for r in rows)
    indent_style = sum(1 for r in rows if 1.2 * ch <= r.x0 - left <= 3.5 * ch) >= 2
    return _Geometry(ch, left, right, indent_style, usable=right - left >= 0.5 * width)


def _opens_plain(line: _Line, out: _Out, geo: _Geometry, left: float) -> bool:
    """The line starts at the left margin as plain text (not a table row, not a new item)."""
    return (
        len(line.cells) == 1
        and line.rows[0].x0 <= left + 1.0 * geo.ch
        and not _NEW_ITEM_RE.match(out.text)
    )


def _paragraphs(lines: list[_Line], geo: _Geometry) -> list[_Out]:
    """Join the wrapped rows of a paragraph: a row continues the one above when that one reached
    the right margin, this one starts at the left margin (not indented), they are close and of
    one font size, and neither is a table row. On pages that indent paragraphs, the indent alone
    marks a new paragraph; elsewhere a row above that ends a sentence does."""
    outs: list[_Out] = []
    for prev, line in zip([None, *lines], lines, strict=False):
        out = line.out()
        if prev is not None and geo.usable and _continues(prev, line, outs[-1], out, geo):
            outs[-1].extend(out, _fragment_sep(outs[-1].text, out.text))
        else:
            outs.append(out)
    return outs


def _margin(edges: list[float], ch: float, lowest: bool) -> float:
    """The outermost edge that another row also reaches (within a glyph): one stray box (a seal,
    a wide table cell) does not move the text block's margin."""
    ordered = sorted(edges, reverse=not lowest)
    for i, e in enumerate(ordered[:-1]):
        if abs(ordered[i + 1] - e) <= ch:
            return e
    return ordered[0]


def _right_margin(edges: list[float], ch: float) -> float:
    """Where full rows end: the middle of the right edges most rows share (a wide table or a long
    文号 may stick out further, loosely justified rows scatter a little); without such a
    cluster, the outermost supported edge."""
    clusters = [[e for e in edges if abs(e - x) <= 0.5 * ch] for x in edges]
    biggest = max(clusters, key=lambda c: (len(c), max(c)))
    if len(biggest) >= 3:
        return statistics.median(biggest)
    return _margin(edges, ch, lowest=False)


def _continues(prev: _Line, line: _Line, prev_out: _Out, out: _Out, geo: _Geometry) -> bool:
    ch = geo.ch
    if len(prev.cells) > 1 or not _opens_plain(line, out, geo, geo.left):
        return False
    above, row = prev.rows[-1], line.rows[0]
    if above.x1 < geo.right - 1.5 * ch or above.x0 > geo.left + 3.5 * ch:
        return False
    if row.y0 - above.y1 > 1.0 * ch or abs(row.h - above.h) > 0.3 * ch:
        return False
    # a title filling its row ("…局行政处罚决定", set larger than the body) ends there: the 文号
    # below is not its wrap
    if above.h > 1.1 * ch and _TITLE_END.search(prev_out.text):
        return False
    # a full row ending in a colon ("统一社会信用代码：") has its value wrapped onto the next row
    return geo.indent_style or prev_out.text.rstrip()[-1:] not in _SENTENCE_END
