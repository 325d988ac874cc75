"""应急管理 and 卫生健康: an accident with deaths, serious injuries or losses; medical practice
without a licence or a physician's qualification (repeat offences cross the threshold)."""

from __future__ import annotations

from datetime import timedelta

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.categories.base import Ctx, PenaltyItem, Story, fine_between
from lianfa.corpora.generator.criminal import CaseFacts
from lianfa.corpora.generator.style import Bank
from lianfa.corpora.gold import GoldAmount, GoldQuantity

ACCIDENT: Bank[str] = {
    "default": (
        "{date}，当事人{site}发生一起{kind}事故，造成{harm}，直接经济损失{loss}。",
        "{date}，当事人在{site}组织作业时发生{kind}事故，事故造成{harm}，直接经济损失约{loss}。",
        "{date}，当事人承包的{site}内发生{kind}事故，造成{harm}，直接经济损失{loss}。",
    ),
    "holdout": ("根据事故调查报告，{date}当事人{site}{kind}事故致{harm}，直接经济损失{loss}。",),
}
CAUSE: Bank[str] = {
    "default": (
        "经调查，当事人未建立健全安全生产责任制，未对从业人员进行安全生产教育和培训，对事故发生负有责任。",
        "事故调查组认定，当事人安全管理缺失，未及时排查治理事故隐患，是事故发生的主要原因。",
    ),
    "holdout": ("当事人未落实安全生产主体责任、现场管理混乱，对事故负有管理责任。",),
}
MEDICAL: Bank[str] = {
    "default": (
        "当事人未取得《医疗机构执业许可证》，在{site}擅自开展{service}等诊疗活动。",
        "当事人未取得医师资格，在{site}为患者{service}，非医师行医。",
        "当事人未取得《医疗机构执业许可证》和医师执业证书，在{site}开设诊所，从事{service}。",
    ),
    "holdout": ("当事人无医师执业证书，于{site}内从事{service}，收取诊疗费用。",),
}
MEDICAL_PRIOR: Bank[str] = {
    "default": (
        "当事人曾于{d1}、{d2}两次因非法行医被卫生健康行政部门行政处罚，此次系再次非法行医。",
        "{d1}，卫生健康行政部门对当事人作出行政处罚，{d2}再次对其作出行政处罚，但当事人仍继续行医。",
    ),
    "holdout": (
        "此前当事人已因无证行医两次受到行政处罚（{d1}、{d2}），仍继续行医。",
        "当事人于{d1}被县卫生健康局处以罚款，{d2}再次被处以罚款，其后仍在原址继续行医。",
    ),
}
MEDICAL_HARM: Bank[str] = {
    "default": ("一名就诊人在当事人处输液后出现严重过敏反应，经鉴定为轻度残疾。",),
    "holdout": ("有就诊人因当事人处置不当致器官组织损伤，构成轻伤以上后果。",),
}


def accident(ctx: Ctx) -> Story:
    rng = ctx.rng
    deaths = injuries = 0
    light = rng.randint(0, 4)
    lb = ctx.threshold(role="loss")
    if ctx.target == "above":
        choice = rng.random()
        if choice < 0.6:
            deaths = rng.randint(1, 3)
        elif choice < 0.8:
            injuries = rng.randint(3, 6)
        loss = round(ctx.scaled(lb, 1_000_000), -2) if choice >= 0.8 else round(rng.uniform(80000, 900000), -2)
    else:
        injuries = rng.randint(0, 2)
        loss = round(ctx.scaled(lb, 1_000_000), -2)
    parts = []
    if deaths:
        parts.append(f"{numbers.chinese_number(deaths) if rng.random() < 0.5 else deaths}人死亡")
    if injuries:
        parts.append(f"{injuries}人重伤")
    if light:
        parts.append(f"{light}人轻伤")
    harm = "、".join(parts) or "设备损毁"
    sentences = [
        ctx.pick(ACCIDENT).format(date=ctx.day(ctx.end), site=rng.choice(("生产车间", "施工现场", "仓库", "厂区")),
                                  kind=rng.choice(("机械伤害", "高处坠落", "物体打击", "火灾", "触电", "坍塌")),
                                  harm=harm, loss=ctx.money(loss)),
        ctx.pick(CAUSE),
    ]
    quantities = []
    if deaths:
        quantities.append(GoldQuantity(kind="count", value=float(deaths), unit="人", subject="死亡"))
    if injuries:
        quantities.append(GoldQuantity(kind="count", value=float(injuries), unit="人", subject="重伤"))
    if light:
        quantities.append(GoldQuantity(kind="count", value=float(light), unit="人", subject="轻伤"))
    case = CaseFacts(ctx.party.kind, amounts={"loss": loss}, quantities=quantities)
    fine = fine_between(rng, 300000, 1000000) if deaths or injuries >= 3 else fine_between(rng, 30000, 300000)
    return Story("生产安全事故", "未履行安全生产管理职责导致事故发生", sentences, case,
                 amounts=[GoldAmount(role="loss", yuan=loss)], quantities=quantities,
                 evidence=["事故调查报告", "安全生产责任制文件", "培训记录"], fine=fine)


def medical_practice(ctx: Ctx) -> Story:
    rng = ctx.rng
    site = rng.choice(("其租住的民房内", "村卫生室旁的门面", "某小区底商", "集贸市场附近"))
    service = rng.choice(("输液、注射", "拔牙、镶牙", "针灸推拿及开具处方", "医疗美容注射"))
    sentences = [ctx.period() + ctx.pick(MEDICAL).format(site=site, service=service)]
    facts = ["no_physician_qualification"]
    prior = 0
    if ctx.target == "above":
        if rng.random() < 0.7:
            prior = 2
            sentences.append(ctx.pick(MEDICAL_PRIOR).format(
                d1=ctx.day(ctx.start - timedelta(days=rng.randint(400, 900))),
                d2=ctx.day(ctx.start - timedelta(days=rng.randint(30, 350)))))
        else:
            facts.append("serious_health_harm")
            sentences.append(ctx.pick(MEDICAL_HARM))
    elif rng.random() < 0.3:
        prior = 1
        sentences.append(f"当事人曾于{ctx.day(ctx.start - timedelta(days=rng.randint(60, 500)))}因非法行医受过一次行政处罚。")
    income = numbers.round_money(rng, rng.uniform(800, 60000))
    sentences.append(f"经查，当事人违法所得{ctx.money(income)}。")
    case = CaseFacts(ctx.party.kind, amounts={"illegal_income": income}, facts=facts, prior_penalties=prior)
    base = max(income, 10000.0)
    others = [PenaltyItem("confiscate_goods", "没收药品和医疗器械")]
    return Story("非法行医", "未取得医疗机构执业许可证擅自执业", sentences, case,
                 evidence=["诊疗记录", "处方笺", "药品器械清单"], fine=fine_between(rng, base * 2, base * 10),
                 confiscate=income, other_penalties=others)
