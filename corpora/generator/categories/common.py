"""Sentence pieces shared by the category modules (amount roles, labs, suppliers)."""

from __future__ import annotations

from lianfa.corpora.generator.style import Bank

SALES: Bank[str] = {
    "default": (
        "{period}当事人以{price}元/{unit}的价格对外销售上述{goods}{qty}，销售金额{amount}。",
        "{period}当事人共销售{goods}{qty}，单价{price}元/{unit}，销售金额共计{amount}。",
        "{period}当事人累计售出{goods}{qty}，销售额为{amount}。",
        "{period}当事人对外销售{goods}{qty}，销售收入{amount}。",
        "{period}当事人将上述{goods}以每{unit}{price}元的价格销售给周边商户，共售出{qty}，销售金额合计{amount}。",
        "根据当事人提供的销售台账，{period}其共销售{goods}{qty}，销售金额{amount}。",
    ),
    "holdout": (
        "经核算，当事人已售出{qty}{goods}，按每{unit}{price}元计，实现销售收入{amount}。",
        "{period}售出涉案{goods}{qty}（售价每{unit}{price}元），销售款合计{amount}。",
        "已销售的{goods}共{qty}，对应货款{amount}已全部收讫。",
        "出库单据显示，{period}当事人发出{goods}{qty}，均已结算，销售额{amount}。",
        "当事人通过网店售出{goods}{qty}，平台后台数据显示成交金额{amount}。",
    ),
}
UNSOLD: Bank[str] = {
    "default": (
        "执法人员现场查获尚未销售的{goods}{qty}，按标价{price}元/{unit}计算，货值金额{amount}。",
        "当事人库存的{goods}{qty}尚未销售，货值金额{amount}。",
        "现场查扣待售{goods}{qty}，货值金额共计{amount}。",
        "案发时当事人仓库内尚有{goods}{qty}未售出，货值金额{amount}。",
    ),
    "holdout": (
        "现场另有待售{goods}{qty}被依法扣押，其货值按每{unit}{price}元折算为{amount}。",
        "未售部分{qty}，货值{amount}（按实际售价计算）。",
        "仓库内存放的{goods}{qty}尚未流入市场，价值{amount}。",
        "被查封的库存{goods}计{qty}，以销售价格计算的货值为{amount}。",
    ),
}
ONLY_UNSOLD: Bank[str] = {
    "default": (
        "上述{goods}均未售出，执法人员现场查扣{qty}，按标价{price}元/{unit}计算，货值金额{amount}。",
        "当事人购进的{goods}{qty}尚未销售即被查获，货值金额{amount}，无销售记录。",
    ),
    "holdout": (
        "涉案{goods}{qty}全部处于待售状态，未实际销售；按每{unit}{price}元核定，货值{amount}。",
        "案发时该批{goods}（{qty}）仍在库中，尚无销售，其价值经核定为{amount}。",
    ),
}
INCOME: Bank[str] = {
    "default": ("获违法所得{amount}。", "扣除进货成本后，当事人违法所得{amount}。", "违法所得为{amount}。", "获利{amount}。", "扣除成本后获利{amount}。", "当事人从中获取违法所得{amount}。"),
    "holdout": ("从中获利{amount}（即违法所得）。", "经核算违法所得计{amount}。", "其违法所得经财务核算为{amount}。", "核减进货成本后，违法所得认定为{amount}。"),
}
REVENUE: Bank[str] = {
    "default": (
        "{period}当事人共购销{goods}{qty}，单价{price}元/{unit}，违法经营额{amount}。",
        "{period}当事人经营{goods}{qty}，非法经营数额{amount}。",
        "{period}当事人共计经营{goods}{qty}，经营额{amount}。",
        "{period}当事人累计经营{goods}{qty}，违法经营额为{amount}。",
        "经核算，{period}当事人经营的{goods}共计{qty}，按实际销售价格{price}元/{unit}计算，非法经营数额{amount}。",
    ),
    "holdout": (
        "{period}经手{goods}{qty}（每{unit}{price}元），涉案经营总额达{amount}。",
        "按每{unit}{price}元计，{qty}{goods}的经营金额合计{amount}。",
        "依据查获的账本，{period}经营{goods}{qty}，营业额{amount}，均属违法经营。",
    ),
}
PURCHASE: Bank[str] = {
    "default": (
        "当事人于{date}从{supplier}购进{goods}{qty}，进价{cost}元/{unit}。",
        "{date}，当事人从{supplier}处购入{goods}{qty}，进货单价{cost}元。",
        "{date}起，当事人陆续从{supplier}购进{goods}{qty}，进货价每{unit}{cost}元。",
    ),
    "holdout": (
        "涉案{goods}系当事人通过{supplier}以每{unit}{cost}元的价格购入，共计{qty}。",
        "货源方面，当事人自称从{supplier}进货{qty}，每{unit}进价{cost}元。",
    ),
}
SUPPLIERS: Bank[str] = {
    "default": ("外地一流动商贩", "某批发市场", "网络平台", "一名自称“老王”的供货人", "邻县一家批发部", "外省某厂家"),
    "holdout": ("微信好友", "物流代收点的陌生发货人", "境外网站", "展会上结识的供应商"),
}
LABS: Bank[str] = {
    "default": ("{province}产品质量监督检验研究院", "{province}食品药品检验研究院", "市质量技术监督检测所"),
    "holdout": ("国家级质量检验检测中心", "具有资质的第三方检测机构", "{province}计量测试研究院"),
}
PRIORS: Bank[str] = {
    "default": (
        "另查明，当事人曾于{d1}、{d2}因同类违法行为两次受到行政处罚。",
        "当事人在{years}年内已因同一违法行为被行政处罚{n}次，此次系再次违法。",
        "经查询，当事人{years}年内因同类违法行为受过{n}次以上行政处罚。",
        "当事人分别于{d1}、{d2}因同类违法行为各被行政处罚一次。",
    ),
    "holdout": (
        "调查还发现，当事人此前分别在{d1}和{d2}因相同行为被处罚，仍不思悔改。",
        "（当事人近{years}年内因同类行为受行政处罚{n}次。）",
        "当事人{years}年以内曾因相同违法行为受到{n}次以上行政处罚，又实施本案行为。",
        "执法机关已于{d1}、{d2}{n}次对当事人作出行政处罚，当事人仍未停止违法行为。",
    ),
}
