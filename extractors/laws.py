"""Laws and articles cited, split into those violated (违反) and those applied (依据/根据/依照).

Citations come as `《中华人民共和国产品质量法》第四十九条`, `《产品质量法》第四十九条、第五十条`,
`第五十条第一款第（三）项`, `第49条`, sometimes without 《》 after OCR. Each article becomes an
integer with its 款 and 项. The role is set by the nearest 违反 / 依据 cue before the citation in its
sentence; citations in the remedy and payment notices (复议, 诉讼, 加处罚款) are procedure, not basis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lianfa.corpora.laws import law_key, load_laws
from lianfa.extractors.numbers import parse_number
from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence
from lianfa.ingest.normalize import normalize

# A name shorter than this differs from another law by one character too often (海关法/海商法).
_FUZZY_MIN_LEN = 5


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    return load_laws().index()


def normalize_law_name(raw: str) -> str | None:
    """The short name of the law `raw` names, or None when it names no law in laws.yaml.

    Accepts 《》, the 中华人民共和国 prefix (even misread by one character), an edition note such as
    (2018年修正), a trailing article reference, and one misread character in names of five or more
    characters when exactly one known name is that close."""
    name = law_key(normalize(raw))
    if not name:
        return None
    index = _index()
    if name in index:
        return index[name]
    if len(name) < _FUZZY_MIN_LEN:
        return None
    close = {
        short
        for known, short in index.items()
        if len(known) == len(name) and sum(a != b for a, b in zip(known, name, strict=True)) == 1
    }
    return close.pop() if len(close) == 1 else None


_NUM = r"[\d零〇一二三四五六七八九十百千两]+"
_SAME = ("该法", "本法", "同法", "该条例", "本条例", "该办法", "本办法", "该规定", "上述法律")
_LAW_NAME = rf"《(?P<q>[^《》\n]{{2,40}})》|(?P<same>{'|'.join(_SAME)})|(?P<b>[\u4e00-\u9fff]{{2,30}}?(?:法|条例|规定|办法|细则|决定|规则))(?=第)"
_ARTICLE = rf"第\s?(?P<a>{_NUM})\s?条(?:\s?第\s?(?P<p>{_NUM})\s?款)?(?:\s?第?\s?[(（]?\s?(?P<i>{_NUM})\s?[)）]?\s?项)?"
_ART_ANON = re.sub(r"\?P<\w+>", "", _ARTICLE)
_ITEM = rf"(?:{_ART_ANON}|第\s?{_NUM}\s?款)"
_CITE = re.compile(rf"(?:{_LAW_NAME})(?:\s?[(（][^()（）\n]{{0,16}}[)）])?(?:的?规定)?\s?(?P<arts>{_ITEM}(?:\s?[、，,和及与或]?\s?{_ITEM})*)")
_ONE_ARTICLE = re.compile(_ARTICLE)
_PARA_ONLY = re.compile(rf"\s?[、，,和及与]\s?第\s?(?P<p>{_NUM})\s?款")
_ROLE_CUE = re.compile(
    r"(?P<v>违反|违背|违犯|不符合|触犯|有悖|属于)|(?P<b>依据|根据|依照|按照|参照|适用|鉴于|据此|依法)"
)
# What follows a citation tells what it was cited for: `…第44条，当事人的行为属于非法占用土地` names the
# violation even after 依照; `…第97条，决定给予当事人以下处理` is the basis.
_FOLLOW_VIOLATION = re.compile(
    r"^(?:的?规定|之规定)?[，,]?\s?(?:当事人|你|其|该)[^。;；，,]{0,30}?(?:属于|构成|系|违反|事实成立|事实清楚|违法)"
    r"|^(?:的|之)?(?:规定|要求)?(?:相悖|相违背|相抵触|不符|不相符|不一致)"
)
# (`经责令限期支付` is the party's conduct, not a penalty decided)
_FOLLOW_BASIS = re.compile(r"^[^。;；]{0,30}?(?:决定|处罚如下|处理如下|处以|给予|并处|罚款|(?<!经)责令|没收|作出)")
_JOINER = re.compile(r"^(?:\s|和|及|以及|与|、|，|,|或者?)+")
# `第五十条规定：“…”` / `（《产品质量法》第50条：…）`: the article is quoted, not applied.
_QUOTED_AFTER = re.compile(r"(?:的?规定)?\s?[:：“\"]")
# Sentences, not lines: OCR wraps a citation anywhere (`《水法》\n第65条`).
_SENTENCE_BREAK = re.compile(r"[。；;]")
# 逾期 alone is also the party's conduct (经责令限期支付逾期未支付), not only the payment clause
_PROCEDURE = re.compile(r"复议|诉讼|逾期(?:不|未)?(?:缴纳|缴款|履行)|到期不|加处罚款|强制执行|滞纳金")
_PREFIX = re.compile(r"^(?:中华人民共和国|中华人民共和国国家)")


@dataclass(frozen=True)
class LawRef:
    law: str
    article: int
    paragraph: int | None
    item: int | None
    role: str
    evidence: Evidence


_LEAD_WORDS = re.compile(r"^.*?(?:违反了?|违背了?|依据|根据|依照|按照|参照|适用|依|据|及|和|、|了)")


def law_short_name(name: str, bracketed: bool) -> str:
    """The legal dictionary's short name, or the printed name without 《》, edition and 中华人民共和国.

    An unbracketed name was cut from running text, so its start is found by trying each suffix
    against the dictionary (`当事人违反了产品质量法` → 产品质量法).
    """
    name = re.sub(r"\s", "", name)
    if bracketed:
        return normalize_law_name(name) or _PREFIX.sub("", re.sub(r"[(（]\d{4}[^)）]*[)）]$", "", name))
    for i in range(len(name) - 1):
        known = normalize_law_name(name[i:])
        if known:
            return known
    return _PREFIX.sub("", _LEAD_WORDS.sub("", name))


def _int(s: str | None) -> int | None:
    if not s:
        return None
    v = parse_number(s)
    return int(v) if v is not None else None


def _following(text: str, end: int) -> str:
    """The rest of the sentence after a citation, with any further citations in a list skipped."""
    stop = _SENTENCE_BREAK.search(text, end, end + 160)
    rest = text[end : stop.start() if stop else end + 160]
    while True:
        joined = _JOINER.match(rest)
        rest = rest[joined.end() :] if joined else rest
        more = _CITE.match(rest)
        if not more:
            return rest
        rest = rest[more.end() :]


def _role(text: str, pos: int, end: int) -> str | None:
    sent_start = 0
    for m in _SENTENCE_BREAK.finditer(text, max(0, pos - 200), pos):
        sent_start = m.end()
    cues = list(_ROLE_CUE.finditer(text, max(sent_start, pos - 120), pos))
    before = None if not cues else ("violated" if cues[-1].lastgroup == "v" else "basis")
    if (not cues or cues[-1].end() < pos - 1) and text[pos - 1 : pos] == "依":
        before = "basis"  # `现依《价格法》第四十条`
    after = _following(text, end)
    if _FOLLOW_VIOLATION.match(after) and not _FOLLOW_BASIS.match(after):
        return "violated"
    if before is None and _FOLLOW_BASIS.match(after):
        return "basis"
    return before


def extract_laws(view: View) -> list[LawRef]:
    text = view.text
    out: list[LawRef] = []
    seen: set[tuple[str, int, int | None, int | None, str]] = set()
    last_law: str | None = None
    for m in _CITE.finditer(text):
        law = None if m.group("same") else law_short_name(m.group("q") or m.group("b"), bracketed=m.group("q") is not None)
        if law is None or law in _SAME:
            law = last_law
        last_law = law
        if law is None:
            continue
        sent_start = max(
            (b.end() for b in _SENTENCE_BREAK.finditer(text, max(0, m.start() - 60), m.start())),
            default=max(0, m.start() - 60),
        )
        sent_end = _SENTENCE_BREAK.search(text, m.end())
        if _PROCEDURE.search(text, sent_start, sent_end.start() if sent_end else len(text)):
            continue  # `如不服…可依据《行政复议法》…申请复议`: procedure, not the basis
        if _QUOTED_AFTER.match(text, m.end()) or text[m.start() - 1 : m.start()] in ("(", "（"):
            continue
        role = _role(text, m.start("arts") if m.group("b") else m.start(), m.end())
        if role is None:
            continue
        arts_start = m.start("arts")
        cite_start = m.start()
        if m.group("b") and law in m.group("b"):
            cite_start = m.start("b") + m.group("b").rfind(law)
        article: int | None = None
        pos = arts_start
        while pos < m.end():
            a = _ONE_ARTICLE.match(text, pos)
            para = _PARA_ONLY.match(text, pos) if a is None else None
            if a:
                article = _int(a.group("a"))
                refs = [(article, _int(a.group("p")), _int(a.group("i")), a.start(), a.end())]
                pos = a.end()
            elif para and article is not None:
                refs = [(article, _int(para.group("p")), None, para.start("p"), para.end())]
                pos = para.end()
            else:
                pos += 1
                continue
            for art, p, i, _, e in refs:
                if art is None:
                    continue
                key = (law, art, p, i, role)
                if key in seen:
                    continue
                seen.add(key)
                out.append(LawRef(law, art, p, i, role, view.evidence(cite_start, e)))
    return out
