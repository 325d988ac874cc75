"""Trading in goods that may not be traded: 伪劣产品, unsafe or toxic food, counterfeit and
substandard drugs, trademark and copyright infringement, unlicensed business, salt, tobacco,
illegal publications, fake seeds and pesticides.

Amount roles are kept apart the way the law keeps them: 销售金额 (sales, sold goods), 货值金额
(goods_value, goods seized unsold — the unsold-goods trap), 违法经营额/非法经营数额 (illegal_revenue),
违法所得 (illegal_income, the profit). Unit prices (单价12元/条) are printed but are not totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.categories import common
from lianfa.corpora.generator.categories.base import Ctx, PenaltyItem, Story, fine_between
from lianfa.corpora.generator.criminal import CaseFacts
from lianfa.corpora.generator.style import Bank
from lianfa.corpora.gold import GoldAmount, GoldQuantity
from lianfa.kinds import QuantityKind


@dataclass(frozen=True)
class Goods:
    name: str
    unit: str
    price: tuple[float, float]  # sale price per unit
    kind: QuantityKind | None = None  # recorded as a gold quantity when set
    subject: str = ""
    factor: float = 1.0  # canonical units per text unit (吨 -> 千克: 1000)
    canonical_unit: str = ""
    detail: str = ""  # what is wrong with these goods, for the nature sentence


@dataclass(frozen=True)
class TradeSpec:
    cause_short: str
    act: str
    goods: tuple[Goods, ...]
    nature: Bank[str]  # the sentence saying what is wrong with the goods or the business; {goods} {lab}
    mode: str  # "sell": sales + goods_value; "revenue": illegal_revenue
    trade: str
    evidence: tuple[str, ...] = ()
    fine: tuple[float, float, float, float] = (0.5, 3.0, 2000.0, 5_000_000.0)  # × base, min, max
    facts_always: tuple[str, ...] = ()  # fact ids every decision of the kind states
    facts_above: Bank[str] = field(default_factory=dict)  # sentence stating a crossing fact, by fact id
    above_fact: str = ""  # fact id that sentence establishes
    confiscate_goods: str = "没收{goods}"
    loss: Bank[str] = field(default_factory=dict)  # sentence stating a production loss (fake seeds)
    prior_rule: bool = False  # the category has a repeat-offence rule


def _g(name: str, unit: str, lo: float, hi: float, **kw: object) -> Goods:
    return Goods(name, unit, (lo, hi), **kw)  # type: ignore[arg-type]


_CIGS = (
    _g("卷烟", "条", 120, 450, kind="count", subject="卷烟", canonical_unit="条"),
    _g("“中华”牌卷烟", "条", 420, 480, kind="count", subject="卷烟", canonical_unit="条"),
    _g("“利群”牌卷烟", "条", 180, 230, kind="count", subject="卷烟", canonical_unit="条"),
    _g("“黄鹤楼”牌卷烟", "条", 200, 400, kind="count", subject="卷烟", canonical_unit="条"),
)

SPECS: dict[str, TradeSpec] = {
    "substandard_products": TradeSpec(
        "以不合格产品冒充合格产品",
        "销售不合格产品",
        (
            _g("电线电缆", "卷", 80, 320, detail="导体电阻、绝缘厚度"),
            _g("插座", "个", 12, 60, detail="插套拔出力、温升"),
            _g("电动自行车头盔", "顶", 25, 90, detail="冲击吸收性能"),
            _g("钢筋", "吨", 3500, 5200, detail="屈服强度、重量偏差"),
            _g("水泥", "吨", 280, 460, detail="抗压强度"),
            _g("儿童玩具", "件", 15, 120, detail="可触及锐利边缘、小零件"),
            _g("防火门", "樘", 800, 2600, detail="耐火性能"),
        ),
        {
            "default": (
                "经{lab}检验，该批{goods}的{detail}等项目不符合国家标准要求，检验结论为不合格，当事人以不合格产品冒充合格产品销售。",
                "经抽样检验，当事人经营的{goods}{detail}不合格，属于以不合格产品冒充合格产品。",
                "经查，当事人在{goods}中掺杂、掺假，以次充好，经{lab}检验{detail}不合格。",
                "{lab}抽检发现，当事人销售的{goods}{detail}不符合标准，系不合格产品，当事人仍以合格产品名义对外销售。",
            ),
            "holdout": (
                "{lab}出具的检验报告显示，{goods}的{detail}不达标，系冒充合格品出售的劣质产品。",
                "涉案{goods}经送检，{detail}不符合强制性国家标准，当事人明知而仍以合格品名义出售。",
                "对比产品标准可知，涉案{goods}{detail}未达标，当事人对外宣称为合格品。",
            ),
        },
        "sell",
        "goods",
        ("抽样检验报告", "产品标签照片"),
    ),
    "unsafe_food": TradeSpec(
        "生产经营不符合食品安全标准的食品",
        "经营不符合食品安全标准的食品",
        (
            _g("散装白酒", "公斤", 20, 80, detail="酒精度与标签明示值不符"),
            _g("腌制蔬菜", "公斤", 6, 25, detail="苯甲酸及其钠盐含量超过标准限量"),
            _g("卤制熟肉", "公斤", 40, 90, detail="菌落总数超过食品安全国家标准限量"),
            _g("月饼", "盒", 30, 160, detail="霉菌计数不符合食品安全标准"),
            _g("冷冻鸡爪", "公斤", 18, 40, detail="挥发性盐基氮超标"),
            _g("鲜切面条", "公斤", 4, 10, detail="大肠菌群不符合食品安全标准"),
            _g("食用植物油", "桶", 60, 160, detail="酸价、过氧化值不合格"),
        ),
        {
            "default": (
                "经{lab}检验，该批{goods}{detail}，检验结论为不合格。",
                "抽检结果显示，当事人经营的{goods}{detail}。",
                "经检验，{goods}{detail}，不符合食品安全国家标准规定。",
                "{lab}出具的检验报告显示，当事人经营的{goods}{detail}，属于不符合食品安全标准的食品。",
                # the commonest case in practice needs no laboratory: goods past their shelf life
                "现场检查发现，当事人销售区内陈列的{goods}已过保质期，仍标价待售。",
                "当事人将已过期的{goods}重新分装、更换包装后对外销售。",
            ),
            "holdout": (
                "送检的{goods}经{lab}检测，{detail}，不符合食品安全标准。",
                "{lab}检测报告载明：{goods}{detail}，判定不合格。",
                "涉案{goods}在监督抽检中被判定不合格：{detail}。",
                "涉案{goods}均已超过标签标注的保质期，当事人未予下架。",
                "当事人篡改{goods}外包装上的生产日期，延后保质期限继续出售。",
            ),
        },
        "sell",
        "food",
        ("食品安全抽样检验告知书", "检验报告"),
        fine=(10.0, 20.0, 50000.0, 3_000_000.0),
        facts_above={
            "default": (
                "经{lab}检验，该批{goods}检出沙门氏菌等致病微生物，足以造成严重食物中毒事故。",
                "经查，当事人经营的{goods}系病死、死因不明的畜禽肉类加工而成，且农药残留、兽药残留严重超标。",
                "经{lab}检测，当事人制作的{goods}中铝的残留量为{residue}mg/kg，系使用含铝膨松剂所致。",
            ),
            "holdout": (
                "{lab}检测发现{goods}中重金属超标十余倍，足以造成严重食源性疾病。",
                "检验证实{goods}检出致病微生物，另有部分原料检验检疫不合格。",
                "{lab}出具的报告显示{goods}铝含量{residue}mg/kg（以Al计）。",
            ),
        },
        above_fact="food_severe_hazard",
    ),
    "toxic_food": TradeSpec(
        "生产经营添加非食用物质的食品",
        "在食品中添加非食用物质",
        (
            _g("猪肉", "公斤", 24, 36, detail="盐酸克伦特罗（瘦肉精）"),
            _g("鲜活鳜鱼", "公斤", 40, 90, detail="孔雀石绿"),
            _g("火锅底料", "公斤", 30, 70, detail="罂粟壳成分（吗啡、可待因）"),
            # laboratories name the poppy's alkaloids, not the husk
            _g("卤制鸭脖", "公斤", 40, 90, detail="罂粟碱、那可丁"),
            _g("辣椒粉", "公斤", 18, 40, detail="苏丹红"),
            _g("腐竹", "公斤", 20, 45, detail="吊白块（甲醛次硫酸氢钠）"),
            _g("减肥类保健食品", "盒", 60, 260, detail="西布曲明"),
        ),
        {
            "default": (
                "经{lab}检验，当事人经营的{goods}中检出{detail}，属于掺入有毒、有害的非食品原料的食品。",
                "经检验，{goods}中检出{detail}，该物质属于非食用物质。",
                "经查，当事人在{goods}中违法添加{detail}，系非食用物质。",
            ),
            "holdout": (
                "{lab}检测报告显示，{goods}含有{detail}，系在食品中非法添加的非食用物质。",
                "送检{goods}检出{detail}，属违法添加的有毒有害物质。",
            ),
        },
        "sell",
        "food",
        ("检验报告", "生产加工记录"),
        fine=(15.0, 30.0, 100000.0, 5_000_000.0),
        facts_always=("toxic_food_additive",),
    ),
    "unlicensed_business": TradeSpec(
        "未取得营业执照擅自从事经营活动",
        "无照经营",
        (
            _g("成品油", "升", 6.5, 8.5),
            _g("二手手机", "部", 300, 1800),
            _g("建筑材料", "吨", 200, 600),
            _g("废旧金属", "吨", 1500, 3200),
            _g("瓶装液化气", "瓶", 90, 140),
        ),
        {
            "default": (
                "当事人未依法取得营业执照，擅自在经营场所从事{goods}经营活动。",
                "当事人未取得营业执照，亦未取得相关许可，擅自以营利为目的从事{goods}的销售经营活动。",
            ),
            "holdout": (
                "当事人在未办理市场主体登记的情况下，对外开展{goods}买卖业务。",
                "调查显示，当事人长期无照从事{goods}经营，未向登记机关申请登记。",
            ),
        },
        "revenue",
        "goods",
        ("经营场所照片", "收款记录"),
        fine=(0.05, 0.3, 1000.0, 10000.0),
        prior_rule=True,
    ),
    "trademark_infringement": TradeSpec(
        "侵犯注册商标专用权",
        "销售侵犯注册商标专用权的商品",
        (
            _g("“NIKE”运动鞋", "双", 60, 260),
            _g("“茅台”白酒", "瓶", 300, 1500),
            _g("“华为”手机充电器", "个", 15, 45),
            _g("“LV”手提包", "个", 120, 600),
            _g("“五粮液”白酒", "瓶", 260, 900),
            _g("“耐克”“阿迪达斯”运动服", "套", 60, 220),
        ),
        {
            "default": (
                "经商标注册人鉴定，当事人销售的{goods}系侵犯注册商标专用权的商品。",
                "当事人经营的{goods}使用了与他人注册商标相同的商标，经权利人鉴定为假冒商品。",
                "当事人销售的{goods}与他人注册商标近似，容易导致混淆，经权利人辨认属于侵权商品。",
            ),
            "holdout": (
                "商标权利人出具的鉴定意见认定，涉案{goods}并非其授权生产，属侵权商品。",
                "当事人未经商标注册人许可，在同一种商品上使用与其注册商标相同的商标。",
            ),
        },
        "sell",
        "goods",
        ("商标注册证复印件", "权利人鉴定意见书"),
        fine=(1.0, 5.0, 10000.0, 2_500_000.0),
        facts_above={
            "default": ("涉案商品同时假冒了两种以上注册商标。",),
            "holdout": ("经鉴定，所涉侵权标识涵盖两种以上注册商标。",),
        },
        above_fact="two_or_more_trademarks",
    ),
    "fake_agricultural_inputs": TradeSpec(
        "销售假劣种子、农药",
        "销售假劣农资",
        (
            _g("玉米种子", "袋", 25, 60),
            _g("水稻种子", "公斤", 30, 80),
            _g("除草剂", "瓶", 15, 40),
            _g("复合肥", "吨", 2200, 3600),
            _g("杀虫剂", "箱", 120, 300),
        ),
        {
            "default": (
                "经{lab}检验，当事人销售的{goods}发芽率、纯度低于国家标准，属于劣种子。",
                "经检验，{goods}有效成分含量不合格，属于假农药。",
            ),
            "holdout": (
                "农业部门委托检测显示，{goods}与标签标注内容不符，应认定为假冒农资。",
                "{lab}检测结论：{goods}有效成分未检出。",
            ),
        },
        "sell",
        "goods",
        ("田间鉴定报告", "种子检验报告"),
        fine=(1.0, 10.0, 5000.0, 1_000_000.0),
        loss={
            "default": ("购买使用上述{goods}的农户出现大面积减产，经鉴定造成直接经济损失{amount}。",),
            "holdout": ("据田间现场鉴定，农户因使用涉案{goods}减产，损失合计{amount}。",),
        },
    ),
    "illegal_salt": TradeSpec(
        "违反食盐专营规定经营食盐",
        "非法经营食盐",
        (
            _g("工业盐", "吨", 450, 900, kind="weight", subject="工业盐", factor=1000, canonical_unit="千克"),
            _g("食盐", "吨", 1500, 2600, kind="weight", subject="食盐", factor=1000, canonical_unit="千克"),
        ),
        {
            "default": (
                "当事人不具有食盐定点批发资质，擅自从事{goods}批发经营。",
                "当事人将{goods}冒充食盐向餐饮单位销售，违反食盐专营规定。",
                "当事人从非定点企业购进{goods}并分装销售，违反食盐专营规定。",
            ),
            "holdout": ("当事人非食盐定点批发企业，却向下游商户批量供应{goods}。",),
        },
        "revenue",
        "food",
        ("运输单据", "食盐检验报告"),
        fine=(1.0, 3.0, 5000.0, 500000.0),
    ),
    "counterfeit_drugs": TradeSpec(
        "销售假药",
        "销售假药",
        (
            _g("“肺宁胶囊”", "盒", 20, 120),
            _g("降糖中成药", "瓶", 40, 160),
            _g("进口抗癌药", "盒", 300, 2000),
            _g("“壮骨粉”", "袋", 30, 90),
        ),
        {
            "default": (
                "经{lab}检验，当事人销售的{goods}系以非药品冒充药品，依法应认定为假药。",
                "经查，{goods}未取得药品批准证明文件，其所含成分与国家药品标准规定不符，属于假药。",
                "当事人销售的{goods}无药品批准文号，其标示的功能主治超出规定范围，依法按假药论处。",
            ),
            "holdout": (
                "药品检验机构出具的检验报告表明，{goods}以他种药品冒充此种药品，应按假药论处。",
                "涉案{goods}所标明的适应症超出规定范围，依法属于假药。",
            ),
        },
        "sell",
        "drug",
        ("药品检验报告", "购进票据"),
        fine=(15.0, 30.0, 1_500_000.0, 20_000_000.0),
        facts_always=("fake_drug",),
    ),
    "substandard_drugs": TradeSpec(
        "销售劣药",
        "销售劣药",
        (
            _g("阿莫西林胶囊", "盒", 8, 30),
            _g("板蓝根颗粒", "袋", 10, 25),
            _g("中药饮片", "公斤", 60, 300),
            _g("维生素C片", "瓶", 5, 20),
        ),
        {
            "default": (
                "经{lab}检验，该批{goods}含量测定项不符合规定，属于劣药。",
                "当事人销售的{goods}已超过有效期，依法按劣药论处。",
            ),
            "holdout": ("检测显示{goods}的成分含量不符合国家药品标准，系劣药。",),
        },
        "sell",
        "drug",
        ("药品检验报告", "药品购销记录"),
        fine=(10.0, 20.0, 100000.0, 10_000_000.0),
        facts_above={
            "default": ("另查明，有患者服用涉案{goods}后出现严重不良反应，经鉴定构成轻伤，对人体健康造成严重危害。",),
            "holdout": ("病历材料显示，一名就诊者使用{goods}后致重伤。",),
        },
        above_fact="serious_health_harm",
    ),
    "unlicensed_drug_trade": TradeSpec(
        "未取得药品经营许可证经营药品",
        "无证经营药品",
        (
            _g("处方药", "盒", 15, 120),
            _g("中成药", "盒", 10, 80),
            _g("兽药", "瓶", 20, 90),
        ),
        {
            "default": (
                "当事人未取得《药品经营许可证》，擅自购进并销售{goods}。",
                "当事人在未取得药品经营许可的情况下，在其经营场所销售{goods}。",
            ),
            "holdout": ("当事人无药品经营资质，通过网络渠道对外销售{goods}。", "当事人在其经营的日杂店内兼营{goods}，未办理药品经营许可。"),
        },
        "revenue",
        "drug",
        ("药品清点记录",),
        fine=(2.0, 5.0, 150000.0, 5_000_000.0),
        prior_rule=True,
    ),
    "tobacco_unlicensed_retail": TradeSpec(
        "无烟草专卖零售许可证经营烟草制品零售业务",
        "无证经营卷烟零售",
        _CIGS,
        {
            "default": (
                "当事人未取得烟草专卖零售许可证，擅自在其经营场所销售{goods}。",
                "当事人无烟草专卖零售许可证，从事{goods}零售业务。",
                "执法人员在当事人店内货架及仓库查获{goods}，当事人无法出示烟草专卖零售许可证。",
            ),
            "holdout": ("当事人在未获得烟草专卖零售许可的情况下对外零售{goods}。", "当事人的烟草专卖零售许可证已被注销，但其仍在店内售卖{goods}。"),
        },
        "revenue",
        "tobacco",
        ("涉案卷烟鉴别检验报告", "卷烟价格证明"),
        fine=(0.05, 0.3, 500.0, 200000.0),
        confiscate_goods="没收违法所得的{goods}",
        prior_rule=True,
    ),
    "tobacco_transport_without_permit": TradeSpec(
        "无准运证运输烟草专卖品",
        "无准运证运输卷烟",
        _CIGS,
        {
            "default": (
                "当事人在无烟草专卖品准运证的情况下，驾驶车辆运输{goods}，被执法人员当场查获。",
                "当事人通过物流托运{goods}，未办理烟草专卖品准运证。",
                "当事人使用私家车运输{goods}，不能提供烟草专卖品准运证。",
            ),
            "holdout": ("执法人员在高速公路收费站拦截一辆货车，发现车内载有无准运证的{goods}。",),
        },
        "revenue",
        "tobacco",
        ("车辆检查记录", "物流单据"),
        fine=(0.2, 0.5, 1000.0, 500000.0),
        prior_rule=True,
    ),
    "tobacco_illegal_business": TradeSpec(
        "非法经营卷烟",
        "无证批发卷烟",
        _CIGS,
        {
            "default": (
                "当事人未取得烟草专卖批发企业许可证，擅自从事{goods}批发业务。",
                "当事人购进并销售假冒、走私的{goods}，经鉴别检验为假冒伪劣卷烟。",
            ),
            "holdout": ("当事人通过网络聊天工具组织货源，向多地零售户批发{goods}。",),
        },
        "revenue",
        "tobacco",
        ("卷烟鉴别检验报告", "银行流水"),
        fine=(0.5, 1.0, 5000.0, 2_000_000.0),
        prior_rule=True,
    ),
    "illegal_publications": TradeSpec(
        "经营非法出版物",
        "经营非法出版物",
        (
            _g("盗版图书", "册", 15, 60, kind="count", subject="图书", canonical_unit="册"),
            _g("非法期刊", "本", 8, 25, kind="count", subject="期刊", canonical_unit="本"),
            _g("盗版光盘", "张", 3, 12, kind="count", subject="光盘", canonical_unit="张"),
        ),
        {
            "default": (
                "经新闻出版主管部门鉴定，当事人经营的{goods}属于非法出版物。",
                "当事人未取得出版物经营许可证，擅自销售{goods}，经鉴定为非法出版物。",
                "当事人在其书店内公开陈列、销售{goods}，上述出版物无合法出版单位。",
            ),
            "holdout": ("出版物鉴定书认定涉案{goods}系非法出版物。",),
        },
        "revenue",
        "culture",
        ("出版物鉴定书",),
        fine=(5.0, 10.0, 5000.0, 500000.0),
    ),
    "copyright_infringement": TradeSpec(
        "侵犯著作权",
        "未经许可复制发行他人作品",
        (
            _g("盗版教辅图书", "册", 12, 50, kind="count", subject="图书复制品", canonical_unit="册"),
            _g("盗版影视光盘", "张", 3, 10, kind="count", subject="光盘复制品", canonical_unit="张"),
            _g("盗版软件安装盘", "张", 20, 80, kind="count", subject="软件复制品", canonical_unit="张"),
            # films copied to disks or drives are counted by the 部
            _g("侵权影视作品", "部", 5, 15, kind="count", subject="影视作品", canonical_unit="部"),
        ),
        {
            "default": (
                "当事人未经著作权人许可，复制、发行其作品，涉案{goods}经鉴定为侵权复制品。",
                "经著作权人确认，当事人销售的{goods}系未经授权的盗版制品。",
                "当事人通过网店销售{goods}，未取得著作权人授权。",
            ),
            "holdout": ("涉案{goods}经版权鉴定，属于未经许可复制发行的侵权复制品。",),
        },
        "revenue",
        "culture",
        ("版权鉴定意见", "著作权登记证书"),
        fine=(1.0, 5.0, 5000.0, 2_500_000.0),
    ),
}


def _price(ctx: Ctx, goods: Goods) -> tuple[float, str]:
    price = ctx.rng.uniform(*goods.price)
    price = round(price, 1) if price < 20 else float(round(price))
    return price, numbers.write_number(price)


_WEIGHT_UNITS = {"吨": 1000.0, "公斤": 1.0, "千克": 1.0, "斤": 0.5, "克": 0.001}


def _qty(ctx: Ctx, goods: Goods, amount: float, price: float) -> tuple[float, str, GoldQuantity]:
    """(quantity in the goods' unit, as printed, as gold) for goods worth `amount` at `price`."""
    q = max(1.0, amount / price)
    q = float(round(q, 2)) if goods.unit in ("吨", "公斤", "升") and q < 200 else float(round(q))
    text = numbers.write_number(q) + goods.unit
    subject = goods.subject or goods.name.replace("“", "").replace("”", "")
    if goods.kind is not None:
        gold = GoldQuantity(kind=goods.kind, value=round(q * goods.factor, 3), unit=goods.canonical_unit, subject=subject)
        if goods.subject == "卷烟" and ctx.rng.random() < 0.25:
            sticks = int(q * 200)
            text = f"{numbers.write_number(sticks / 10000, places=4)}万支" if sticks % 100 == 0 and ctx.rng.random() < 0.5 else f"{sticks}支"
            gold = GoldQuantity(kind="count", value=float(sticks), unit="支", subject=subject)
    elif goods.unit in _WEIGHT_UNITS:
        gold = GoldQuantity(kind="weight", value=round(q * _WEIGHT_UNITS[goods.unit], 3), unit="千克", subject=subject)
    elif goods.unit == "升":
        gold = GoldQuantity(kind="volume", value=round(q / 1000, 4), unit="立方米", subject=subject)
    else:
        gold = GoldQuantity(kind="count", value=q, unit=goods.unit, subject=subject)
    return q, text, gold


def story(ctx: Ctx) -> Story:
    spec = SPECS[ctx.category.id]
    rng = ctx.rng
    goods = rng.choice(spec.goods)
    lab = ctx.pick(common.LABS).format(province=ctx.province)
    facts = list(spec.facts_always)
    sentences = [ctx.pick(spec.nature).format(goods=goods.name, lab=lab, detail=goods.detail)]
    amounts: list[GoldAmount] = []
    quantities: list[GoldQuantity] = []
    case_amounts: dict[str, float] = {}
    price, price_text = _price(ctx, goods)
    cost = round(price * rng.uniform(0.45, 0.8), 2)

    if rng.random() < 0.45:
        sentences.append(
            ctx.pick(common.PURCHASE).format(
                date=ctx.day(ctx.start), supplier=ctx.pick(common.SUPPLIERS), goods=goods.name,
                qty="若干" + ("批" if rng.random() < 0.5 else "次"), cost=numbers.write_number(cost), unit=goods.unit,
            )
        )

    if spec.mode == "sell":
        unsold_only = rng.random() < 0.25
        if unsold_only:
            gv = ctx.scaled(ctx.threshold(role="goods_value"), 150000)
            q, qt, gq = _qty(ctx, goods, gv, price)
            quantities.append(gq)
            gv = round(q * price, 2)
            case_amounts["goods_value"] = gv
            amounts.append(GoldAmount(role="goods_value", yuan=gv))
            sentences.append(ctx.pick(common.ONLY_UNSOLD).format(
                goods=goods.name, qty=qt, price=price_text, unit=goods.unit, amount=ctx.money(gv)))
            base = gv
            income = 0.0
        else:
            sales = ctx.scaled(ctx.threshold(role="sales"), 50000)
            q, qt, gq = _qty(ctx, goods, sales, price)
            quantities.append(gq)
            sales = round(q * price, 2)
            case_amounts["sales"] = sales
            amounts.append(GoldAmount(role="sales", yuan=sales))
            sentences.append(ctx.pick(common.SALES).format(
                period=ctx.period(), goods=goods.name, qty=qt, price=price_text, unit=goods.unit,
                amount=ctx.money(sales)))
            base = sales
            if rng.random() < 0.5:
                # keep 3×sales + goods value on the side the target asks for
                room = ctx.threshold(role="goods_value")
                limit = (room[0] if room else 150000) - 3 * sales
                if ctx.target == "above":
                    gv_target = rng.uniform(0.05, 0.6) * sales
                else:
                    gv_target = max(0.0, limit) * rng.uniform(0.05, 0.7)
                if gv_target >= price:
                    uq, uqt, ugq = _qty(ctx, goods, gv_target, price)
                    quantities.append(ugq)
                    gv = round(uq * price, 2)
                    case_amounts["goods_value"] = gv
                    amounts.append(GoldAmount(role="goods_value", yuan=gv))
                    sentences.append(ctx.pick(common.UNSOLD).format(
                        goods=goods.name, qty=uqt, price=price_text, unit=goods.unit, amount=ctx.money(gv)))
                    base += gv
            income = round(sales * (1 - cost / price), 2)
    else:
        bounds = ctx.threshold(role="illegal_revenue")
        revenue = ctx.scaled(bounds, 50000)
        if goods.kind is not None:
            qb = ctx.threshold(quantity=(goods.kind, goods.subject))
            if qb and ctx.target != "above":
                revenue = min(revenue, qb[0] / goods.factor * price * rng.uniform(0.3, 0.95))
        q, qt, gq = _qty(ctx, goods, revenue, price)
        quantities.append(gq)
        revenue = round(q * price, 2)
        case_amounts["illegal_revenue"] = revenue
        amounts.append(GoldAmount(role="illegal_revenue", yuan=revenue))
        sentences.append(
            ctx.pick(common.REVENUE).format(
                period=ctx.period(), goods=goods.name, qty=qt, price=price_text, unit=goods.unit,
                amount=ctx.money(revenue))
        )
        base = revenue
        income = round(revenue * rng.uniform(0.08, 0.3), 2)
        ib = ctx.threshold(role="illegal_income")
        if ib and ctx.target != "above" and income >= ib[0]:
            income = round(ctx.below(ib, ib[0]), 2)

    if income >= 1 and rng.random() < 0.85:
        case_amounts["illegal_income"] = income
        sentences.append(ctx.pick(common.INCOME).format(amount=ctx.money(income)))
    else:
        income = 0.0

    if spec.loss and rng.random() < 0.6:
        lb = ctx.threshold(role="loss")
        loss = round(ctx.scaled(lb, 20000), 2)
        case_amounts["loss"] = loss
        amounts.append(GoldAmount(role="loss", yuan=loss))
        sentences.append(ctx.pick(spec.loss).format(goods=goods.name, amount=ctx.money(loss)))

    if spec.above_fact and ctx.target == "above" and rng.random() < 0.6:
        # a residue figure for templates that state the fact in numbers (铝的残留量 over GB 2760's 100 mg/kg)
        residue = numbers.write_number(round(rng.uniform(150, 1200), 1))
        sentences.append(ctx.pick(spec.facts_above).format(goods=goods.name, lab=lab, residue=residue))
        facts.append(spec.above_fact)

    prior = 0
    within = 0.0
    if spec.prior_rule and rng.random() < (0.25 if ctx.target == "above" else 0.08):
        prior = 2 if ctx.target == "above" else 1
        within = 1.5
        d1 = ctx.start - timedelta(days=rng.randint(300, 500))
        d2 = ctx.start - timedelta(days=rng.randint(30, 250))
        if prior == 2:
            sentences.append(ctx.pick(common.PRIORS).format(d1=ctx.day(d1), d2=ctx.day(d2), years="二", n="两"))
        else:
            sentences.append(f"当事人曾于{ctx.day(d2)}因同类违法行为受到过一次行政处罚。")

    low, high, lo_min, hi_max = spec.fine
    fine = min(hi_max, max(lo_min, fine_between(rng, base * low, base * high)))
    confiscate = income if income and rng.random() < 0.8 else 0.0
    if income and not confiscate:
        amounts.append(GoldAmount(role="illegal_income", yuan=income))
    others = [PenaltyItem(kind="confiscate_goods", text=spec.confiscate_goods.format(goods="涉案" + goods.name))]
    case = CaseFacts(
        party_kind=ctx.party.kind, amounts=case_amounts, quantities=quantities, facts=facts,
        prior_penalties=prior, prior_within_years=within,
    )
    return Story(
        cause_short=spec.cause_short, act=spec.act, sentences=sentences, case=case, amounts=amounts,
        quantities=quantities, evidence=list(spec.evidence), fine=fine, confiscate=confiscate,
        other_penalties=others)
