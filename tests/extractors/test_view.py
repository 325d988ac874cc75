"""The reading view: OCR wraps joined where the print ran on, plain-text lines kept, offsets kept."""

from __future__ import annotations

from lianfa.extractors.fields import extract
from lianfa.extractors.view import build_view
from lianfa.ingest.document import Box, DocumentBuilder, PageInfo, document_from_text


def _ocr(lines: list[tuple[str, float]]) -> DocumentBuilder:
    b = DocumentBuilder()
    for i, (text, right) in enumerate(lines):
        b.add_line(text, 1, Box(0.1, 0.05 + i * 0.03, right, 0.07 + i * 0.03))
    return b


def test_a_line_that_reaches_the_margin_runs_on() -> None:
    filler = "当事人对上述事实无异议并签字确认，本局依法予以认定，本案事实清楚证据确凿无误。"
    lines = [(filler, 0.9)] * 4 + [("依据《水法》第65条。处罚决", 0.9), ("定如下：罚款人民币5万元。", 0.5), ("某某市水务局", 0.4)]
    doc = _ocr(lines).build([PageInfo(number=1, width=1000, height=1400, source="ocr")], "ocr")
    view = build_view(doc)
    assert "处罚决定如下" in view.text
    assert "无误。\n依据" in view.text  # a line ending in a full stop stays a line
    fields = extract(doc)
    assert [(p.kind, p.yuan) for p in fields.penalties] == [("fine", 50000.0)]
    assert [(x.law, x.article, x.role) for x in fields.laws] == [("水法", 65, "basis")]
    ev = fields.amounts[0].evidence
    assert doc.text[ev.start : ev.end] == ev.text == "人民币5万元"


def test_plain_text_keeps_its_lines() -> None:
    doc = document_from_text("某某市市场监督管理局\n行政处罚决定书\n某市监罚〔2024〕1号\n")
    assert build_view(doc).text == doc.text


def test_ocr_digit_slips_are_read_but_codes_are_kept_as_printed() -> None:
    doc = document_from_text("统一社会信用代码：9135O100M000100Y43\n决定如下：罚款1O,OOO元。\n")
    view = build_view(doc)
    assert "罚款10,000元" in view.text
    assert "9135O100M000100Y43" in view.raw


def test_a_letter_spaced_label_is_read_joined_with_its_offsets() -> None:
    doc = document_from_text("当 事 人:钱某某\n地  址(住 所):某县某村\n法定代表人(负 责 人):孙某\n某 某 公 司 对 此 无 异 议\n")
    view = build_view(doc)
    assert view.text.split("\n")[:3] == ["当事人:钱某某", "地址(住所):某县某村", "法定代表人(负责人):孙某"]
    start = view.text.index("钱某某")
    assert doc.text[view.doc_span(start, start + 3)[0] :].startswith("钱某某")


def test_a_space_before_a_label_colon_goes() -> None:
    assert build_view(document_from_text("当事人 :某某商店\n")).text == "当事人:某某商店\n"


def test_page_furniture_lines_are_marked_not_removed() -> None:
    text = (
        "当前位置:首页 > 信息公开 > 行政处罚\n"
        "| 索 引 号 | 0001/2025-00009 | 公开目录 | 行政处罚 |\n"
        "| 名 称 | 某某局行政处罚决定书 | |\n"
        "发布日期:2025-01-02 来源:某某局 浏览次数:12\n"
        "行政处罚决定书\n"
        "当事人:某某商行\n"
        "第 1 页 共 2 页\n"
    )
    view = build_view(document_from_text(text))
    marked = [view.text[a:b] for a, b in view.chrome]
    assert len(marked) == 5 and "当事人:某某商行" not in marked
    assert "行政处罚决定书" in view.text and not view.in_chrome(view.text.index("当事人"))


def test_ocr_split_into_words_is_read_whole_but_a_label_keeps_its_gap() -> None:
    line = (
        "当事人 :某 某县 青石 桥镇 晨曦 烘焙 工 坊 主体 资格 证 照名称 : 营业 执照 经 营者 :某某 "
        "执法 人员 依法 对该 店进行 监督 检查 ,现场 发现 货架 上陈列 的饼干 包装 上无 生产 日期"
    )
    view = build_view(document_from_text(line + "\n"))
    assert "当事人:某某县青石桥镇晨曦烘焙工坊主体资格证照名称:" in view.text
    assert "执法人员依法对该店进行监督检查" in view.text


def test_a_table_row_set_apart_by_single_spaces_keeps_them() -> None:
    line = "被处罚单位 某某物流厂 统一代码 91350200123456781X\n"
    assert build_view(document_from_text(line)).text == line


def _scan(lines: list[str]) -> DocumentBuilder:
    """Every line running to the right margin, as a scan's full-width lines do."""
    return _ocr([(line, 0.9) for line in lines])


def _ocr_view(lines: list[str]) -> str:
    return build_view(_scan(lines).build([PageInfo(number=1, width=1000, height=1400, source="ocr")], "ocr")).text


def test_a_numbered_heading_starts_its_own_line_in_a_scan() -> None:
    filler = "某某区文化和旅游局收到移送的线索后依法立案调查并查明了违法事实当事人无异议。"
    text = _ocr_view([filler] * 3 + ["二、案件名称", "某某区星光网吧允许未成年人进入营业场所案", "三、处罚部门", "某某区文化和旅游局"])
    assert "营业场所案\n三、处罚部门" in text


def test_an_addressee_line_is_not_run_into_the_title_above_it() -> None:
    title = "某某市自然资源局行政处罚决定书(某自然资罚〔2023〕6号)某某市青山置业有限公司非法占地案"
    body = "我局于2023年3月29日对你公司涉嫌违法占用土地一案立案调查,经查违法事实清楚证据确凿。"
    text = _ocr_view([title, "某某市青山置业有限公司:", body, body])
    assert "非法占地案\n某某市青山置业有限公司:" in text


def test_table_rows_a_scan_read_with_bars_stay_rows() -> None:
    text = _ocr_view(["行政处罚决定书文号|某市监处罚〔2023〕231号||", "行政相对人名称|某某百货店||", "法定代表人|刘某||"] * 2)
    assert "〔2023〕231号||\n行政相对人名称|某某百货店||\n" in text


def test_a_disclosure_record_field_starts_its_own_line_in_a_scan() -> None:
    filler = "某某县农业农村局接到群众举报后依法开展检查并对当事人的违法行为立案调查取证完毕。"
    text = _ocr_view([filler] * 3 + ["案名:某某县红星农资店经营超过质量保证期的农药案件", "处罚决定书文号:某农罚〔2024〕3号", filler])
    assert "农药案件\n处罚决定书文号:" in text


def test_digits_a_scan_split_with_a_space_are_one_number() -> None:
    assert "共计415.05万元" in build_view(document_from_text("追缴税款、滞纳金并处罚款共计4 15.05万元。")).text
    assert "〔2017〕第07号" in build_view(document_from_text("某环罚字〔201 7〕第07号")).text
    assert build_view(document_from_text("序号 金额\n1 150元\n")).text == "序号 金额\n1 150元\n"
