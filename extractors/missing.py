"""Elements a decision must state (《行政处罚法》第五十九条) that this one does not: 录入不规范.

Article 59 requires: the party's name and address; the facts and evidence of the violation; the kind
of penalty and its legal basis; how and by when to perform it; the ways and time limits to apply for
reconsideration or sue; the deciding authority and the date. The seal cannot be judged from text.
"""

from __future__ import annotations

import re

ELEMENTS = (
    "party_name",
    "party_address",
    "facts",
    "evidence",
    "penalty",
    "legal_basis",
    "performance",
    "remedy",
    "agency",
    "decision_date",
)

_FACTS = re.compile(
    r"经查|查明|违法事实|调查发现|检查发现|存在[^。]{0,10}违法行为|实施了|"
    r"(?:19|20)\d{2}\s?年[^。]{0,50}(?:擅自|未经|未取得|销售|生产|经营|采伐|占用|排放|倾倒|捕捞|购进|收购|运输|储存|发现)"
)
_EVIDENCE = re.compile(r"证据|笔录|照片|检测报告|检验报告|鉴定|票据|合同|清单|视听资料|证明|材料证实|足以认定|有据")
_PERFORMANCE = re.compile(r"(?:收到|接到)本?(?:行政)?(?:处罚)?决定书之日起|缴(?:纳|至|入)|履行|限期|日内|到期不")
_REMEDY = re.compile(r"(?:行政)?复议|(?:行政)?诉讼")


def missing_elements(
    text: str,
    *,
    has_party_name: bool,
    has_party_address: bool,
    has_penalty: bool,
    has_basis: bool,
    has_agency: bool,
    has_date: bool,
) -> list[str]:
    present = {
        "party_name": has_party_name,
        "party_address": has_party_address,
        "facts": bool(_FACTS.search(text)),
        "evidence": bool(_EVIDENCE.search(text)),
        "penalty": has_penalty,
        "legal_basis": has_basis,
        "performance": bool(_PERFORMANCE.search(text)) or not has_penalty,
        "remedy": bool(_REMEDY.search(text)),
        "agency": has_agency,
        "decision_date": has_date,
    }
    return [e for e in ELEMENTS if not present[e]]
