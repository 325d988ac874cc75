"""文号: the decision's own number, chosen by role and position among every number the text cites.

A decision cites several numbers: the 先行登记保存 notice, the 责令改正 order, the 告知书, a 移送 letter,
the documents it applies (`税总发〔2016〕172号`). Its own is the one in its header or title, or labelled
as the decision's, and it carries a penalty word (罚, 罚决, 处罚, 稽罚...). Each candidate gets a kind
from the letters inside it (`浏市监先登`, `环责改字`, `行移字`) and the words around it (`《责令改正违法
行为决定书》`), and a source from where it stands; the best own-kind candidate is the 文号 and the others
are reported as related numbers with their kind. A number in brackets right after a 《title》 is the
number of the document that title names: the decision's own after `《…处罚决定书》`, as a notice with no
header cites it. Penalty words and kinds are data (corpora/data/real_forms/doc_numbers.yaml), read from
published decisions.

Shapes: brackets of every kind around the year (〔〕 [] () 【】 ［］ ﹝﹞), county codes in the prefix
(`豫0923环罚决字`), bracketed prefixes (`(湘株)文综罚字`, `鞍环(机动二)罚`), serials with letters,
hyphens, quotes or brackets (`F-26-2`, `执法二中队-9`, `第(0003)`), an accident's year and day before
the serial (`2023“4.26”事故-5`), and OCR's O for 0. The value has
the year's brackets unified to 〔〕 and spaces removed, which is how the number is filed; evidence
keeps the printed form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from lianfa.corpora.doc_number_forms import doc_number_forms
from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence

_OPEN = "〔[(【［（〖{﹝"
_CLOSE = "〕])】］）〗}﹞"
_YEAR = r"(?:19|20)[\dOo]{2}"
_CJK = r"\u4e00-\u9fff"
_DOC_NUMBER = re.compile(
    # a bracketed issuer before the letters: (湘株)文综罚字, （贺八）
    rf"(?P<prefix>(?:(?<![{_CJK}])[(（〔]\s?[{_CJK}]{{1,5}}\s?[)）〕])?"
    # the issuer's letters masked on publication, a star for each (`*税稽处〔2025〕107号`): kept as printed
    rf"(?:(?<![{_CJK}A-Za-z\d])[*＊×]{{1,4}}(?=[{_CJK}]))?"
    # a county code after the province letter: 豫0923环罚决字; a district's two digits after the city's
    # letter (通01环罚), always with its leading 0
    rf"(?:[{_CJK}]{{1,3}}(?:\d{{4,6}}|0\d)\s?(?=[{_CJK}]))?"
    rf"[{_CJK}A-Za-z]{{1,24}}?(?:[(（][{_CJK}\d]{{1,6}}[)）][{_CJK}A-Za-z]{{0,8}})?)"
    # (OCR reads a bracket twice now and then: `某罚决字〔〔2024〕第01号`)
    # (OCR loses a small bracket's closing half now and then, the serial run on after the year:
    # `某关知字(20250017号` for `某关知字﹝2025﹞0017号`)
    rf"\s*(?:[{re.escape(_OPEN)}](?:\s*[{re.escape(_OPEN)}])?\s*(?P<year>{_YEAR})\s*(?:[{re.escape(_CLOSE)}]|(?=\d{{1,6}}\s*[号號]))"
    # some issuers print the year with no brackets at all, the 第 after it marking where it ends
    # (`某林罚决字2019第05号`); without the 第 a bare year and serial are any figures
    rf"|(?<=[{_CJK}])(?P<plain_year>{_YEAR})(?=\s*第))\s*"
    # an accident case numbered by the accident's year and day (`2023“4.26”事故-5号`)
    rf"(?P<event>(?:{_YEAR})?[“\"'‘]\d{{1,2}}\s?[.·・]\s?\d{{1,2}}[”\"'’][{_CJK}]{{0,4}}\s?[-－]?\s?)?"
    rf"(?P<mid>[{_CJK}A-Za-z]{{0,8}}?)\s*(?P<di>第?)\s*"
    r"(?P<serial>[(（\"“'‘]?[A-Za-z\-－]{0,3}[\dOo][\dA-Za-z\s\-－Oo]{0,20}?[)）\"”'’]?"
    # a category in brackets after the serial (`092(非)`), or a serial masked on publication (`xxx`, `**`)
    rf"(?:\s?[(（][{_CJK}A-Za-z]{{1,3}}[)）])?|[xX×*＊]{{1,6}})\s*[号號]"
)
# A number that lost its brackets and 号 on the way to the web page or through OCR (`某环罚2024 12`,
# `某罚字2023-15`): read only where a 文号 stands alone on its line (header, or after a 文号 label) and
# only when its letters hold a penalty word, since a bare year and serial are otherwise any figures.
_BARE_NUMBER = re.compile(
    rf"(?m)^[ \t]*(?:(?:文\s?号|编\s?号|决定书(?:文)?号)\s*[:：]\s*)?"
    # `)文罚字〔2019〕-007`: a form's issuer blank `(  )` whose opening half the page lost
    rf"(?P<orphan>[)）][ \t]*)?"
    # (`某农(种子) 罚〔2020 〕 2`: a space typed after the bracketed line of work)
    rf"(?P<prefix>[{_CJK}]{{1,14}}?(?:[(（][{_CJK}]{{1,6}}[)）][ \t]?[{_CJK}]{{0,4}}?)?)\s?"
    # `某市监处罚字〔2024353`: the opening bracket kept, the closing one and 号 lost; `某罚字〔2019〕-007`:
    # both brackets kept and only 号 lost
    rf"[{re.escape(_OPEN)}]?\s?(?P<year>(?:19|20)\d{{2}})\s?(?P<close>[{re.escape(_CLOSE)}]\s?)?"
    rf"(?:\s?(?P<dash>[-－—])\s?|\s)?(?P<di>第?)\s?(?P<serial>\d{{1,6}})\s?[号號]?[ \t]*$"
)
# ...or one a disclosure table prints in its 文号 column with the brackets kept and 号 lost
# (`1 | 某海事罚字[2024]0401203-1-1 | …`): read only under a header cell that names the column 文号
_CELL_NUMBER = re.compile(
    rf"(?<=\|)[ \t]*(?P<prefix>[{_CJK}][{_CJK}\d]{{0,13}}?(?:[(（][{_CJK}]{{1,6}}[)）][{_CJK}]{{0,4}}?)?)\s?[{re.escape(_OPEN)}]\s?(?P<year>(?:19|20)\d{{2}})\s?[{re.escape(_CLOSE)}]"
    r"\s?(?P<di>第?)\s?(?P<serial>[\dA-Za-z][\dA-Za-z\-－]{0,24})[ \t]*(?=\|)"
)
_NUMBER_COLUMN = re.compile(r"文号|编号|决定书号")
# Mirror sites convert pages to traditional characters (處罰決定書, 號): the words that place a number are
# matched in both forms.
_BOTH = {"决": "決", "书": "書", "处": "處", "罚": "罰", "号": "號", "编": "編", "据": "據", "为": "為", "达": "達"}
# ...and the letters of the kinds' marks and context words, read as simplified before they are looked up
# (one character for one, so offsets hold).
_SIMPLIFIED = str.maketrans({t: s for s, t in {
    **_BOTH, "责": "責", "记": "記", "检": "檢", "鉴": "鑒", "认": "認", "测": "測", "变": "變", "诉": "訴",
    "强": "強", "证": "證", "听": "聽", "现": "現", "规": "規", "办": "辦", "缉": "緝", "违": "違", "发": "發",
    "录": "錄", "验": "驗", "报": "報", "线": "線", "价": "價", "监": "監", "关": "關", "应": "應", "执": "執",
    "移": "移", "续": "續", "纪": "紀", "询": "詢", "审": "審", "批": "批", "复": "復", "标": "標", "准": "準",
}.items() if t != s})


def _either(pattern: str) -> str:
    return "".join(f"[{c}{_BOTH[c]}]" if c in _BOTH else c for c in pattern)


# Words that start a sentence, not a 文号, when they precede the bracketed year.
# A bare number's letters are an abbreviation, never a title or a sentence.
_BARE_NOT_PREFIX = re.compile(_either(r"决定|通知|告知|行政处罚|公示|公开|信息|[的了在对]"))
# (`并下发了鄂1083环执罚…`: a county code's letters before its digits may take 发了 of 下发了 with them)
# (`作出的某罚字〔2019〕158号`: no issuer's letters hold 的, the word that ties a clause to the number)
_LEAD_NOISE = re.compile(_either(
    r"^.*(?:决定书|告知书|通知书|文号|编号|字号|书号|号为|依据|根据|作出|送达了?|下达了?|下发了?|发了|出具了?|以|按|和|及|或|、|信息|公示|>|的)"
))
# A title the scan's reading order ran into the number (`…局行政处罚决定天津林政罚〔2021〕11号`): no
# 文号 holds these words, wherever the line starts.
_TITLE_LEAD = re.compile(_either(
    r"^(?:.*(?:决定书|(?:处罚|处理)决定|通知书|告知书|(?:处罚|公开|公示)信息|公示))?(?:(?:文\s?号|编\s?号|案\s?号|决定书号)\s*(?:为|是)?\s*[:：]?)?"
))
_DOC_LABEL = re.compile(_either(r"(?:文\s?号|编\s?号|决定书号|案\s?号|字\s?号)\s*(?:为|是)?\s*[:：]?\s*$"))
_TITLE_BEFORE = re.compile(_either(r"(?:决\s?定\s?书?|处罚决定|(?:处罚|公开|公示)信息|公示)\s*[(（]?\s*$"))
_UNDER_TITLE = re.compile(_either(r"(?:^|\n)[^\n。]{0,40}(?:决定书?|处罚决定)\s*(?:[(（](?:正本|副本)[)）])?\s*$"))
# A number's letters that are a penalty word alone have lost their issuer: to a space typed into them
# when the issuer stands just before it on the line
_LETTERS_ONLY_PENALTY = re.compile(r"处?罚决?字?")
_SPACED_ISSUER = re.compile(rf"(?<![{_CJK}])(?P<letters>[{_CJK}]{{1,12}})[ \t\u3000]{{1,2}}$")
# ...and a county's one letter a page set apart by spaces before the rest (`决定书 醴 林罚决字〔2024〕45号`):
# a lone character between spaces is no word of a sentence, nor the last of a letter-spaced title
# (`行 政 处 罚 决 定 书 某罚字…`), whose letters stand alone one after another; the same inside the
# brackets a lead cites the number in (`《行政处罚决定书》（醴 林罚决字…）`), or after the colon of the
# page's title line (`行政处罚决定书：宁 市监处罚〔2024〕 162 号`)
_LONE_ISSUER = re.compile(
    rf"(?m)(?:^|(?<=[（(:：])|(?<=[:：][ \t\u3000])|(?<=[{_CJK}]{{2}}[ \t\u3000])|(?<=[{_CJK}]{{2}}[ \t\u3000]{{2}}))"
    rf"(?P<letters>[{_CJK}])[ \t\u3000]{{1,2}}$"
)
_NOT_AN_ISSUER = re.compile(_either(r"[第号字为是的和及或与对在书]"))
# Tags and separators a web page sets before the number on its line (`【行政处罚】`, `|`).
_TAG = re.compile(r"^(?:【[^】]{0,12}】|\|)\s*")
_LABEL_LINE_MAX = 16
# `下达了《环境保护行政处罚决定书》(某环罚字〔2017〕第7号)`: a notice or news page that names the decision by
# its title gives its number in brackets right after it (read on the simplified text)
_AFTER_DECISION_TITLE = re.compile(r"处罚决定书》\s*[(（〔]?\s*$")
# ...and any other title names the document whose number follows it
_AFTER_TITLE = re.compile(r"》\s*[(（〔]?\s*$")
# `当事人曾因出口侵权货物被海关行政处罚（某关知字〔2024〕78号）`: the party's earlier penalty, whose number a
# page without its own header may be the only one to print
_EARLIER_PENALTY = re.compile(_either(r"(?:曾因|曾被|曾受到|曾经因)[^。；;\n]{0,40}?(?:处罚|罚款)[^。；;\n]{0,4}$"))
_CLAUSE_BREAK = "。；;\n"
_BEFORE_WINDOW = 40
_AFTER_REACH = 3

Source = Literal["title", "label", "header", "body"]
_SOURCE_RANK: dict[Source, int] = {"title": 0, "label": 0, "header": 1, "body": 2}
_SOURCE_CONFIDENCE: dict[Source, float] = {"title": 0.95, "label": 0.95, "header": 0.9, "body": 0.6}
OWN = "处罚决定"
OTHER = "其他"
CITED = "引用文件"


@dataclass(frozen=True)
class DocNumber:
    value: str
    evidence: Evidence
    source: Source = "header"
    confidence: float = 0.9


@dataclass(frozen=True)
class RelatedNumber:
    value: str
    kind: str
    evidence: Evidence


@dataclass(frozen=True)
class DocNumbers:
    own: DocNumber | None
    related: list[RelatedNumber]
    spans: list[tuple[int, int]]  # view spans of every number read, own and related: no other field's figures
    # view spans of other penalty decisions' numbers, where the decision has one of its own: a fine
    # stated with one of them is that decision's (`送达《行政处罚决定书》（某罚〔2018〕2号），作出罚款…`)
    other_decisions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Candidate:
    value: str
    start: int
    end: int
    source: Source
    kind: str
    penalty: bool
    bare: bool = False  # read without its brackets and 号, so rebuilt rather than read as printed
    earlier: bool = False  # a penalty the party had before, cited in the running text (`曾因…被…处罚（N）`)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[re.Pattern[str], dict[str, str], list[tuple[str, str]]]:
    """(marks regex, mark → kind, [(context word, kind)]): a penalty word maps to OWN."""
    forms = doc_number_forms()
    mark_kind: dict[str, str] = {w.word: OWN for w in forms.penalty_words}
    context: list[tuple[str, str]] = []
    for k in forms.related_kinds:
        for mark in k.marks:
            mark_kind.setdefault(mark, k.kind)
        context += [(word, k.kind) for word in k.context]
    marks = re.compile("|".join(re.escape(m) for m in sorted(mark_kind, key=len, reverse=True)))
    return marks, mark_kind, context


def canonical(prefix: str, year: str, mid: str, serial: str, bracketed: bool = True) -> str:
    """`深烟罚字【2023】第 0318 号` → `深烟罚字〔2023〕第0318号`: brackets unified, spaces and OCR slips gone
    (a year printed without brackets stays without them)."""
    year = year.replace("O", "0").replace("o", "0")
    serial = re.sub(r"\s", "", serial)
    serial = re.sub(r"(?<![A-Za-z])[Oo]|[Oo](?![A-Za-z])", "0", serial)
    prefix = re.sub(r"\s", "", prefix)
    return f"{prefix}〔{year}〕{mid}{serial}号" if bracketed else f"{prefix}{year}{mid}{serial}号"


def _kind_by_marks(letters: str) -> tuple[str | None, bool]:
    """The kind the number's own letters give (the mark written last decides) and whether it holds
    a penalty word at all."""
    marks, mark_kind, _ = _vocabulary()
    letters = letters.translate(_SIMPLIFIED)
    found = [(m.end(), m.end() - m.start(), mark_kind[m.group(0)]) for m in _overlapping(marks, letters)]
    if not found:
        # `某自然资决字`: a decision's letters with no penalty word, and nothing marking another paper
        decided = any(w.word in letters for w in doc_number_forms().decision_words)
        return (OWN, True) if decided else (None, False)
    penalty = any(kind == OWN for _, _, kind in found)
    return max(found)[2], penalty


def _overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    out = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        out.append(m)
        pos = m.start() + 1
    return out


def _kind_by_context(text: str, start: int, end: int) -> str | None:
    """The document the words around a number name: the nearest context word in its clause (`text`
    read as simplified)."""
    _, _, context = _vocabulary()
    lo = start - _BEFORE_WINDOW
    for i in range(start - 1, max(0, lo) - 1, -1):
        if text[i] in _CLAUSE_BREAK:
            lo = i + 1
            break
    lo = max(0, lo)
    # after the number, only a name that follows at once (`…号先行登记保存通知书`, `…号)《责令改正…》`)
    hi = min(len(text), end + _AFTER_REACH + max(len(w) for w, _ in context))
    # ...on its own line: the next line's first words (`本案线索来源于…`) name nothing of the number
    line_end = text.find("\n", end, hi)
    hi = hi if line_end < 0 else line_end
    best: tuple[int, str] | None = None
    for word, kind in context:
        b = text.rfind(word, lo, start)
        if b >= 0 and (best is None or start - (b + len(word)) < best[0]):
            best = (start - (b + len(word)), kind)
        a = text.find(word, end, hi)
        if 0 <= a - end <= _AFTER_REACH and (best is None or a - end < best[0]):
            best = (a - end, kind)
    return best[1] if best else None


def _body_start(text: str, header_end: int) -> int:
    """Where running text begins: the line of the first full stop, or the header's end if later."""
    stop = text.find("。")
    if stop < 0:
        return max(header_end, len(text))
    return max(header_end, text.rfind("\n", 0, stop) + 1)


def _source(text: str, line_start: int, pstart: int, body_start: int) -> Source:
    before = _TAG.sub("", text[line_start:pstart].strip())
    if before.endswith("|"):
        # a disclosure table's row (`… | 决定书文号 | 某罚〔2021〕37号 |`): the cell before the number's is its label
        before = before[:-1].rsplit("|", 1)[-1].strip()
    if before and len(before) <= _LABEL_LINE_MAX and _DOC_LABEL.search(before):
        return "label"
    if before and _TITLE_BEFORE.search(before) and pstart < body_start + 80:
        return "title"
    if not before and (pstart < body_start or _UNDER_TITLE.search(text, 0, max(0, line_start - 1))):
        # alone on its line in the header, or right under the title when a news lead above it
        # opened the running text
        return "header"
    return "body"


def _candidates(view: View, header_end: int) -> list[_Candidate]:
    text = view.text
    body_start = _body_start(text, header_end)
    simplified = text.translate(_SIMPLIFIED)
    out: list[_Candidate] = []
    for m in _DOC_NUMBER.finditer(text):
        prefix = m.group("prefix")
        pstart = m.start("prefix")
        line_start = text.rfind("\n", 0, pstart) + 1
        at_line_start = not _TAG.sub("", text[line_start:pstart]).strip()
        if at_line_start:
            lead = _TITLE_LEAD.match(prefix)
            prefix = prefix[lead.end() :] if lead else prefix
        lead = _LEAD_NOISE.match(prefix)
        if lead:
            prefix = prefix[lead.end() :]
        prefix = prefix.lstrip("〔")
        if not prefix.strip():
            continue
        pstart = m.end("prefix") - len(prefix)
        if _LETTERS_ONLY_PENALTY.fullmatch(prefix.translate(_SIMPLIFIED)):
            # `石新市监 处罚〔2025〕xxx号`: a space typed into the letters parted the issuer from its penalty word
            issuer = _SPACED_ISSUER.search(text, line_start, pstart)
            if issuer is not None:
                letters = issuer.group("letters")
                lead = _LEAD_NOISE.match(letters) or (_TITLE_LEAD.match(letters) if issuer.start() == line_start else None)
                letters = letters[lead.end() :] if lead else letters
                if letters:
                    prefix, pstart = letters + prefix, issuer.end("letters") - len(letters)
        else:
            lone = _LONE_ISSUER.search(text, line_start, pstart)
            if lone is not None and not _NOT_AN_ISSUER.fullmatch(lone.group("letters")):
                prefix, pstart = lone.group("letters") + prefix, lone.start("letters")
        mid = re.sub(r"\s", "", m.group("event") or "") + m.group("mid") + m.group("di")
        if m.group("plain_year"):
            # filed as printed: brackets the issuer never wrote are not added
            value = canonical(prefix, m.group("plain_year"), mid, m.group("serial"), bracketed=False)
        else:
            value = canonical(prefix, m.group("year"), mid, m.group("serial"))
        kind, penalty = _kind_by_marks(prefix + m.group("mid"))
        source = _source(text, line_start, pstart, body_start)
        if kind is None or (kind == OWN and source == "body"):
            kind = _kind_by_context(simplified, pstart, m.end()) or kind or OWN
            after_decision = _AFTER_DECISION_TITLE.search(simplified, max(0, pstart - 30), pstart)
            if kind != OWN and penalty and (source != "body" or after_decision):
                kind = OWN
            elif kind == OWN and not penalty and not after_decision and _AFTER_TITLE.search(simplified, max(0, pstart - 4), pstart):
                # `《…裁量权基准》(应急〔2024〕90号)`: the number of the document named just before it
                kind = CITED
        earlier = source == "body" and bool(_EARLIER_PENALTY.search(text, max(0, pstart - 60), pstart))
        out.append(_Candidate(value, pstart, m.end(), source, kind, penalty, earlier=earlier))
    out += _bare_candidates(text, body_start, out)
    return out + _cell_candidates(text, out)


def _bare_candidates(text: str, body_start: int, found: list[_Candidate]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _BARE_NUMBER.finditer(text):
        pstart = m.start("prefix")
        if pstart >= body_start + 80 or any(c.start < m.end() and m.start() < c.end for c in found):
            continue
        prefix = m.group("prefix")
        if _BARE_NOT_PREFIX.search(prefix):
            continue
        kind, penalty = _kind_by_marks(prefix)
        if kind != OWN:
            continue
        labelled = bool(text[m.start() : m.start("orphan") if m.group("orphan") else pstart].strip())
        source: Source = "label" if labelled else "header" if pstart < body_start else "body"
        if source == "body":
            continue
        # a dash after the closed year's bracket is the serial's own (`〔2019〕-007`); one where the
        # brackets were lost stands for them (`2023-15`)
        serial = ("-" if m.group("close") and m.group("dash") else "") + m.group("serial")
        value = canonical(prefix, m.group("year"), m.group("di"), serial)
        out.append(_Candidate(value, pstart, m.end("serial"), source, kind, penalty, bare=True))
    return out


def _cell_candidates(text: str, found: list[_Candidate]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _CELL_NUMBER.finditer(text):
        pstart = m.start("prefix")
        if any(c.start < m.end() and m.start() < c.end for c in found):
            continue
        kind, penalty = _kind_by_marks(m.group("prefix"))
        if kind != OWN or not penalty:
            continue
        line_start = text.rfind("\n", 0, pstart) + 1
        column = text[line_start:pstart].count("|")
        if not _NUMBER_COLUMN.search(_column_header(text, line_start, column)):
            continue
        value = canonical(m.group("prefix"), m.group("year"), m.group("di"), m.group("serial"))
        out.append(_Candidate(value, pstart, m.end("serial"), "label", kind, penalty, bare=True))
    return out


def _column_header(text: str, line_start: int, column: int) -> str:
    """The header cell above a table cell: the nearest earlier line cut by as many borders, read at
    the cell's column (spaces out: a header printed over two lines runs its words apart)."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        cells = text[start:end].split("|")
        if len(cells) > column and len(cells) >= 3:
            return re.sub(r"\s", "", cells[column])
        end = start - 1
    return ""


def _without_di(value: str) -> str:
    """The number as printed without the 第 before its serial (`〔2025〕第109号` and `〔2025〕109号` are one)."""
    return value.replace("〕第", "〕")


_YEAR_SERIAL = re.compile(r"〔(?P<year>\d{4})〕第?(?P<serial>[^〔〕]+)号$")


def _letters(value: str) -> str:
    """A number's letters before its year, without the brackets round any of them."""
    return re.sub(r"[()（）〔〕\[\]]", "", re.split(r"〔\d{4}〕", value, maxsplit=1)[0])


def _year_serial(value: str) -> tuple[str, str] | None:
    """The year and serial of a number (`某市监行处字〔2023〕第060号` gives 2023 and 060)."""
    m = _YEAR_SERIAL.search(value)
    return (m.group("year"), m.group("serial")) if m else None


def extract_doc_numbers(view: View, header_end: int) -> DocNumbers:
    """The decision's own 文号 with where it was found, and every other number the text cites."""
    found = _candidates(view, header_end)
    own = [c for c in found if c.kind == OWN and not c.earlier]
    # a number rebuilt from a bare header line yields only to a printed one as well placed
    chosen = min(own, key=lambda c: (_SOURCE_RANK[c.source], c.bare, not c.penalty, c.start), default=None)
    if chosen is not None and chosen.source == "title":
        # a page title that prints the number with 第 (`…决定书某市监处罚字〔2025〕第109号`) over a header that
        # prints it without: the header is the decision's own print
        plain = _without_di(chosen.value)
        chosen = next((c for c in own if c.source == "header" and not c.bare and _without_di(c.value) == plain), chosen)
    if chosen is not None and chosen.source == "title" and (ys := _year_serial(chosen.value)):
        # ...or prints the year and serial under other letters than the header's penalty word (the page's
        # headline `…决定书某市监行处字〔2023〕第060号` over the document's own `某市监处罚字〔2023〕060号`)
        # (a header that only lost the brackets round the title's city, `固文综罚字` under `(固)文综罚字`, is the
        # damaged print: the title's stands)
        chosen = next(
            (
                c for c in own
                if c.source == "header" and not c.bare and c.penalty and _year_serial(c.value) == ys
                and _letters(c.value) != _letters(chosen.value)
            ),
            chosen,
        )
    doc_number = None
    if chosen is not None:
        confidence = _SOURCE_CONFIDENCE[chosen.source] - (0.0 if chosen.penalty else 0.15) - (0.15 if chosen.bare else 0.0)
        rivals = {c.value for c in own if _SOURCE_RANK[c.source] == _SOURCE_RANK[chosen.source]}
        if len(rivals) > 1:
            confidence -= 0.1
        doc_number = DocNumber(
            value=chosen.value,
            evidence=view.evidence(chosen.start, chosen.end),
            source=chosen.source,
            confidence=round(confidence, 2),
        )
    related: list[RelatedNumber] = []
    others: list[tuple[int, int]] = []
    # (a page title's print of the own number with a 第 the header lacks is the same number)
    seen = {_without_di(chosen.value)} if chosen else set()
    own_print = _year_serial(chosen.value) if chosen else None
    for c in found:
        if _without_di(c.value) in seen:
            continue
        if c.source == "title" and c.kind == OWN and own_print and _year_serial(c.value) == own_print:
            continue  # (the headline's print of the own number under other letters is the same number)
        seen.add(_without_di(c.value))
        # a number of no known kind and no penalty word is some other paper the decision cites, unless
        # a 《行政处罚决定书》 title names it (`市监案〔2019〕…号`: an earlier decision's letters hold none)
        simplified = view.text[max(0, c.start - 30) : c.start].translate(_SIMPLIFIED)
        after_decision = _AFTER_DECISION_TITLE.search(simplified) is not None
        # (an earlier penalty the text names as one is a decision whatever its letters: 市监案〔2021〕345号)
        named = after_decision or c.earlier
        kind = OTHER if c.kind == OWN and not c.penalty and not named else c.kind
        related.append(RelatedNumber(value=c.value, kind=kind, evidence=view.evidence(c.start, c.end)))
        if (chosen is not None or c.earlier) and c.kind == OWN and (c.penalty or named):
            others.append((c.start, c.end))
    return DocNumbers(own=doc_number, related=related, spans=[(c.start, c.end) for c in found], other_decisions=others)


def extract_doc_number(view: View, header_end: int) -> DocNumber | None:
    """The decision's own 文号 (see extract_doc_numbers for the numbers it cites)."""
    return extract_doc_numbers(view, header_end).own
