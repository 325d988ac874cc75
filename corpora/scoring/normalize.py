"""How predicted and gold values are made comparable.

A value that a clerk would call the same must compare equal: 文号 printed with any of the bracket
pairs agencies and OCR produce, names with stray spaces or full-width characters, law names in any
form normalize_law_name accepts. Nothing here forgives a different digit.
"""

from __future__ import annotations

import re
import unicodedata

from lianfa.extractors.laws import normalize_law_name

AMOUNT_TOLERANCE_YUAN = 0.01
QUANTITY_RELATIVE_TOLERANCE = 0.005

_OPEN = "〔[(【［（〈<{"
_CLOSE = "〕])】］）〉>}"
_BRACKETS = str.maketrans({**{c: "〔" for c in _OPEN}, **{c: "〕" for c in _CLOSE}})
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z*])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
# 案由 are filed with or without these words around the act: 涉嫌无照经营一案 = 无照经营案,
# 实施价格违法行为案 = 价格违法案 (a 违法 before 行为 is part of the name: 价格违法)
_CAUSE_HEAD = re.compile(r"^(?:涉嫌|实施了?)")
_CAUSE_TAIL = re.compile(r"(?:的?行为)?(?:一案|案)?$")
_CAUSE_PUNCT = re.compile(r"[\s\"'“”‘’《》。，,.:：;；]")


def squeeze(text: str) -> str:
    """NFKC with all whitespace removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def doc_number(value: str) -> str:
    # NFKC turns full-width brackets into ASCII ones, so unify brackets before and after it. 〔2019〕第15号
    # and 〔2019〕15号 are the same number printed two ways (agencies and the extractor differ on 第).
    text = squeeze(value.translate(_BRACKETS)).translate(_BRACKETS)
    return text.replace("〕第", "〕")


def plain(value: str) -> str:
    return squeeze(value)


def credit_code(value: str) -> str:
    return squeeze(value).upper()


def case_cause(value: str) -> str:
    text = _CAUSE_PUNCT.sub("", squeeze(value))
    return _CAUSE_HEAD.sub("", _CAUSE_TAIL.sub("", text, count=1))


def law_name(value: str) -> str:
    return normalize_law_name(value) or squeeze(value)


def mask_ids(text: str) -> str:
    """Mask 18-character ID numbers as lianfa's output does, so masking is not counted as OCR error."""
    return _ID_NUMBER.sub(lambda m: m.group(1) + "*" * 8 + m.group(2), text)


def same_amount(a: float, b: float) -> bool:
    return abs(a - b) <= AMOUNT_TOLERANCE_YUAN + 1e-9


def same_quantity(gold: float, pred: float) -> bool:
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= QUANTITY_RELATIVE_TOLERANCE * abs(gold) + 1e-12
