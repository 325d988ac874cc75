"""Quantities that threshold rules compare: land area, timber volume, waste or catch weight, and counts
(cigarettes, trees, animals, copies...), normalised to 平方米 / 立方米 / 千克 and kept with what was
measured. Ranges and thresholds in quoted law are skipped as for amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.numbers import NUMBER, parse_number
from extractors.view import View
from ingest.document import Evidence

# unit → (kind, canonical unit, factor to canonical)
_UNITS: dict[str, tuple[str, str, float]] = {
    "公顷": ("area", "平方米", 10_000.0),
    "平方米": ("area", "平方米", 1.0),
    "平米": ("area", "平方米", 1.0),
    "㎡": ("area", "平方米", 1.0),
    "m²": ("area", "平方米", 1.0),
    "m2": ("area", "平方米", 1.0),
    "亩": ("area", "平方米", 10_000.0 / 15.0),
    "立方米": ("volume", "立方米", 1.0),
    "立方": ("volume", "立方米", 1.0),
    "m³": ("volume", "立方米", 1.0),
    "m3": ("volume", "立方米", 1.0),
    "吨": ("weight", "千克", 1000.0),
    "公斤": ("weight", "千克", 1.0),
    "千克": ("weight", "千克", 1.0),
    "kg": ("weight", "千克", 1.0),
    "KG": ("weight", "千克", 1.0),
    "克": ("weight", "千克", 0.001),
    "斤": ("weight", "千克", 0.5),
}
_COUNT_UNITS = "株棵只条支份册本张盒人尾头羽箱瓶袋包件套台罐桶片粒"
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_QTY = re.compile(
    rf"(?<![第\d.])(?<!第\s)(?P<num>{NUMBER})\s?(?:余|多)?\s?(?:(?P<unit>{_UNIT_RE})|(?P<count>[{_COUNT_UNITS}])(?![\u4e00-\u9fff]{{0,1}}(?:款|项|规定)))"
)
# What the 立案追诉标准 measure (thresholds.md): land, hazardous waste, timber, catch, wildlife,
# tobacco, salt, publications and copies, trademark labels, people drawn into fund-raising. Only
# quantities of these are reported: the weight of pork sold decides nothing a threshold compares.
SUBJECTS = (
    "永久基本农田", "基本农田", "耕地", "林地", "草原", "农用地", "建设用地", "土地", "宅基地",
    "危险废物", "废矿物油", "废铅蓄电池", "医疗废物", "含油污泥", "污泥", "废液", "废酸", "废碱",
    "卷烟", "香烟", "雪茄烟", "烟丝", "烟叶", "电子烟",
    "幼树", "立木", "林木", "树木", "原木", "木材", "苗木",
    "渔获物", "水产品", "鱼类", "鱼",
    "野生动物", "鸟类", "鸟",
    "工业盐", "食盐", "私盐", "盐",
    "图书复制品", "光盘复制品", "软件复制品", "音像复制品", "复制品", "盗版光盘", "盗版图书",
    "图书", "期刊", "报纸", "音像制品", "电子出版物", "出版物", "光盘", "书籍",
    "商标标识", "注册商标标识", "标识", "软件安装盘", "安装盘",
    "存款人", "集资参与人", "社会公众",
)
_SUBJECT_RE = re.compile("|".join(sorted(SUBJECTS, key=len, reverse=True)))
_CLAUSE_BREAK = re.compile(r"[，；;。\n]|(?<!\d),|,(?!\d)")
_RANGE_AFTER = re.compile(r"^\s?(?:以上|以下|以内|至|到|~|-|不等|之间|的)")
_THRESHOLD_BEFORE = re.compile(r"(?:不足|不满|未满|超过|达到|低于|高于|少于|多于|每|满)\s?$")
_PER = re.compile(r"^\s?(?:/|每)")


@dataclass(frozen=True)
class Quantity:
    kind: str
    value: float
    unit: str
    subject: str
    evidence: Evidence


def _subject(text: str, start: int, end: int) -> str | None:
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 40), start)), default=max(0, start - 40))
    hi_m = _CLAUSE_BREAK.search(text, end, min(len(text), end + 20))
    hi = hi_m.start() if hi_m else min(len(text), end + 20)
    before = list(_SUBJECT_RE.finditer(text, lo, start))
    if before:
        return before[-1].group(0)
    after = _SUBJECT_RE.search(text, end, hi)
    return after.group(0) if after else None


def extract_quantities(view: View, quoted: list[tuple[int, int]]) -> list[Quantity]:
    text = view.text
    out: list[Quantity] = []
    seen: set[tuple[str, float, str, str]] = set()
    last_end = -10
    for m in _QTY.finditer(text):
        start, end = m.start(), m.end()
        if any(s <= start < e for s, e in quoted):
            continue
        if _RANGE_AFTER.match(text[end : end + 4]) or _PER.match(text[end : end + 2]):
            continue
        if _THRESHOLD_BEFORE.search(text[max(0, start - 6) : start]):
            continue
        num = m.group("num")
        if m.group("count") and not re.match(r"[\d]", num):
            continue  # 一条, 三条 in prose and 第十条 are not counts
        value = parse_number(num)
        if value is None or value <= 0:
            continue
        subject = _subject(text, start, end)
        if subject is None:
            continue  # 3人 of staff, 1655公斤 of pork: no threshold measures them
        if m.group("unit"):
            kind, unit, factor = _UNITS[m.group("unit")]
            value *= factor
        else:
            kind, unit = "count", m.group("count")
        # `1000条（20万支）`: the same quantity restated in brackets right after is not a second one
        if start - last_end <= 2 and out and out[-1].kind == kind and out[-1].subject == subject:
            last_end = end
            continue
        last_end = end
        key = (kind, round(value, 3), unit, subject)
        if key in seen:
            continue
        seen.add(key)
        out.append(Quantity(kind, round(value, 3), unit, subject, view.evidence(start, end)))
    return out
