"""案由: what the case is about, as the decision names it.

Agencies name it as a labelled line (`案由：销售不合格产品`), in the opening (`当事人涉嫌无证经营一案`,
`就当事人涉嫌电鱼一事立案`, `对当事人未经许可经营…的行为立案调查`) or in the finding (`当事人的行为属于
非法占用土地`, `构成滥伐林木的违法行为`). Many decisions never name it and only state the act in the
finding (`当事人经营超过保质期的食品的行为，违反了…`, `当事人盗伐林木的事实成立`); a reader files such a
case under that act, so the act is read last, when nothing names the cause. A finding about the
party's conduct in general (`当事人的上述行为违反了…`) states no act and gives no 案由. The first form
found, in that order of reliability, wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence

_STOP = r"[^，,。；;：:\n“”《》]"
# who the finding speaks of, as agencies write it; a party's own name is left to the naming forms
_PARTY = r"(?:当事人|被处罚人|被处罚单位|你单位|你公司|你店|该单位|该公司|该企业|该店|该户)"
# `与…相悖` is a breach only of a provision (与实际情况不符 is a fact)
_BREACH = r"(?:已经?|均|明显)?(?:违反|违背|触犯|与[^。\n]{0,160}?(?:规定|条|款|项)[^。\n]{0,4}?(?:相悖|不符|相抵触))"
# A label that opens a line (a table row's cells are set apart by spaces); a list after
# `存在以下违法行为：` is not a label.
_LABEL = re.compile(
    rf"(?:^|(?<=[\n \t　|]))(?:案\s?由|案件名称|违法行为(?!人))[ \t　]*[:：][ \t　]*(?P<c>{_STOP}{{2,80}})"
)
# Where a labelled line ran into the next paragraph (a lost line break): that paragraph opens with a
# date, the agency or what the case arose from.
_RUN_ON = re.compile(
    r"一案|(?:19|20)\d{2}\s?[年.\-/]|二[〇零○]|[本我](?:局|分局|支队|大队|中队|队|委|厅|机关|所|关|署)|本案"
    r"|经(?:查|调查|核查|初步)|根据|依据"
    r"|因(?:当事人|其)|当事人|立案(?:依据|时间|日期)|案件来源"
)
_FORMS = (
    re.compile(rf"涉嫌(?P<c>{_STOP}{{2,40}}?)(?:一案|一事|案件|案|的违法行为|违法行为|的行为|行为)"),
    re.compile(rf"涉嫌(?P<c>{_STOP}{{2,30}}?)[，,]\s?[^。，,]{{0,20}}立案"),
    # a sentence that ends on the cause: 发现当事人涉嫌价格违法。 (a crime named there is not a 案由)
    # an amount there (涉嫌偷逃税款3,200元, 人民币壹万元) is a finding, not a name
    re.compile(rf"涉嫌(?!犯罪|违法犯罪|刑事)(?P<c>(?:(?!\d|人民币){_STOP}){{2,40}}?)(?<![罪元角分])(?=[。，,；;\n])"),
    re.compile(rf"对(?:{_PARTY}|其)(?P<c>{_STOP}{{2,40}}?)(?:的违法行为|的行为|一案|一事)(?:依法|进行|予以)?立案"),
    # the finding's own words, "违反了…的规定，构成…", outrank a 构成 in the facts
    re.compile(
        rf"违反了?[^。\n]{{0,200}}?(?:规定|条|款|项)[^。\n，,]{{0,6}}?[，,]\s?(?:已经?|均)?(?:构成|属于|属|系)"
        rf"(?P<c>{_STOP}{{2,40}}?)(?:的违法行为|违法行为|的行为|行为)?(?=[，,。；;\n])"
    ),
    re.compile(
        rf"(?:行为|上述行为)(?:已)?(?:属于|属|构成|系)(?P<c>{_STOP}{{2,40}}?)(?:的违法行为|违法行为|的行为|行为)?"
        r"(?=[，,。；;\n])"
    ),
    re.compile(rf"[，,](?:属于|属|系)(?P<c>{_STOP}{{2,40}}?)(?:的违法行为|违法行为|的行为|行为)(?=[，,。；;\n])"),
    re.compile(rf"(?<!虚)构成(?!犯罪|轻伤|重伤|死亡)(?P<c>{_STOP}{{2,40}}?)(?:的违法行为|违法行为|的行为|行为)?(?=[，,。；;\n])"),
    re.compile(rf"存在(?P<c>{_STOP}{{2,40}}?)的(?:违法)?行为"),
    # the act as the finding states it
    re.compile(rf"{_PARTY}(?P<c>{_STOP}{{2,40}}?)的(?:违法)?(?:行为|事实)[，,]?\s?(?:{_BREACH}|(?:已经?)?(?:成立|属实))"),
    re.compile(rf"{_PARTY}(?P<c>{_STOP}{{2,40}}?)[，,]\s?(?:其行为|该行为|此行为)?{_BREACH}"),
)
_TRIM_HEAD = re.compile(
    r"^(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.、．]|[（(][一二三四五六七八九十\d]{1,2}[）)])?"
    r"(?:涉嫌|了|一起|有|实施|实施了|从事)*"
    # when the act began, which is not the act: 于2021年9月至2022年2月在…
    r"(?:(?:于|自|在)?\s?(?:19|20)\d{2}\s?年[^，,]{0,16}?[月日](?:(?:至|到|—|-)[^，,]{0,16}?[月日]|起|以来|期间|间)*)?"
)
# what only points at the conduct (当事人的上述行为, 当事人一的行为, 被处罚人所实施的) names no act
_NO_ACT = re.compile(r"^(?:[一二三四五六七八九十甲乙丙]|[A-Z])?(?:的|之|所|上述|以上|前述|此|该|其)")
# what a product was found to be (`该批次农药涉嫌假农药`, `经检验涉嫌劣药`) is not what the party did
_PRODUCT_ONLY = re.compile(r"^(?:为|系|属于?|是)?(?:假(?!冒)|劣质?)[\u4e00-\u9fff]{1,4}$")


@dataclass(frozen=True)
class CaseCause:
    value: str  # as 案由 are filed: `销售不合格产品案`
    evidence: Evidence


# A case name the page broke before its end (`案件名称：某某公司使用未经检定的` / `计量器具案`): the short
# line after it, ending in 案, is the rest of it.
_NAME_TAIL = re.compile(rf"\n(?P<tail>{_STOP}{{1,20}}案)[ \t　]*(?=\n|$)")


def _labelled(text: str, agency: str | None) -> Iterator[tuple[int, str]]:
    for m in _LABEL.finditer(text):
        value = m.group("c")
        tail = _NAME_TAIL.match(text, m.end("c")) if not value.endswith("案") else None
        if tail:
            value = text[m.start("c") : tail.end("tail")]
        ends = [r.start() for r in _RUN_ON.finditer(value) if r.start() >= 2]
        if agency and agency in value[2:]:
            ends.append(value.index(agency, 2))
        if ends:
            value = value[: min(ends)]
        yield m.start("c"), value.removesuffix("案") if ends else value


def _candidates(text: str, agency: str | None) -> Iterator[tuple[int, str]]:
    yield from _labelled(text, agency)
    for form in _FORMS:
        for m in form.finditer(text):
            yield m.start("c"), m.group("c")


def extract_case_cause(view: View, agency: str | None = None, parties: tuple[str, ...] = ()) -> CaseCause | None:
    """`agency`, the decision's own authority, marks where a run-on 案由 line stops; a case name that
    opens with one of `parties` (`案件名称：某某公司销售…案`) is filed without the party's name."""
    for start, value in _candidates(view.text, agency):
        head = _TRIM_HEAD.match(value)
        if head:
            start += head.end()
            value = value[head.end() :]
        named = next((p for p in parties if len(p) >= 2 and value.startswith(p) and len(value) > len(p) + 1), None)
        if named:
            start += len(named)
            value = value[len(named) :]
        value = value.strip()
        if len(value) < 2 or _NO_ACT.search(value) or _PRODUCT_ONLY.match(value):
            continue
        value_read = value.replace("\n", "")
        filed = value_read if value_read.endswith("案") else value_read + "案"
        return CaseCause(filed, view.evidence(start, start + len(value)))
    return None
