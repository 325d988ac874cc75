"""文号 forms an eleventh survey of published pages found: a 公示表 whose header cells ran apart and
whose number lost its 号, a licence's number cited beside a header number that lost its 号, a number
handed down in a news sentence (下发了…号《当场处罚决定书》). Texts are made up; only the forms are real."""

from __future__ import annotations

from lianfa.extractors.fields import Fields, extract
from lianfa.ingest.pipeline import text_document


def _fields(text: str) -> Fields:
    return extract(text_document(text))


def test_a_notice_table_whose_header_cells_ran_apart_and_whose_number_lost_its_hao() -> None:
    text = (
        "海事行政处罚公示表\n"
        "序号 | 行政处罚 决定书文号 | 案件名称 | 被处罚人 姓名或名称 | 处罚日期 |\n"
        "1 | 某海事罚字[2024]0301-2-1 | “某某”轮排放污染物案 | 某某航运有限公司 | 2024.5.1 |\n"
    )
    fields = _fields(text)
    assert [p.name for p in fields.parties] == ["某某航运有限公司"]
    assert fields.doc_number is not None and fields.doc_number.value == "某海事罚字〔2024〕0301-2-1号"


def test_a_licence_number_is_cited_not_the_decisions_own() -> None:
    text = (
        "某州农业农村局\n行政处罚决定书\n某农(种子) 罚〔2023 〕 5\n当事人：某某种业有限公司\n"
        "经查，当事人经营的种子标注的生产经营许可证编号为C(某)农种许字(2019)第0003号，查询不到。\n"
    )
    fields = _fields(text)
    assert fields.doc_number is not None and fields.doc_number.value == "某农(种子)罚〔2023〕5号"
    assert [(r.value, r.kind) for r in fields.related_numbers] == [("C(某)农种许字〔2019〕第0003号", "许可证")]


def test_a_number_handed_down_in_a_news_sentence() -> None:
    text = "某县消防救援大队对李某作出处罚决定，并下发了某消当行决字〔2024〕第0012号《当场处罚决定书》。\n"
    fields = _fields(text)
    assert fields.doc_number is not None and fields.doc_number.value == "某消当行决字〔2024〕第0012号"
