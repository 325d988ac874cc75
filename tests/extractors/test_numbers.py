"""Every way an agency writes an amount parses back to the number (property tests), plus the
OCR slips that must not break a number."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lianfa.extractors.amounts import extract_amounts
from lianfa.extractors.numbers import parse_number, parse_yuan, repair_masked_units, repair_ocr_digits
from lianfa.extractors.regions import find_regions
from lianfa.extractors.view import build_view
from lianfa.ingest.pipeline import text_document

_FULL = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def _writings(yuan: int, cents: int) -> list[str]:
    value = yuan + cents / 100
    out = [
        f"{yuan}元",
        f"{yuan:,}元",
        f"{value:.2f}元",
        f"{value:,.2f}元",
        f"人民币{yuan:,}元",
        f"¥{value:,.2f}元",
        f"{yuan:,}元".translate(_FULL),
        f"{cn2an.an2cn(yuan, 'low')}元",
        f"人民币{cn2an.an2cn(yuan, 'up')}元整",
        cn2an.an2cn(value, "rmb") if cents else f"{cn2an.an2cn(yuan, 'up')}元",
    ]
    if yuan % 100 == 0 and yuan >= 10_000 and not cents:
        wan = yuan / 10_000
        out.append(f"{wan:g}万元")
        out.append(f"{wan:g}万元".translate(_FULL))
    if cents:
        out = [w for w in out if "." in w or "角" in w or "分" in w]
    return out


@settings(max_examples=60, deadline=None)
@given(yuan=st.integers(min_value=1, max_value=99_999_999), cents=st.sampled_from([0, 0, 50, 5, 99]))
def test_every_writing_parses_back(yuan: int, cents: int) -> None:
    expected = round(yuan + cents / 100, 2)
    for written in _writings(yuan, cents):
        doc = text_document(f"经研究，决定如下：\n处罚款{written}。\n")
        view = build_view(doc)
        amounts = extract_amounts(view, find_regions(view))
        assert [(a.role, a.yuan) for a in amounts] == [("fine", expected)], written


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("3万5000", 35000),
        ("2万3千", 23000),
        ("十二万三千四百五十六点七八", 123456.78),
        ("壹拾万零叁仟", 103000),
        ("二〇二三", 2023),
        ("12,5O0", 12500),
        ("1.2亿", 120_000_000),
        ("两万", 20000),
    ],
)
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("人民币伍万元整", 50000),
        ("叁仟元伍角", 3000.5),
        ("2万余元", 20000),
        ("十二万三千四百五十六元七角八分", 123456.78),
        ("￥1,234.5元", 1234.5),
    ],
)
def test_parse_yuan(written: str, value: float) -> None:
    assert parse_yuan(written) == value


def test_not_a_number() -> None:
    assert parse_number("某某") is None


def test_ocr_letter_as_the_last_digit_of_a_day_or_a_percentage() -> None:
    assert repair_ocr_digits("2Ol9年8月2O日，处违法经营总额3O%的罚款") == "2019年8月20日，处违法经营总额30%的罚款"
    assert repair_ocr_digits("代码91450100MA5N9D2K4H，某某O日") == "代码91450100MA5N9D2K4H，某某O日"


def test_a_wan_yuan_masked_as_a_name_after_a_figure() -> None:
    assert repair_masked_units("合计骗得人民币48万某，用于还债") == "合计骗得人民币48万元，用于还债"
    assert repair_masked_units("以2.5万某的价格") == "以2.5万元的价格"
    # people: 万某甲 and 万某某 after a figure, 万某 after anything else
    for text in ("交付3万某甲", "另有1万某某", "被告人万某于次日到案"):
        assert repair_masked_units(text) == text
