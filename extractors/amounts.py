"""Money amounts and the role each plays in the case.

The role of an amount is set by the nearest cue that governs it in its clause (罚款, 没收违法所得,
货值金额, 销售金额 ...), falling back on the section it sits in. Three traps are avoided on purpose:
ranges and thresholds in quoted law (`处五万元以上二十万元以下罚款`, `不足一万元的`) are not decided
amounts; a 罚没款合计 total is not counted again; a price per unit (`每条150元`, `单价12元`) is not a total.

Fines for several items (one per tax: `对少缴的增值税处罚款5000元；对少缴的城市维护建设税处罚款350元，合计罚款
5350元`) are one penalty: where the decision states their total, the total is the fine reported and
the parts are not, whether the total comes after them or before (`罚款共计5350元，其中：…`). An operand
of a computation (`957421.2元×50%=478710.6元`) is the base a fine is reckoned on, not the fine.

Nor is every fine figure a fine decided: one reckoned and then waived (`应处罚款3000元…决定不予行政处罚`),
a news line's one sum of tax, late fee and fine, or the total of what several people fined alike pay
(`每人处罚2000元，合计10000元`: the fine is 2000).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lianfa.extractors.numbers import GROUPED_NUMBER, JIAO_FEN, NUMBER, parse_yuan
from lianfa.extractors.quotes import quoted_spans
from lianfa.extractors.regions import Regions, ordered_to_pay
from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence

_AMOUNT = re.compile(
    # `400余万元`: news write 余 between the figure and its 万
    rf"(?:(?:人民币|RMB|[¥￥])\s?)?(?P<num>{GROUPED_NUMBER}|{NUMBER})\s?(?:(?:余|多)(?=[万亿]?[元圆])[万亿]?)?\s?(?:余|多)?\s?(?P<unit>[元圆]){JIAO_FEN}整?"
    r"|[¥￥]\s?\d[\d,]*(?:\.\d+)?(?![\d万亿元圆])"
    # (a news headline drops 元 after 万 where the fine ends it: `【罚款8万】`, `…被罚5万！`)
    # (or a space before the headline's next words: `卖得39.6元被罚2万 药店违法售药受处罚`)
    r"|(?:(?<=罚)|(?<=罚款))\d+(?:\.\d+)?万(?=[】\]」』）)！!？?，,。\n]|\s*$|[ \t\u3000]+[\u4e00-\u9fff])"
)

# Cue → role. Longer cues first so 没收违法所得 wins over 违法所得.
_CUES: list[tuple[str, str]] = [
    # (`没收违法经营所得289元`: the income of the business found illegal)
    (r"没收(?:其|当事人)?(?:的)?(?:违法|非法)(?:经营)?所得", "confiscated_income"),
    (r"没收(?:其|当事人)?(?:的)?(?:违法|非法)(?:收入|获利)", "confiscated_income"),
    (
        r"罚没款?(?:合计|共计|总计)|合计\S{0,4}罚没|应缴罚没款?|罚没(?:金额|款项)?(?:合计|共计)|"
        r"(?:以上|上述)[^，。；,;\n]{0,6}(?:合计|共计|总计)",
        "total",
    ),
    # 营业额 in a decision is the turnover of the business found illegal; 吸收资金 is what an illegal
    # fund-raising took in (非法吸收公众存款数额)
    (r"(?:违法|非法)?经营(?:总|数)?(?:金)?额|营业(?:收入|额)|吸收(?:公众)?(?:存款|资金)|(?:非法)?集资(?:金额|款)?", "illegal_revenue"),
    # 骗取 in a contract fraud and what fund-raising could not repay are the victims' loss
    (
        r"(?:资源)?破坏价值|(?:直接)?(?:经济)?损失|(?:国家)?税款(?:流失|损失)|损害(?:赔偿)?(?:金额|额)?|骗取[^，。；,;\n\d]{0,10}|未能?兑付",
        "loss",
    ),
    # wages an employer withholds (拖欠…工资, 欠薪) are the workers' loss, what 拒不支付劳动报酬罪 measures;
    # wages merely paid or budgeted (工资总额, 人工费) stay `other`
    (
        r"(?:拖欠|欠付|欠发|克扣|拒不支付|未(?:按时|足额|按约定)?(?:支付|发放))[^，。；;\n]{0,30}?"
        r"(?:工资|劳动报酬|薪酬|薪资|工钱)(?:款)?|欠薪(?:总额|数额)?",
        "loss",
    ),
    (r"滞纳金|利息|保证金|押金", "other"),
    (
        r"货值(?:金额)?|(?:货物|商品|产品|药品|食品|物品|涉案物品)(?:的)?(?:总)?(?:价值|货值)|案值|完税价格|"
        # what goods declared to customs really cost: the 完税价格 they are taxed on
        r"(?:货物|商品)[^，。；,;\n\d]{0,4}(?:实际)?成交价格|"
        r"(?:其|的)?(?:总)?价值(?:经\S{0,4})?",
        "goods_value",
    ),
    (r"销售(?:总)?(?:金额|额|收入|货款|款)|成交(?:金)?额|售出[^，。；,;\n货价]{0,10}(?:金额|收入|货款|获得|获款|收取)|货款", "sales"),
    (
        r"(?:违法|非法)(?:经营)?所得|(?:违法|非法)(?:获利|收入)|获利|获取利润|多收(?:取)?(?:的)?[\u4e00-\u9fff]{0,4}?(?:价款|费用|款项|费|款)|"
        # what an unlicensed service charged (`收取加工费`, `收取诊疗费用`) is what it gained
        r"收取(?:的)?(?:转让)?(?:价款|款)|收取[\u4e00-\u9fff]{0,4}?费(?:用)?|转让(?:价)?款",
        "illegal_income",
    ),
    (
        r"(?:少缴|偷逃|逃避缴纳|偷|逃|未缴|不缴|漏缴|少征|少缴纳|少申报(?:缴纳)?|少报|隐匿收入)(?:\S{0,8}?)"
        # the surcharges levied with a tax (教育费附加, 地方教育附加) are evaded and fined like it
        r"(?:税(?:款|费|额)?|(?:地方)?教育(?:费)?附加|附加费)|"
        r"应补缴税款|追缴\S{0,6}税款|(?:其中|发票)?税额",
        "tax_evaded",
    ),
    # (`…经营假麦种被罚1万元`: a news headline's 被罚 with no 款)
    # (`开出2万元“罚单”`: a news page's ticket for the fine)
    (r"罚款|罚金|处以?\S{0,4}罚|被罚(?!没)|罚单", "fine"),
]
_CUE_RE = re.compile("|".join(f"(?P<c{i}>{pat})" for i, (pat, _) in enumerate(_CUES)))
_CUE_ROLE = {f"c{i}": role for i, (_, role) in enumerate(_CUES)}

# A comma between digits is a thousands separator (the normaliser made every comma ASCII).
_CLAUSE_BREAK = re.compile(r"[，；;。：:\n]|(?<!\d),|,(?!\d)|(?<=[元整])、")
# `…元的事实清楚` restates a finding: that 的 does not open a law's range
# (`1万元以2万元以下`: a scan that lost the 上 of 以上 leaves 以 before the range's upper bound)
_RANGE_AFTER = re.compile(
    r"^\s?(?:以上|以下|以内|至|到|~|-|－|—|起|不等|为限|之间|以(?=\s?[\d一二两三四五六七八九十百千万])"
    # (a news page may break its line after that 的: `罚款10万元的\n行政处罚决定`; and may call the fine an
    # 经济处罚: `给予罚款50万元的经济处罚决定`)
    # (`处以500元的林业行政罚款`: the field the fine is given in, between the 的 and the 行政罚款)
    # (`作出罚款6万元的处理决定`: a tax story's decision, a 处理 as much as a 处罚)
    # (read on a six-letter window too: the field's name leaves room for 罚 alone)
    r"|的(?!\s?(?:(?:林业|林政|渔业|税务|海关)行政罚|(?:行政)?罚款|违法所得|(?:行政|经济)?处罚|处理决定|事实|[\u4e00-\u9fff]{1,4}?行政(?:罚款|处罚))))"
)
_THRESHOLD_BEFORE = re.compile(
    r"(?:不足|不满|未满|超过|达到|低于|高于|少于|多于|以上|满|至|到|或者|每|(?:限值|限额|限量|标准)(?:为|是)?)\s?$"
)
# (`对张某等5人每人处罚2000元`: a fine each person pays is a fine, not a price per unit)
_PER_UNIT_BEFORE = re.compile(
    r"(?:单价|每(?!(?:人|名|户|位)(?:各)?(?:并)?(?:处|罚))[^\d，,。；;\n]{0,5}|均价|价格为|售价为?|标价为?|进价为?|按\S{0,4}每)\S{0,3}$"
)
# ...and their 合计 is what all of them pay together, not one party's fine
_PER_PERSON = re.compile(r"每(?:人|名|户|位)(?:各)?(?:并)?(?:处|罚)\S{0,4}$")
_PER_PERSON_REACH = 60
# `追缴税款、加收滞纳金并处罚款共计415万元`: the tax, its late fee and the fine in one sum, not the fine
_WITH_TAX_AND_LATE_FEE = re.compile(
    r"税(?:费)?款?[^。；;\n]{0,16}滞纳金[^。；;\n\d]{0,12}罚款[^。；;\n\d]{0,6}(?:共计|合计|总计|累计|计)[^。；;\n\d]{0,4}$"
)
# `全年办理行政处罚案件14787件，罚款3053.5万元`: what a page tallies over the cases it counts is no
# case's fine
_TALLY = re.compile(
    r"(?:案件|(?:查处|立案|办结|办理|处罚)[\u4e00-\u9fff]{0,6}?)\s?[\d一二三四五六七八九十百千万]+\s?(?:件|起|宗|家次?)"
    r"[^。；;\n\d]{0,10}$"
)
# A fine reckoned and then not imposed (`处以…2倍的罚款，即…=623.28元，…。本机关决定对…不作出行政处罚`,
# `应处罚款5000元，鉴于…，决定不予行政处罚`): a computed amount whose sentence, or the next, waives it.
_RECKONED = re.compile(r"即|[=＝]|应(?:当)?(?:处|给予)|计算")
_WAIVED = re.compile(
    r"不(?:予|作出|再)(?:给予)?(?:行政)?(?:处罚|罚款)|免予(?:行政)?(?:处罚|罚款)|免除(?:行政)?(?:处罚|罚款)"
)
_WAIVE_REACH = 150
# (`处罚决定日期`, `决定书`: a title's or a column's words decide nothing)
_DECIDES = re.compile(r"决定(?!书|日期|文书|机关)")
# `违法所得不足一万元的，按一万元计算`: the floor a quoted article computes a fine on, not a sum of the case
_COMPUTED_ON = re.compile(r"\s?(?:计算|计)(?!\s?罚)")
_PER_UNIT_AFTER = re.compile(r"^\s?(?:/|每|一(?:条|盒|包|瓶|件|只|斤|公斤|千克|吨|个|份|支))")
# `没收非法所得并处以11万元的行政处罚`: 并处 or 处以 right before a sum imposes it, whatever cue came before
_IMPOSED_BEFORE = re.compile(r"(?:并处以?|处以)\s?(?:人民币)?\s?$")
_CONFISCATED_AFTER = re.compile(r"\s?(?:[(（][^()（）]{0,24}[)）])?[)）]?\s?(?:予以|依法|全部|被|已)?(?:没收|收缴)")
# `作出没收违法所得0.77万元…的行政处罚`: 没收 governing the 违法所得 confiscates it wherever the page
# states it, also where no decision section was told apart (a news summary, a scan whose layout ran the
# lines together)
_CONFISCATES_INCOME = re.compile(r"没收[^，,。；;]{0,16}?(?:违法|非法)(?:经营)?所得(?:人民币)?\s?$")
_CONTINUES = re.compile(r"\s?(?:计|合计|共计|即|折合|折计|金额为|数额为)")
_MULTIPLE = re.compile(r"倍|百分之|%|成")
_PROPOSED = re.compile(r"(?<![模虚草])拟(?:对|给予|处以|作出|处|罚|没收|予以)")
# What ends a proposal within its sentence: the decision itself (`…拟罚款3万元，经复核，决定罚款1.5万元`).
_DECIDED = re.compile(r"决定")
# `你单位已缴纳39.86万元罚款`: a fine already paid was decided earlier, by another decision
_PAID_BEFORE = re.compile(r"已(?:经)?(?:缴纳|缴清|缴付|交纳|履行)[^\d，,。；;]{0,4}$")
# A sum stated after the items it adds up (`以上三项，合计罚款…`) repeats them.
_SUM_WORDS = re.compile(r"合计|共计|总计|累计|总额|总共")
# `957421.2元×50%`, `…元乘以0.5`: the amount is multiplied, so the result is what was decided
_OPERAND_AFTER = re.compile(r"\s?(?:[×xX*＊]|乘以)")
# how many amounts listed with 、 a total may look back over for their cue
_LIST_REACH = 4
# `12000元乘以0.5=6000元`: the result of a computation continues the clause that named the penalty
_RESULT_BEFORE = re.compile(r"[=＝]\s?$")
# what opens the parts after a stated total (`罚款共计5350元，其中：增值税罚款5000元…`)
_PARTS_FOLLOW = re.compile(r"^[，,：:；;\s]{0,3}(?:其中|分别为|包括)")
# parts and the total that adds them up are read within this many characters of each other
_FOLD_REACH = 400
_DECIDING_SECTIONS = {"decision"}
# Who a decided penalty is addressed to, when the decision has several: 对当事人二…, 对法定代表人韩某…,
# 对直接负责的主管人员…
_ADDRESSEE = re.compile(
    r"(?:对|给予|责令)(?:当事人|被处罚人)?[一二三四五六七八九十甲乙丙丁]|当事人[一二三四五六七八九十甲乙丙丁](?![一-鿿]{0,2}元)"
    r"|(?:对|给予)(?:其)?(?:法定代表人|负责人|直接负责的主管人员|其他直接责任人员|实际控制人)"
)


@dataclass(frozen=True)
class Amount:
    role: str
    yuan: float
    evidence: Evidence


# A sum the publisher masked (`价值为人民币XXXXXXX元`): one mask character a digit, as far as it can
# tell anything; ×× alone is how judgments mask a penalty, not a figure of the case.
_MASKED_AMOUNT = re.compile(r"(?:(?:人民币|RMB)\s?)?(?P<mask>[XxＸ×＊*]{2,})\s?(?P<mult>[万亿])?\s?[元圆]")
_MASK_SCALE = {"万": 1e4, "亿": 1e8}
# roles no threshold measures, or that a masked penalty takes
_UNMEASURED = ("total", "fine", "other")


@dataclass(frozen=True)
class MaskedAmount:
    """A masked sum of the case and its role; `at_most` is the largest figure its mask could hold,
    one digit a character."""

    role: str
    at_most: float
    evidence: Evidence


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _clause_start(text: str, pos: int) -> int:
    lo = max(0, pos - 80)
    last = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        last = m.end()
    return last


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, min(len(text), pos + 40))
    return m.start() if m else min(len(text), pos + 40)


def _cues(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(end, -start, role) of each cue: the nearest wins, and of two ending together the longer."""
    return [(m.end(), -m.start(), _CUE_ROLE[m.lastgroup or ""]) for m in _CUE_RE.finditer(text, lo, hi)]


def _role_of(text: str, start: int, end: int, section: str | None) -> str | None:
    """The role given by the nearest cue before the amount in its clause, else just after it."""
    cstart = _clause_start(text, start)
    before = _cues(text, cstart, start)
    if not before and cstart > 0 and (
        _CONTINUES.match(text, cstart) or text[cstart - 1] in "、:：" or _RESULT_BEFORE.search(text, cstart, start)
    ):
        # `…罚款，计14040元` / `少缴增值税1元、企业所得税2元`: the amount continues the clause before;
        # `罚款金额：人民币伍佰元`: a form's label names the amount after it; `分别处罚款5元、3元，合计8元`:
        # a list of amounts is passed over to the cue that heads it
        pos = cstart - 1
        for _ in range(_LIST_REACH):
            prev = _clause_start(text, pos)
            before = _cues(text, prev, pos)
            # `分别处以0.5倍罚款，计6000元、420元`: the list's first amount continues the clause before it
            continued = text[prev - 1 : prev] in ("，", ",") and _CONTINUES.match(text, prev)
            if before or prev == 0 or (text[prev - 1] != "、" and not continued):
                break
            pos = prev - 1
    after_text_end = _clause_end(text, end)
    # (`卖得39.6元被罚2万`: what 被罚 fines comes after it; the sum before it is what the party earned)
    after = [
        (m.start(), _CUE_ROLE[m.lastgroup or ""])
        for m in _CUE_RE.finditer(text, end, min(after_text_end, end + 12))
        if not m.group(0).startswith("被罚")
    ]
    # `价值7680元三倍的罚款`: an amount that a penalty is a multiple of is not the penalty
    base = bool(after) and bool(_MULTIPLE.search(text, end, after[0][0]))
    if base:
        after = []
    role: str | None = None
    if _IMPOSED_BEFORE.search(text, cstart, start):
        return "fine"
    if before:
        role = max(before)[2]
        # "罚款" cue right after the amount ("处以5万元罚款") is closer than a cue before it, unless a
        # bracket opens between them: `罚款3万元(¥30000元)(货值金额三倍处罚)` notes how the fine was reckoned
        if (
            after
            and after[0][0] - end <= 3
            and start - max(before)[0] > after[0][0] - end
            and not re.search(r"[(（]", text[end : after[0][0]])
        ):
            role = after[0][1]
    elif after:
        role = after[0][1]
    if role is None:
        clause = text[cstart:after_text_end]
        if section in _DECIDING_SECTIONS and "罚" in clause and not base:
            return "fine"
        return "other"
    if role == "illegal_income" and (
        (section in _DECIDING_SECTIONS and "没收" in text[cstart:start])
        or _CONFISCATED_AFTER.match(text, end)
        or _CONFISCATES_INCOME.search(text, cstart, start)
    ):
        return "confiscated_income"
    return role


@dataclass(frozen=True)
class _Placed:
    start: int
    end: int
    amount: Amount


def extract_amounts(view: View, regions: Regions, other_decisions: Sequence[tuple[int, int]] = ()) -> list[Amount]:
    """Every amount with its role. `other_decisions`: view spans of other penalty decisions' numbers
    the text cites; a fine stated in the sentence that cites one is that decision's."""
    text = view.text
    quoted = quoted_spans(text)
    out: list[Amount] = []
    placed: list[_Placed] = []
    totals: list[_Placed] = []
    seen: dict[tuple[str, float], int] = {}  # where the last kept amount of each (role, yuan) ended
    last_end = -10
    last_key: tuple[str, float] | None = None
    per_person_end = -_PER_PERSON_REACH - 1
    for m in _AMOUNT.finditer(text):
        start, end = m.start(), m.end()
        if _inside(start, quoted):
            continue
        if _RANGE_AFTER.match(text, end) or _RANGE_AFTER.match(text[end : end + 10]):
            continue
        before = text[max(0, start - 12) : start]
        if _THRESHOLD_BEFORE.search(before) or _PER_UNIT_BEFORE.search(before):
            continue
        if _PER_UNIT_AFTER.match(text[end : end + 4]):
            continue
        if before.rstrip().endswith("按") and _COMPUTED_ON.match(text, end):
            continue
        yuan = parse_yuan(m.group(0))
        if yuan is None or yuan <= 0:
            continue
        section = regions.name_at(start)
        if _proposed(text, start):
            continue
        role = _role_of(text, start, end, section)
        if role == "total":
            totals.append(_Placed(start, end, Amount(role="fine", yuan=yuan, evidence=view.evidence(start, end))))
            continue
        if role is None:
            continue
        if _OPERAND_AFTER.match(text, end) and (role in ("fine", "other") or any(a.yuan == yuan for a in out)):
            continue
        if role == "fine" and (
            _court_fine(text, start)
            or _WITH_TAX_AND_LATE_FEE.search(text, max(0, start - 40), start)
            or _waived(text, start, end)
            or _PAID_BEFORE.search(text, max(0, start - 12), start)
            or _TALLY.search(text, max(0, start - 40), start)
            or _of_another_decision(text, start, other_decisions)
        ):
            continue
        if role == "fine" and _PER_PERSON.search(text, max(0, start - 12), start):
            per_person_end = end
        elif role == "fine" and start - per_person_end <= _PER_PERSON_REACH and _SUM_WORDS.search(text, max(0, start - 16), start):
            totals.append(_Placed(start, end, Amount(role=role, yuan=yuan, evidence=view.evidence(start, end))))
            continue
        key = (role, yuan)
        # `伍万元（¥50,000.00）`: the same amount written twice in a row is one amount
        if last_key == key and start - last_end <= 3:
            last_end = end
            continue
        last_end, last_key = end, key
        if _repeats_a_sum(text, start, role, yuan, out):
            totals.append(_Placed(start, end, Amount(role=role, yuan=yuan, evidence=view.evidence(start, end))))
            continue
        if key in seen and not _another_addressee(text, seen[key], start, section):
            continue
        seen[key] = end
        found = Amount(role=role, yuan=yuan, evidence=view.evidence(start, end))
        out.append(found)
        placed.append(_Placed(start, end, found))
    out = _fold_fine_parts(text, placed, totals, regions)
    have = {(a.role, a.yuan) for a in out}
    out += [a for a in _unit_cells(view) if (a.role, a.yuan) not in have]
    # 违法所得 that was confiscated is reported once, as confiscated
    taken = {a.yuan for a in out if a.role == "confiscated_income"}
    return [a for a in out if not (a.role == "illegal_income" and a.yuan in taken)]


def extract_masked_amounts(view: View, regions: Regions) -> list[MaskedAmount]:
    """The masked sums in a role a threshold measures (value, sales, income, loss...): no figure to
    compare, but a reviewer with the original can."""
    text = view.text
    quoted = quoted_spans(text)
    out: list[MaskedAmount] = []
    for m in _MASKED_AMOUNT.finditer(text):
        if _inside(m.start(), quoted):
            continue
        role = _role_of(text, m.start(), m.end(), regions.name_at(m.start()))
        if role is None or role in _UNMEASURED:
            continue
        at_most = (10 ** len(m["mask"]) - 1) * _MASK_SCALE.get(m["mult"] or "", 1.0)
        out.append(MaskedAmount(role, at_most, view.evidence(m.start(), m.end())))
    return out


# A 信用中国-style disclosure states the money in cells whose column names the unit, 万元 or 元:
# `罚款金额(万元) | 0.54 |` as a key | value row (its key cell may keep a colon: `罚款金额(万元): | 2 |`),
# or a column of a header row with the value below.
_UNIT = r"\s*[(（](?P<unit>万元|元)[)）]\s*"
_FINE_FIELD = r"罚款金额|罚款数额|处罚金额"
_UNIT_COLUMNS = (
    (re.compile(rf"^(?:{_FINE_FIELD}){_UNIT}[:：]?$"), "fine"),
    (re.compile(rf"^没收违法所得(?:、没收非法财物的金额)?{_UNIT}[:：]?$"), "confiscated_income"),
)
_CELL_VALUE = re.compile(r"^\s*(?P<n>\d+(?:\.\d+)?)\s*$")
_UNIT_FACTOR = {"万元": 10000, "元": 1}


def _column_role(cell: str) -> tuple[str, int] | None:
    """(role, yuan per unit) of a money column's name, or None."""
    cell = cell.strip()
    return next(
        ((role, _UNIT_FACTOR[m.group("unit")]) for pattern, role in _UNIT_COLUMNS if (m := pattern.match(cell))), None
    )


# ...or as `label：value` fields, which a page may run together (`罚款金额(万元):3.73没收违法所得…`)
_UNIT_FIELD = re.compile(
    rf"(?P<label>{_FINE_FIELD}|没收违法所得(?:、没收非法财物的金额)?){_UNIT}[:：]\s*"
    r"(?P<n>\d+(?:\.\d+)?)(?![\d.]|\s?[万亿元圆])"
)


def _unit_cells(view: View) -> list[Amount]:
    if not re.search(r"[(（]万?元[)）]", view.text):
        return []
    text = view.text
    out: list[Amount] = []
    for m in _UNIT_FIELD.finditer(text):
        if float(m.group("n")) > 0:
            field_role = "confiscated_income" if m.group("label").startswith("没收") else "fine"
            yuan = round(float(m.group("n")) * _UNIT_FACTOR[m.group("unit")], 2)
            out.append(Amount(role=field_role, yuan=yuan, evidence=view.evidence(m.start("n"), m.end("n"))))
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1

    def add(column: tuple[str, int], at: int, cell: str) -> None:
        m = _CELL_VALUE.match(cell)
        if m and float(m.group("n")) > 0:
            start = at + m.start("n")
            yuan = round(float(m.group("n")) * column[1], 2)
            out.append(Amount(role=column[0], yuan=yuan, evidence=view.evidence(start, at + m.end("n"))))

    for i, (at, line) in enumerate(lines):
        if "|" not in line or "元" not in line:
            continue
        cells = line.split("|")
        offsets = [at + sum(len(c) + 1 for c in cells[:k]) for k in range(len(cells))]
        columns = [_column_role(c) for c in cells]
        for k, column in enumerate(columns):
            if column is None:
                continue
            value_cells = [c for c in cells[k + 1 :] if c.strip()]
            if value_cells and _CELL_VALUE.match(value_cells[0]) and sum(1 for c in cells if c.strip()) <= 3:
                j = next(j for j in range(k + 1, len(cells)) if cells[j].strip())
                add(column, offsets[j], cells[j])  # a key | value row
            elif i + 1 < len(lines):
                below_at, below = lines[i + 1]
                row = below.split("|")
                if len(row) == len(cells):
                    add(column, below_at + sum(len(c) + 1 for c in row[:k]), row[k])
    return out


def _fold_fine_parts(text: str, placed: list[_Placed], totals: list[_Placed], regions: Regions) -> list[Amount]:
    """Fines for several items with their stated total become the total alone: two or more fines in
    a row, with no change of addressee between them, that add up to a total stated after them or
    just before them (`…，其中：`)."""
    drop: set[int] = set()
    replace: dict[int, Amount] = {}
    for total in totals:
        before = [i for i, p in enumerate(placed) if total.start - _FOLD_REACH <= p.start < total.start]
        parts = _summing_run(text, placed, before[::-1], total.amount.yuan, regions)
        if parts:
            drop.update(parts)
            replace[min(parts)] = total.amount
    for i, p in enumerate(placed):
        if p.amount.role != "fine" or i in drop or not _SUM_WORDS.search(text, max(0, p.start - 16), p.start):
            continue
        if not _PARTS_FOLLOW.match(text[p.end : p.end + 8]):
            continue
        after = [j for j, q in enumerate(placed) if p.end < q.start <= p.end + _FOLD_REACH]
        parts = _summing_run(text, placed, after, p.amount.yuan, regions)
        drop.update(parts)
    return [replace.get(i, p.amount) for i, p in enumerate(placed) if i not in drop or i in replace]


def _summing_run(text: str, placed: list[_Placed], order: list[int], total: float, regions: Regions) -> list[int]:
    """The indices of the fines, taken in `order` from the total outward, whose sum first reaches
    `total` exactly; [] when another amount interrupts them, an addressee changes or it never adds up."""
    run: list[int] = []
    acc = 0.0
    for i in order:
        p = placed[i]
        if p.amount.role != "fine":
            if p.amount.role in ("confiscated_income", "other"):
                return []
            continue
        if run:
            prev = placed[run[-1]]
            between = (min(prev.end, p.end), max(prev.start, p.start))
            if _another_addressee(text, *between, regions.name_at(p.start)):
                return []
        run.append(i)
        acc += p.amount.yuan
        if abs(acc - total) < 0.01:
            return run if len(run) >= 2 else []
        if acc > total + 0.01:
            return []
    return []


def _of_another_decision(text: str, start: int, other_decisions: Sequence[tuple[int, int]]) -> bool:
    """True for an amount in a sentence that cites another penalty decision's number before it."""
    sentence_start = text.rfind("。", max(0, start - 200), start) + 1
    return any(sentence_start <= s and e <= start for s, e in other_decisions)


def _another_addressee(text: str, previous_end: int, start: int, section: str | None) -> bool:
    """A 双罚 decision fines the unit and its 法定代表人 (or two parties) the same sum: a repeat in the
    decision that is addressed to someone else is a second penalty, not the first one restated."""
    return section in _DECIDING_SECTIONS and bool(_ADDRESSEE.search(text, previous_end, start))


# `法院判决某某等18人构成诈骗罪，共处个人罚金148.3万元`: a court's criminal fine, no agency's penalty
_COURT_SENTENCE = re.compile(r"法院|判决|判处|有期徒刑|拘役|缓刑|[^\u4e00-\u9fff]?构成[\u4e00-\u9fff]{1,12}罪")


def _court_fine(text: str, start: int) -> bool:
    """True for a 罚金 a court imposed: the cue right before the sum is 罚金, and its sentence names a
    court or a criminal sentence."""
    lead = text[max(0, start - 8) : start]
    if "罚金" not in lead:
        return False
    sentence_start = text.rfind("。", max(0, start - 200), start) + 1
    return bool(_COURT_SENTENCE.search(text, sentence_start, start))


def _waived(text: str, start: int, end: int) -> bool:
    """True for a fine reckoned (`即`, `=`, `应处`) and then waived in its sentence, or in the next one
    when its own decides nothing."""
    if not _RECKONED.search(text, _clause_start(text, start), start) and not _RESULT_BEFORE.search(text, max(0, start - 2), start):
        return False
    stop = text.find("。", end, end + _WAIVE_REACH)
    # a sentence that decides (`决定…处以…=3000元的罚款。`) imposes what it reckons: only a waiver inside
    # it counts, never one of the next sentence, which is about another act
    full_stop = text.rfind("。", max(0, start - 200), start)
    decides = _DECIDES.search(text, full_stop + 1 if full_stop >= 0 else max(0, start - 200), start)
    reach = min(len(text), end + _WAIVE_REACH)
    if stop < 0:
        stop = reach
    elif not decides:
        after = text.find("。", stop + 1, reach)
        stop = after if after >= 0 else reach
    return bool(_WAIVED.search(text, end, stop))


def _proposed(text: str, start: int) -> bool:
    """True for an amount a 告知 proposed (`拟作出的行政处罚内容：…2.罚款10万元`), not one decided:
    a 拟 earlier in its sentence, with no 决定 between them, and no order to pay under this decision
    after it with no other 决定 between (`拟对该单位作出如下行政处罚：…罚款1万元。…自收到本处罚决定书之日起
    十五日内…缴纳罚款`: a decision worded as a proposal)."""
    sentence_start = text.rfind("。", max(0, start - 200), start) + 1 or max(0, start - 200)
    proposals = list(_PROPOSED.finditer(text, sentence_start, start))
    if not proposals or _DECIDED.search(text, proposals[-1].end(), start):
        return False
    return not ordered_to_pay(text, start)


def _repeats_a_sum(text: str, start: int, role: str, yuan: float, earlier: list[Amount]) -> bool:
    """True for a 合计 that equals the sum of two or more earlier amounts of its role."""
    if not _SUM_WORDS.search(text, max(0, start - 16), start):
        return False
    same = [a.yuan for a in earlier if a.role == role]
    return len(same) >= 2 and abs(sum(same) - yuan) < 0.01
