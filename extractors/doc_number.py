"""文号: the decision's number, `<机关代字><类别>〔年份〕<序号>号`, in every bracket agencies and OCR use.

Real numbers come as 〔2023〕, [2023], (2023), 【2023】, ［2023］, with 第 before the serial, spaces
inside, and OCR slips (O for 0). The value is returned with the brackets unified to 〔〕 and spaces
removed, which is how the number is filed; evidence keeps the printed form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.view import View
from ingest.document import Evidence

_OPEN = "〔[(【［（〖{"
_CLOSE = "〕])】］）〗}"
_YEAR = r"(?:19|20)[\dOo]{2}"
_DOC_NUMBER = re.compile(
    rf"(?P<prefix>(?:(?<![\u4e00-\u9fff])[(（][\u4e00-\u9fff]{{1,4}}[)）])?"
    rf"[\u4e00-\u9fffA-Za-z]{{1,24}}?(?:[(（][\u4e00-\u9fff]{{1,6}}[)）][\u4e00-\u9fff]{{0,8}})?)"
    rf"\s*[{re.escape(_OPEN)}]\s*(?P<year>{_YEAR})\s*[{re.escape(_CLOSE)}]\s*"
    rf"(?P<mid>[\u4e00-\u9fffA-Za-z]{{0,6}}?)\s*(?P<di>第?)\s*(?P<serial>[\dOo][\d\s\-Oo]{{0,12}}?)\s*[号號]"
)
# Words that start a sentence, not a 文号, when they precede the bracketed year.
_LEAD_NOISE = re.compile(r"^.*(?:决定书|告知书|通知书|文号|编号|字号|书号|号为|依据|根据|作出|送达了?|以|按)")
# A title the scan's reading order ran into the number (`…局行政处罚决定天津林政罚〔2021〕11号`): no
# 文号 holds these words, wherever the line starts.
_TITLE_LEAD = re.compile(r"^.*(?:决定书|(?:处罚|处理)决定|通知书|告知书)")
_REFERENCE_BEFORE = re.compile(r"(?:检测|检验|鉴定|报告|通知书|告知书|笔录|证明|意见书|决定书|合同)[^\n]{0,6}$")
_DOC_LABEL = re.compile(r"(?:文号|编号|决定书号)\s*[:：]?\s*$")


@dataclass(frozen=True)
class DocNumber:
    value: str
    evidence: Evidence


def canonical(prefix: str, year: str, mid: str, serial: str) -> str:
    """`深烟罚字【2023】第 0318 号` → `深烟罚字〔2023〕第0318号`: brackets unified, spaces and OCR slips gone."""
    year = year.replace("O", "0").replace("o", "0")
    serial = re.sub(r"\s", "", serial).replace("O", "0").replace("o", "0")
    return f"{prefix}〔{year}〕{mid}{serial}号"


def extract_doc_number(view: View, header_end: int) -> DocNumber | None:
    """The decision's own 文号: the first one in the header, else the first not cited as a reference."""
    text = view.text
    best: tuple[int, DocNumber] | None = None
    for m in _DOC_NUMBER.finditer(text):
        prefix = m.group("prefix")
        pstart = m.start("prefix")
        at_line_start = not text[text.rfind("\n", 0, pstart) + 1 : pstart].strip()
        lead = _TITLE_LEAD.match(prefix) if at_line_start else _LEAD_NOISE.match(prefix)
        if lead:
            prefix = prefix[lead.end() :]
            pstart += lead.end()
        if not prefix:
            continue
        line_start = text.rfind("\n", 0, pstart) + 1
        before = text[line_start:pstart]
        labelled = bool(_DOC_LABEL.search(before))
        reference = bool(_REFERENCE_BEFORE.search(text[max(0, pstart - 12) : pstart]))
        # Rank: in the header and on its own line first; a cited earlier decision last.
        rank = 0 if m.start() < header_end else 2
        if before.strip() and not labelled:
            rank += 1
        if reference and not labelled:
            rank += 3
        value = canonical(prefix, m.group("year"), m.group("mid") + m.group("di"), m.group("serial"))
        found = DocNumber(value=value, evidence=view.evidence(pstart, m.end()))
        if best is None or rank < best[0]:
            best = (rank, found)
        if rank == 0:
            break
    return best[1] if best else None
