"""Quantities: land area, volumes of timber or minerals, weights of waste, catch or goods, and counts
(cigarettes, trees, animals, copies, boxes, people hurt...), normalised to 平方米 / 立方米 / 千克 and
kept with what was measured. Ranges and thresholds in quoted law are skipped as for amounts.

The subject is the noun phrase the quantity sits beside: after the unit when one follows it
(`查获134桶食用植物油`, `造成2人重伤`), else before the number (`樟树27株`, `废矿物油约4.6吨`) with
the verbs and quantifier words of the clause trimmed off. A count with no subject at all decides
nothing and is not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lianfa.extractors.numbers import NUMBER, parse_number
from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence

# unit → (kind, canonical unit, factor to canonical)
_UNITS: dict[str, tuple[str, str, float]] = {
    "公顷": ("area", "平方米", 10_000.0),
    "平方米": ("area", "平方米", 1.0),
    "平方公里": ("area", "平方米", 1_000_000.0),
    "平米": ("area", "平方米", 1.0),
    "㎡": ("area", "平方米", 1.0),
    "m²": ("area", "平方米", 1.0),
    "m2": ("area", "平方米", 1.0),
    "亩": ("area", "平方米", 10_000.0 / 15.0),
    "立方米": ("volume", "立方米", 1.0),
    "立方": ("volume", "立方米", 1.0),
    "方": ("volume", "立方米", 1.0),
    "m³": ("volume", "立方米", 1.0),
    "m3": ("volume", "立方米", 1.0),
    "吨": ("weight", "千克", 1000.0),
    "公斤": ("weight", "千克", 1.0),
    "千克": ("weight", "千克", 1.0),
    "kg": ("weight", "千克", 1.0),
    "KG": ("weight", "千克", 1.0),
    "克": ("weight", "千克", 0.001),
    "斤": ("weight", "千克", 0.5),
    "毫升": ("volume", "立方米", 0.000001),
    "升": ("volume", "立方米", 0.001),
    "L": ("volume", "立方米", 0.001),
}
_COUNT_UNITS = "批次|吨袋|[株棵只条支份册本张盒人名尾头羽箱瓶袋包件套台罐桶片粒种个樘部双辆艘枚把具块顶组]"
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_QTY = re.compile(
    rf"(?<![第\d./\-A-Za-z])(?<!第\s)(?P<num>{NUMBER})\s?(?:余|多)?\s?"
    # a count may run straight into the year it concerns (`拖欠张某等12人2021年工资`)
    # a 吨袋 is a bag that holds a ton: `36吨袋` counts bags
    rf"(?:(?P<unit>{_UNIT_RE})(?![A-Za-z0-9袋])|(?P<count>{_COUNT_UNITS})(?![A-Za-z]|\d(?!\d{{3}}\s?年)))"
)
# After a count unit these make it a time, an article or an order, not a quantity.
_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:月|工作日|小时|款|项|规定|批次?|次|以上|以下|以内|至|到|左右|方面|方式|方向|面|案|文书|决定|机关|局|院|市|县|区|子|品种|种类|位)"
)
_NOT_A_MEASURE_AFTER = re.compile(r"^(?:面|式|向|法|案|针|可|便|才|能|位)")
# What threshold rules measure (thresholds.md): when one of these is named in the clause before the
# number it is the subject, however the sentence runs on.
SUBJECTS = (
    "永久基本农田", "基本农田", "一般耕地", "耕地", "防护林地", "特种用途林地", "商品林地", "林地", "草原", "农用地",
    "建设用地", "宅基地", "土地",
    "危险废物", "废矿物油", "废铅蓄电池", "医疗废物", "含油污泥", "电镀污泥", "污泥", "废液", "废酸", "废碱", "漆渣",
    "卷烟", "香烟", "雪茄烟", "烟丝", "烟叶", "电子烟",
    "幼树", "立木", "林木", "原木", "木材",
    "渔获物", "水产品",
    "野生动物",
    "工业盐", "食盐",
    "图书复制品", "光盘复制品", "软件复制品", "音像复制品", "复制品", "影视作品", "视频",
    "出版物", "商标标识", "集资参与人", "存款人",
)
_SUBJECT_RE = re.compile("|".join(sorted(SUBJECTS, key=len, reverse=True)))
_AFTER_VERB = re.compile(r"^(?:交由|交给|用于|系|经|被|由|作为|供|卖给|销往|运往|出售|销售|售|运|送)")
_CLAUSE_BREAK = re.compile(r"[，；;。:：\n]|(?<!\d),|,(?!\d)")
_RANGE_AFTER = re.compile(r"^\s?(?:以上|以下|以内|至|到|~|-|不等|之间|的标准)")
_THRESHOLD_BEFORE = re.compile(
    r"(?:不足|不满|未满|超过|达到|低于|高于|少于|多于|每[\u4e00-\u9fff]{0,4}|满|年产|日产|产能|(?:限值|限额|限量|标准)(?:为|是)?)\s?$"
)
# People hurt are written in words as often as in digits (`造成二人死亡`)
_CASUALTY_AFTER = re.compile(r"^(?:死亡|重伤|轻伤|受伤|中毒|遇难|失踪)")
# `…3层302部位`, `…路8号`: a number in an address counts nothing
_ADDRESS_BEFORE = re.compile(r"[号层楼栋幢室座路街巷弄村社]\s?$")
# `责令补种54株树木`, `补种滥伐株数五倍的树木2560株`: what is ordered is not what was found
_ORDERED_BEFORE = re.compile(r"(?:补种|补植|栽植|种植|恢复)[^，。；;,\n\d]{0,16}$")
_PER = re.compile(r"^\s?(?:/|每)")
# A fact stated as a lower bound is still the quantity found: `危险废物总重量超过3吨`, `倾倒废液3吨以上，`
# (a measure word before 超过; 以上 closing the clause). Law's own `三吨以上的` is quoted and skipped.
_MEASURED_BOUND_BEFORE = re.compile(
    r"(?:重量|总重|总量|数量|面积|体积|蓄积|方量|共计|合计|总计|累计|约|达)\s?(?:超过|达到|逾|多于|高于)\s?$"
)
_STATED_AT_LEAST = re.compile(r"^\s?以上(?![的之])(?:[，,。；;）)]|$)")
# What stands between a subject and its number or unit: verbs of the conduct, quantifier words.
_LEAD = re.compile(
    r"^.*?(?:查获|发现|查扣|扣押|查封|销售|售出|出售|购进|购入|收购|存放|储存|贮存|运输|经营|经手|生产|加工|涉案|"
    r"非法|擅自|处置|倾倒|排放|开采|采挖|盗采|采伐|滥伐|盗伐|捕捞|猎捕|占用|毁坏|发出|发布|印制|复制|"
    r"造成|导致|致|涉及|其中|累计|总计|共计|合计|库存|剩余|尚有|有|了|的|为|约|达|计|共|内)"
)
_TAIL_NOISE = re.compile(r"(?:共计|合计|总计|累计|共|计|约|达|为|有|等|蓄积|数量|重量|面积|体积|株数|计重|[\u4e00-\u9fff]?量)+$")
_AFTER_STOP = re.compile(r"[^\u4e00-\u9fff“”\"]|的|已|未|在|于|被|共|和|及|与|等|经|均|系|属|价|货|后|并|全部|处于|尚|仍|待")
_QUOTES = re.compile(r"[“”\"]")


# A weight given per container: `危险废物54桶，每桶重量180kg` is 9,720 千克 of it.
_PER_CONTAINER = re.compile(
    rf"(?P<n>{NUMBER})\s?(?P<c>吨袋|编织袋|桶|袋|包|箱|件|罐)[，,]?[^，,。；;\n\d]{{0,6}}?(?:每|单|平均每)(?P=c)"
    rf"(?:净重|重量|重约|约重|重)?(?:为|约为|约|达)?"
    rf"\s?(?P<w>{NUMBER})\s?(?P<u>kg|KG|千克|公斤|吨|斤)"
)


@dataclass(frozen=True)
class Quantity:
    kind: str
    value: float
    unit: str
    subject: str
    evidence: Evidence


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 40), start)), default=max(0, start - 40))
    hi_m = _CLAUSE_BREAK.search(text, end, min(len(text), end + 24))
    return lo, hi_m.start() if hi_m else min(len(text), end + 24)


def _noun_before(phrase: str) -> str | None:
    """`当事人无证开采黏土` → 黏土: what is left after the conduct's verbs and quantifier words."""
    phrase = re.sub(r"[^\u4e00-\u9fffA-Za-z]+$", "", _QUOTES.sub("", phrase))
    phrase = phrase[max((m.end() for m in re.finditer(r"[^\u4e00-\u9fffA-Za-z0-9]", phrase)), default=0) :]
    lead = _LEAD.match(phrase)
    while lead:
        phrase = phrase[lead.end() :]  # `已销售` is all conduct, no noun
        lead = _LEAD.match(phrase) if phrase else None
    phrase = _TAIL_NOISE.sub("", phrase)
    return phrase[-12:] if len(phrase) >= 2 else None


def _subject(text: str, start: int, end: int) -> str | None:
    lo, hi = _clause_bounds(text, start, end)
    named = list(_SUBJECT_RE.finditer(text, lo, start))
    if named:
        return named[-1].group(0)
    after = text[end:hi]
    stop = _AFTER_STOP.search(after)
    phrase = _QUOTES.sub("", after[: stop.start()] if stop else after)
    if len(phrase) >= 2 and not _AFTER_VERB.match(phrase):
        return phrase[:12]
    found = _noun_before(text[lo:start])
    if found is None and lo > 0 and text[lo - 1] in ",，":
        # `当事人无证开采黏土，开采量1496.3方`: the clause before names what was measured
        prev_lo, _ = _clause_bounds(text, lo - 1, lo - 1)
        found = _noun_before(text[prev_lo : lo - 1])
    if found is None:
        # `已销售800盒`: the quantity stands; the conduct is the best name it has
        bare = re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", text[lo:start])
        found = bare[-8:] if len(bare) >= 2 else None
    return found


def extract_quantities(view: View, quoted: list[tuple[int, int]]) -> list[Quantity]:
    text = view.text
    out: list[Quantity] = []
    seen: set[tuple[str, float, str, str]] = set()
    last_end = -10
    for m in _QTY.finditer(text):
        start, end = m.start(), m.end()
        if any(s <= start < e for s, e in quoted):
            continue
        following = text[end : end + 6]
        if (_RANGE_AFTER.match(following) and not _STATED_AT_LEAST.match(following)) or _PER.match(following):
            continue
        stated_bound = _MEASURED_BOUND_BEFORE.search(text[max(0, start - 8) : start])
        if (
            _THRESHOLD_BEFORE.search(text[max(0, start - 6) : start]) and not stated_bound
        ) or _ORDERED_BEFORE.search(text[max(0, start - 20) : start]):
            continue
        num = m.group("num")
        if m.group("count"):
            words = not re.match(r"\d", num)
            if (words and not _CASUALTY_AFTER.match(following)) or _NOT_A_COUNT_AFTER.match(following):
                continue  # 一条, 三条 in prose, 第十条, 3个月
            if _ADDRESS_BEFORE.search(text[max(0, start - 2) : start]):
                continue
        elif _NOT_A_MEASURE_AFTER.match(following):
            continue  # 3方面, 双方
        value = parse_number(num)
        if value is None or value <= 0:
            continue
        subject = _subject(text, start, end)
        if subject is None:
            continue
        if m.group("unit"):
            kind, unit, factor = _UNITS[m.group("unit")]
            value *= factor
        else:
            kind, unit = "count", m.group("count")
        # `1000条（20万支）`: the same quantity restated in brackets right after is not a second one
        if out and out[-1].kind == kind and re.fullmatch(r"\s?[(（]\s?(?:合|折合|约|即|计)?\s?", text[last_end:start]):
            last_end = end
            continue
        last_end = end
        key = (kind, round(value, 3), unit, subject)
        if key in seen:
            continue
        seen.add(key)
        out.append(Quantity(kind, round(value, 3), unit, subject, view.evidence(start, end)))
    return out + _per_container_weights(view, quoted)


def _per_container_weights(view: View, quoted: list[tuple[int, int]]) -> list[Quantity]:
    """Each `N桶，每桶W千克` as the weight it totals, under the subject the count stands beside."""
    text = view.text
    out = []
    for m in _PER_CONTAINER.finditer(text):
        if any(s <= m.start() < e for s, e in quoted):
            continue
        count, each = parse_number(m["n"]), parse_number(m["w"])
        subject = _subject(text, m.start(), m.end("c"))
        if not count or not each or subject is None:
            continue
        _kind, unit, factor = _UNITS[m["u"]]
        out.append(Quantity("weight", round(count * each * factor, 3), unit, subject, view.evidence(m.start(), m.end())))
    return out
