"""Normalisation keeps one output character per input character where it maps one to one, so a
page a mirror site converted to traditional characters reads as simplified at the same offsets."""

from __future__ import annotations

from lianfa.ingest.document import document_from_text
from lianfa.ingest.normalize import normalize, normalize_with_offsets, traditional_map


def test_traditional_characters_read_as_simplified_one_for_one() -> None:
    raw = "當事人：長沙縣某某機械廠，統一社會信用代碼：見附件"
    text, origin = normalize_with_offsets(raw)
    assert text == "当事人:长沙县某某机械厂,统一社会信用代码:见附件"
    assert origin == list(range(len(raw)))


def test_characters_simplified_text_also_writes_stay() -> None:
    # 乾, 著 and 徵 are simplified characters too (乾坤, 著作权, 徵 as a name)
    assert normalize("乾坤 著作权 徵收") == "乾坤 著作权 徵收"
    assert normalize("於2024年3月 事後") == "于2024年3月 事后"


def test_the_map_only_holds_characters_outside_gb2312_but_two() -> None:
    table = traditional_map()
    assert table["當"] == "当" and table["戶"] == "户"
    assert all(len(k) == len(v) == 1 for k, v in table.items())
    assert "乾" not in table and "著" not in table


def test_a_document_from_a_traditional_page_keeps_its_length() -> None:
    raw = "行政處罰決定書\n當事人：黃某某\n"
    doc = document_from_text(raw)
    assert doc.text == "行政处罚决定书\n当事人:黄某某\n"
    assert len(doc.text) == len(raw)


def test_a_pinyin_reading_a_mirror_site_set_after_a_character_goes() -> None:
    raw = "當(dāng)事人:某某縣(xiàn)青禾農(nóng)資店"
    text, origin = normalize_with_offsets(raw)
    assert text == "当事人:某某县青禾农资店"
    # every character left still points at the one it was read from
    assert [raw[i] for i in origin] == list("當事人:某某縣青禾農資店")


def test_a_reading_whose_tone_marks_a_scan_lost_goes_too() -> None:
    assert normalize("某某縣(xian)林業(ye)局") == "某某县林业(ye)局"


def test_brackets_that_are_not_a_reading_stay() -> None:
    # an item letter, a unit, a category and a word in Latin letters are the decision's own text
    for kept in ("第三条(a)项", "排放二氧化碳(co)", "许可证(B)", "浓度(mg)", "某某公司(Group)"):
        assert normalize(kept) == kept


def test_a_reading_whose_caron_a_scan_read_as_a_breve_goes() -> None:
    assert normalize("新聞網(wăng)站") == "新闻网站"
