"""Whole decisions in six agencies' layouts: every field read, traps avoided."""

from __future__ import annotations

from datetime import date

import extract_decisions as D
import pytest

from lianfa.extractors.fields import Fields, extract
from lianfa.ingest.pipeline import text_document
from lianfa.ingest.sections import segment


def _fields(text: str, with_sections: bool = True) -> Fields:
    doc = text_document(text)
    return extract(doc.with_sections(segment(doc.text)) if with_sections else doc)


def _amounts(f: Fields) -> set[tuple[str, float]]:
    return {(a.role, a.yuan) for a in f.amounts}


def _laws(f: Fields) -> set[tuple[str, int, int | None, int | None, str]]:
    return {(x.law, x.article, x.paragraph, x.item, x.role) for x in f.laws}


@pytest.mark.parametrize("with_sections", [True, False], ids=["segmented", "cues-only"])
def test_tobacco_retail_without_licence(with_sections: bool) -> None:
    f = _fields(D.TOBACCO, with_sections)
    assert f.doc_number and f.doc_number.value == "深烟罚字〔2023〕第0318号"
    assert f.doc_number.evidence.text == "深烟罚字【2023】第 0318 号"
    assert f.agency and f.agency.name == "广东省深圳市烟草专卖局"
    assert f.decided_on == date(2023, 8, 2)
    assert f.case_cause and f.case_cause.value == "无烟草专卖零售许可证经营烟草制品零售业务案"
    [p] = f.parties
    assert (p.name, p.kind, p.legal_representative) == ("深圳市某某便利店", "individual_business", "陈某")
    assert p.credit_code == "92440300MA5F1XKT2A" and p.credit_code_valid
    assert _amounts(f) == {
        ("goods_value", 312500.0),
        ("sales", 46800.0),
        ("confiscated_income", 5200.0),
        ("illegal_revenue", 46800.0),
        ("fine", 14040.0),
    }  # not 250 (per 条), not 19240 (罚没款合计), not the 20%–50% of the quoted article; 获利 5200 was
    # confiscated, so it is reported once, as confiscated_income
    assert [(q.kind, q.value, q.unit, q.subject) for q in f.quantities] == [("count", 1250.0, "条", "卷烟")]
    assert _laws(f) == {("烟草专卖法", 16, None, None, "violated"), ("烟草专卖法实施条例", 57, None, None, "basis")}
    assert [p.kind for p in f.penalties] == ["order_correct", "confiscate_income", "fine"]
    assert f.penalties[-1].yuan == 14040.0
    assert f.missing_elements == []


def test_environment_hazardous_waste() -> None:
    f = _fields(D.ENVIRONMENT)
    assert f.doc_number and f.doc_number.value == "杭环罚〔2024〕56号"
    assert f.decided_on == date(2024, 3, 15)
    [p] = f.parties
    assert (p.name, p.kind, p.legal_representative) == ("浙江某某化工有限公司", "organisation", "赵某")
    assert p.address == "杭州市萧山区经济技术开发区红垦路9号"
    assert _amounts(f) == {("fine", 220000.0)}
    assert [(q.kind, q.value, q.unit, q.subject) for q in f.quantities] == [("weight", 4600.0, "千克", "废矿物油")]
    # 依据该法: the law named before
    assert _laws(f) == {
        ("固体废物污染环境防治法", 80, 3, None, "violated"),
        ("固体废物污染环境防治法", 112, 1, 5, "basis"),
        ("固体废物污染环境防治法", 112, 2, None, "basis"),
    }


def test_land_occupation_per_square_metre_rate_is_not_the_fine() -> None:
    f = _fields(D.LAND)
    assert f.doc_number and f.doc_number.value == "某自然资罚〔2022〕18号"
    assert f.decided_on == date(2022, 6, 30)
    [p] = f.parties
    assert (p.name, p.kind) == ("王某某", "individual")
    assert p.id_number_masked == "410523********1234"
    assert _amounts(f) == {("fine", 64003.2)}
    areas = {(q.subject, round(q.value, 1)) for q in f.quantities}
    assert areas == {("耕地", 2133.3), ("永久基本农田", 733.3)}
    assert ("土地管理法", 77, 1, None, "basis") in _laws(f)
    assert {p.kind for p in f.penalties} == {"order_correct", "fine"}
    assert f.missing_elements == ["违法事实和证据"]


def test_forest_fine_as_a_multiple_of_timber_value() -> None:
    f = _fields(D.FOREST)
    assert f.doc_number and f.doc_number.value == "某林罚决字〔2023〕第015号"
    assert f.decided_on == date(2023, 5, 22)
    assert [p.name for p in f.parties] == ["刘某某"]
    assert ("fine", 23040.0) in _amounts(f) and ("fine", 7680.0) not in _amounts(f)
    assert ("volume", 12.8, "立方米", "林木") in {(q.kind, q.value, q.unit, q.subject) for q in f.quantities}
    assert _laws(f) == {("森林法", 56, 1, None, "violated"), ("森林法", 76, 2, None, "basis")}
    assert f.missing_elements == []


def test_tax_evasion_salutation_party_and_listed_taxes() -> None:
    f = _fields(D.TAX)
    assert f.agency and f.agency.name == "国家税务总局某某市税务局稽查局"
    assert f.decided_on == date(2023, 11, 20)
    [p] = f.parties
    assert p.name == "某某商贸有限公司" and p.credit_code == "91420100MA4K7T8N12"
    amounts = _amounts(f)
    assert {("tax_evaded", 386512.36), ("tax_evaded", 124000.0), ("fine", 255256.18)} <= amounts
    assert not any(role == "fine" and yuan != 255256.18 for role, yuan in amounts)
    # 行政处罚法 第七十二条 in the payment notice is procedure, not the basis
    assert _laws(f) == {("税收征收管理法", 63, 1, None, "basis")}


def test_trademark_quoted_article_and_ocr_slip_in_doc_number() -> None:
    f = _fields(D.TRADEMARK)
    assert f.doc_number and f.doc_number.value == "京朝市监处罚〔2024〕3021号"
    assert f.decided_on == date(2024, 4, 3)  # not the 送达 date after the 落款
    [p] = f.parties
    assert (p.kind, p.legal_representative) == ("individual_business", "孙某某")
    assert _amounts(f) == {
        ("sales", 13650.0),
        ("goods_value", 34350.0),
        ("illegal_revenue", 48000.0),
        ("fine", 240000.0),
    }
    assert _laws(f) == {("商标法", 57, None, 3, "violated"), ("商标法", 60, 2, None, "basis")}
    # 责令停止侵权 before `并决定：` accompanies the penalty (行政处罚法 第二十八条); the items are what was decided
    assert {p.kind for p in f.penalties} == {"confiscate_goods", "fine"}
