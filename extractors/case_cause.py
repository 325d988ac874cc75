"""案由: what the case is about, as the decision names it.

Agencies state it as a labelled line (`案由：销售不合格产品`), in the opening (`当事人涉嫌无证经营一案`,
`就当事人涉嫌电鱼一事立案`, `对当事人涉嫌…的行为立案查处`) or in the finding (`当事人的行为属于非法占用
土地`, `构成滥伐林木的违法行为`). A statement that only
paraphrases the conduct (`当事人无证经营卷烟零售的事实成立`) is not taken for the 案由. The first of these forms found, in that order of reliability, wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.view import View
from ingest.document import Evidence

_STOP = r"[^，,。；;：:\n“”《》]"
_FORMS = (
    # a 案由 line that runs into the next paragraph (a lost line break) ends where a date or 本局 begins
    re.compile(
        rf"(?:案\s?由|案件名称|违法行为(?!人))\s*[:：]\s*(?P<c>{_STOP}{{2,40}}?)(?:一案|案?"
        r"(?=[，,。；;\n]|$|(?:19|20)\d{2}\s?[年.\-/]|二[〇零○]|本局|我局|本机关|本案|经查"
        r"|(?:(?!案)[\u4e00-\u9fff]){2,14}(?:局|厅|委员会|海关|政府)于))"
    ),
    re.compile(rf"涉嫌(?P<c>{_STOP}{{2,40}}?)(?:一案|一事|案件|案|的违法行为|违法行为|的行为|行为)"),
    re.compile(rf"涉嫌(?P<c>{_STOP}{{2,30}}?)[，,]\s?[^。，,]{{0,20}}立案"),
    re.compile(rf"(?:行为|上述行为)(?:已)?(?:属于|构成|系)(?P<c>{_STOP}{{2,40}}?)(?:的违法行为|违法行为|的行为|行为)?(?=[，,。；;\n])"),
    re.compile(rf"构成(?!犯罪|轻伤|重伤|死亡)(?P<c>{_STOP}{{2,40}}?)(?:的违法行为|违法行为|的行为|行为)?(?=[，,。；;\n])"),
    re.compile(rf"存在(?P<c>{_STOP}{{2,40}}?)的(?:违法)?行为"),
)
_TRIM_HEAD = re.compile(r"^(?:涉嫌|了|一起|有|实施|实施了|从事)+")


@dataclass(frozen=True)
class CaseCause:
    value: str  # as 案由 are filed: `销售不合格产品案`
    evidence: Evidence


def extract_case_cause(view: View) -> CaseCause | None:
    text = view.text
    for form in _FORMS:
        m = form.search(text)
        if not m:
            continue
        start = m.start("c")
        value = m.group("c")
        head = _TRIM_HEAD.match(value)
        if head:
            start += head.end()
            value = value[head.end() :]
        value = value.strip()
        if len(value) >= 2:
            filed = value if value.endswith("案") else value + "案"
            return CaseCause(filed, view.evidence(start, start + len(value)))
    return None
