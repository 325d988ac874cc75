"""Parties in the layouts agencies use: labelled lines, space-separated table rows, one sentence,
a salutation; kinds, credit codes checked as printed, ID numbers masked."""

from __future__ import annotations

import pytest

from lianfa.extractors.credit_code import check_char
from lianfa.extractors.fields import extract
from lianfa.extractors.parties import Party
from lianfa.ingest.pipeline import text_document


def _code(body17: str) -> str:
    char = check_char(body17)
    assert char is not None
    return body17 + char


VALID = _code("91350200123456781")
BUSINESS = _code("9244030061FN3K2P0")  # 92: 个体工商户


def _parties(block: str) -> list[Party]:
    text = f"某某市市场监督管理局\n行政处罚决定书\n某市监罚〔2024〕1号\n{block}\n经查，当事人销售不合格产品。\n"
    return extract(text_document(text)).parties


def test_labelled_lines_in_any_order() -> None:
    [p] = _parties(f"当事人：厦门某某贸易有限公司\n法定代表人：陈某某\n住所：厦门市思明区某路1号\n统一社会信用代码：{VALID}")
    assert (p.name, p.kind, p.legal_representative, p.address) == ("厦门某某贸易有限公司", "organisation", "陈某某", "厦门市思明区某路1号")
    assert p.credit_code == VALID and p.credit_code_valid and p.credit_code_suggestion is None


def test_table_row_with_spaces_only() -> None:
    [p] = _parties(f"被处罚单位 某某物流厂 统一代码 {VALID}\n办公地址 某市某区某路2号 法人代表 龙某")
    assert (p.name, p.legal_representative, p.address) == ("某某物流厂", "龙某", "某市某区某路2号")


def test_a_box_glyph_ocr_read_in_the_gap_after_a_label() -> None:
    [p] = _parties("违法行为人☑魏桂\n性别女\n证件号码370***********6942")
    assert (p.name, p.kind) == ("魏桂", "individual")


@pytest.mark.parametrize(
    "next_line", ["案件名称:使用未经检定的计量器具一案浙江省市场监督管理局", "违法行为:建设项目未批先建", "案由：销售不合格产品"]
)
def test_a_case_header_run_into_the_last_party_value_is_not_part_of_it(next_line: str) -> None:
    [p] = _parties(f"被处罚单位 某某物流有限公司 统一代码 {VALID}\n注册地址 某市某区某路2号 法人代表 贾敏{next_line}")
    assert (p.name, p.legal_representative) == ("某某物流有限公司", "贾敏")


def test_a_speck_before_the_representative_is_not_part_of_the_name() -> None:
    [p] = _parties(f"当事人：某某物流有限公司\n法定代表人：·任*\n统一社会信用代码：{VALID}")
    assert p.legal_representative == "任*"


@pytest.mark.parametrize(
    ("block", "name"),
    [
        ("单位名称六合赵波金店(个体户) 信用代码 {code}", "六合赵波金店"),
        ("被处罚人六合穗百加工厂〔个体〕(信用代码{code},营业地址南京市六合区文化大道195号)。", "六合穗百加工厂"),
        ("被处罚人三河市某某厂，统一社会信用代码：{code}", "三河市某某厂"),
    ],
)
def test_a_name_starting_with_a_numeral_is_not_a_party_number(block: str, name: str) -> None:
    [p] = _parties(block.format(code=BUSINESS))
    assert p.name == name


def test_one_sentence_with_bracketed_details() -> None:
    [p] = _parties(f"单位名称某某便利店〔个体〕（信用代码{BUSINESS}，营业地址某县某镇3号，经营者姓名韦某）。")
    assert (p.name, p.kind, p.legal_representative, p.address) == ("某某便利店", "individual_business", "韦某", "某县某镇3号")


def test_individual_with_masked_id_and_birth_date_in_the_block() -> None:
    [p] = _parties("当事人：王某某，男，1968年3月出生，身份证号码：410523196803151234，住址：某县城关镇东关村。")
    assert (p.name, p.kind, p.address) == ("王某某", "individual", "某县城关镇东关村")
    assert p.id_number_masked == "410523********1234"


def test_name_masked_in_a_published_decision() -> None:
    [p] = _parties("被处罚人杨*（性　别男，公民身份号码330225********4111，户籍地址某省某县兴业街7号）。")
    assert (p.name, p.kind, p.id_number_masked) == ("杨*", "individual", "330225********4111")


def test_salutation_party() -> None:
    [p] = _parties(f"某某商贸有限公司：（纳税人识别号：{VALID}）")
    assert p.name == "某某商贸有限公司" and p.credit_code == VALID


@pytest.mark.parametrize(("slip", "fixed"), [("O", "0"), ("I", "1")])
def test_invalid_code_is_reported_as_printed_with_its_one_character_repair(slip: str, fixed: str) -> None:
    pos = VALID.index(fixed, 2)
    printed = VALID[:pos] + slip + VALID[pos + 1 :]
    [p] = _parties(f"当事人：某某有限公司\n统一社会信用代码：{printed}")
    assert p.credit_code == printed and p.credit_code_valid is False
    assert p.credit_code_suggestion == VALID


def test_the_word_in_a_sentence_is_not_a_party_label() -> None:
    parties = _parties("当事人：某某有限公司，住所：某路1号。\n本局执法人员依法对当事人经营场所进行检查。\n当事人收到告知书后未提出陈述申辩。")
    assert [p.name for p in parties] == ["某某有限公司"]


def test_numbered_parties_of_a_joint_decision_under_a_heading() -> None:
    block = (
        f"一、当事人基本情况\n名称：某某食品有限公司\n法定代表人：赵某\n统一社会信用代码：{VALID}\n"
        "当事人二：李某，男，1980年1月1日出生，身份证号码：350102198001011234，住址：某市某街1号。"
    )
    parties = _parties(block)
    assert [(p.name, p.kind) for p in parties] == [("某某食品有限公司", "organisation"), ("李某", "individual")]
    assert parties[1].id_number_masked == "350102********1234"


def test_employer_label_of_a_labour_inspection_decision() -> None:
    [p] = _parties(f"用人单位名称：某某建设工程有限公司\n统一社会信用代码：{VALID}\n法定代表人：彭某某")
    assert (p.name, p.credit_code, p.legal_representative) == ("某某建设工程有限公司", VALID, "彭某某")


def test_a_name_the_scan_broke_over_two_lines() -> None:
    [p] = _parties(f"当事人：西乡塘区万家\n福便利店\n经营者：黄某某\n统一社会信用代码：{VALID}")
    assert (p.name, p.legal_representative) == ("西乡塘区万家福便利店", "黄某某")
    assert p.evidence.text == "西乡塘区万家\n福便利店"
