"""税务, 海关, 金融, 合同: taxes evaded (逃避缴纳税款 with its share of the tax due), invoices issued
without real business (虚开税额 vs 价税合计), smuggling (偷逃税款 vs 案值), money taken from the
public (吸收资金, 集资参与人 人数, 损失), contract fraud (骗取财物)."""

from __future__ import annotations

from datetime import timedelta

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.categories.base import Ctx, Story, fine_between
from lianfa.corpora.generator.categories.common import PRIORS
from lianfa.corpora.generator.criminal import CaseFacts
from lianfa.corpora.generator.style import Bank
from lianfa.corpora.gold import GoldAmount, GoldQuantity

TAX: Bank[str] = {
    "default": (
        "当事人采取隐匿销售收入、进行虚假纳税申报的手段，少缴{kinds}{amount}。",
        "当事人通过个人账户收取货款，未申报销售收入，造成少缴{kinds}{amount}。",
        "当事人在账簿上多列支出、少列收入，不缴或者少缴应纳税款{amount}，其中{kinds}。",
        "当事人采取账外经营、不开发票的方式隐匿收入，少申报缴纳{kinds}{amount}。",
    ),
    "holdout": (
        "稽查发现，当事人利用“两套账”隐瞒收入，逃避缴纳{kinds}合计{amount}。",
        "当事人虚构成本费用，致少申报应纳税所得，偷逃税款{amount}（税种：{kinds}）。",
    ),
}
_TAX_KINDS = ("增值税", "企业所得税", "增值税及附加税费", "个人所得税", "增值税、企业所得税")
SHARE: Bank[str] = {
    "default": ("逃避缴纳税款数额占应纳税额的{p}%。", "少缴税款占应纳税额{p}%。"),
    "holdout": ("经测算，其偷逃税额占同期应纳税额的比例为{p}%。",),
}
LATE_FEE: Bank[str] = {
    "default": ("{self}已依法追缴上述税款并加收滞纳金{amount}。",),
    "holdout": ("滞纳金{amount}另行追缴。",),
}
INVOICE: Bank[str] = {
    "default": (
        "当事人在没有真实业务的情况下，为他人虚开增值税专用发票{n}份，价税合计{total}，税额{tax}。",
        "当事人让他人为自己虚开增值税专用发票{n}份，金额合计{total}，税额{tax}，并已申报抵扣。",
        "当事人通过支付开票费的方式，让他人为自己开具与实际经营业务情况不符的增值税专用发票{n}份，价税合计{total}，税额{tax}。",
    ),
    "holdout": ("经协查，当事人取得的{n}份增值税专用发票无真实交易背景，票面价税合计{total}，其中税额{tax}。",),
}
# Invoices other than special VAT ones (刑法第205条之一): measured by their count and face value.
ORDINARY_INVOICE: Bank[str] = {
    "default": (
        "当事人在没有真实业务的情况下，为他人虚开增值税普通发票{n}份，票面金额合计{total}元。",
        "当事人让他人为自己虚开普通发票{n}份，票面金额共计{total}元，并已入账。",
    ),
    "holdout": ("经协查，当事人为他人开具与实际经营业务不符的普通发票{n}张，开票金额{total}元。",),
}
INVOICE_LOSS: Bank[str] = {
    "default": ("上述发票已被受票方抵扣，造成国家税款损失{amount}。",),
    "holdout": ("受票方据此抵扣，导致国家税款流失{amount}。",),
}
SMUGGLE: Bank[str] = {
    "default": (
        "当事人以低报价格的方式向海关申报进口{goods}一批，经海关计核，偷逃应缴税款{tax}。",
        "当事人采取伪报品名的方式进口{goods}，逃避海关监管，偷逃税款{tax}。",
        "当事人采用“化整为零”、分批夹带的方式将{goods}运输入境，未向海关申报，偷逃税款{tax}。",
    ),
    "holdout": ("当事人绕关运输{goods}入境，经计核涉嫌偷逃税款{tax}。",),
}
CASE_VALUE: Bank[str] = {
    "default": ("涉案货物价值{amount}。", "案值{amount}。"),
    "holdout": ("上述货物完税价格{amount}。",),
}
_CUSTOMS_GOODS = ("冻品", "红酒", "电子元器件", "化妆品", "二手机械设备", "手表")
DEPOSIT: Bank[str] = {
    "default": (
        "当事人未经有关部门依法批准，以承诺还本付息、给付高额回报为诱饵，向社会公众吸收资金{amount}，涉及集资参与人{people}人。",
        "当事人以投资{project}为名，向社会公众非法集资{amount}，集资参与人共{people}人。",
        "当事人在未取得金融许可的情况下，以签订借款合同、承诺按月付息的方式向社会不特定对象吸收资金{amount}，涉及{people}人。",
    ),
    "holdout": ("当事人通过微信群、推介会等方式公开宣传，承诺年化收益，吸收资金{amount}，投资人达{people}人。",),
}
DEPOSIT_LOSS: Bank[str] = {
    "default": ("截至案发，尚有{amount}未能兑付，给集资参与人造成直接经济损失。",),
    "holdout": ("至案发时，集资参与人损失{amount}。",),
}
FRAUD: Bank[str] = {
    "default": (
        "当事人在与{victim}签订{contract}过程中，虚构履约能力，收取{victim}定金及货款后拒不履行合同，骗取对方财物{amount}。",
        "当事人隐瞒真相，以虚假的担保与{victim}签订{contract}，骗取{amount}。",
        "当事人以签订{contract}为名，骗取{victim}预付款{amount}后下落不明。",
    ),
    "holdout": ("当事人冒用他人名义签订{contract}，致{victim}损失{amount}。",),
}
# the grade in the statutes' words, as courts and some agencies add it after the figure
FRAUD_GRADE: Bank[str] = {
    "default": ("当事人以非法占有为目的骗取对方当事人财物，数额较大。",),
    "holdout": ("其骗取的财物数额巨大，至今未予退还。",),
}


def tax_evasion(ctx: Ctx) -> Story:
    rng = ctx.rng
    bounds = ctx.threshold(role="tax_evaded", facts=("tax_share_10pct",))
    tax = round(ctx.scaled(bounds, 100000), 2)
    kinds = rng.choice(_TAX_KINDS)
    sentences = [ctx.period() + ctx.pick(TAX).format(kinds=kinds, amount=ctx.money(tax))]
    share = round(rng.uniform(10.5, 60), 2) if ctx.target == "above" or rng.random() < 0.6 else round(rng.uniform(2, 9.8), 2)
    facts = ["tax_share_10pct"] if share >= 10 else []
    if rng.random() < 0.85 or facts:
        sentences.append(ctx.pick(SHARE).format(p=numbers.write_number(share)))
    else:
        facts = []
    amounts = [GoldAmount(role="tax_evaded", yuan=tax)]
    if rng.random() < 0.5:
        fee = round(tax * rng.uniform(0.05, 0.4), 2)
        sentences.append(ctx.pick(LATE_FEE).format(amount=ctx.money(fee), self="税务机关"))
        amounts.append(GoldAmount(role="other", yuan=fee))
    case = CaseFacts(ctx.party.kind, amounts={"tax_evaded": tax}, facts=facts)
    return Story("偷税", "进行虚假纳税申报、少缴应纳税款", sentences, case, amounts=amounts,
                 evidence=["账簿凭证", "纳税申报表", "银行账户交易明细"],
                 fine=numbers.round_fine(tax * rng.choice((0.5, 0.6, 0.8, 1.0, 1.5, 2.0))))


def _ordinary_invoices(ctx: Ctx) -> Story:
    rng = ctx.rng
    total = round(ctx.scaled(ctx.threshold(role="invoice_face_value"), 500000), 2)
    n = max(1, int(total / rng.uniform(40000, 95000)))
    unit = "份" if ctx.style == "default" else "张"
    sentences = [ctx.period() + ctx.pick(ORDINARY_INVOICE).format(n=n, total=numbers.write_number(total))]
    # `票面金额X元` names no contract role: the extractor reads an amount, the rules a face value
    amounts = [GoldAmount(role="other", yuan=total)]
    quantities = [GoldQuantity(kind="count", value=float(n), unit=unit, subject="普通发票")]
    case = CaseFacts(ctx.party.kind, amounts={"invoice_face_value": total}, quantities=quantities)
    return Story("虚开发票", "虚开普通发票", sentences, case, amounts=amounts, quantities=quantities,
                 evidence=["发票存根联", "资金流水", "协查回复函"], fine=fine_between(rng, 10000, 500000))


def false_invoicing(ctx: Ctx) -> Story:
    rng = ctx.rng
    if rng.random() < 0.35:
        return _ordinary_invoices(ctx)
    bounds = ctx.threshold(role="tax_evaded")
    tax = round(ctx.scaled(bounds, 100000), 2)
    total = round(tax / 0.13 * 1.13, 2)
    n = max(1, int(total / rng.uniform(50000, 113000)))
    sentences = [ctx.period() + ctx.pick(INVOICE).format(n=n, total=ctx.money(total), tax=ctx.money(tax))]
    amounts = [GoldAmount(role="tax_evaded", yuan=tax), GoldAmount(role="other", yuan=total)]
    quantities = [GoldQuantity(kind="count", value=float(n), unit="份", subject="增值税专用发票")]
    case_amounts = {"tax_evaded": tax}
    lb = ctx.threshold(role="loss")
    if rng.random() < 0.4:
        loss = round(tax * rng.uniform(0.3, 1.0), 2)
        if ctx.target != "above" and lb and loss >= lb[0]:
            loss = round(ctx.below(lb, lb[0]), 2)
        sentences.append(ctx.pick(INVOICE_LOSS).format(amount=ctx.money(loss)))
        amounts.append(GoldAmount(role="loss", yuan=loss))
        case_amounts["loss"] = loss
    case = CaseFacts(ctx.party.kind, amounts=case_amounts, quantities=quantities)
    return Story("虚开发票", "虚开增值税专用发票", sentences, case, amounts=amounts, quantities=quantities,
                 evidence=["增值税专用发票", "资金流水", "协查回复函"], fine=fine_between(rng, 50000, 500000))


def smuggling(ctx: Ctx) -> Story:
    rng = ctx.rng
    bounds = ctx.threshold(role="tax_evaded")
    tax = round(ctx.scaled(bounds, 100000), 2)
    goods = rng.choice(_CUSTOMS_GOODS)
    sentences = [ctx.period() + ctx.pick(SMUGGLE).format(goods=goods, tax=ctx.money(tax))]
    value = round(tax / rng.uniform(0.1, 0.35), 2)
    amounts = [GoldAmount(role="tax_evaded", yuan=tax)]
    case_amounts = {"tax_evaded": tax}
    if rng.random() < 0.6:
        sentences.append(ctx.pick(CASE_VALUE).format(amount=ctx.money(value)))
        amounts.append(GoldAmount(role="goods_value", yuan=value))
        case_amounts["goods_value"] = value
    prior = 0
    if ctx.target == "above" and rng.random() < 0.15:
        prior = 2
        sentences.append(ctx.pick(PRIORS).format(
            d1=ctx.day(ctx.start - timedelta(days=rng.randint(200, 330))),
            d2=ctx.day(ctx.start - timedelta(days=rng.randint(20, 150))), years="一", n="两"))
    case = CaseFacts(ctx.party.kind, amounts=case_amounts, prior_penalties=prior,
                     prior_within_years=0.9 if prior else 0.0)
    return Story("走私", "逃避海关监管、偷逃应缴税款", sentences, case, amounts=amounts,
                 evidence=["报关单证", "海关计核证明书", "查验记录"],
                 fine=numbers.round_fine(tax * rng.uniform(1, 3)))


def deposit_taking(ctx: Ctx) -> Story:
    rng = ctx.rng
    bounds = ctx.threshold(role="illegal_revenue", facts=("public_deposit_taking",))
    raised = round(ctx.scaled(bounds, 1_000_000), -2)
    pb = ctx.threshold(quantity=("count", "集资参与人"), facts=("public_deposit_taking",))
    people = int(raised / rng.uniform(20000, 80000)) + 1
    if pb and ctx.target != "above" and people >= pb[0]:
        people = int(ctx.below(pb, pb[0], top=0.95))
    people = max(people, 3)
    sentences = [ctx.period() + ctx.pick(DEPOSIT).format(
        amount=ctx.money(raised), people=people, project=rng.choice(("养老项目", "农业合作社", "区块链理财", "影视投资")))]
    amounts = [GoldAmount(role="illegal_revenue", yuan=raised)]
    case_amounts = {"illegal_revenue": raised}
    lb = ctx.threshold(role="loss", facts=("public_deposit_taking",))
    if rng.random() < 0.5:
        loss = round(raised * rng.uniform(0.1, 0.6), -2)
        if ctx.target != "above" and lb and loss >= lb[0]:
            loss = round(ctx.below(lb, lb[0]), -2)
        sentences.append(ctx.pick(DEPOSIT_LOSS).format(amount=ctx.money(loss)))
        amounts.append(GoldAmount(role="loss", yuan=loss))
        case_amounts["loss"] = loss
    quantities = [GoldQuantity(kind="count", value=float(people), unit="人", subject="集资参与人")]
    case = CaseFacts(ctx.party.kind, amounts=case_amounts, quantities=quantities, facts=["public_deposit_taking"])
    return Story("非法集资", "未经批准向社会公众吸收资金", sentences, case, amounts=amounts, quantities=quantities,
                 evidence=["集资参与人名册", "资金往来明细", "宣传资料"],
                 fine=numbers.round_fine(raised * rng.uniform(0.2, 1.0)))


def contract_fraud(ctx: Ctx) -> Story:
    rng = ctx.rng
    bounds = ctx.threshold(role="loss")
    loss = round(ctx.scaled(bounds, 20000), 2)
    sentences = [ctx.period() + ctx.pick(FRAUD).format(
        victim=rng.choice(("某建材公司", "村民李某", "某农业合作社")),
        contract=rng.choice(("购销合同", "工程承包合同", "租赁合同")), amount=ctx.money(loss))]
    if ctx.target == "above" and rng.random() < 0.3:
        sentences.append(ctx.pick(FRAUD_GRADE))
    case = CaseFacts(ctx.party.kind, amounts={"loss": loss})
    confiscate = loss if rng.random() < 0.5 else 0.0
    amounts = [GoldAmount(role="loss", yuan=loss)]
    return Story("利用合同实施欺诈", "利用合同骗取对方财物", sentences, case, amounts=amounts,
                 evidence=["合同文本", "转账记录"], fine=fine_between(rng, 5000, 100000), confiscate=confiscate)
