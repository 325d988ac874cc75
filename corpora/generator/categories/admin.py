"""Purely administrative violations (no criminal counterpart): most real decisions are these.

Each entry: the act, sentences per style ({goods}, {n}, {x} filled per decision), a fine range,
and optionally an amount of role `other` (广告费用, 项目总投资) or a small illegal income.
"""

from __future__ import annotations

from dataclasses import dataclass

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.categories.base import Ctx, PenaltyItem, Story, fine_between
from lianfa.corpora.generator.criminal import CaseFacts
from lianfa.corpora.generator.style import Bank
from lianfa.corpora.gold import GoldAmount, GoldQuantity


@dataclass(frozen=True)
class AdminSpec:
    cause_short: str
    act: str
    facts: Bank[str]
    fine: tuple[float, float]
    trade: str
    evidence: tuple[str, ...] = ()
    other: Bank[str] | None = None  # sentence with {amount}: an amount of role "other"
    other_range: tuple[float, float] = (0.0, 0.0)
    fine_share_of_other: tuple[float, float] | None = None  # fine as a share of the other amount
    income: Bank[str] | None = None  # sentence with {amount}: illegal income (small)
    extra_penalty: tuple[str, str] | None = None  # (kind, text)


SPECS: dict[str, AdminSpec] = {
    "price_violation": AdminSpec(
        "价格违法", "实施价格违法行为",
        {
            "default": (
                "当事人在其经营场所销售的{n}种商品未按规定明码标价，部分商品标价签标示的价格与实际结算价格不一致。",
                "当事人在促销活动中虚构原价，标示“原价”的商品在促销前七日内从未以该价格成交，构成价格欺诈。",
                "当事人在疫情期间大幅提高口罩售价，进销差价率超过规定幅度，构成哄抬价格。",
                "当事人销售的商品未标明品名、产地、规格、计价单位等，价格标示不规范。",
                "当事人在网店页面标示的促销价格高于实际成交价格，且未说明折扣依据，构成不正当价格行为。",
            ),
            "holdout": (
                "执法人员发现店内{n}件商品无价签，另有商品收费高于标示价格。",
                "当事人以“限时特价”为名，标示的划线价格没有真实交易依据。",
                "当事人收取的服务费用未在经营场所公示收费标准。",
            ),
        },
        (500, 50000), "goods", ("价格标签照片", "销售小票"),
        income={"default": ("多收价款{amount}。", "因此获违法所得{amount}。"), "holdout": ("多收取的价款合计{amount}。",)},
    ),
    "advertising_violation": AdminSpec(
        "发布违法广告", "发布违法广告",
        {
            "default": (
                "当事人在其微信公众号发布的广告中使用“国家级”“最高级”“最佳”等用语。",
                "当事人发布的保健食品广告宣称具有疾病治疗功能，内容虚假，引人误解。",
                "当事人在店铺门头及宣传单上发布含有“全网第一”“顶级”等绝对化用语的广告。",
                "当事人在宣传册中使用“纯天然、无副作用”等无法证实的用语，误导消费者。",
                "当事人发布的医疗广告未经审查，且含有保证治愈的内容。",
            ),
            "holdout": (
                "当事人委托他人制作并投放的短视频广告夸大产品功效，与实际情况不符。",
                "当事人在直播间宣传所售商品“无效退款、根治疾病”，缺乏事实依据。",
                "当事人在电梯框架广告中引用未经核实的数据和调查结果。",
            ),
        },
        (10000, 300000), "general", ("广告截图", "广告制作合同"),
        other={"default": ("经查，该广告的广告费用为{amount}。", "当事人为发布上述广告支付广告费用{amount}。"),
               "holdout": ("据合同约定，投放费用共计{amount}。",)},
        other_range=(2000, 120000), fine_share_of_other=(3.0, 5.0),
    ),
    "metrology_violation": AdminSpec(
        "使用未经检定的计量器具", "使用未经检定的计量器具",
        {
            "default": (
                "当事人在经营中使用的{n}台电子计价秤未按规定申请强制检定。",
                "当事人使用的加油机超过检定周期仍继续使用，且未申请周期检定。",
                "执法人员现场检查发现，当事人使用的计量器具经检定不合格，仍在经营中使用。",
                "当事人使用的{n}台燃油加油机未按规定申请强制检定。",
                "当事人破坏计量器具准确度，在电子秤上加装作弊装置。",
            ),
            "holdout": ("当事人店内用于贸易结算的台秤检定合格证已过期{n}个月。", "当事人的{n}台出租车计价器未经检定即投入营运。"),
        },
        (500, 10000), "goods", ("计量器具检定证书",),
        extra_penalty=("confiscate_tools", "没收未经检定的计量器具"),
    ),
    "labeling_violation": AdminSpec(
        "经营标签标识不符合规定的商品", "经营标签标识不符合规定的商品",
        {
            "default": (
                "当事人经营的{n}批次预包装食品未标注生产日期、保质期等事项。",
                "当事人销售的进口食品无中文标签。",
                "当事人生产的产品标识未标明产品名称、厂名厂址，不符合规定。",
                "当事人销售的产品无中文厂名厂址，亦无产品质量检验合格证明。",
                "当事人经营的散装食品未标明生产日期和保质期。",
            ),
            "holdout": ("抽查发现，当事人货架上的部分商品标签信息缺失，无法追溯生产者。", "当事人所售{n}件商品的标签内容与实物不一致。"),
        },
        (2000, 50000), "food", ("商品标签照片",),
        income={"default": ("违法所得{amount}。",), "holdout": ("获利{amount}。",)},
    ),
    "special_equipment": AdminSpec(
        "特种设备使用管理违法", "违规使用特种设备",
        {
            "default": (
                "当事人使用的{n}台电梯超过定期检验有效期，未申请定期检验，继续投入使用。",
                "当事人使用的叉车未办理使用登记，操作人员未取得特种设备作业人员证。",
                "当事人的压力容器未按规定进行定期检验。",
                "当事人使用的锅炉未经定期检验即投入使用，且未建立特种设备安全技术档案。",
                "当事人未对其使用的{n}台电梯进行经常性维护保养。",
            ),
            "holdout": ("现场检查时，当事人在用的起重机械无有效检验标志。", "当事人的游乐设施安全附件失效仍在运营。"),
        },
        (30000, 300000), "general", ("特种设备检验报告", "设备登记资料"),
    ),
    "annual_report_not_disclosed": AdminSpec(
        "未按规定公示年度报告", "未按规定公示年度报告信息",
        {
            "default": (
                "当事人在报送{year}年度报告时，隐瞒真实情况，公示的从业人数、资产总额等信息与实际不符。",
                "当事人未按照规定的期限公示年度报告，被列入经营异常名录后仍未改正。",
                "当事人通过国家企业信用信息公示系统报送的{year}年度报告中，实缴出资信息与实际不符。",
            ),
            "holdout": ("当事人通过企业信用信息公示系统公示的{year}年度资产状况信息与其财务报表明显不一致。", "当事人逾期未报送{year}年度报告，经责令仍未改正。"),
        },
        (1000, 50000), "general", ("企业信用信息公示系统截图", "财务报表"),
    ),
    "food_licence_irregular": AdminSpec(
        "违反食品经营许可管理规定", "违反食品经营许可管理规定",
        {
            "default": (
                "当事人的食品经营许可证有效期已于{date}届满，未申请延续，仍继续从事食品经营活动。",
                "当事人未在经营场所显著位置悬挂食品经营许可证。",
                "当事人超出食品经营许可证核定的经营项目从事冷食类食品制售。",
                "当事人在食品经营许可证载明的经营场所以外的地点从事食品经营。",
            ),
            "holdout": ("检查发现当事人持有的许可证已过期，期间仍对外供应餐食。", "当事人营业场所变更后未办理许可变更手续，继续经营。"),
        },
        (2000, 50000), "food", ("食品经营许可证复印件",),
        income={"default": ("违法所得{amount}。",), "holdout": ("期间营业收入中违法所得为{amount}。",)},
    ),
    "food_operation_irregular": AdminSpec(
        "食品经营过程不符合规定", "食品经营过程不符合规定",
        {
            "default": (
                "当事人采购食品原料未查验供货者的许可证和产品合格证明，未建立进货查验记录。",
                "当事人安排{n}名未取得健康证明的人员从事接触直接入口食品的工作。",
                "当事人将食品与有毒、有害物品一同贮存，贮存条件不符合要求。",
                "当事人未按规定对餐具、饮具进行清洗消毒。",
                "当事人未建立并执行从业人员健康管理制度。",
            ),
            "holdout": ("后厨冷藏柜中存放有超过保质期的食品原料，当事人未及时清理。", "当事人冷库温度记录缺失，部分冷冻食品解冻后再次冷冻。"),
        },
        (2000, 50000), "food", ("进货台账", "健康证明查验记录"),
    ),
    "medical_device_irregular": AdminSpec(
        "违规经营医疗器械", "违规经营医疗器械",
        {
            "default": (
                "当事人经营的{n}种第二类医疗器械未取得备案凭证，且未建立进货查验记录。",
                "当事人从不具备资质的企业购进医疗器械。",
                "当事人经营的医疗器械未按照说明书要求贮存，部分产品已超过有效期。",
                "当事人未按规定建立医疗器械销售记录。",
            ),
            "holdout": ("当事人在售医疗器械说明书与注册证载明内容不一致。", "当事人在网络平台销售未取得注册证的{n}种医疗器械。"),
        },
        (10000, 100000), "drug", ("医疗器械注册证", "购进记录"),
        income={"default": ("违法所得{amount}。",), "holdout": ("获违法收入{amount}。",)},
    ),
    "construction_without_eia": AdminSpec(
        "建设项目未批先建", "环境影响评价文件未经批准擅自开工建设",
        {
            "default": (
                "当事人建设的年产{n}万件五金配件项目，环境影响评价文件未经审批，即擅自开工建设，目前主体工程已基本建成。",
                "当事人新建生产线项目的环境影响报告表未报批，于{date}擅自开工建设。",
                "当事人技改项目的环境影响报告书未经批准，擅自开工建设并投入调试。",
            ),
            "holdout": ("当事人扩建项目未依法报批环评文件便先行施工。", "当事人在环评批复前已完成厂房主体施工。"),
        },
        (50000, 500000), "chemical", ("项目备案信息", "现场勘察笔录"),
        other={"default": ("该项目总投资额为{amount}。", "经核实，项目总投资{amount}。"),
               "holdout": ("项目投资总额{amount}。",)},
        other_range=(500000, 30000000), fine_share_of_other=(0.01, 0.05),
    ),
    "dust_pollution": AdminSpec(
        "施工工地扬尘污染防治措施不到位", "未采取扬尘污染防治措施",
        {
            "default": (
                "当事人承建的工地裸露土方约{n}平方米未覆盖，运输车辆未冲洗即驶出工地。",
                "当事人施工现场未设置硬质围挡，渣土堆放未采取防尘措施。",
                "当事人在道路施工中未对{n}平方米裸露地面采取覆盖、洒水等抑尘措施。",
                "当事人运输渣土的车辆未采取密闭措施，沿途抛洒。",
            ),
            "holdout": ("巡查发现工地出入口道路积尘严重，扬尘明显。", "巡查发现当事人搅拌站物料露天堆放，未设置防尘网。"),
        },
        (10000, 100000), "build", ("现场照片", "视频资料"),
    ),
    "noise_pollution": AdminSpec(
        "噪声污染", "违反噪声污染防治规定",
        {
            "default": (
                "当事人在夜间进行产生环境噪声污染的施工作业，未取得夜间施工证明。",
                "经监测，当事人厂界噪声昼间为{n}分贝，超过国家规定的排放标准。",
                "当事人在居民区内使用高音喇叭招揽顾客，噪声扰民。",
                "当事人的冷却塔夜间运行噪声超过排放标准。",
            ),
            "holdout": ("周边居民多次投诉当事人设备运转噪声扰民，监测结果超标。", "夜间监测显示当事人厂界噪声为{n}分贝，超出限值。"),
        },
        (5000, 200000), "general", ("噪声监测报告",),
    ),
    "tax_filing_late": AdminSpec(
        "未按期办理纳税申报", "未按照规定期限办理纳税申报",
        {
            "default": (
                "当事人未按照规定期限办理{year}年度企业所得税纳税申报和报送纳税资料。",
                "当事人{n}个月的增值税未按期申报。",
                "当事人{year}年度个人所得税扣缴申报逾期未办理。",
            ),
            "holdout": ("征管系统显示，当事人多个所属期存在逾期申报情形。", "当事人迟延办理纳税申报，逾期{n}个月。"),
        },
        (200, 10000), "tax", ("纳税申报记录",),
    ),
    "internet_cafe_minors": AdminSpec(
        "违规经营互联网上网服务营业场所", "违规经营互联网上网服务营业场所",
        {
            "default": (
                "执法人员检查时发现，当事人经营的网吧内有{n}名未成年人正在上网。",
                "当事人未核对、登记上网消费者的有效身份证件。",
                "当事人经营的网吧在法定节假日以外的时间接纳{n}名未成年人上网。",
                "当事人未在营业场所入口处显著位置悬挂未成年人禁入标志。",
            ),
            "holdout": ("现场查获当事人为未成年人开机上网，且未悬挂禁止未成年人进入标志。", "执法检查时发现当事人允许未成年人使用他人身份证件开机上网。"),
        },
        (5000, 15000), "culture", ("上网登记记录", "监控视频"),
        extra_penalty=("suspend", "责令停业整顿十五日"),
    ),
    "public_place_hygiene": AdminSpec(
        "公共场所卫生违法", "违反公共场所卫生管理规定",
        {
            "default": (
                "当事人经营的美容店未取得公共场所卫生许可证擅自营业。",
                "当事人安排{n}名未获得有效健康合格证明的从业人员从事直接为顾客服务的工作。",
                "当事人未按规定对顾客用品用具进行清洗、消毒。",
                "当事人经营的宾馆未对床上用品做到一客一换。",
                "当事人经营的理发店未按规定设置消毒设施。",
            ),
            "holdout": ("游泳场所池水游离性余氯检测不合格，当事人未及时处理。", "当事人未依法组织从业人员进行卫生知识培训考核。"),
        },
        (500, 20000), "medical", ("卫生监督意见书", "检测报告"),
    ),
    "customs_declaration_irregular": AdminSpec(
        "申报不实", "进出口货物申报不实",
        {
            "default": (
                "当事人以一般贸易方式向海关申报出口货物一批，申报商品编号与实际不符，影响海关统计准确性。",
                "当事人申报进口货物的原产地与实际不符，影响海关监管秩序。",
                "当事人申报出口货物的数量与实际不符，影响海关统计准确性。",
            ),
            "holdout": ("查验发现当事人申报的货物规格型号与实物不符。", "当事人进口货物的申报价格与成交价格不一致。"),
        },
        (5000, 200000), "customs", ("报关单", "查验记录"),
        other={"default": ("涉案货物申报价格{amount}。",), "holdout": ("货物申报总价{amount}。",)},
        other_range=(50000, 2000000), fine_share_of_other=(0.05, 0.2),
    ),
    "safety_management_irregular": AdminSpec(
        "安全生产管理违法", "违反安全生产管理规定",
        {
            "default": (
                "当事人未按照规定对{n}名从业人员进行安全生产教育和培训。",
                "当事人的特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业。",
                "当事人未对生产经营场所的事故隐患进行排查治理。",
                "当事人未在有较大危险因素的生产经营场所设置明显的安全警示标志。",
                "当事人未按规定对安全设备进行经常性维护、保养和定期检测。",
            ),
            "holdout": ("企业未制定生产安全事故应急救援预案，也未组织演练。", "当事人的主要负责人未履行安全生产管理职责，事故隐患排查流于形式。"),
        },
        (10000, 100000), "safety", ("安全培训记录", "现场检查记录"),
    ),
    "fire_safety": AdminSpec(
        "消防安全违法", "违反消防安全管理规定",
        {
            "default": (
                "当事人经营场所的安全出口被上锁，疏散通道堆放杂物被堵塞。",
                "当事人未按规定配置灭火器，消防设施未保持完好有效。",
                "当事人在人员密集场所的门窗上设置影响逃生和灭火救援的障碍物。",
                "当事人擅自停用消防设施，消防控制室无人值班。",
            ),
            "holdout": ("消防检查时发现当事人损坏消防栓、擅自停用火灾自动报警系统。", "当事人在疏散通道内停放电动自行车并充电。"),
        },
        (5000, 50000), "general", ("消防监督检查记录",),
    ),
}


def story(ctx: Ctx) -> Story:
    rng = ctx.rng
    cid = ctx.category.id
    spec = SPECS.get(cid)
    if spec is None:
        return generic(ctx)
    n = rng.randint(2, 12) if cid != "noise_pollution" else rng.randint(62, 78)
    if cid == "dust_pollution":
        n = rng.randint(200, 5000)
    template = ctx.pick(spec.facts)
    sentence = template.format(n=n, year=ctx.start.year - 1, date=ctx.day(ctx.start))
    quantities = _stated_quantities(template, n)
    sentences = [ctx.period() + sentence if rng.random() < 0.4 else sentence]
    amounts: list[GoldAmount] = []
    case = CaseFacts(party_kind=ctx.party.kind)
    fine = fine_between(rng, *spec.fine)
    if spec.other and rng.random() < 0.85:
        other = numbers.round_money(rng, rng.uniform(*spec.other_range))
        sentences.append(ctx.pick(spec.other).format(amount=ctx.money(other)))
        amounts.append(GoldAmount(role="other", yuan=other))
        if spec.fine_share_of_other:
            fine = numbers.round_fine(other * rng.uniform(*spec.fine_share_of_other))
    confiscate = 0.0
    if spec.income and rng.random() < 0.6:
        income = numbers.round_money(rng, rng.uniform(200, 20000))
        sentences.append(ctx.pick(spec.income).format(amount=ctx.money(income)))
        case.amounts["illegal_income"] = income
        if rng.random() < 0.75:
            confiscate = income
        else:
            amounts.append(GoldAmount(role="illegal_income", yuan=income))
    others = [PenaltyItem(spec.extra_penalty[0], spec.extra_penalty[1])] if spec.extra_penalty else []  # type: ignore[arg-type]
    case.quantities = quantities
    return Story(spec.cause_short, spec.act, sentences, case, amounts=amounts, quantities=quantities,
                 evidence=list(spec.evidence), fine=fine, confiscate=confiscate, other_penalties=others)


_COUNT_UNITS = ("批次", "台", "名", "种", "件", "个")
_SUBJECTS = ("电子计价秤", "加油机", "计价器", "电梯", "未成年人", "从业人员", "预包装食品", "医疗器械", "商品", "人员")


def _stated_quantities(template: str, n: int) -> list[GoldQuantity]:
    """The quantity a template states with {n}, when it is one gold records (not 分贝, not months)."""
    if "{n}" not in template:
        return []
    head, tail = template.split("{n}", 1)
    if tail.startswith("平方米"):
        return [GoldQuantity(kind="area", value=float(n), unit="平方米", subject="裸露土方")]
    if tail.startswith("个月"):
        return []
    unit = next((u for u in _COUNT_UNITS if tail.startswith(u)), None)
    if unit is None:
        return []
    rest = tail[len(unit):]
    subject = next((s for s in _SUBJECTS if s in rest), rest[:4])
    return [GoldQuantity(kind="count", value=float(n), unit=unit, subject=subject)]


def generic(ctx: Ctx) -> Story:
    """A category the generator has no dedicated text for: its taxonomy name and cues."""
    rng = ctx.rng
    cat = ctx.category
    name = cat.name.split("（")[0]
    cues = "、".join(rng.sample(cat.cues, k=min(2, len(cat.cues)))) if cat.cues else name
    sentences = [f"{ctx.period()}当事人存在{name}的行为，涉及{cues}等情形。"]
    return Story(name, name, sentences, CaseFacts(party_kind=ctx.party.kind),
                 fine=fine_between(rng, 2000, 50000))
