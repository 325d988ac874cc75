"""Laws and articles cited, split into those violated (违反) and those applied (依据/根据/依照).

Citations come as `《中华人民共和国产品质量法》第四十九条`, `《产品质量法》第四十九条、第五十条`,
`第五十条第一款第（三）项`, `第49条`, sometimes without 《》 after OCR. Each article becomes an
integer with its 款 and 项. The role is set by the nearest 违反 / 依据 cue before the citation in its
sentence; citations in the remedy and payment notices (复议, 诉讼, 加处罚款) are procedure, not basis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.numbers import parse_number
from extractors.regions import Regions
from extractors.view import View
from ingest.document import Evidence

_NUM = r"[\d零〇一二三四五六七八九十百千两]+"
_LAW_NAME = r"《(?P<q>[^《》\n]{2,40})》|(?P<b>[\u4e00-\u9fff]{2,30}?(?:法|条例|规定|办法|细则|决定|规则))(?=第)"
_ARTICLE = rf"第\s?(?P<a>{_NUM})\s?条(?:\s?第\s?(?P<p>{_NUM})\s?款)?(?:\s?第?\s?[(（]?\s?(?P<i>{_NUM})\s?[)）]?\s?项)?"
_ART_ANON = re.sub(r"\?P<\w+>", "", _ARTICLE)
_ITEM = rf"(?:{_ART_ANON}|第\s?{_NUM}\s?款)"
_CITE = re.compile(rf"(?:{_LAW_NAME})(?:的?规定)?\s?(?P<arts>{_ITEM}(?:\s?[、，,和及与或]?\s?{_ITEM})*)")
_ONE_ARTICLE = re.compile(_ARTICLE)
_PARA_ONLY = re.compile(rf"^\s?[、，,和及与]\s?第\s?(?P<p>{_NUM})\s?款")
_ROLE_CUE = re.compile(r"(?P<v>违反|违背|不符合|属于[^，。]{0,10}违)|(?P<b>依据|根据|依照|按照|参照|适用|依|据)")
_SENTENCE_BREAK = re.compile(r"[。；;\n]")
_PROCEDURE = re.compile(r"复议|诉讼|逾期|加处罚款|强制执行|申辩|听证|陈述")
_PREFIX = re.compile(r"^(?:中华人民共和国|中华人民共和国国家)")


@dataclass(frozen=True)
class LawRef:
    law: str
    article: int
    paragraph: int | None
    item: int | None
    role: str
    evidence: Evidence


def normalize_law_name(name: str) -> str:
    name = re.sub(r"\s", "", name).strip("《》<>〈〉")
    name = re.sub(r"[(（]\d{4}[^)）]*[)）]$", "", name)
    return _PREFIX.sub("", name)


def _int(s: str | None) -> int | None:
    if not s:
        return None
    v = parse_number(s)
    return int(v) if v is not None else None


def _role(text: str, pos: int) -> str | None:
    sent_start = 0
    for m in _SENTENCE_BREAK.finditer(text, max(0, pos - 200), pos):
        sent_start = m.end()
    cues = list(_ROLE_CUE.finditer(text, max(sent_start, pos - 120), pos))
    if not cues:
        return None
    return "violated" if cues[-1].lastgroup == "v" else "basis"


def extract_laws(view: View, regions: Regions) -> list[LawRef]:
    text = view.text
    out: list[LawRef] = []
    seen: set[tuple[str, int, int | None, int | None, str]] = set()
    for m in _CITE.finditer(text):
        section = regions.name_at(m.start())
        if section in {"remedy", "payment"}:
            continue
        sent_start = max((b.end() for b in _SENTENCE_BREAK.finditer(text, max(0, m.start() - 60), m.start())), default=max(0, m.start() - 60))
        if _PROCEDURE.search(text, sent_start, m.start()):
            continue
        role = _role(text, m.start())
        if role is None:
            continue
        law = normalize_law_name(m.group("q") or m.group("b"))
        arts_start = m.start("arts")
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
            for art, p, i, s, e in refs:
                if art is None:
                    continue
                key = (law, art, p, i, role)
                if key in seen:
                    continue
                seen.add(key)
                out.append(LawRef(law, art, p, i, role, view.evidence(m.start(), e)))
    return out
