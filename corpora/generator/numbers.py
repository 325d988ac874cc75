"""Writing amounts and quantities the many ways agencies print them.

Forms shared by both styles: plain (52000元), thousands separators (1,234,567.50元), 万元 (5.2万元),
大写 (人民币伍万贰仟元整, 伍万贰仟元), full-width digits (５２０００元, １，２３４．５０元), ¥ prefix. Default-only: two decimals
(52000.00元) and lower-case numerals (五万二千元). Holdout-only: 大写 followed by the figure in
brackets (人民币伍万贰仟元整（￥52,000.00）).
"""

from __future__ import annotations

import random

import cn2an

from lianfa.corpora.generator.style import Bank, Style

_FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")

SHARED_AMOUNT_FORMS: tuple[tuple[str, float], ...] = (
    ("plain", 3.0),
    ("thousands", 2.0),
    ("wan", 1.5),
    ("upper", 1.5),
    ("fullwidth", 0.3),
    ("fullwidth_thousands", 0.2),
    ("upper_short", 0.6),
    ("yen", 0.6),
)
STYLE_AMOUNT_FORMS: Bank[tuple[str, float]] = {
    "default": (("decimals", 2.0), ("lower", 1.0)),
    "holdout": (("dual", 2.5),),
}


def _strip(x: float, places: int) -> str:
    s = f"{x:.{places}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def _cents(yuan: float) -> int:
    return round(yuan * 100)


def write_amount(yuan: float, form: str) -> str:
    """`yuan` written in `form`, always ending in 元 (or 元整) so it reads as money."""
    cents = _cents(yuan)
    whole = cents % 100 == 0
    if form == "plain":
        return (f"{cents // 100}" if whole else f"{cents / 100:.2f}") + "元"
    if form == "decimals":
        return f"{cents / 100:.2f}元"
    if form == "thousands":
        return f"{cents / 100:,.2f}元" if not whole or cents >= 100000 else f"{cents // 100:,}元"
    if form == "wan":
        if cents % 100 == 0 and (cents // 100) % 100 == 0 and cents >= 1_000_000:
            return _strip(cents / 1_000_000, 4) + "万元"
        return f"{cents / 100:,.2f}元"
    if form == "lower":
        if whole:
            return cn2an.an2cn(cents // 100, "low") + "元"
        return f"{cents / 100:.2f}元"
    if form == "upper":
        return "人民币" + cn2an.an2cn(cents / 100, "rmb")
    if form == "dual":
        return "人民币" + cn2an.an2cn(cents / 100, "rmb") + f"（￥{cents / 100:,.2f}）"
    if form == "fullwidth":
        text = f"{cents // 100}" if whole else f"{cents / 100:.2f}"
        return text.translate(_FULLWIDTH) + "元"
    if form == "fullwidth_thousands":
        return f"{cents / 100:,.2f}".translate(_FULLWIDTH) + "元"
    if form == "upper_short":
        return cn2an.an2cn(cents / 100, "rmb").removesuffix("整")
    if form == "yen":
        return f"¥{cents / 100:,.2f}元" if not whole else f"¥{cents // 100:,}元"
    raise ValueError(f"unknown amount form {form!r}")


def pick_amount_form(rng: random.Random, style: Style) -> str:
    forms = SHARED_AMOUNT_FORMS + STYLE_AMOUNT_FORMS[style]
    return rng.choices([f for f, _ in forms], weights=[w for _, w in forms], k=1)[0]


class AmountWriter:
    """Amounts in one decision: a house form used most of the time, other forms now and then."""

    def __init__(self, rng: random.Random, style: Style) -> None:
        self.rng = rng
        self.style = style
        self.house = pick_amount_form(rng, style)

    def __call__(self, yuan: float) -> str:
        form = self.house if self.rng.random() < 0.6 else pick_amount_form(self.rng, self.style)
        return write_amount(yuan, form)


def round_money(rng: random.Random, yuan: float) -> float:
    """Round the way case figures come out: fines to the hundred, tallies to the cent or yuan."""
    r = rng.random()
    if r < 0.35:
        return float(round(yuan, 2))
    if r < 0.7:
        return float(round(yuan))
    return float(max(100, round(yuan / 100) * 100))


def round_fine(yuan: float) -> float:
    if yuan >= 100000:
        return float(round(yuan / 1000) * 1000)
    if yuan >= 1000:
        return float(round(yuan / 100) * 100)
    return float(max(50, round(yuan / 50) * 50))


def write_number(value: float, fullwidth: bool = False, places: int = 2) -> str:
    text = _strip(value, places)
    return text.translate(_FULLWIDTH) if fullwidth else text


def chinese_number(value: int) -> str:
    return cn2an.an2cn(value, "low")
