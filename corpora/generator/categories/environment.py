"""生态环境: hazardous waste dumped or only stored badly, emissions over the standard, discharge
through hidden pipes, falsified monitoring data.

Trap kept on purpose: 贮存不规范 of many tonnes of hazardous waste is not 非法排放、倾倒、处置 and
crosses no threshold; the text avoids the disposal words for it.
"""

from __future__ import annotations

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.categories.base import Ctx, Story, fine_between
from lianfa.corpora.generator.criminal import CaseFacts
from lianfa.corpora.generator.style import Bank
from lianfa.corpora.gold import GoldAmount, GoldQuantity

_WASTES = ("废矿物油", "电镀污泥", "废酸", "废有机溶剂", "含铬废液", "废活性炭", "漆渣")

DUMPING: Bank[str] = {
    "default": (
        "当事人将生产过程中产生的危险废物{waste}{qty}，交由无危险废物经营许可证的个人运至{where}倾倒。",
        "当事人未按规定处置其产生的危险废物，将{waste}{qty}非法倾倒于{where}。",
        "当事人将{qty}{waste}（属于危险废物）提供给无经营许可证的单位处置，后者将其填埋于{where}。",
        "当事人委托无危险废物经营资质的运输人员，将其产生的{waste}{qty}运至{where}倾倒，未采取任何防护措施。",
        "当事人将危险废物{waste}交由无资质人员运至{where}倾倒，经称重，倾倒的危险废物总重量超过{qty}。",
    ),
    "holdout": (
        "执法人员在{where}发现大量桶装{waste}，经溯源系当事人非法处置的危险废物，共计{qty}。",
        "据现场清点，当事人在{where}非法倾倒的{waste}总量达到{qty}以上，均属危险废物。",
        "当事人私自将{waste}{qty}丢弃在{where}，上述物质经鉴定属于危险废物。",
        "溯源调查表明，{where}被倾倒的{qty}{waste}来自当事人，属于非法处置危险废物。",
    ),
}
# The weight stated per container (`36桶，每桶约重150公斤`): the reader multiplies.
DUMPING_CONTAINERS: Bank[str] = {
    "default": ("当事人将产生的危险废物{waste}装成{n}{c}，每{c}约重{w}公斤，交由无资质人员运至{where}倾倒。",),
    "holdout": ("执法人员在{where}查获当事人非法倾倒的危险废物{waste}共{n}{c}，经称量每{c}净重{w}千克。",),
}
PLACES: Bank[str] = {
    "default": ("村外废弃鱼塘", "山坳空地", "河道边坡", "厂区外荒地"),
    "holdout": ("废弃矿坑", "高速桥下", "农田沟渠旁"),
}
STORAGE: Bank[str] = {
    "default": (
        "当事人厂区内贮存危险废物{waste}{qty}，贮存场所未设置危险废物识别标志，且未建立危险废物管理台账。",
        "当事人将{waste}等危险废物{qty}存放于未采取防渗漏措施的简易棚内，不同类别危险废物混合贮存。",
        "现场检查发现，当事人将{qty}{waste}贮存于车间角落，未按规定设置危险废物贮存设施，包装容器破损。",
    ),
    "holdout": (
        "检查发现当事人危废间内存放{waste}{qty}，标签缺失、台账记录不全，贮存设施不符合标准。",
        "当事人贮存的危险废物{waste}约{qty}超过一年未转移，贮存场所防雨措施不到位。",
    ),
}
EXCEEDANCE: Bank[str] = {
    "default": (
        "经{lab}监测，当事人废水总排口{pollutant}浓度为{measured}mg/L，超过排放标准限值（{limit}mg/L）{times}倍。",
        "监测报告显示，当事人外排废水中{pollutant}超标{times}倍。",
        "当事人在线监测数据及执法监测结果均显示，其排放口{pollutant}浓度{measured}mg/L，超标{times}倍（执行标准{limit}mg/L）。",
        "经{lab}监测，当事人废水总排口{pollutant}浓度为{measured}mg/L，所执行的排放标准限值为{limit}mg/L。",
        "经{lab}检测，当事人外排废水中{pollutant}的含量为{measured}mg/L，超国家污染物排放标准{times}倍。",
    ),
    "holdout": (
        "执法监测结果：{pollutant}实测{measured}mg/L，标准限值{limit}mg/L，超标倍数为{times}。",
        "{lab}采样结果：外排水{pollutant}检测值{measured}mg/L（标准限值{limit}mg/L）。",
        "当事人排放的废气中{pollutant}浓度超过规定标准{times}倍（监测单位：{lab}）。",
        "{lab}对当事人厂区沟渠取样，{pollutant}含量{measured}mg/L，超地方排放标准{times}倍。",
    ),
}
_HEAVY = ("总铬", "六价铬", "总铅", "总镉", "总砷", "总汞")
_HEAVY_KEY = {"总铬": "铬", "六价铬": "六价铬", "总铅": "铅", "总镉": "镉", "总砷": "砷", "总汞": "汞"}
_OTHER_METALS = ("总镍", "总铜", "总锌")
_COMMON = ("化学需氧量", "氨氮", "总磷", "颗粒物", "二氧化硫")
EVASIVE: Bank[str] = {
    "default": (
        "当事人通过私设暗管将未经处理的{water}直接排入{river}。",
        "当事人在厂区隐蔽处开挖渗坑，将{water}排入渗坑。",
        "当事人利用雨水管网将{water}偷排至外环境，逃避监管。",
        "当事人将{water}经私设的排污口直接排放至{river}，逃避监管。",
    ),
    "holdout": (
        "现场发现一根通向厂外的隐蔽暗管，当事人借此排放{water}。",
        "当事人采用灌注方式将{water}注入地下，逃避监管。",
    ),
}
_TOXIC_WATER = ("含重金属的电镀废水", "含铬废水", "含有毒物质的化工废液", "含铅酸性废水")
_PLAIN_WATER = ("生活污水", "养殖废水", "洗车废水", "食品加工清洗废水")
RIVERS: Bank[str] = {"default": ("附近河道", "村内沟渠", "城市污水管网"), "holdout": ("下游小溪", "农灌渠")}
DATA_FRAUD: Bank[str] = {
    "default": (
        "当事人系{key}，其运维人员通过修改自动监测设备参数，篡改自动监测数据，排放化学需氧量、氨氮等污染物。",
        "当事人为{key}，在自动监测设备采样管中注入清水稀释样品，伪造自动监测数据。",
        "当事人属{key}，其委托的运维单位人员擅自修改自动监测设备参数，篡改自动监测数据。",
    ),
    "holdout": (
        "作为{key}，当事人人为干扰自动监测设施，致使二氧化硫、氮氧化物监测数据失真。",
        "当事人（{key}）通过软件后台删改在线数据，致使监测数据弄虚作假。",
    ),
}
_KEY = "重点排污单位"
_NOT_KEY = ("一般排污登记单位", "排污许可简化管理单位")


def _tons(ctx: Ctx, kg: float) -> tuple[str, float]:
    """(text, canonical 千克) for a weight, printed in 吨 or 公斤."""
    if kg >= 1000 and ctx.rng.random() < 0.75:
        t = round(kg / 1000, 2)
        return numbers.write_number(t) + "吨", round(t * 1000, 3)
    k = round(kg, 1)
    return numbers.write_number(k) + ctx.rng.choice(("公斤", "千克")), k


def dumping(ctx: Ctx) -> Story:
    rng = ctx.rng
    waste = rng.choice(_WASTES)
    bounds = ctx.threshold(quantity=("weight", "危险废物"), facts=("illegal_disposal",))
    kg = ctx.scaled(bounds, 3000)
    where = ctx.pick(PLACES)
    if rng.random() < 0.2:
        container, each = rng.choice(("桶", "袋", "吨袋")), rng.choice((20, 25, 50, 150, 180, 200))
        count = max(1, round(kg / each))
        canonical = float(count * each)
        told = ctx.pick(DUMPING_CONTAINERS).format(waste=waste, n=count, c=container, w=each, where=where)
        quantities = [
            GoldQuantity(kind="count", value=float(count), unit=container, subject="危险废物" + waste),
            GoldQuantity(kind="weight", value=canonical, unit="千克", subject="危险废物" + waste),
        ]
    else:
        text, canonical = _tons(ctx, kg)
        told = ctx.pick(DUMPING).format(waste=waste, qty=text, where=where)
        quantities = [GoldQuantity(kind="weight", value=canonical, unit="千克", subject="危险废物" + waste)]
    sentences = [ctx.period() + told]
    amounts: list[GoldAmount] = []
    cost = numbers.round_money(rng, canonical * rng.uniform(2.5, 6))
    if rng.random() < 0.5:
        sentences.append(f"经核算，上述危险废物所需处置费用为{ctx.money(cost)}。")
        amounts.append(GoldAmount(role="other", yuan=cost))
    case = CaseFacts(ctx.party.kind, quantities=quantities, facts=["illegal_disposal", "toxic_substance"])
    fine = fine_between(rng, max(200000.0, cost) * 3, max(200000.0, cost) * 5)
    return Story("非法倾倒危险废物", "非法处置危险废物", sentences, case, amounts=amounts, quantities=quantities,
                 evidence=["危险废物鉴别报告", "转移联单"], fine=min(fine, 1_000_000.0))


def storage(ctx: Ctx) -> Story:
    rng = ctx.rng
    waste = rng.choice(_WASTES)
    kg = rng.uniform(800, 40000)
    text, canonical = _tons(ctx, kg)
    sentences = [ctx.pick(STORAGE).format(waste=waste, qty=text)]
    quantities = [GoldQuantity(kind="weight", value=canonical, unit="千克", subject="危险废物" + waste)]
    case = CaseFacts(ctx.party.kind, quantities=quantities, facts=["toxic_substance"])
    return Story("危险废物贮存不规范", "未按规定贮存危险废物", sentences, case, quantities=quantities,
                 evidence=["危险废物管理台账", "现场照片"], fine=fine_between(rng, 100000, 1000000))


def exceedance(ctx: Ctx) -> Story:
    rng = ctx.rng
    lab = rng.choice(("市生态环境监测站", "省环境监测中心站", "第三方监测机构"))
    if ctx.target == "above":
        if rng.random() < 0.7:
            pollutant, times = rng.choice(_HEAVY), round(rng.uniform(3.0, 12.0), 1)
        else:
            pollutant, times = rng.choice(_OTHER_METALS), round(rng.uniform(10.0, 25.0), 1)
    elif ctx.target == "near":
        if rng.random() < 0.6:
            pollutant, times = rng.choice(_HEAVY), round(rng.uniform(2.4, 2.95), 2)
        else:
            pollutant, times = rng.choice(_OTHER_METALS), round(rng.uniform(8.0, 9.9), 1)
    else:
        pollutant, times = rng.choice(_COMMON), round(rng.uniform(0.1, 6.0), 2)
    limit = rng.choice((0.1, 0.5, 1.0, 1.5, 50.0, 100.0)) if pollutant not in _COMMON else rng.choice((30.0, 50.0, 100.0))
    measured = round(limit * (1 + times), 3)
    sentences = [ctx.period() + ctx.pick(EXCEEDANCE).format(
        lab=lab, pollutant=pollutant, measured=numbers.write_number(measured), limit=numbers.write_number(limit),
        times=numbers.write_number(times))]
    key = _HEAVY_KEY.get(pollutant) or pollutant.removeprefix("总")
    facts = ["toxic_substance"] if pollutant in _HEAVY or pollutant in _OTHER_METALS else []
    case = CaseFacts(ctx.party.kind, facts=facts, exceedance=[(key, times)])
    return Story("超标排放污染物", "超过排放标准排放污染物", sentences, case, evidence=["监测报告", "排污许可证"],
                 fine=fine_between(rng, 100000, 1000000))


def evasive(ctx: Ctx) -> Story:
    rng = ctx.rng
    toxic = ctx.target == "above" or rng.random() < 0.1
    water = rng.choice(_TOXIC_WATER if toxic else _PLAIN_WATER)
    sentences = [ctx.period() + ctx.pick(EVASIVE).format(water=water, river=ctx.pick(RIVERS))]
    facts = ["evasive_discharge"] + (["toxic_substance"] if toxic else [])
    case = CaseFacts(ctx.party.kind, facts=facts)
    return Story("通过暗管等逃避监管的方式排放污染物", "以逃避监管的方式排放水污染物", sentences, case,
                 evidence=["现场勘察笔录", "暗管走向示意图", "水质监测报告"], fine=fine_between(rng, 100000, 1000000))


def data_fraud(ctx: Ctx) -> Story:
    rng = ctx.rng
    key = ctx.target == "above"
    unit = _KEY if key else rng.choice(_NOT_KEY)
    sentences = [ctx.period() + ctx.pick(DATA_FRAUD).format(key=unit)]
    facts = ["monitoring_data_falsified"] + (["key_pollutant_unit"] if key else [])
    case = CaseFacts(ctx.party.kind, facts=facts)
    return Story("篡改、伪造监测数据", "篡改、伪造自动监测数据", sentences, case,
                 evidence=["自动监测设备运行日志", "数据比对报告"], fine=fine_between(rng, 100000, 1000000))
