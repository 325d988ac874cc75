"""自然资源 and 林地: land occupied or sold without approval, minerals and river sand taken without
a licence. Areas are printed in 平方米, 亩 or 公顷 (gold keeps 平方米); occupation fines are quoted
per square metre (每平方米30元), a unit price that is not a total.
"""

from __future__ import annotations

from datetime import timedelta

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.categories.base import Ctx, Story, fine_between
from lianfa.corpora.generator.categories.common import PRIORS
from lianfa.corpora.generator.criminal import CaseFacts
from lianfa.corpora.generator.style import Bank
from lianfa.corpora.gold import GoldAmount, GoldQuantity

MU = 666.67

OCCUPY: Bank[str] = {
    "default": (
        "当事人未经批准，擅自占用{village}集体{land}{area}{use}。",
        "当事人未办理农用地转用审批手续，非法占用{land}{area}{use}。",
        "经实地勘测，当事人擅自占用{land}{area}{use}，该地块不符合土地利用总体规划。",
        "当事人未经依法批准，擅自占用{village}{land}{area}{use}，至立案时仍在使用。",
    ),
    "holdout": (
        "当事人在未取得用地批准文件的情况下占用{village}{land}{area}{use}。",
        "卫片执法检查发现，当事人占用{land}共{area}{use}，至今未补办用地手续。",
        "实地核查显示，当事人所建设施占压{land}{area}（位于{village}），系{use}，无合法用地手续。",
    ),
}
USES: Bank[str] = {
    "default": ("建设厂房", "建设住宅", "硬化后用作停车场", "建房出租"),
    "holdout": ("建设仓储设施", "浇筑水泥地坪作为堆场", "搭建钢结构厂房", "修建停车场，致其种植功能被破坏"),
}
FOREST: Bank[str] = {
    "default": (
        "当事人未经林业主管部门审核同意，擅自改变林地用途，在{land}上{use}，面积{area}。",
        "当事人毁林开垦，擅自改变林地用途，涉及{land}{area}，用于{use}。",
    ),
    "holdout": ("当事人在{land}内{use}，改变林地用途，经测量占地{area}。",),
}
FOREST_USES: Bank[str] = {"default": ("种植经济作物", "修建简易道路", "建设养殖场"), "holdout": ("开挖鱼塘", "堆放建筑材料并建房")}
TRANSFER: Bank[str] = {
    "default": (
        "当事人以牟利为目的，将其承包经营的{land}{area}非法转让给他人用于建设，获取转让款{amount}。",
        "当事人未经批准，擅自将{village}{land}{area}以{amount}的价格倒卖给他人。",
        "当事人将本村{land}{area}私自出卖给他人建房，收取转让款{amount}。",
    ),
    "holdout": ("当事人与他人私下签订土地买卖协议，出让{land}{area}，收取价款{amount}。",),
}
MINING: Bank[str] = {
    "default": (
        "当事人未取得采矿许可证，擅自在{place}开采{mineral}{qty}。",
        "当事人超越批准的矿区范围，在{place}越界开采{mineral}{qty}。",
        "当事人未取得采矿许可证擅自采矿，共采挖{mineral}{qty}。",
        "当事人在采矿许可证过期后继续在{place}开采{mineral}，共采出{qty}。",
    ),
    "holdout": ("经调查，当事人无证开采{mineral}，开采地点位于{place}，开采量{qty}。",),
}
SAND: Bank[str] = {
    "default": (
        "当事人未取得河道采砂许可证，使用采砂船在{place}非法采砂，采挖河砂{qty}。",
        "当事人未经许可在{place}河道内非法采砂，共采砂{qty}。",
        "当事人驾驶无名采砂船在{place}河段昼夜采砂，经测量共采砂{qty}。",
    ),
    "holdout": ("当事人无证驾驶采砂船在{place}作业，抽采河砂{qty}。",),
}
SPECIAL_AREA: Bank[str] = {
    "default": ("该区域属于禁采区。", "开采时间处于禁采期。"),
    "holdout": ("涉案地点系县政府公布的禁采区。",),
}
VALUE: Bank[str] = {
    "default": ("经价格认定，所采矿产品价值{amount}。", "经鉴定，开采的矿产品价值{amount}。"),
    "holdout": ("价格认证中心核定涉案矿产品价值{amount}。",),
}
# The value as the agency computes it: volume × unit price (the total is what the rules measure; a
# unit price is no amount).
PRICED: Bank[str] = {
    "default": ("经核算，开采量{qty}×单价{price}元/立方米={total}元。",),
    "holdout": ("涉案{mineral}按{qty}×{price}元/立方米计算，合计价值{total}元。",),
}
DAMAGE: Bank[str] = {
    "default": ("经鉴定，造成矿产资源破坏价值{amount}。",),
    "holdout": ("其行为致使矿产资源遭受破坏，破坏价值经评估为{amount}。",),
}
_VILLAGES = ("东庄村", "石桥村", "河口村", "新民村", "柳树村", "大王村")


def _area_text(ctx: Ctx, m2: float) -> tuple[str, float]:
    """(printed area, canonical 平方米)."""
    r = ctx.rng.random()
    if r < 0.4:
        mu = round(m2 / MU, 2)
        return numbers.write_number(mu) + "亩", round(mu * MU, 2)
    if r < 0.75:
        sq = round(m2, 1)
        return numbers.write_number(sq) + "平方米", sq
    if r < 0.9:
        sq = round(m2, 1)
        mu = round(sq / MU, 2)
        return f"{numbers.write_number(sq)}平方米（折合{numbers.write_number(mu)}亩）", sq
    ha = round(m2 / 10000, 4)
    return numbers.write_number(ha, places=4) + "公顷", round(ha * 10000, 2)


def occupation(ctx: Ctx) -> Story:
    rng = ctx.rng
    land = rng.choice(("永久基本农田", "耕地", "一般耕地", "基本农田"))
    bounds = ctx.threshold(quantity=("area", land), facts=("changed_land_use",))
    m2 = ctx.scaled(bounds, 10 * MU)
    area, canonical = _area_text(ctx, m2)
    use = ctx.pick(USES)
    sentences = [ctx.period() + ctx.pick(OCCUPY).format(village=rng.choice(_VILLAGES), land=land, area=area, use=use)]
    quantities = [GoldQuantity(kind="area", value=canonical, unit="平方米", subject=land)]
    per = rng.choice((10, 20, 30, 50, 100))
    fine = numbers.round_fine(canonical * per)
    sentences.append(f"按非法占用土地每平方米{per}元的标准计算罚款。" if rng.random() < 0.5 else "")
    # every use listed turns farmland into something else: the fact holds however it is worded
    case = CaseFacts(ctx.party.kind, quantities=quantities, facts=["changed_land_use"])
    return Story("非法占用土地", "未经批准占用土地", [s for s in sentences if s], case, quantities=quantities,
                 evidence=["勘测定界图", "土地利用现状图"], fine=max(fine, 1000.0))


def forest_conversion(ctx: Ctx) -> Story:
    rng = ctx.rng
    land = rng.choice(("林地", "公益林地", "防护林地", "商品林地"))
    bounds = ctx.threshold(quantity=("area", land), facts=("changed_land_use",))
    m2 = ctx.scaled(bounds, 10 * MU)
    area, canonical = _area_text(ctx, m2)
    sentences = [ctx.period() + ctx.pick(FOREST).format(land=land, area=area, use=ctx.pick(FOREST_USES))]
    quantities = [GoldQuantity(kind="area", value=canonical, unit="平方米", subject=land)]
    case = CaseFacts(ctx.party.kind, quantities=quantities, facts=["changed_land_use"])
    fine = numbers.round_fine(canonical * rng.choice((10, 20, 30)))
    return Story("擅自改变林地用途", "擅自改变林地用途", sentences, case, quantities=quantities,
                 evidence=["林地现状调查报告", "卫星影像比对图"], fine=max(fine, 2000.0))


def transfer(ctx: Ctx) -> Story:
    rng = ctx.rng
    land = rng.choice(("耕地", "一般耕地", "集体土地", "基本农田"))
    bounds = ctx.threshold(quantity=("area", land))
    m2 = ctx.scaled(bounds, 20 * MU)
    area, canonical = _area_text(ctx, m2)
    ib = ctx.threshold(role="illegal_income")
    per_mu = rng.uniform(20000, 120000)
    income = round(canonical / MU * per_mu, -2)
    if ctx.target != "above" and ib and income >= ib[0]:
        income = round(ctx.below(ib, ib[0]), -2)
    sentences = [ctx.period() + ctx.pick(TRANSFER).format(
        land=land, area=area, amount=ctx.money(income), village=rng.choice(_VILLAGES))]
    quantities = [GoldQuantity(kind="area", value=canonical, unit="平方米", subject=land)]
    case = CaseFacts(ctx.party.kind, amounts={"illegal_income": income}, quantities=quantities, facts=["profit_purpose"])
    confiscate = income if rng.random() < 0.8 else 0.0
    amounts = [] if confiscate else [GoldAmount(role="illegal_income", yuan=income)]
    fine = numbers.round_fine(income * rng.uniform(0.05, 0.5))
    return Story("非法转让土地", "非法转让土地", sentences, case, amounts=amounts, quantities=quantities,
                 evidence=["土地转让协议", "收款凭证"], fine=max(fine, 1000.0), confiscate=confiscate)


def _mining(ctx: Ctx, sand: bool) -> Story:
    rng = ctx.rng
    special = ctx.target == "above" and rng.random() < 0.3
    facts = ["unlicensed_mining"] + (["mining_special_area"] if special else [])
    bounds = ctx.threshold(role="goods_value", facts=tuple(facts)) or ctx.threshold(role="loss", facts=tuple(facts))
    value = ctx.scaled(bounds, 100000)
    mineral = "河砂" if sand else rng.choice(("建筑用砂", "石料", "石灰岩", "黏土", "花岗岩"))
    price = rng.uniform(25, 90)
    volume = round(value / price, 1)
    qty = numbers.write_number(volume) + rng.choice(("立方米", "方")) if rng.random() < 0.7 else numbers.write_number(round(volume * 1.6, 1)) + "吨"
    place = rng.choice(("村后山坡", "某河段", "集体山林", "废弃采石场周边"))
    bank = SAND if sand else MINING
    sentences = [ctx.period() + ctx.pick(bank).format(place=place, mineral=mineral, qty=qty)]
    if special:
        sentences.append(ctx.pick(SPECIAL_AREA))
    quantities: list[GoldQuantity] = []
    if "吨" in qty:
        quantities.append(GoldQuantity(kind="weight", value=round(volume * 1.6 * 1000, 1), unit="千克", subject=mineral))
    else:
        quantities.append(GoldQuantity(kind="volume", value=volume, unit="立方米", subject=mineral))
    role = "goods_value" if rng.random() < 0.6 else "loss"
    value = round(value, 2)
    gold_role = role
    if role == "goods_value" and "吨" not in qty and rng.random() < 0.35:
        sentences.append(ctx.pick(PRICED).format(qty=qty, price=numbers.write_number(round(price, 2)),
                                                 total=numbers.write_number(value), mineral=mineral))
        # `…=X元` carries no role word: the extractor reads an amount, the rules read it as the value
        gold_role = "other" if ctx.style == "default" else "goods_value"
    else:
        sentences.append(ctx.pick(VALUE if role == "goods_value" else DAMAGE).format(amount=ctx.money(value)))
    prior = 0
    if ctx.target == "above" and rng.random() < 0.15:
        prior = 2
        sentences.append(ctx.pick(PRIORS).format(d1=ctx.day(ctx.start - timedelta(days=rng.randint(300, 600))),
                                                 d2=ctx.day(ctx.start - timedelta(days=rng.randint(20, 250))),
                                                 years="二", n="两"))
    income = round(value * rng.uniform(0.3, 0.8), 2)
    sentences.append(f"当事人销售所采{mineral}，违法所得{ctx.money(income)}。")
    case = CaseFacts(ctx.party.kind, amounts={role: value, "illegal_income": income}, quantities=quantities,
                     facts=facts, prior_penalties=prior, prior_within_years=1.5 if prior else 0.0)
    amounts = [GoldAmount(role=gold_role, yuan=value)]
    return Story("非法采砂" if sand else "非法采矿", "未取得采矿许可证擅自采矿", sentences, case, amounts=amounts,
                 quantities=quantities, evidence=["测绘报告", "价格认定结论书"],
                 fine=fine_between(rng, income * 0.1, income * 0.5) + 1000, confiscate=income)


def mining(ctx: Ctx) -> Story:
    return _mining(ctx, sand=False)


def sand_mining(ctx: Ctx) -> Story:
    return _mining(ctx, sand=True)
