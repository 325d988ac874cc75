"""人社 and 医保: wages left unpaid after a labour inspector's order to pay (拒不支付劳动报酬 needs that
order and a refusal), and medical insurance funds obtained by false claims (骗取医疗保障基金).

Unpaid wages are the workers' `loss` (what 拒不支付劳动报酬罪 measures); the workers are a count in
人. What a clinic or pharmacy obtained from the fund is the fund's `loss`; the ordered 退回 is the
same sum paid back, so the penalty item names no figure. The fine is a multiple of the sum.

Wages: a case crosses with the refusal and three months' wages of 5千–2万 (the months written the
way the fact phrases read them), or with the refusal and 3万–10万 in all (the ten-worker criterion,
review only: its head count is not modelled). Below it: small sums, one or two months, or wages
paid within the order's deadline.
"""

from __future__ import annotations

from datetime import timedelta

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.categories.base import Ctx, PenaltyItem, Story, fine_between
from lianfa.corpora.generator.criminal import CaseFacts
from lianfa.corpora.generator.style import Bank
from lianfa.corpora.gold import GoldAmount, GoldQuantity

ORDERED = "wage_order_refused"
THREE_MONTHS = "wage_arrears_three_months"
DEFRAUDED = "medical_fund_defrauded"

# {workers}: 张某等12人 / 劳动者张某; {months}: 连续三个月的 / 两个月的 / ""
ARREARS: Bank[str] = {
    "default": (
        "当事人拖欠{workers}{months}工资共计{amount}。",
        "当事人以资金周转困难为由，拖欠{workers}{months}工资{amount}。",
        "经调查核实，当事人未按劳动合同约定向{workers}支付{months}劳动报酬，拖欠工资合计{amount}。",
        "当事人承建的{project}完工后，拖欠{workers}{months}劳动报酬共计{amount}。",
        "根据工资表和考勤记录，当事人拖欠{workers}{months}工资，数额为{amount}。",
    ),
    "holdout": (
        "据劳动者投诉并经核查，当事人欠付{workers}{months}薪酬，欠薪总额{amount}。",
        "当事人未足额发放{workers}{months}劳动报酬，累计拖欠劳动报酬{amount}。",
        "{project}用工期间，当事人克扣、拖欠{workers}{months}工资{amount}，至今未结清。",
        "当事人与{workers}之间存在劳动关系，其拖欠上述人员{months}工资款{amount}的事实清楚。",
    ),
}
MONTHS_LONG: Bank[str] = {
    "default": ("连续{cn}个月的", "{cn}个月的", "连续{cn}个月"),
    "holdout": ("连续{d}个月的", "连续{d}个月"),
}
MONTHS_SHORT: Bank[str] = {
    "default": ("{cn}个月的", ""),
    "holdout": ("近{d}个月的", "部分"),
}
WORKERS_MANY: Bank[str] = {
    "default": ("{name}等{n}人", "{name}等劳动者{n}人"),
    "holdout": ("{n}人（以{name}为代表）", "员工{name}等共{n}人"),
}
WORKERS_ONE: Bank[str] = {
    "default": ("劳动者{name}", "职工{name}"),
    "holdout": ("员工{name}", "务工人员{name}"),
}
ORDER: Bank[str] = {
    "default": (
        "{date}，{self}向当事人送达《劳动保障监察限期改正指令书》，责令其于{deadline}前支付上述工资。",
        "{self}于{date}作出《劳动保障监察限期改正指令书》，责令当事人在{days}日内支付拖欠的劳动报酬。",
        "{date}，{self}依法责令当事人限期支付，期限至{deadline}。",
    ),
    "holdout": (
        "{self}于{date}下达限期改正指令，要求当事人{days}日内结清所欠薪酬。",
        "就上述欠薪，{self}已于{date}以书面形式责令当事人限期（至{deadline}）发放。",
    ),
}
REFUSED: Bank[str] = {
    "default": (
        "当事人逾期仍未支付。",
        "至指令期满，当事人仍未支付，亦未提出异议。",
        "当事人有支付能力而拒不支付。",
        "当事人收到指令书后逾期未支付上述工资。",
    ),
    "holdout": (
        "指令规定的期限届满，当事人到期仍未支付任何款项。",
        "当事人期满仍未支付，经多次约谈亦未履行。",
        "限期届满后当事人拒不履行劳动保障监察限期改正指令书。",
    ),
}
PAID: Bank[str] = {
    "default": (
        "当事人已于{date}向上述劳动者足额支付了拖欠的工资。",
        "案件调查期间，当事人于{date}补发了全部工资。",
    ),
    "holdout": (
        "当事人在指令期限内（{date}）结清了全部欠薪。",
        "{date}，当事人已将所欠薪酬全部发放到位，劳动者出具了收款确认。",
    ),
}
INSPECTOR: Bank[str] = {"default": ("本局", "我局"), "holdout": ("劳动保障监察机构", "本机关")}
_PROJECTS = ("住宅楼工程", "厂房扩建项目", "市政道路项目", "装修工程", "安置小区项目", "物流园项目")

FRAUD: Bank[str] = {
    "default": (
        "当事人通过虚构医药服务项目的方式，向医保经办机构申报结算{items}费用，骗取医疗保障基金{amount}。",
        "当事人伪造医疗文书，虚记{items}，骗取医保基金支出{amount}。",
        "当事人以串换药品的方式，将{drug_a}串换为{drug_b}进行医保结算，骗取医疗保障基金{amount}。",
        "当事人诱导参保人员挂床住院，虚构住院期间的{items}，骗取医保基金{amount}。",
        "当事人利用参保人员的医保凭证虚构医药服务，申报{items}等费用，骗取基本医疗保险基金{amount}。",
    ),
    "holdout": (
        "经飞行检查，当事人虚记{items}并上传医保结算，骗取医保统筹基金{amount}。",
        "比对进销存数据与医保结算数据发现，当事人以伪造病历、虚开费用单据的手段，造成医保基金损失{amount}。",
        "当事人冒用参保人身份虚假就医、购药并申报结算，骗取医保基金共计{amount}。",
        "大数据筛查线索显示，当事人虚假住院结算{items}，由此骗取医疗保险基金{amount}。",
    ),
}
_ITEMS = ("针灸推拿", "康复理疗", "中药饮片", "检验检查", "床位费及护理费", "中医诊疗项目", "血液透析")
_DRUGS = (("保健品", "降压药"), ("日用品", "医保目录内药品"), ("化妆品", "外用药膏"), ("自费药品", "医保甲类药品"))
PATIENTS: Bank[str] = {
    "default": ("上述行为涉及参保人员{n}人。", "涉及参保人员共{n}人。"),
    "holdout": ("共有{n}人的医保凭证被用于上述结算。",),
}
RETURN_FUND: Bank[str] = {
    "default": ("责令退回骗取的医疗保障基金", "责令退回骗取的医保基金"),
    "holdout": ("责令其退回所骗取的医保基金", "责令当事人退回被骗取的医疗保障基金"),
}
SUSPEND_SERVICE: Bank[str] = {
    "default": ("暂停其涉及医疗保障基金使用的医药服务{m}个月",),
    "holdout": ("责令暂停相关责任部门{m}个月涉及医保基金使用的医药服务",),
}


def _worker(ctx: Ctx) -> str:
    name = ctx.rng.choice("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐")
    return name + ("某某" if ctx.rng.random() < 0.5 else "某")


def wage_refusal(ctx: Ctx) -> Story:
    rng = ctx.rng
    one = ctx.threshold(role="loss", facts=(ORDERED, THREE_MONTHS))  # 5千–2万, three months
    many = ctx.threshold(role="loss", facts=(ORDERED,))  # 3万–10万 in all
    long_months = paid = False
    if ctx.target == "above":
        if rng.random() < 0.6:
            long_months = True
            owed = ctx.scaled(one, 20000)
        else:
            owed = ctx.scaled(many, 100000)
    elif ctx.target == "near":
        if rng.random() < 0.5:
            long_months = True
            owed = ctx.scaled(one, 5000)
        else:
            owed = ctx.scaled(many, 30000)
    else:
        paid = rng.random() < 0.5
        if paid:
            # paid within the deadline: no refusal whatever the sum; seldom a large one
            long_months = rng.random() < 0.5
            owed = rng.uniform(3000, 90000) if rng.random() < 0.2 else ctx.below(many, 30000)
        elif rng.random() < 0.5:
            long_months = True  # a part-time or low wage: three months that still come to little
            owed = (one[0] if one else 5000) * rng.uniform(0.3, 0.75)
        else:
            owed = ctx.below(many, 30000)
    owed = numbers.round_money(rng, owed)
    months = (3 if owed < 4000 else rng.randint(3, 8)) if long_months else rng.randint(1, 2)
    monthly = rng.uniform(2500, 7000)
    workers = max(1, round(owed / (months * monthly)))
    if ctx.target == "above" and not long_months:
        workers = max(workers, 10)
    if workers > 1:
        who = ctx.pick(WORKERS_MANY).format(name=_worker(ctx), n=workers)
    else:
        who = ctx.pick(WORKERS_ONE).format(name=_worker(ctx))
    bank = MONTHS_LONG if long_months else MONTHS_SHORT
    months_text = ctx.pick(bank).format(cn=numbers.chinese_number(months).replace("二", "两"), d=months)
    if long_months and months > 6:
        # the fact phrases read three to six months (连续三个月 …); a longer spell is written as 三个月以上
        months_text = "三个月以上的" if ctx.style == "default" else "3个月以上的"
    sentences = [ctx.pick(ARREARS).format(workers=who, months=months_text, amount=ctx.money(owed),
                                          project=rng.choice(_PROJECTS))]
    order_day = ctx.start
    days = rng.choice((5, 7, 10, 15))
    deadline = order_day + timedelta(days=days)
    sentences.append(ctx.pick(ORDER).format(date=ctx.day(order_day), deadline=ctx.day(deadline), days=days,
                                            self=ctx.pick(INSPECTOR)))
    facts = [THREE_MONTHS] if long_months else []
    if paid:
        sentences.append(ctx.pick(PAID).format(date=ctx.day(deadline - timedelta(days=rng.randint(0, days - 1)))))
    else:
        sentences.append(ctx.pick(REFUSED))
        facts.append(ORDERED)
    quantities = []
    if workers > 1:
        quantities.append(GoldQuantity(kind="count", value=float(workers), unit="人", subject="劳动者"))
    case = CaseFacts(ctx.party.kind, amounts={"loss": owed}, quantities=quantities, facts=facts)
    act = "未按时足额支付劳动者工资" if paid else "拖欠劳动者工资、经责令限期支付逾期未支付"
    return Story("拖欠劳动报酬", act, sentences, case, amounts=[GoldAmount(role="loss", yuan=owed)],
                 quantities=quantities,
                 evidence=["劳动保障监察限期改正指令书及送达回证", "工资表", "考勤记录", "劳动者询问笔录"],
                 fine=fine_between(rng, 2000, 20000))


def medical_fraud(ctx: Ctx) -> Story:
    rng = ctx.rng
    bounds = ctx.threshold(role="loss", facts=(DEFRAUDED,))
    loss = numbers.round_money(rng, ctx.scaled(bounds, 10000))
    drug_a, drug_b = rng.choice(_DRUGS)
    sentences = [ctx.period() + ctx.pick(FRAUD).format(items=rng.choice(_ITEMS), drug_a=drug_a, drug_b=drug_b,
                                                        amount=ctx.money(loss))]
    quantities = []
    if rng.random() < 0.5:
        n = rng.randint(3, 160)
        sentences.append(ctx.pick(PATIENTS).format(n=n))
        quantities.append(GoldQuantity(kind="count", value=float(n), unit="人", subject="参保人员"))
    case = CaseFacts(ctx.party.kind, amounts={"loss": loss}, quantities=quantities, facts=[DEFRAUDED])
    fine = round(loss * rng.choice((2, 2, 2.5, 3, 4, 5)), 2)
    others = [PenaltyItem("order_correct", ctx.pick(RETURN_FUND))]
    if rng.random() < 0.7:
        m = rng.choice((6, 8, 10, 12))
        text = ctx.pick(SUSPEND_SERVICE).format(m=numbers.chinese_number(m))
        others.append(PenaltyItem("suspend", text))
    return Story("骗取医疗保障基金", "骗取医疗保障基金支出", sentences, case,
                 amounts=[GoldAmount(role="loss", yuan=loss)], quantities=quantities,
                 evidence=["医保结算明细", "病历及处方", "药品进销存台账", "参保人员询问笔录"],
                 fine=fine, other_penalties=others)
