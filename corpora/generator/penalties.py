"""Penalty items as the decision prints them, and the gold penalties they stand for."""

from __future__ import annotations

import random

import cn2an

from lianfa.corpora.generator import numbers
from lianfa.corpora.generator.categories.base import PenaltyItem, Story
from lianfa.corpora.generator.numbers import AmountWriter
from lianfa.corpora.generator.style import Bank, Style, pick
from lianfa.corpora.gold import GoldAmount, GoldPenalty

FINE: Bank[str] = {
    "default": ("罚款{amount}", "处罚款{amount}", "并处罚款{amount}", "罚款人民币{plain}"),
    "holdout": ("罚款金额{amount}", "处以{amount}的罚款", "课以罚款{amount}"),
}
CONFISCATE_INCOME: Bank[str] = {
    # (`没收违法经营所得289元`: the eleventh survey's 兽药 case)
    "default": ("没收违法所得{amount}", "没收违法所得人民币{plain}", "没收违法经营所得{amount}"),
    "holdout": ("违法所得{amount}予以没收", "没收非法获利{amount}", "违法经营所得{amount}予以没收"),
}
# A fine printed with the base it was reckoned on (`罚款43210元（计算方式：86420元×50%）`): {base} is
# the base, {pct} the rate; the base is not an amount of the case.
RECKONED_FINE: Bank[str] = {
    "default": ("罚款{plain}（计算方式：{base}×{pct}%）",),
    "holdout": ("处以{base}×{pct}%={plain}的罚款",),
}
_RECKONED_SHARE = 0.15
# A tax case fines each tax evaded and states their total (`对少缴的增值税、城市维护建设税分别处罚款…、…，
# 合计…`): the total is the fine. {a}, {b}: the parts; {total}: their sum.
TAX_FINES: Bank[str] = {
    "default": ("对少缴的增值税、城市维护建设税分别处罚款{a}、{b}，合计{total}",),
    "holdout": ("企业所得税、印花税罚款分别为{a}、{b}，共计{total}", "对少缴的各项税款分别处以罚款，计{a}、{b}，合计罚款{total}"),
}
_TAX_FINES_SHARE = 0.5
_RATES = (50, 20, 10)
WARNING: Bank[str] = {"default": ("警告", "给予警告"), "holdout": ("予以警告", "警告一次")}
ORDER_CORRECT: Bank[str] = {
    "default": ("责令改正违法行为", "责令立即停止违法行为"),
    "holdout": ("限期整改到位", "责令其纠正违法行为"),
}

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def number_item(fmt: str, i: int, item: str) -> str:
    return fmt.format(i=i, cn=cn2an.an2cn(i, "low"), circled=_CIRCLED[i - 1], item=item)


def penalty_items(
    rng: random.Random, story: Story, style: Style, admin_only: bool, money: AmountWriter
) -> tuple[list[PenaltyItem], list[GoldPenalty], list[GoldAmount]]:
    """(printed items, gold penalties, gold amounts for fine and confiscated income)."""
    items: list[PenaltyItem] = []
    amounts: list[GoldAmount] = []
    if rng.random() < 0.35:
        items.append(PenaltyItem("order_correct", pick(rng, ORDER_CORRECT, style)))
    if admin_only and story.fine < 5000 and rng.random() < 0.3:
        items.append(PenaltyItem("warning", pick(rng, WARNING, style)))
    if story.confiscate > 0:
        text = pick(rng, CONFISCATE_INCOME, style).format(
            amount=money(story.confiscate), plain=numbers.write_amount(story.confiscate, "plain")
        )
        items.append(PenaltyItem("confiscate_income", text, story.confiscate))
        amounts.append(GoldAmount(role="confiscated_income", yuan=story.confiscate))
    goods = [p for p in story.other_penalties if p.kind in ("confiscate_goods", "confiscate_tools")]
    if goods and rng.random() < 0.7:
        items.extend(goods)
    if story.fine > 0:
        text = pick(rng, FINE, style).format(
            amount=money(story.fine), plain=numbers.write_amount(story.fine, "plain")
        )
        taxed = any(a.role == "tax_evaded" for a in story.amounts)
        part = numbers.round_fine(story.fine * rng.uniform(0.6, 0.85))
        if taxed and rng.random() < _TAX_FINES_SHARE and 0 < part < story.fine and part * 2 != story.fine:
            text = pick(rng, TAX_FINES, style).format(
                a=numbers.write_amount(part, "plain"), b=numbers.write_amount(story.fine - part, "plain"),
                total=money(story.fine),
            )
        pct = rng.choice(_RATES)
        if not taxed and rng.random() < _RECKONED_SHARE and story.fine * 100 % pct == 0:
            text = pick(rng, RECKONED_FINE, style).format(
                plain=numbers.write_amount(story.fine, "plain"), pct=pct,
                base=numbers.write_amount(story.fine * 100 // pct, "plain"),
            )
        items.append(PenaltyItem("fine", text, story.fine))
        amounts.append(GoldAmount(role="fine", yuan=story.fine))
    items.extend(p for p in story.other_penalties if p.kind not in ("confiscate_goods", "confiscate_tools"))
    if rng.random() < 0.5 and items and items[0].kind == "order_correct":
        items.append(items.pop(0))
    gold = [GoldPenalty(kind=p.kind, yuan=p.yuan) for p in items]
    return items, gold, amounts
