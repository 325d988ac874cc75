"""Writing law citations (《中华人民共和国产品质量法》第四十九条第一款第（三）项 ...) and quoting
penalty clauses. Quoted clauses carry their own amount ranges (处五万元以上二十万元以下罚款,
货值金额五倍以上十倍以下): they are law text, never amounts of the case."""

from __future__ import annotations

import random

import cn2an

from lianfa.corpora.generator.style import Bank, Style, pick
from lianfa.corpora.gold import GoldLaw

# How an article reference is printed.
ARTICLE_FORMS: Bank[str] = {
    "default": ("cn", "cn", "cn", "arabic"),
    "holdout": ("arabic_space", "cn_zhi"),
}
# Whether the law is named by its full enacted name or its short form.
NAME_FORMS: Bank[str] = {"default": ("full", "full", "short"), "holdout": ("full_edition", "short_edition")}
_EDITIONS = ("（2018年修正）", "（2019年修正）", "（2021年修订）", "（2015年修订）")


def _cn(n: int) -> str:
    return cn2an.an2cn(n, "low")


def article_ref(law: GoldLaw, form: str) -> str:
    if form == "arabic":
        text = f"第{law.article}条"
        if law.paragraph:
            text += f"第{law.paragraph}款"
        if law.item:
            text += f"第（{law.item}）项"
        return text
    if form == "arabic_space":
        text = f"第 {law.article} 条"
        if law.paragraph:
            text += f"第 {law.paragraph} 款"
        if law.item:
            text += f"第 {law.item} 项"
        return text
    text = f"第{_cn(law.article)}条"
    if law.paragraph:
        text += f"第{_cn(law.paragraph)}款"
    if law.item:
        text += f"第（{_cn(law.item)}）项" if form == "cn" else f"第{_cn(law.item)}项"
    return text


class LawWriter:
    """Writes the law citations of one decision: a law keeps the name form (and edition note) it
    got the first time, and articles keep one style throughout."""

    def __init__(self, rng: random.Random, style: Style, full_names: dict[str, str]) -> None:
        self.rng = rng
        self.style = style
        self.full_names = full_names
        self.article_form = pick(rng, ARTICLE_FORMS, style)
        self._names: dict[str, str] = {}

    def name(self, short: str) -> str:
        if short not in self._names:
            self._names[short] = self._new_name(short, self.full_names.get(short, short))
        return self._names[short]

    def _new_name(self, short: str, full: str) -> str:
        form = pick(self.rng, NAME_FORMS, self.style)
        if form == "full":
            return f"《{full}》"
        if form == "full_edition":
            return f"《{full}》{self.rng.choice(_EDITIONS)}"
        if form == "short_edition":
            return f"《{short}{self.rng.choice(_EDITIONS)}》"
        return f"《{short}》"

    def article(self, law: GoldLaw) -> str:
        return article_ref(law, self.article_form)

    def cite(self, laws: list[GoldLaw]) -> str:
        """One citation string for several provisions, grouping articles of the same law."""
        return cite(self.rng, laws, self)


def cite(rng: random.Random, laws: list[GoldLaw], writer: LawWriter) -> str:
    groups: list[tuple[str, list[GoldLaw]]] = []
    for law in laws:
        if groups and groups[-1][0] == law.law:
            groups[-1][1].append(law)
        else:
            groups.append((law.law, [law]))
    parts = []
    for short, provisions in groups:
        refs = "、".join(writer.article(p) for p in provisions)
        parts.append(writer.name(short) + refs)
    joiner = "和" if len(parts) == 2 and rng.random() < 0.5 else "、"
    return joiner.join(parts)


# Penalty clauses worth quoting, keyed by (law short name, article[, paragraph]). Text abridged from
# the statutes.
QUOTES: dict[tuple[str, int] | tuple[str, int, int], tuple[str, ...]] = {
    ("产品质量法", 49): (
        "生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的，责令停止生产、销售，没收违法生产、销售的产品，并处违法生产、销售产品（包括已售出和未售出的产品，下同）货值金额等值以上三倍以下的罚款；有违法所得的，并处没收违法所得",
    ),
    ("产品质量法", 50): (
        "在产品中掺杂、掺假，以假充真，以次充好，或者以不合格产品冒充合格产品的，责令停止生产、销售，没收违法生产、销售的产品，并处违法生产、销售产品货值金额百分之五十以上三倍以下的罚款；有违法所得的，并处没收违法所得",
    ),
    ("食品安全法", 124): (
        "违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款",
    ),
    ("食品安全法", 123): (
        "违法生产经营的食品货值金额不足一万元的，并处十万元以上十五万元以下罚款；货值金额一万元以上的，并处货值金额十五倍以上三十倍以下罚款",
    ),
    ("食品安全法", 125): (
        "违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五千元以上五万元以下罚款；货值金额一万元以上的，并处货值金额五倍以上十倍以下罚款",
    ),
    ("药品管理法", 116): ("并处违法生产、销售的药品货值金额十五倍以上三十倍以下的罚款；货值金额不足十万元的，按十万元计算",),
    ("药品管理法", 117): ("并处违法生产、销售的药品货值金额十倍以上二十倍以下的罚款；违法生产、批发的药品货值金额不足十万元的，按十万元计算，违法零售的药品货值金额不足一万元的，按一万元计算",),
    ("商标法", 60): (
        "违法经营额五万元以上的，可以处违法经营额五倍以下的罚款，没有违法经营额或者违法经营额不足五万元的，可以处二十五万元以下的罚款",
    ),
    ("著作权法", 53): ("违法经营额五万元以上的，可以并处违法经营额一倍以上五倍以下的罚款；没有违法经营额、违法经营额难以计算或者不足五万元的，可以并处二十五万元以下的罚款",),
    ("森林法", 76, 1): (
        "盗伐林木的，由县级以上人民政府林业主管部门责令限期在原地或者异地补种盗伐株数一倍以上五倍以下的树木，并处盗伐林木价值五倍以上十倍以下的罚款",
    ),
    ("森林法", 76, 2): (
        "滥伐林木的，由县级以上人民政府林业主管部门责令限期在原地或者异地补种滥伐株数一倍以上三倍以下的树木，可以处滥伐林木价值三倍以上五倍以下的罚款",
    ),
    ("渔业法", 38): ("违反关于禁渔区、禁渔期的规定进行捕捞的，没收渔获物和违法所得，处五万元以下的罚款；情节严重的，没收渔具，吊销捕捞许可证",),
    ("税收征收管理法", 63): ("对纳税人偷税的，由税务机关追缴其不缴或者少缴的税款、滞纳金，并处不缴或者少缴的税款百分之五十以上五倍以下的罚款",),
    ("固体废物污染环境防治法", 112): ("处所需处置费用三倍以上五倍以下的罚款，所需处置费用不足二十万元的，按二十万元计算",),
    ("大气污染防治法", 99): ("由县级以上人民政府生态环境主管部门责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款",),
    ("水污染防治法", 83): ("由县级以上人民政府环境保护主管部门责令改正或者责令限制生产、停产整治，并处十万元以上一百万元以下的罚款",),
    ("烟草专卖法实施条例", 57): ("处以违法运输的烟草专卖品价值百分之二十以上百分之五十以下的罚款",),
    ("无证无照经营查处办法", 13): ("没收违法所得，并处1万元以下的罚款",),
    ("安全生产法", 114): ("发生一般事故的，处三十万元以上一百万元以下的罚款；发生较大事故的，处一百万元以上二百万元以下的罚款",),
    ("防范和处置非法集资条例", 30): ("处集资金额百分之二十以上一倍以下的罚款",),
    ("广告法", 55): ("处广告费用三倍以上五倍以下的罚款，广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款",),
    ("土地管理法实施条例", 57): ("罚款额为非法占用土地每平方米一百元以上一千元以下",),
    ("矿产资源法", 39): ("责令停止开采、赔偿损失，没收采出的矿产品和违法所得，可以并处罚款",),
    ("价格法", 40): ("责令改正，没收违法所得，可以并处违法所得五倍以下的罚款；没有违法所得的，予以警告，可以并处罚款",),
    ("医师法", 59): ("没收违法所得和药品、医疗器械，并处违法所得二倍以上十倍以下的罚款，违法所得不足一万元的，按一万元计算",),
}


def quote_for(rng: random.Random, law: GoldLaw) -> str | None:
    options = QUOTES.get((law.law, law.article, law.paragraph or 0)) or QUOTES.get((law.law, law.article))
    return rng.choice(options) if options else None
