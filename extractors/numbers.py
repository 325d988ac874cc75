"""Reading the numbers agencies write: Arabic digits with separators, 万/亿 multipliers, Chinese
numerals in lower case and in 大写 (financial) form, and the 元角分 tail of a money amount.

cn2an does the numeral arithmetic; this module only decides which characters belong to a number
and repairs the OCR slips (O for 0, l for 1) that would otherwise stop it.
"""

from __future__ import annotations

import re

import cn2an

CN_DIGITS = "零〇○一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖两兩"
CN_UNITS = "十拾百佰千仟万萬亿億"
CN_NUM = f"[{CN_DIGITS}{CN_UNITS}]"

# One written number: digits with separators and a decimal point, Chinese numerals, or a mix of the
# two (`3.5万`, `3万5000`, `2万3千`). It must start with a digit, not with a bare 百/千/万.
NUMBER = rf"(?:[\d{CN_DIGITS}十拾](?:\d|{CN_NUM}|[,.](?=\d)|点(?={CN_NUM}))*)"
# Digits grouped by thousands with a space, as some print them and OCR reads a comma (`50 000`,
# `12, 480`): only for money, where the 元 after it says the groups are one number.
GROUPED_NUMBER = r"(?:\d{1,3}(?:,?\s\d{3})+(?![\d,])(?:\.\d+)?)"
_GROUP_SPACE = re.compile(r"(?<=\d)(,?)\s(?=\d{3}(?!\d))")

_OCR_DIGIT = str.maketrans({"O": "0", "o": "0", "〇": "0", "l": "1", "I": "1", "|": "1"})
# A letter OCR reads for a digit, after a digit or separator and before more of the number
# (2O23, 12,5O0, 1O,OOO元), or as its last digit before 日 or % (8月2O日, 3O%).
_OCR_IN_NUMBER = re.compile(r"(?<=[\d,.])[OolI|](?=[\dOolI|,.]*[\d元万亿]|[OolI|]*(?:日|%|％))")
# The same slip as a number's first character (人民币l2,480元, 5月l2日): only where digits follow
# up to a unit, and not inside a run of letters and digits such as a credit code.
_OCR_LEADING = re.compile(r"(?<![0-9A-Za-z])[OlI|](?=[\dOlI|,.]*\d[\d,.]*\s?[元万亿年月日号])")
_CN_NORMAL = str.maketrans({"貳": "贰", "參": "叁", "陸": "陆", "萬": "万", "億": "亿", "兩": "两", "○": "〇"})


# Name masking that took the 万元 after a figure for a person (surname 万, given name 元) and wrote
# 万某, as published judgments do (`骗得人民币48万某`, `以111万某的金额`): right after a digit it is
# money, while 万某甲 or 万某某 after one is still a person.
_MASKED_WAN_YUAN = re.compile(r"(?<=\d万)某(?![某甲乙丙丁戊己庚辛壬癸\d])")


def repair_masked_units(text: str) -> str:
    """`48万某` → `48万元` (same length, so offsets still map)."""
    return _MASKED_WAN_YUAN.sub("元", text)


def repair_ocr_digits(text: str) -> str:
    """Replace letters that OCR reads for digits inside a number (2O23 → 2023), keeping the length."""
    out = text
    while True:
        fixed = _OCR_IN_NUMBER.sub(lambda m: m.group(0).translate(_OCR_DIGIT), out)
        fixed = _OCR_LEADING.sub(lambda m: m.group(0).translate(_OCR_DIGIT), fixed)
        if fixed == out:
            return out
        out = fixed


def _digits_value(s: str) -> float:
    s = s.replace(",", "").replace(" ", "")
    mult = 1.0
    if s and s[-1] in "万萬":
        mult, s = 1e4, s[:-1]
    elif s and s[-1] in "亿億":
        mult, s = 1e8, s[:-1]
    return float(s) * mult


def parse_number(text: str) -> float | None:
    """Value of one number as written (`12,500.5`, `3.5万`, `十二万三千`, `壹拾万零叁仟`, `3万5000`).

    Returns None when the characters do not form a number.
    """
    s = repair_ocr_digits(text.strip()).translate(_CN_NORMAL).replace(" ", "")
    if not s:
        return None
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?[万亿]?", s):
        return _digits_value(s)
    if "," in s:
        s = s.replace(",", "")
    # A bare run of 〇一二三 digits (二〇二三) is positional, not a counted numeral.
    if re.fullmatch(r"[〇零一二三四五六七八九]+", s) and len(s) > 1 and "十" not in s:
        return float("".join(str("〇一二三四五六七八九".index(c)) if c != "零" else "0" for c in s))
    try:
        value = cn2an.cn2an(s.replace(",", ""), "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


# The 角/分 after 元, as cheques and 大写 amounts write them (`元零伍分`, `元伍角`).
JIAO_FEN = rf"零?(?:(?P<jiao>[{CN_DIGITS}\d])角)?零?(?:(?P<fen>[{CN_DIGITS}\d])分)?"
_MONEY = re.compile(rf"(?P<int>{NUMBER})\s?(?P<yuan>[元圆]){JIAO_FEN}")


def parse_yuan(text: str) -> float | None:
    """Yuan value of a written amount: `人民币伍万元整`, `¥50,000.00`, `5.5万元`, `叁仟元伍角`, `2万余元`."""
    s = re.sub(r"^(?:人民币|RMB|¥|￥|\s)+", "", repair_ocr_digits(text.strip()))
    s = _GROUP_SPACE.sub(r"\1", s)
    s = s.replace("余", "").replace("多", "").replace("整", "")
    m = _MONEY.search(s)
    if m is None:
        return parse_number(s)
    value = parse_number(m.group("int"))
    if value is None:
        return None
    for part, scale in (("jiao", 0.1), ("fen", 0.01)):
        if m.group(part):
            d = parse_number(m.group(part))
            value += (d or 0.0) * scale
    return round(value, 2)
