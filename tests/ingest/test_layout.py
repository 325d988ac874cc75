from __future__ import annotations

import json
import math
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lianfa.ingest.document import Box, DocumentBuilder, Line, PageInfo
from lianfa.ingest.layout import add_ocr_page, add_text_layer_page
from lianfa.ingest.normalize import normalize
from lianfa.ingest.ocr.quality import cer
from tests.conftest import FIXTURES

W, H = 1000.0, 1414.0
CH = 30.0  # glyph height and width in pixels (a square CJK cell)


def box_line(text: str, x: float, y: float, *, h: float = CH, width: float | None = None, conf: float = 0.95) -> Line:
    w = width if width is not None else len(text) * h
    return Line(text=text, confidence=conf, quad=((x, y), (x + w, y), (x + w, y + h), (x, y + h)))


def centred(text: str, y: float, h: float = CH) -> Line:
    return box_line(text, (W - len(text) * h) / 2, y, h=h)


def right(text: str, y: float, margin: float = 100.0) -> Line:
    return box_line(text, W - margin - len(text) * CH, y)


def rotate(lines: list[Line], degrees: float) -> list[Line]:
    a = math.radians(degrees)
    cx, cy = W / 2, H / 2

    def rot(p: tuple[float, float]) -> tuple[float, float]:
        x, y = p[0] - cx, p[1] - cy
        return (cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a))

    return [Line(ln.text, ln.confidence, tuple(rot(p) for p in ln.quad)) for ln in lines]  # type: ignore[arg-type]


def ocr_doc(pages: list[list[Line]]):
    b = DocumentBuilder()
    for i, lines in enumerate(pages, 1):
        add_ocr_page(b, lines, i, W, H)
    return b.build([PageInfo(i, W, H, "ocr") for i in range(1, len(pages) + 1)], "ocr")


def text_lines(doc) -> list[str]:
    return doc.text.rstrip("\n").split("\n")


def norm(lines: list[str]) -> list[str]:
    """Expected lines as the Document holds them (NFKC: "：" reads ":")."""
    return [normalize(x) for x in lines]


# A body paragraph of 24 glyphs per row from x=100 to x=820; the first row indented two glyphs.
PARA_ROWS = [
    "经查，当事人于2024年1月至3月期间销售",  # indented row (short text stands for a full one)
    "假冒注册商标的白酒共计一百二十瓶，货值金",
    "额三万六千元。",
]


def paragraph(y: float) -> list[Line]:
    left, right_edge = 100.0, 900.0
    out = [box_line(PARA_ROWS[0], left + 2 * CH, y, width=right_edge - left - 2 * CH)]
    out.append(box_line(PARA_ROWS[1], left, y + 1.6 * CH, width=right_edge - left))
    out.append(box_line(PARA_ROWS[2], left, y + 3.2 * CH))
    return out


def decision_page() -> list[Line]:
    return [
        centred("某市市场监督管理局", 80, h=40),
        centred("行政处罚决定书", 140, h=40),
        right("某市监罚〔2024〕12号", 210),
        # 当事人 table: label cells and value cells come as separate boxes
        box_line("名称", 100, 280),
        box_line("某某贸易有限公司", 260, 280),
        box_line("统一社会信用代码", 540, 280, h=CH * 0.9),
        box_line("91330106MA2B3C4D5E", 790, 281, width=150),
        box_line("住所：", 100, 330),
        box_line("某市某区文三路100号", 260, 330),
        *paragraph(400),
        right("某市市场监督管理局", 1150),
        right("2024年4月20日", 1200, margin=130),
        # a red seal over the date: its ring text overlaps the date and agency lines
        box_line("某市市场监督管理局", 640, 1180, h=40, width=260, conf=0.4),
        centred("第1页 共3页", 1360, h=24),
    ]


def test_reading_order_of_a_decision_page() -> None:
    lines = decision_page()
    random.Random(7).shuffle(lines)
    doc = ocr_doc([lines])
    assert text_lines(doc) == norm([
        "某市市场监督管理局",
        "行政处罚决定书",
        "某市监罚〔2024〕12号",
        "名称：某某贸易有限公司 统一社会信用代码：91330106MA2B3C4D5E",
        "住所：某市某区文三路100号",
        "".join(PARA_ROWS),
        "某市市场监督管理局",
        "某市市场监督管理局",
        "2024年4月20日",
    ])


def test_page_number_footer_is_dropped_but_body_numbers_are_kept() -> None:
    lines = [box_line("第五十七条", 100, 300), box_line("3", 490, 1380, h=20), box_line("- 2 -", 470, 20, h=20)]
    doc = ocr_doc([lines])
    assert text_lines(doc) == ["第五十七条"]
    # a bare number in the body is not page furniture
    doc = ocr_doc([[box_line("120", 100, 700)]])
    assert text_lines(doc) == ["120"]


@pytest.mark.parametrize("degrees", [-1.8, 1.2, 2.5])
def test_residual_skew_keeps_rows_together(degrees: float) -> None:
    level = ocr_doc([decision_page()])
    skewed = ocr_doc([rotate(decision_page(), degrees)])
    assert skewed.text == level.text


def test_rows_group_relative_to_line_height_not_pixels() -> None:
    # a page scanned at 4x resolution: the same layout with everything scaled
    scale = 4.0
    lines = [
        Line(ln.text, ln.confidence, tuple((x * scale, y * scale) for x, y in ln.quad))  # type: ignore[arg-type]
        for ln in decision_page()
    ]
    b = DocumentBuilder()
    add_ocr_page(b, lines, 1, W * scale, H * scale)
    big = b.build([PageInfo(1, W * scale, H * scale, "ocr")], "ocr")
    assert big.text == ocr_doc([decision_page()]).text


def test_fragments_of_one_line_are_joined_without_a_space() -> None:
    doc = ocr_doc([[box_line("依据《中华人民共和国", 100, 300), box_line("商标法》第六十条", 100 + 10 * CH + 8, 302)]])
    assert text_lines(doc) == ["依据《中华人民共和国商标法》第六十条"]
    doc = ocr_doc([[box_line("Room", 100, 300), box_line("1203", 100 + 4 * CH + 12, 300)]])
    assert text_lines(doc) == ["Room 1203"]


def test_ruled_table_with_tight_cells_and_wrapped_cell_text() -> None:
    # the geometry rapidocr gave on a rendered ruled table: cells 20 px apart at 55 px glyphs,
    # long cells wrapped onto a second line inside the cell, a label cut in two in column 0
    h = 55.0
    lines = [
        box_line("被处罚单位", 209, 616, h=h, width=228),
        box_line("某某化工有限", 457, 616, h=h, width=274),
        box_line("统一社会信用", 772, 616, h=h, width=272),
        box_line("9141010012345678", 1089, 619, h=49, width=381),
        box_line("公司", 454, 686, h=h, width=107),
        box_line("代码", 769, 686, h=h, width=107),
        box_line("9X", 1085, 689, h=49, width=76),
        box_line("法定代表人", 207, 780, h=h, width=231),
        box_line("李四", 453, 777, h=h, width=106),
        box_line("地址", 769, 780, h=h, width=106),
        box_line("某某市高新区化工", 1087, 780, h=h, width=360),
        box_line("路8号", 1087, 850, h=h, width=130),
        box_line("社会信用", 207, 950, h=h, width=220),
        box_line("91330106MA2B3C4D5E", 453, 950, h=h, width=420),
        box_line("代码", 207, 1015, h=h, width=110),
        box_line("一、违法事实", 260, 1150, h=h),
    ]
    b = DocumentBuilder()
    add_ocr_page(b, lines, 1, 1654, 2339)
    doc = b.build([PageInfo(1, 1654, 2339, "ocr")], "ocr")
    assert text_lines(doc) == norm(
        [
            "被处罚单位：某某化工有限公司 统一社会信用代码：91410100123456789X",
            "法定代表人：李四 地址：某某市高新区化工路8号",
            "社会信用代码：91330106MA2B3C4D5E",
            "一、违法事实",
        ]
    )
    start = doc.text.index("公司")
    ev = doc.evidence(start, start + 2)
    assert ev.box is not None and ev.box.y0 == pytest.approx(686 / 2339, abs=1e-6)


def test_wrapped_tail_of_a_value_read_together_with_its_label() -> None:
    # OCR read the label cell and the name cell as one piece, so the name's wrapped tail (公司) starts
    # under the name, inside that piece, and the code's tail under the code cell
    h = 55.0
    lines = [
        box_line("被处罚单位美兰新锐科技有限", 209, 616, h=h, width=13 * h),
        box_line("统一代码", 209 + 14 * h, 616, h=h, width=4 * h),
        box_line("9146Q1083W", 209 + 19 * h, 619, h=49, width=5.5 * h),
        box_line("公司", 209 + 5.3 * h, 686, h=h, width=2 * h),
        box_line("PYTT5G59", 209 + 19 * h, 689, h=49, width=4.5 * h),
        box_line("联系地址", 209, 770, h=h, width=4 * h),
        box_line("海口市美兰区胜利北路285号1楼", 209 + 5 * h, 770, h=h, width=14 * h),
        box_line("国家税务总局海口市税务局稽查局于2019年7月7日对当事人开展执法检查，随后", 209, 860, h=h, width=24 * h),
    ]
    b = DocumentBuilder()
    add_ocr_page(b, lines, 1, 1654, 2339)
    doc = b.build([PageInfo(1, 1654, 2339, "ocr")], "ocr")
    assert text_lines(doc)[:2] == norm(
        ["被处罚单位美兰新锐科技有限公司 统一代码 9146Q1083WPYTT5G59", "联系地址：海口市美兰区胜利北路285号1楼"]
    )


def test_a_wrapped_tail_follows_the_text_it_sits_under() -> None:
    # OCR ran the address cell into the next label (…新河镇东 业主): the address's tail (岗村5组)
    # belongs after the address, not after the label
    h = 60.0
    lines = [
        box_line("门店地址泉州市晋江市新河镇东", 221, 637, h=h, width=587),
        box_line("业主", 850, 637, h=h, width=100),
        box_line("周西宇", 1110, 637, h=h, width=140),
        box_line("岗村5组", 396, 701, h=h, width=164),
    ]
    [line] = text_lines(ocr_doc([lines]))
    assert line.startswith("门店地址泉州市晋江市新河镇东岗村5组业主") and line.endswith("周西宇")


def test_a_value_ocr_ran_into_the_next_label_gets_its_wrapped_tail() -> None:
    # rapidocr's pieces on a damaged ruled table: the name cell and the code label as one piece
    lines = [
        box_line("被处罚单位", 258, 458, h=50, width=210),
        box_line("宜宾恒富食品厂翠屏分公统一代码", 474, 456, h=54, width=636),
        box_line("9161150235T7H", 1200, 460, h=48, width=318),
        box_line("司", 476, 510, h=56, width=59),
        box_line("P182R", 1201, 517, h=47, width=133),
        box_line("经查，当事人非食盐定点批发企业，却向下游商户批量供应食盐。", 258, 640, h=50, width=1250),
    ]
    assert text_lines(ocr_doc([lines]))[0] == "被处罚单位宜宾恒富食品厂翠屏分公司统一代码 9161150235T7HP182R"


def test_labels_inside_running_text_leave_it_unchanged() -> None:
    text = "经查，当事人的法定代表人张某于2023年5月在其经营场所住所地销售过期食品。"
    assert text_lines(ocr_doc([[box_line(text, 100, 300)]])) == norm([text])


def test_an_indented_paragraph_under_a_merged_cell_is_not_its_tail() -> None:
    h = 55.0
    lines = [
        box_line("当事人某某科技有限公司", 209, 616, h=h, width=11 * h),
        box_line("法定代表人", 209 + 12 * h, 616, h=h, width=5 * h),
        box_line("张三", 209 + 18 * h, 616, h=h, width=2 * h),
        box_line("经查，当事人于2023年5月在其经营场所销售过期食品，货值", 209 + 2 * h, 680, h=h, width=22 * h),
    ]
    assert len(text_lines(ocr_doc([lines]))) == 2


def test_a_title_filling_its_row_is_not_joined_to_the_number_below() -> None:
    lines = [
        box_line("天津市武清区林业和草原局行政处罚决定", 100, 100, h=36, width=W - 200),
        box_line("天津林政罚〔2021〕1011号", 100, 150, width=13 * CH),
        box_line("被处罚单位：某某林业有限公司", 100, 200),
    ]
    assert text_lines(ocr_doc([lines]))[:2] == norm(["天津市武清区林业和草原局行政处罚决定", "天津林政罚〔2021〕1011号"])


def test_qualified_label_cells_get_a_colon_too() -> None:
    doc = ocr_doc([[box_line("法定代表人（负责人）", 100, 300), box_line("周某", 500, 300)]])
    assert text_lines(doc) == norm(["法定代表人（负责人）：周某"])


def test_unruled_form_fields_under_a_column_are_not_wrapped_cells() -> None:
    lines = [
        box_line("当事人：某某公司", 100, 300),
        box_line("法定代表人：张三", 560, 300),
        box_line("联系电话：12345678", 560, 345),
    ]
    assert text_lines(ocr_doc([lines])) == norm(["当事人：某某公司 法定代表人：张三", "联系电话：12345678"])


def test_label_cell_with_its_own_colon_gets_no_extra_colon() -> None:
    doc = ocr_doc([[box_line("法定代表人：", 100, 300), box_line("张三", 400, 300), box_line("职务", 600, 300), box_line("经理", 760, 300)]])
    assert text_lines(doc) == norm(["法定代表人：张三 职务：经理"])


def test_short_rows_and_new_fields_are_not_joined_into_a_paragraph() -> None:
    # an address reaching the right margin, then a label row: two lines, not one
    lines = [
        box_line("住所：某省某市某区某某街道某某路某某号某某大厦", 100, 300, width=720),
        box_line("法定代表人：张三", 100, 350),
        box_line("当事人应当自收到本决定书之日起十五日内缴纳", 160, 500, width=660),
        box_line("罚款。", 100, 550),
    ]
    assert text_lines(ocr_doc([lines])) == norm([
        "住所：某省某市某区某某街道某某路某某号某某大厦",
        "法定代表人：张三",
        "当事人应当自收到本决定书之日起十五日内缴纳罚款。",
    ])


def test_every_piece_keeps_its_own_box() -> None:
    doc = ocr_doc([decision_page()])
    text = doc.text
    start = text.index("91330106MA2B3C4D5E")
    ev = doc.evidence(start, start + 18)
    assert ev.page == 1
    assert ev.box is not None
    assert ev.box.x0 == pytest.approx(790 / W, abs=1e-6)
    assert ev.box.x1 == pytest.approx(940 / W, abs=1e-6)
    assert ev.box.y0 == pytest.approx(281 / H, abs=1e-6)
    # a word on the second row of the wrapped paragraph points at that row, not the first
    start = text.index("假冒注册商标")
    ev = doc.evidence(start, start + 6)
    assert ev.box is not None and ev.box.y0 == pytest.approx((400 + 1.6 * CH) / H, abs=1e-6)
    # the synthetic colon between the label and value cells points nowhere
    colon = text.index("名称") + 2
    assert text[colon] == ":" and doc.span_boxes(colon, colon + 1) == []


def test_boxes_are_page_fractions_clipped_to_the_page() -> None:
    doc = ocr_doc([[box_line("超出页面的行", -20, 300, width=1100)]])
    (page, box), = doc.span_boxes(0, 3)
    assert page == 1 and 0.0 <= box.x0 <= box.x1 <= 1.0


def test_pages_keep_their_numbers() -> None:
    doc = ocr_doc([[box_line("第一页正文", 100, 300)], [box_line("第二页正文", 100, 300)]])
    assert text_lines(doc) == ["第一页正文", "第二页正文"]
    assert doc.page_of(doc.text.index("第二页")) == 2


def test_sentence_running_over_a_page_break_stays_one_line_past_furniture() -> None:
    page1 = [
        right("某市监罚〔2024〕12号", 150),
        box_line("当事人：某某公司", 100, 200),
        box_line("经查，当事人于2024年3月销售假冒白酒共计", 160, 300, width=740),
        box_line("一百二十瓶，货值金额三万六千元，违法所得", 100, 348, width=800),
        box_line("- 1 -", 470, 1370, h=20),
    ]
    page2 = [
        right("某市监罚〔2O24〕12号", 40),  # a running header repeating the 文号, one glyph misread
        box_line("八千元。", 100, 160),
        box_line("以上事实有现场检查笔录、询问笔录等证据", 160, 210, width=740),
        box_line("证实。", 100, 258),
    ]
    doc = ocr_doc([page1, page2])
    assert text_lines(doc) == norm(
        [
            "某市监罚〔2024〕12号",
            "当事人：某某公司",
            "经查，当事人于2024年3月销售假冒白酒共计一百二十瓶，货值金额三万六千元，违法所得八千元。",
            "以上事实有现场检查笔录、询问笔录等证据证实。",
        ]
    )
    start = doc.text.index("八千元")
    assert doc.page_of(start) == 2 and doc.evidence(start, start + 3).page == 2
    # a page that ends its sentence, or a next page that opens indented, starts a new line
    page1[3] = box_line("一百二十瓶，货值金额三万六千元。", 100, 348, width=800)
    assert len(text_lines(ocr_doc([page1, page2]))) == 5


def test_empty_and_blank_lines_add_nothing() -> None:
    doc = ocr_doc([[box_line("  ", 100, 100)], []])
    assert doc.text == ""


def chars(text: str, x: float, top: float, size: float = 12.0, step: float | None = None, upright: bool = True) -> list[dict]:
    out = []
    step = step if step is not None else size
    for i, ch in enumerate(text):
        x0 = x + i * step
        out.append({"text": ch, "x0": x0, "x1": x0 + size * (0.5 if ch.isascii() else 1.0), "top": top, "bottom": top + size, "upright": upright})
    return out


def test_text_layer_page_orders_rows_and_spaces_latin_words() -> None:
    pw, ph = 595.0, 842.0
    cs = chars("行政处罚决定书", 255, 60, size=16)
    cs += chars("当事人：某某公司", 60, 120)
    cs += chars("Room", 60, 150, step=7) + chars("1203", 60 + 4 * 7 + 4, 150.5, step=7)
    cs += chars("当事人：某某公司", 60.2, 120.1)  # faux bold: every glyph printed twice
    cs += chars("某市市场监督管理局", 400, 700, upright=False)  # a vector seal's rotated glyphs
    cs += chars("第1页", 280, 810, size=9)
    random.Random(3).shuffle(cs)
    b = DocumentBuilder()
    add_text_layer_page(b, cs, 1, pw, ph)
    doc = b.build([PageInfo(1, pw, ph, "text_layer")], "text_layer")
    assert text_lines(doc) == norm(["行政处罚决定书", "当事人：某某公司", "Room 1203"])
    start = doc.text.index("某某公司")
    ev = doc.evidence(start, start + 4)
    assert ev.box is not None and ev.box.x0 == pytest.approx((60 + 4 * 12) / pw, abs=1e-3)


def test_text_layer_page_with_table_cells() -> None:
    pw, ph = 595.0, 842.0
    cs = chars("名称", 60, 200) + chars("某某有限公司", 150, 200) + chars("负责人", 320, 200) + chars("李四", 400, 200)
    b = DocumentBuilder()
    add_text_layer_page(b, cs, 1, pw, ph)
    doc = b.build([PageInfo(1, pw, ph, "text_layer")], "text_layer")
    assert text_lines(doc) == norm(["名称：某某有限公司 负责人：李四"])


def test_box_union_is_used_for_boxes() -> None:
    # guard for the Box contract the layout relies on
    assert Box(0.1, 0.2, 0.3, 0.4).union(Box(0.0, 0.3, 0.2, 0.5)) == Box(0.0, 0.2, 0.3, 0.5)


def fixture_doc(name: str):
    """A Document from real OCR lines (tests/fixtures/layout/make.py) and the page ground truth."""
    data = json.loads((FIXTURES / "layout" / f"{name}.json").read_text(encoding="utf-8"))
    b = DocumentBuilder()
    for p in data["pages"]:
        lines = [Line(x["text"], x["confidence"], tuple(tuple(q) for q in x["quad"])) for x in p["lines"]]
        add_ocr_page(b, lines, p["number"], p["width"], p["height"])
    pages = [PageInfo(p["number"], p["width"], p["height"], "ocr") for p in data["pages"]]
    return b.build(pages, "ocr"), [p["text"] for p in data["pages"]]


def test_real_ocr_page_with_seal_and_page_break() -> None:
    doc, truth = fixture_doc("market")
    # reading order: the text reads like the ground truth, up to OCR misreads and seal text
    assert cer("\n".join(truth), doc.text, nfkc=True) < 0.03
    lines = text_lines(doc)
    # every paragraph of the ground truth is one line, the one split by the page break too
    paragraphs = [normalize(x) for x in "\n".join(truth).split("\n")]
    whole = [p for p in paragraphs if p in lines]
    assert len(whole) >= len(paragraphs) - 3
    end_of_1, start_of_2 = normalize(truth[0].split("\n")[-1]), normalize(truth[1].split("\n")[0])
    assert end_of_1[-1] not in "。;", "the fixture is meant to break a sentence over the pages"
    assert end_of_1 + start_of_2 in lines
    assert not any(re.fullmatch(r"第\d页\s*共\d页", x) for x in lines)
    # the page-2 part of that sentence points at page 2
    start = doc.text.index(end_of_1 + start_of_2) + len(end_of_1)
    assert doc.evidence(start, start + 4).page == 2


def test_real_ocr_ruled_table_on_a_damaged_scan() -> None:
    doc, truth = fixture_doc("environment")
    assert cer("\n".join(truth), doc.text, nfkc=True) < 0.04
    lines = text_lines(doc)
    assert normalize("被处罚单位：某某化工有限公司 统一社会信用代码：91410100123456789X") in lines
    assert normalize("法定代表人：李四 地址：某某市高新区化工路8号") in lines
    assert any(x.endswith("第一款第(三)项的规定,我局决定对你单位处以罚款人民币贰拾万元整。") for x in lines)


def test_text_layer_pdf_from_the_corpus_fixtures() -> None:
    import pdfplumber

    folder = FIXTURES / "corpus" / "textpdf"
    truth = json.loads((folder / "h0007-000001.pages.json").read_text(encoding="utf-8"))["pages"]
    b = DocumentBuilder()
    with pdfplumber.open(folder / "h0007-000001.pdf") as pdf:
        sizes = [(float(p.width), float(p.height)) for p in pdf.pages]
        for number, page in enumerate(pdf.pages, 1):
            add_text_layer_page(b, page.chars, number, float(page.width), float(page.height))
    doc = b.build([PageInfo(i, w, h, "text_layer") for i, (w, h) in enumerate(sizes, 1)], "text_layer")
    gold = "\n".join(p["text"] for p in truth)
    # a text layer holds the exact characters: nothing lost, nothing added, in reading order
    assert cer(gold, doc.text, nfkc=True) == 0.0
    lines = text_lines(doc)
    paragraphs = [normalize(x).replace(" ", "") for x in gold.split("\n")]
    joined = [x.replace(" ", "") for x in lines]
    assert sum(p in joined for p in paragraphs) >= len(paragraphs) - 2
    # page furniture ("第1页 共2页") is gone, the sentence over the page break is one line
    assert not any("共2页" in x for x in lines)
    last, first = paragraphs[len(truth[0]["text"].split("\n")) - 1], normalize(truth[1]["text"].split("\n")[0])
    assert any((last + first).replace(" ", "") in x for x in joined)


@pytest.mark.ocr
def test_real_ocr_on_one_rendered_page_with_a_seal_over_the_date() -> None:
    """The whole way on one page: righting, the default engine, then reading order."""
    from PIL import Image

    from lianfa.ingest.geometry import upright
    from lianfa.ingest.ocr import get_engine

    folder = FIXTURES / "corpus" / "clean"
    truth = json.loads((folder / "d0007-000000.pages.json").read_text(encoding="utf-8"))["pages"][1]
    image, _, _ = upright(Image.open(folder / "d0007-000000-p002.png").convert("RGB"))
    b = DocumentBuilder()
    add_ocr_page(b, get_engine("rapidocr").recognize(image), 2, float(image.width), float(image.height))
    doc = b.build([PageInfo(2, float(image.width), float(image.height), "ocr")], "ocr")
    assert cer(truth["text"], doc.text, nfkc=True) < 0.03
    lines = text_lines(doc)
    expected = [normalize(x) for x in truth["text"].split("\n")]
    # one line per paragraph: at most one line off by an OCR misread, none split or merged
    assert len(lines) == len(expected)
    assert sum(x in lines for x in expected) >= len(expected) - 1
    assert not any(f in doc.text for f in truth["furniture"])


def test_add_segments_keeps_boxes_and_maps_separators_to_none() -> None:
    b = DocumentBuilder()
    b.add_segments([("名称", Box(0.1, 0.1, 0.2, 0.12)), ("某公司", Box(0.3, 0.1, 0.5, 0.12))], 1, [":"])
    b.add_segments([("续行", Box(0.1, 0.2, 0.2, 0.22))], 2, [], continues="")
    doc = b.build([PageInfo(1, 1, 1, "ocr"), PageInfo(2, 1, 1, "ocr")], "ocr")
    assert doc.text == "名称:某公司续行\n"
    assert doc.span_boxes(2, 3) == []
    assert doc.span_boxes(3, 6) == [(1, Box(0.3, 0.1, 0.5, 0.12))]
    assert doc.page_of(6) == 2
    with pytest.raises(ValueError):
        b.add_segments([("a", None), ("b", None)], 1, [])


def test_a_reading_the_layout_wrapped_over_two_pieces_still_goes() -> None:
    # a mirror page's `号(hào)` whose closing bracket the scan's line wrap put on the next piece
    b = DocumentBuilder()
    b.add_segments([("处罚决定书文号(hà", Box(0.1, 0.1, 0.9, 0.12)), ("o)|某林罚决字2020第3号|", Box(0.1, 0.13, 0.6, 0.15))], 1, [""])
    doc = b.build([PageInfo(1, 1, 1, "ocr")], "ocr")
    assert doc.text == "处罚决定书文号|某林罚决字2020第3号|\n"
    # the number's characters keep the second piece's box
    assert [box.y0 for _, box in doc.span_boxes(8, 12)] == [0.13]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 2), st.text(alphabet="当事人经查罚款依据决定如下某公司元", min_size=1, max_size=6)),
        min_size=1,
        max_size=18,
        unique_by=lambda t: (t[0], t[1]),
    ),
    st.randoms(use_true_random=False),
)
def test_every_line_is_read_once_whatever_the_input_order(cells, rnd) -> None:
    # boxes on a grid (rows 60 px apart, columns 300 px apart): none lost, none doubled, and the
    # order they come in does not matter
    lines = [box_line(text, 100 + 300 * col, 200 + 60 * row, width=len(text) * CH) for row, col, text in cells]
    doc = ocr_doc([lines])
    shuffled = list(lines)
    rnd.shuffle(shuffled)
    assert ocr_doc([shuffled]).text == doc.text
    squeezed = re.sub(r"[\s:]", "", doc.text)
    assert sorted(squeezed) == sorted("".join(t for _, _, t in cells))
