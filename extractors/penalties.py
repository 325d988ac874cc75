"""Penalties decided, read from the decision section only: the same words in the facts (曾被警告), in the
finding or in a quoted article (处警告或者罚款) were not decided in this case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence

_TOOL_WORDS = re.compile(
    r"(?<![玩家文餐厨灯洁寝茶酒卫])具(?!有)|设备|机械|(?<!医疗)器械|船只|船舶|网(?!站|络|店|购|上|吧)|地笼|车辆|采砂船|挖掘机|抽水机|电鱼|"
    r"捕猎|模具|印刷机|生产线|作案|弹弓|笼|毒饵|毒鱼|炸药|雷管|电瓶|逆变器|夹|套索|猎套|钢丝套"
)
_INCOME_WORDS = re.compile(r"^(?:其|当事人)?(?:的)?(?:违法|非法)(?:经营)?(?:所得|收入|获利)(?!的)")
_CONFISCATE = re.compile(r"没收(?P<obj>(?:[^，,；;。\n]|(?<=\d),(?=\d)){1,60})")
_ITEM_BREAK = re.compile(r"[；;。\n，]|(?<!\d),|,(?!\d)")
_PENALTIES: list[tuple[str, str]] = [
    ("confiscate_income", r"(?:违法|非法)(?:经营)?(?:所得|获利|收入)(?:[^，。；;,\n]|(?<=\d),(?=\d)){0,60}?(?:予以|依法)?没收"),
    ("confiscate", r"没收"),
    ("revoke_licence", r"吊销|撤销[^，。；]{0,10}(?:许可|执照|资格|证书)"),
    # 医保: 暂停…涉及医疗保障基金使用的医药服务; a project ordered to stop work (责令该项目停工)
    (
        "suspend",
        r"责令停产停业|停产停业|责令停业|停业整顿|暂扣|暂停(?:营业|执业|经营|业务|相关业务|生产)|限制开展生产经营|降低资质等级"
        r"|暂停[^，。；\n]{0,20}?医药服务|责令[^，。；\n]{0,6}?停工",
    ),
    ("close", r"责令关闭|予以关闭|取缔|关闭"),
    ("detention", r"行政拘留|拘留"),
    ("warning", r"警告|通报批评"),
    # not the heading of the payment part (罚款的履行方式和期限) nor the surcharge for paying late (加处罚款)
    ("fine", r"(?<!加处)罚款(?!的?(?:履行|缴纳|缴款|数额|收缴|期限|方式))"),
    (
        "order_correct",
        r"责令[^，。；\n]{0,6}?(?:改正|纠正)|责令[^，。；\n]{0,8}?(?:停止|整改|恢复|补种|退还|退回|拆除|消除|召回|支付|补发)|"
        r"限期(?:改正|拆除|整改|治理)|(?:立即|限期)?(?:改正|纠正)违法行为",
    ),
]
_PENALTY_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PENALTIES))
_NEGATED = re.compile(r"(?:不予|免予|不再|免除|从轻|减轻)\S{0,4}$")
# A form's box left blank (`□没收违法所得  □责令停业整顿`) is a penalty not chosen.
_UNTICKED = re.compile(r"[□☐]\s?$")


@dataclass(frozen=True)
class Penalty:
    kind: str
    yuan: float | None
    evidence: Evidence


_SUMMED = re.compile(r"(?:合计|共计|总计|累计)\s?$")


def extract_penalties(
    view: View, decision: tuple[int, int] | None, fine_yuan: float | None, confiscated_yuan: float | None
) -> list[Penalty]:
    """One penalty per kind per decided item or clause (`限期整改到位；…；责令补种120株树木` are two
    orders)."""
    if decision is None:
        return []
    text = view.text
    out: list[Penalty] = []
    for item_start, item_end in _items(text, *decision):
        seen: set[str] = set()
        for m in _PENALTY_RE.finditer(text, item_start, item_end):
            before = text[max(0, m.start() - 8) : m.start()]
            if _NEGATED.search(before) or _UNTICKED.search(before):
                continue
            kinds = [(m.lastgroup or "", m.start(), m.end())]
            if m.lastgroup == "confiscate":
                kinds = _confiscations(text, m.start(), item_end)
            for kind, start, end in kinds:
                if kind in seen:
                    continue
                # `分别处以罚款，计A元、B元，合计罚款C元`: the total restates the fine, it is no second one
                if kind == "fine" and any(p.kind == "fine" for p in out) and _SUMMED.search(text, max(0, start - 4), start):
                    continue
                seen.add(kind)
                yuan = {"fine": fine_yuan, "confiscate_income": confiscated_yuan}.get(kind)
                out.append(Penalty(kind, yuan, view.evidence(start, end)))
    return out


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = [start] + [m.end() for m in _ITEM_BREAK.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def _confiscations(text: str, start: int, limit: int) -> list[tuple[str, int, int]]:
    """`没收违法所得、渔获物和电鱼工具`: what is taken, by kind. Things taken with the tools they were
    got with (`没收渔获物和刺网`) are one confiscation of tools."""
    m = _CONFISCATE.match(text, start, limit)
    if m is None:
        return []
    found: dict[str, tuple[str, int, int]] = {}
    pos = m.start("obj")
    for part in re.finditer(r"[^和及与、]+|以及", m.group("obj")):
        piece = part.group(0)
        if piece == "以及":
            continue
        if "罚" in piece or "责令" in piece:
            break
        if _INCOME_WORDS.search(piece):
            kind = "confiscate_income"
        elif _TOOL_WORDS.search(piece):
            kind = "confiscate_tools"
        else:
            kind = "confiscate_goods"
        found.setdefault(kind, (kind, start, pos + part.end()))
    if "confiscate_tools" in found:
        found.pop("confiscate_goods", None)
    return sorted(found.values(), key=lambda k: k[2])
