"""Elements a decision must state (《行政处罚法》第五十九条) that this one does not: 录入不规范.

Article 59 requires: the party's name and address; the facts and evidence of the violation; the kind
of penalty and its legal basis; how and by when to perform it; the ways and time limits to apply for
reconsideration or sue; the deciding authority's name and the date. Each is reported by the
article's own wording. The seal cannot be judged from text.
"""

from __future__ import annotations

import re

from lianfa.corpora.elements import AUTHORITY, BASIS, ELEMENTS, FACTS, PARTY, PERFORMANCE, REMEDY

_FACTS = re.compile(
    r"经查|经(?:调查|核查|检查)|查明|查清|查实|核实|违法事实|认定[:：]|(?m:^\s*(?:第.部分\s*)?【?事实】?\s*$)|调查(?:发现|核实|显示)|检查发现|巡查发现|认定(?:如下)?事实|存在[^。]{0,20}行为|实施了|"
    r"(?:19|20)\d{2}\s?年[^。]{0,50}(?:擅自|未经|未取得|销售|生产|经营|采伐|占用|排放|倾倒|捕捞|购进|收购|运输|储存|发现)"
)
# The evidence itself, not a passing `在案证据足以认定` in the reply to the party's 申辩.
_EVIDENCE = re.compile(
    r"证据(?:如下|清单|材料|目录|有|[:：])|(?:以下|下列|如下)证据|(?:上述|以上|前述)(?:违法)?事实[^。]{0,80}(?:证据|为证|证实|佐证|证明|为凭)|"
    r"(?m:^\s*(?:第.部分\s*)?【?证据】?\s*$)|笔录|照片|检[测验](?:报告|结果)|鉴定(?:意见|结论|报告)|视听资料|票据|勘验|聊天记录|银行流水|财务账册|证人证言|书证|物证"
)
_PERFORMANCE = re.compile(
    r"(?:之日起|日内|期限|限期)[^。]{0,30}(?:缴|交纳|履行)|缴(?:纳|至|入|到|款)[^。]{0,40}(?:银行|账户|专户|国库|平台|网点|财政|代收)|"
    r"缴款(?:期限|地点|方式)|履行方式|(?:到期|逾期)不?(?:缴纳|履行)"
)
_REMEDY = re.compile(r"(?:行政)?复议|(?:行政)?诉讼|起诉")


def missing_elements(
    text: str,
    *,
    has_party_name: bool,
    has_party_address: bool,
    has_money_penalty: bool,
    has_basis: bool,
    has_signature: bool,
) -> list[str]:
    """The Article 59 elements absent from `text`, in the article's order.

    `has_signature`: the 落款 names the authority and carries the date (the header alone does not
    sign a decision). Performance is only required when something is to be paid.
    """
    present = {
        PARTY: has_party_name and has_party_address,
        FACTS: bool(_FACTS.search(text)) and bool(_EVIDENCE.search(text)),
        BASIS: has_basis,
        PERFORMANCE: not has_money_penalty or bool(_PERFORMANCE.search(text)),
        REMEDY: bool(_REMEDY.search(text)),
        AUTHORITY: has_signature,
    }
    return [e for e in ELEMENTS if not present[e]]
