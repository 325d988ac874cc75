"""案由: what the case is about, as the decision names it.

Stated as a labelled line (`案由：销售不合格产品`), as the title of the case (`关于某某公司销售假冒注册商标
商品案`), or inside the opening sentence (`…涉嫌无证经营一案` / `…的行为进行了立案调查`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.view import View
from ingest.document import Evidence

_LABELLED = re.compile(r"案\s?由\s*[:：]\s*(?P<c>[^\n。；;]{2,60})")
_ONE_CASE = re.compile(
    r"(?:当事人|你(?:单位)?|该(?:公司|单位))?(?:涉嫌)?(?P<c>[^，。；\n“”]{2,50}?)(?:一|的)案"
)
_CASE_OPENERS = re.compile(r"^(?:.*?(?:对|就|关于|因|将))?(?:当事人|你单位|你|该公司|该单位)?[^，。]{0,40}?(?:涉嫌|存在|实施)")
_TRIM = re.compile(r"^(?:涉嫌|存在|实施|实施了|从事|有)|(?:行为|违法行为|违法)$")


@dataclass(frozen=True)
class CaseCause:
    value: str
    evidence: Evidence


def extract_case_cause(view: View, party_names: list[str]) -> CaseCause | None:
    text = view.text
    m = _LABELLED.search(text)
    if m:
        value = m.group("c").strip()
        return CaseCause(value, view.evidence(m.start("c"), m.start("c") + len(value)))
    m = _ONE_CASE.search(text, 0, min(len(text), 1500))
    if not m:
        return None
    value = m.group("c")
    start = m.start("c")
    for name in sorted(party_names, key=len, reverse=True):
        cut = value.find(name)
        if cut >= 0:
            start += cut + len(name)
            value = value[cut + len(name) :]
            break
    opener = _CASE_OPENERS.match(value)
    if opener:
        start += opener.end()
        value = value[opener.end() :]
    trimmed = _TRIM.sub("", value).strip()
    if len(trimmed) < 2:
        return None
    start += value.find(trimmed)
    return CaseCause(trimmed, view.evidence(start, start + len(trimmed)))
