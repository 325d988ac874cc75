"""A reading view of a Document: the text with soft line wraps joined, for the field regexes.

OCR returns one line per printed line, and a paragraph the layout could not join arrives broken
wherever the page edge fell, often inside an amount (`50,00` / `0元`) or a name. Joining a line to
the next unless it looks like it ends there (punctuation, or it is much shorter than a full line)
lets one regex see the whole value; `origin` maps every view character back to its Document offset
for evidence. Plain text keeps its lines, where the author's line breaks are meant, unless it was
saved wrapped at a fixed column (many lines of exactly one width) or a break splits what cannot be
split: an amount (`人民币1` / `2,480元`) or a company suffix (`…有` / `限公司`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from lianfa.extractors.numbers import repair_masked_units, repair_ocr_digits
from lianfa.ingest.document import Document, Evidence
from lianfa.ingest.party_labels import labels_pattern

_HARD_END = set("。；;：:！!？?")
# Lines that end where they stand, whatever their width: titles, and table rows (cells set apart by
# spaces, which Chinese running text does not use).
_STANDS_ALONE = re.compile(
    r"(?:决定书?|通知书|告知书)\s*$|[\u4e00-\u9fff\w)）]\s+[\u4e00-\u9fff\w(（]"
    # a 文号 line ends where it stands (`某环罚〔2024〕3号`)
    r"|[〔\[(（【]\s*(?:19|20)\d{2}\s*[〕\])）】].{0,16}号\s*$"
    # ...and one that lost only its 号 (`某文罚字〔2019〕-007`)
    r"|[〔\[(（【]\s*(?:19|20)\d{2}\s*[〕\])）】]\s*[-－—]?\s*\d{1,6}\s*$"
    # a table row OCR read with its rules as `|` (`行政相对人名称|某某店||`)
    r"|\|\s*$"
)
# Lines that start where they stand: a numbered heading of the decision (`三、处罚部门`, `（二）…`), and
# the addressee line (`某某有限公司:`), which a scan would otherwise run into a long title above it.
_STARTS_ALONE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])"
    r"|^\s*[\u4e00-\u9fff()（）*＊×xX]{2,40}(?:公司|厂|店|中心|部|社|场|站|院|所|馆|行|室|队|园)"
    r"(?:[(（][^()（）]{1,12}[)）])?\s*[:：]\s*$"
)
# a line that opens with a party field's label starts a field of its own, never continues the last
_LABEL_HEAD = re.compile(rf"^\s*{labels_pattern()}\s*(?:[(（][^()（）]{{1,12}}[)）])?\s*[:：]")
# nor does a disclosure record's field (`行政处罚决定书文号:`, `违法主要事实:`, `处罚种类:`): a short label
# ending in a field noun, then its colon
_FIELD_HEAD = re.compile(
    r"^\s*[\u4e00-\u9fff]{0,10}(?:文号|名称|事实|种类|依据|内容|日期|时间|机关|机构|金额|结果|情况|类别|案由|案名|编号)"
    r"\s*(?:[(（][^()（）]{1,12}[)）])?\s*[:：]"
)
# A break that no author makes: inside a number that ends in 元 on the next line, or inside 有限公司.
_NUMBER_TAIL = re.compile(r"[\d,.]$")
_NUMBER_HEAD = re.compile(r"^[\d,.]*\d?[\d,.]*\s?[万亿]?[元圆]")
_SUFFIX_SPLIT = re.compile(r"股份有限公司|有限(?:责任)?公司")
# OCR engines often set a space between every two characters of a line (`当 事 人 ： 某 某 公 司`);
# Chinese puts none there, so in such a line the single spaces beside a CJK character go.
_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
_SPACED = re.compile(rf"(?<={_CJK}) (?=\S)|(?<=\S) (?={_CJK})")
_CJK_PAIR = re.compile(rf"(?={_CJK}{_CJK})")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_MIN_WORD_GAPS = 12
_LABEL_AHEAD = re.compile(rf"{labels_pattern()}\s*[:：]")
# OCR sets a space after a decimal point or separator (`约2. 5吨`, `12, 480元`); an enumerator at the
# start of a line (`1. 2020年…`) is not a number and keeps it.
_SPLIT_DIGITS = re.compile(r"(?<=[^\s\d]\d[.,]) (?=\d)|(?<=\d\d[.,]) (?=\d)")
# OCR also splits a number's digits with a space (`共计4 15.05万元`, `〔201 7〕`): joined where the digits
# run from a word or an opening bracket into a unit or a closing one (a row number `1 150元` at a line's
# start is a cell of its own)
_SPLIT_NUMBER = re.compile(
    r"(?P<a>[\u4e00-\u9fff【〔\[(（]\d{1,4}) (?=\d{1,4}(?:[.,]\d+)?\s?(?:万元|元|万|亿|】|〕|\]|\)|）|号))"
)
# Fewer lines than this at one width are a coincidence, not a column the text was wrapped at.
_MIN_WRAPPED = 3
# A label printed letter-spaced in a line that otherwise is not (`当 事 人:`, `地 址:`,
# `住  所(住 址):`, `法定代表人（负 责 人）`): single characters set apart by spaces, up to a colon
# or bracket. The spaces go, as does a space before a label's colon (`当事人 :`).
_SPACED_LABEL = re.compile(r"(?<![^\s|:：,，;；(（])[\u4e00-\u9fff](?: {1,6}[\u4e00-\u9fff])+ {0,6}(?=[:：(（)）])")
_COUNTER = re.compile(r"(?:阅读(?:次数|量)|浏览(?:量|次数)|点击(?:率|数|量)?|访问量)\s*[:：]\s*\d*")
_INDEX_START = re.compile(r"^\s*\|?\s*(?:\[\s*)?索\s*引\s*号")
_SPACE_BEFORE_COLON = re.compile(r"(?<=[\u4e00-\u9fff)）]) +(?=[:：])")
# The published page's furniture around a decision: the 索引号 table, 发布时间/来源/浏览 lines,
# breadcrumbs, page numbers and Word field codes. Readers skip these lines for fields.
_CHROME = re.compile(
    r"^\s*\|?\s*(?:\[\s*)?(?:索\s*引\s*号|发布机构|公开目录|主题分类|体裁分类|信息类别|组配分类|成文日期|发文日期)"
    r"|(?:发布(?:时间|日期)|信息来源|来\s*源|浏览(?:量|次数)|阅读(?:次数|量)|点击(?:率|数|量)?|访问量|字号|作者)\s*[:：]"
    r".{0,60}(?:发布(?:时间|日期)|来\s*源|浏览|阅读|点击|访问量|字号|字体|作者|打印)"
    r"|^\s*(?:您(?:当前)?(?:的|所在)?位置|当前位置)\s*[:：]?.{0,40}(?:首页|>)"
    r"|^\s*(?:首页\s*(?:>|»|>>))"
    r"|^\s*(?:第\s*\d+\s*页\s*(?:[,，/]?\s*共\s*\d+\s*页)?|[-—]\s*\d+\s*[-—]|\d+\s*/\s*\d+)\s*$"
    r"|\b(?:PAGE|NUMPAGES|MERGEFORMAT|HYPERLINK|TOC)\b"
)


@dataclass(frozen=True)
class View:
    text: str
    origin: tuple[int, ...]  # origin[i] = Document offset of text[i]
    doc: Document
    raw: str  # `text` before OCR digit and masked-unit repair (same length): codes are reported as printed
    chrome: tuple[tuple[int, int], ...] = ()  # view spans of lines that are page furniture

    def in_chrome(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.chrome)

    def without_chrome(self) -> View:
        """The same view with the page's furniture blanked (offsets kept): its 发布时间 is no date of
        the decision, its 阅读次数 no count of the case."""
        if not self.chrome:
            return self
        chars = list(self.text)
        for s, e in self.chrome:
            chars[s:e] = " " * (e - s)
        return replace(self, text="".join(chars))

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


def _wrap_column(lines: list[str]) -> int:
    """The width a plain text was wrapped at, or 0: the one length shared by many of its long lines."""
    lengths = [len(x.rstrip()) for x in lines if len(x.strip()) >= 16]
    if not lengths:
        return 0
    width, count = Counter(lengths).most_common(1)[0]
    return width if count >= _MIN_WRAPPED and count >= 0.3 * len(lengths) else 0


def _broken_inside(line: str, following: str) -> bool:
    """True when the break splits an amount or a company suffix, which no layout intends."""
    tail, head = line.rstrip(), following.lstrip()
    if not tail or not head:
        return False
    if _NUMBER_TAIL.search(tail) and re.match(r"[\d,.]", head) and _NUMBER_HEAD.match(head):
        return True
    joined = tail[-6:] + head[:6]
    return any(m.start() < len(tail[-6:]) < m.end() for m in _SUFFIX_SPLIT.finditer(joined))


def _kept(line: str) -> range | list[int]:
    """Indices of `line` the view keeps: all but a space inside a number, and the single spaces of a
    letter-spaced line."""
    inside = {m.start() for m in _SPLIT_DIGITS.finditer(line)} | {m.end("a") for m in _SPLIT_NUMBER.finditer(line)}
    inside |= {m.start() + k for m in _SPACED_LABEL.finditer(line) for k, ch in enumerate(m.group(0)) if ch == " "}
    inside |= {i for m in _SPACE_BEFORE_COLON.finditer(line) for i in range(m.start(), m.end())}
    # a run of spaces sets table cells apart and stays
    spaced = [
        m.start()
        for m in _SPACED.finditer(line)
        if line[m.start() - 1 : m.start()] != " " and line[m.end() : m.end() + 1] != " "
    ]
    if len(spaced) < 4 or len(spaced) < len(_CJK_PAIR.findall(line)):
        # OCR that splits a line into words (`当事人 :海痛 区拉僧仲 遇见烘焙 工 坊`): many single gaps
        # between Chinese characters, where a table row has a few
        # (a gap before a label stays: it is where one field ends and the next begins)
        words = [m.start() for m in _CJK_GAP.finditer(line) if not _LABEL_AHEAD.match(line, m.end())]
        if len(words) >= _MIN_WORD_GAPS and len(words) >= 0.4 * len(_CJK_PAIR.findall(line)):
            inside |= set(words)
        return [i for i in range(len(line)) if i not in inside] if inside else range(len(line))
    drop = set(spaced) | inside
    return [i for i in range(len(line)) if i not in drop]


def build_view(doc: Document) -> View:
    lines = doc.text.split("\n")
    plain = doc.text_source == "text"
    column = _wrap_column(lines) if plain else 0
    full = column if plain else _full_width([len(x.strip()) for x in lines if x.strip()])
    margins = _margins(doc, lines) if full and not plain else {}
    parts: list[str] = []
    origin: list[int] = []
    offset = 0
    for i, line in enumerate(lines):
        kept = _kept(line)
        parts.append(line if isinstance(kept, range) else "".join(line[k] for k in kept))
        origin.extend(offset + k for k in kept)
        stripped = line.strip()
        soft = (
            i + 1 < len(lines)
            and stripped != ""
            and stripped[-1] not in _HARD_END
            and full > 0
            and len(stripped) >= 12
            and not _STANDS_ALONE.search(stripped)
            and (
                len(line.rstrip()) >= column
                if plain
                else len(stripped) >= 0.75 * full or _spans_the_line(doc, offset, offset + len(line), margins)
            )
            and not _LABEL_HEAD.match(lines[i + 1])
            and not _FIELD_HEAD.match(lines[i + 1])
            and not _STARTS_ALONE.match(lines[i + 1])
        ) or (i + 1 < len(lines) and _broken_inside(line, lines[i + 1]))
        if not soft and i + 1 < len(lines):
            parts.append("\n")
            origin.append(offset + len(line))
        offset += len(line) + 1
    joined = "".join(parts)
    chrome: list[tuple[int, int]] = []
    pos = 0
    in_index = False
    for line in joined.split("\n"):
        # the rows under 索引号 (名称, 文号, 来源…) belong to the index table, up to a row as wide as a
        # 信息公开 table's header, which is the decision's own
        in_index = bool(_INDEX_START.search(line)) or (in_index and 0 < line.count("|") <= 5)
        if in_index or _CHROME.search(line):
            # OCR may run the line after a 发布时间/来源/阅读次数 line into it: that part is the decision's
            counters = list(_COUNTER.finditer(line))
            end = counters[-1].end() if counters and not in_index and len(line) - counters[-1].end() >= 4 else len(line)
            chrome.append((pos, pos + end))
        pos += len(line) + 1
    text = repair_masked_units(repair_ocr_digits(joined))
    return View(text=text, origin=tuple(origin), doc=doc, raw=joined, chrome=tuple(chrome))
