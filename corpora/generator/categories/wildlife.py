"""林业, 野生动物, 渔业: trees felled (立木蓄积 立方米, 幼树 株, 林木价值), animals hunted (只, 价值),
fish caught (公斤/千克/斤, 价值), with the behaviour facts the rules look for (禁渔期/禁渔区 +
禁用工具, 禁猎期/禁猎区 + 禁用工具). Gold weights are in 千克 whatever the text prints.
"""

from __future__ import annotations

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.categories.base import Ctx, PenaltyItem, Story, fine_between
from lianfa.corpora.generator.criminal import CaseFacts
from lianfa.corpora.generator.style import Bank
from lianfa.corpora.gold import GoldAmount, GoldQuantity

LOGGING: Bank[str] = {
    "default": (
        "当事人未经林权所有者同意，擅自砍伐他人{forest}内的{tree}{count}株，经测算立木蓄积{volume}立方米。",
        "当事人在未取得林木采伐许可证的情况下，砍伐{forest}{tree}{count}株，立木蓄积{volume}立方米。",
        "当事人趁夜间无人看管，盗伐{forest}内{tree}{count}株，经林业技术人员检尺，立木蓄积{volume}立方米。",
    ),
    "holdout": (
        "经林业调查规划设计院鉴定，当事人砍伐的{tree}共{count}株，折合蓄积{volume}立方米，位于{forest}内。",
        "当事人组织人员采伐{forest}林木，伐区调查显示伐倒{tree}{count}株、蓄积量{volume}立方米。",
    ),
}
EXCESS: Bank[str] = {
    "default": (
        "当事人超过林木采伐许可证规定的数量，在其承包的{forest}内采伐{tree}{count}株，立木蓄积{volume}立方米。",
        "当事人未取得林木采伐许可证，擅自采伐本人承包林地内的{tree}{count}株，立木蓄积{volume}立方米。",
        "当事人以采伐自家林木为由，在未办理采伐许可证的情况下采伐{tree}{count}株，蓄积{volume}立方米。",
    ),
    "holdout": ("当事人虽持有采伐许可证，但实际采伐{tree}{count}株（蓄积{volume}立方米），超出许可范围。",),
}
SAPLINGS: Bank[str] = {
    "default": ("另砍伐幼树{saplings}株。", "此外，当事人还砍伐幼树{saplings}株。"),
    "holdout": ("同时毁坏林下幼树{saplings}株。",),
}
TREE_VALUE: Bank[str] = {
    "default": ("经价格认定，被伐林木价值{amount}。",),
    "holdout": ("涉案林木经评估价值{amount}。",),
}
_TREES = ("杉木", "马尾松", "杨树", "桉树", "柏木", "樟树")
_FORESTS = ("集体林", "国有林场", "生态公益林", "村民承包山场")

HUNTING: Bank[str] = {
    "default": (
        "当事人{when}{where}使用{tool}猎捕野生{animal}{count}只。",
        "当事人{when}在{where}非法猎捕{animal}{count}只，作案工具为{tool}。",
        "当事人{when}在{where}布设{tool}，捕获{animal}{count}只后被巡护人员发现。",
    ),
    "holdout": ("森林公安在{where}查获当事人{when}以{tool}捕获的{animal}{count}只。",),
}
FISHING: Bank[str] = {
    "default": (
        "当事人{when}{where}使用{tool}捕捞，查获渔获物{weight}。",
        "当事人{when}驾驶渔船在{where}使用{tool}进行捕捞作业，捕获{fish}{weight}。",
        "当事人{when}在{where}用{tool}捕鱼，现场查获渔获物{weight}。",
        "当事人{when}在{where}使用{tool}作业，被渔政执法人员当场查获，现场称量渔获物{weight}。",
    ),
    "holdout": ("渔政执法人员{when}在{where}当场查获当事人使用{tool}捕捞的{fish}{weight}。", "巡查中发现当事人{when}在{where}以{tool}捕鱼，扣押{fish}等渔获{weight}。"),
}
CARRIED_GEAR: Bank[str] = {
    "default": ("另查明，当事人船上随船携带{gear}一套，尚未使用。",),
    "holdout": ("执法人员还在其船舱内发现携带的{gear}，当事人称未曾下水。",),
}
CATCH_VALUE: Bank[str] = {
    "default": ("经价格认定，渔获物价值{amount}。", "上述渔获物价值{amount}。"),
    "holdout": ("渔获物按市场价折算价值{amount}。",),
}
ANIMAL_VALUE: Bank[str] = {
    "default": ("经鉴定，涉案野生动物价值{amount}。",),
    "holdout": ("经价值核定，所猎野生动物价值{amount}。",),
}
_FISH = ("鲫鱼", "鲤鱼", "草鱼", "白条鱼", "虾类", "鳜鱼")
_BANNED_FISHING = ("电鱼器具", "电脉冲设备", "禁用渔具“迷魂阵”地笼网", "绝户网", "三重刺网")
_LEGAL_FISHING = ("刺网", "拖网", "地笼", "钓具")
# A protected species makes the case criminal whatever the number (追诉标准（一）第64条、第70条):
# written only in cases meant to cross, as the species' name with its class, in each style's words.
PROTECTED_ANIMAL: Bank[str] = {
    "default": ("国家二级保护野生动物{name}", "国家二级重点保护野生动物{name}", "国家一级保护野生动物{name}"),
    "holdout": ("{name}（经鉴定系列入国家重点保护野生动物名录的二级保护动物）",),
}
PROTECTED_TREE: Bank[str] = {
    "default": ("国家一级保护野生植物{name}", "国家一级重点保护野生植物{name}"),
    "holdout": ("{name}（经林业部门鉴定为国家一级保护树种）",),
}
_PROTECTED_ANIMALS = ("白鹇", "红腹锦鸡", "白腹锦鸡", "穿山甲", "豹猫", "猕猴")
_PROTECTED_TREES = ("红豆杉", "南方红豆杉", "银杏", "水杉")
_BANNED_HUNTING = ("猎夹", "猎套", "电网", "毒饵")
_LEGAL_HUNTING = ("弹弓", "捕鸟笼", "徒手")


def _logging(ctx: Ctx, excessive: bool) -> Story:
    rng = ctx.rng
    vb = ctx.threshold(quantity=("volume", "林木"))
    volume = round(ctx.scaled(vb, 5.0), 2)
    count = max(3, int(volume / rng.uniform(0.08, 0.4)))
    protected = ctx.target == "above" and rng.random() < 0.2
    species = rng.choice(_PROTECTED_TREES if protected else _TREES)
    tree = ctx.pick(PROTECTED_TREE).format(name=species) if protected else species
    bank = EXCESS if excessive else LOGGING
    sentences = [ctx.period() + ctx.pick(bank).format(
        forest=rng.choice(_FORESTS), tree=tree, count=count, volume=numbers.write_number(volume))]
    quantities = [
        GoldQuantity(kind="volume", value=volume, unit="立方米", subject="林木" + species),
        GoldQuantity(kind="count", value=float(count), unit="株", subject=species),
    ]
    sb = ctx.threshold(quantity=("count", "幼树"))
    if rng.random() < 0.3:
        saplings = int(ctx.scaled(sb, 200)) if ctx.target == "above" else int(ctx.below(sb, 100, top=0.9))
        if saplings > 0:
            sentences.append(ctx.pick(SAPLINGS).format(saplings=saplings))
            quantities.append(GoldQuantity(kind="count", value=float(saplings), unit="株", subject="幼树"))
    value = round(volume * rng.uniform(600, 1500), 2)
    gb = ctx.threshold(role="goods_value")
    if gb and ctx.target != "above" and value >= gb[0]:
        value = round(ctx.below(gb, gb[0]), 2)
    amounts: list[GoldAmount] = []
    case_amounts: dict[str, float] = {}
    if rng.random() < 0.7:
        sentences.append(ctx.pick(TREE_VALUE).format(amount=ctx.money(value)))
        amounts.append(GoldAmount(role="goods_value", yuan=value))
        case_amounts["goods_value"] = value
    facts = ["protected_plant", "first_class_protected_plant"] if protected else []
    case = CaseFacts(ctx.party.kind, amounts=case_amounts, quantities=quantities, facts=facts)
    times = (3, 5) if excessive else (5, 10)
    replant = PenaltyItem("order_correct", f"责令补种{count * rng.randint(1, 5)}株树木")
    return Story("滥伐林木" if excessive else "盗伐林木", "滥伐林木" if excessive else "盗伐林木", sentences, case,
                 amounts=amounts, quantities=quantities, evidence=["林木伐区调查报告", "现场勘验图"],
                 fine=fine_between(rng, value * times[0], value * times[1]), other_penalties=[replant])


def illegal_logging(ctx: Ctx) -> Story:
    return _logging(ctx, excessive=False)


def excessive_logging(ctx: Ctx) -> Story:
    return _logging(ctx, excessive=True)


def hunting(ctx: Ctx) -> Story:
    rng = ctx.rng
    behaviour = ctx.target == "above" and rng.random() < 0.4
    when = rng.choice(("在禁猎期内", "于禁猎期间")) if behaviour or rng.random() < 0.3 else ""
    where = rng.choice(("禁猎区内", "自然保护区禁猎区")) if behaviour and not when else rng.choice(("山林中", "农田边", "水库附近"))
    tool = rng.choice(_BANNED_HUNTING) if behaviour else rng.choice(_LEGAL_HUNTING)
    cb = ctx.threshold(quantity=("count", "野生动物"))
    count = max(1, int(ctx.scaled(cb, 20)) if not behaviour else rng.randint(2, 15))
    protected = ctx.target == "above" and not behaviour and rng.random() < 0.25
    if protected:
        species = rng.choice(_PROTECTED_ANIMALS)
        animal = ctx.pick(PROTECTED_ANIMAL).format(name=species)
        count = rng.randint(1, 4)
    else:
        animal = species = rng.choice(("鸟类（斑鸠）", "野兔", "画眉鸟", "野鸭"))
    sentences = [ctx.period() + ctx.pick(HUNTING).format(when=when, where=where, tool=tool, animal=animal, count=count)]
    quantities = [GoldQuantity(kind="count", value=float(count), unit="只", subject="野生动物" + species)]
    vb = ctx.threshold(role="goods_value")
    value = round(count * rng.uniform(50, 400), 2)
    if vb and ctx.target != "above" and value >= vb[0]:
        value = round(ctx.below(vb, vb[0]), 2)
    if vb and ctx.target == "above" and not behaviour and not protected:
        value = round(ctx.scaled(vb, 10000), 2)
    sentences.append(ctx.pick(ANIMAL_VALUE).format(amount=ctx.money(value)))
    facts: list[str] = ["banned_hunting_method"] if tool in _BANNED_HUNTING else []
    if when:
        facts.append("closed_hunting_season")
    if "禁猎区" in where:
        facts.append("closed_hunting_area")
    if protected:
        facts.append("protected_wild_animal")
    case = CaseFacts(ctx.party.kind, amounts={"goods_value": value}, quantities=quantities, facts=facts)
    tools = PenaltyItem("confiscate_tools", f"没收猎获物及{tool if tool != '徒手' else '捕猎工具'}")
    return Story("非法猎捕野生动物", "非法猎捕野生动物", sentences, case,
                 amounts=[GoldAmount(role="goods_value", yuan=value)], quantities=quantities,
                 evidence=["野生动物物种鉴定意见", "扣押物品清单"],
                 fine=fine_between(rng, value * 1, value * 5) + 500, other_penalties=[tools])


def _weight_text(ctx: Ctx, kg: float) -> tuple[str, float]:
    r = ctx.rng.random()
    if r < 0.55:
        k = round(kg, 1)
        return numbers.write_number(k) + ctx.rng.choice(("公斤", "千克")), k
    if r < 0.85 or kg < 1000:
        jin = round(kg * 2, 1)
        return numbers.write_number(jin) + "斤", round(jin / 2, 2)
    t = round(kg / 1000, 3)
    return numbers.write_number(t, places=3) + "吨", round(t * 1000, 3)


def fishing(ctx: Ctx) -> Story:
    rng = ctx.rng
    cid = ctx.category.id
    behaviour = ctx.target == "above" and cid != "illegal_fishing_catch" and rng.random() < 0.5
    if cid == "electric_poison_fishing":
        tool = rng.choice(("电鱼器具", "电瓶、升压器等电鱼工具", "农药毒鱼"))
        banned = True
    elif cid == "fishing_banned_gear":
        banned = behaviour or rng.random() < 0.4
        tool = rng.choice(_BANNED_FISHING) if banned else "网目尺寸小于规定标准的" + rng.choice(("刺网", "拖网"))
    else:
        banned = False
        tool = rng.choice(_LEGAL_FISHING)
    closed = behaviour and banned
    if cid == "fishing_banned_gear" and not closed and ctx.target != "above":
        closed = rng.random() < 0.5 and not banned
    season = closed and rng.random() < 0.6
    when = rng.choice(("在禁渔期内", "于伏季休渔期间")) if season else ""
    where = "禁渔区" + rng.choice(("内", "水域")) if closed and not season else rng.choice(("某水库", "长江干流某段", "近海海域", "湖区"))
    wb = ctx.threshold(quantity=("weight", "渔获物"))
    kg = ctx.scaled(wb, 500) if not behaviour else rng.uniform(5, 200)
    weight, canonical = _weight_text(ctx, kg)
    fish = rng.choice(_FISH)
    sentences = [ctx.period() + ctx.pick(FISHING).format(when=when, where=where, tool=tool, weight=weight, fish=fish)]
    quantities = [GoldQuantity(kind="weight", value=canonical, unit="千克", subject="渔获物")]
    vb = ctx.threshold(role="goods_value")
    value = round(canonical * rng.uniform(8, 40), 2)
    if vb and ctx.target != "above" and value >= vb[0]:
        value = round(ctx.below(vb, vb[0]), 2)
    if vb and ctx.target == "above" and not behaviour and rng.random() < 0.3:
        value = round(ctx.scaled(vb, 5000), 2)
    sentences.append(ctx.pick(CATCH_VALUE).format(amount=ctx.money(value)))
    if closed and not banned and rng.random() < 0.4:
        # banned gear only carried aboard is no banned method used (长江 rules punish it by itself)
        sentences.append(ctx.pick(CARRIED_GEAR).format(gear=rng.choice(_BANNED_FISHING)))
    facts: list[str] = []
    if banned:
        facts.append("banned_fishing_method")
    if season:
        facts.append("closed_fishing_season")
    elif closed:
        facts.append("closed_fishing_area")
    case = CaseFacts(ctx.party.kind, amounts={"goods_value": value}, quantities=quantities, facts=facts)
    income = round(value * rng.uniform(0.5, 1.0), 2) if rng.random() < 0.3 else 0.0
    if income:
        sentences.append(f"当事人已将部分渔获物出售，违法所得{ctx.money(income)}。")
        case.amounts["illegal_income"] = income
    tools = PenaltyItem("confiscate_tools", f"没收渔获物和{tool.split('的')[-1]}")
    return Story("非法捕捞水产品", "使用禁用的渔具、方法捕捞" if banned else "违规捕捞水产品", sentences, case,
                 amounts=[GoldAmount(role="goods_value", yuan=value)], quantities=quantities,
                 evidence=["渔获物称重记录", "渔具照片"], fine=fine_between(rng, 500, 50000),
                 confiscate=income, other_penalties=[tools])
