"""文号, 作出机关, 决定日期 and 案由 in the shapes agencies and OCR produce."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.fields import extract
from ingest.document import document_from_text


def _doc(body: str) -> str:
    return body


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("京市监罚〔2023〕123号", "京市监罚〔2023〕123号"),
        ("深环罚字[2023]第45号", "深环罚字〔2023〕第45号"),
        ("杭西市监处罚（2023） 12 号", "杭西市监处罚〔2023〕12号"),
        ("穗烟罚【2022】第0007号", "穗烟罚〔2022〕第0007号"),
        ("浙税稽罚(2O21)5号", "浙税稽罚〔2021〕5号"),  # O read for 0
        ("玄农(渔)罚[2024]第 7 号", "玄农(渔)罚〔2024〕第7号"),
    ],
)
def test_doc_number_shapes(line: str, expected: str) -> None:
    f = extract(document_from_text(f"某某市某某局\n行政处罚决定书\n{line}\n当事人：某某有限公司\n"))
    assert f.doc_number is not None and f.doc_number.value == expected


def test_doc_number_is_not_a_cited_earlier_decision() -> None:
    text = (
        "某市市场监督管理局\n行政处罚决定书\n某市监罚〔2024〕88号\n"
        "当事人：某某有限公司\n经查，当事人曾因同类行为被本局以某市监罚〔2022〕15号决定书处罚。\n"
    )
    f = extract(document_from_text(text))
    assert f.doc_number and f.doc_number.value == "某市监罚〔2024〕88号"


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("某某市某某局\n2023年5月12日", date(2023, 5, 12)),
        ("某某市某某局\n二〇二三年五月十二日", date(2023, 5, 12)),
        ("某某市某某局\n二〇二三年十二月三十一日", date(2023, 12, 31)),
        ("某某市某某局  2023.5.12", date(2023, 5, 12)),
        ("2023-05-12\n某某市某某局", date(2023, 5, 12)),
        ("某某市某某局\n（公章）\n2023/05/12", date(2023, 5, 12)),
        ("某某市某某局\n2O23 年 5 月 12 日", date(2023, 5, 12)),
    ],
)
def test_decision_date_is_the_signature_date(signature: str, expected: date) -> None:
    text = (
        "某某市某某局\n行政处罚决定书\n某罚〔2023〕1号\n当事人：某某有限公司\n"
        "本局于2023年1月3日立案调查。经查，当事人于2022年12月1日起销售不合格产品。\n"
        "决定如下：罚款1万元。\n如不服本决定，可于六十日内申请行政复议。\n"
        f"{signature}\n（本决定书于2023年5月20日送达）\n"
    )
    f = extract(document_from_text(text))
    assert f.decided_on == expected


def test_no_signature_means_no_decision_date() -> None:
    text = "某某市某某局\n行政处罚决定书\n当事人：某某有限公司\n本局于2023年1月3日立案调查。\n决定如下：罚款1万元。\n"
    assert extract(document_from_text(text)).decision_date is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("杭州市市场监督管理局\n行政处罚决定书", "杭州市市场监督管理局"),
        ("杭州市市场监督管理局余杭分局行 政 处 罚 决 定 书", "杭州市市场监督管理局余杭分局"),
        ("国家税务总局某某市税务局稽查局\n税务行政处罚决定书", "国家税务总局某某市税务局稽查局"),
        ("中华人民共和国某某海关\n行政处罚决定书", "中华人民共和国某某海关"),
    ],
)
def test_agency_from_the_header(header: str, expected: str) -> None:
    f = extract(document_from_text(f"{header}\n某罚〔2023〕1号\n当事人：某某有限公司\n"))
    assert f.agency and f.agency.name == expected


def test_agency_from_the_signature_when_the_header_is_lost() -> None:
    text = "当事人：某某有限公司\n经查，当事人销售不合格产品。\n决定如下：罚款1万元。\n某某县应急管理局  2023年5月6日\n"
    f = extract(document_from_text(text))
    assert f.agency and f.agency.name == "某某县应急管理局"
    assert f.decided_on == date(2023, 5, 6)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("案由：销售不合格产品", "销售不合格产品案"),
        ("本局于2023年1月3日对当事人涉嫌无照经营一案立案调查。", "无照经营案"),
        ("2024/7/28，本局就当事人涉嫌电鱼、毒鱼、炸鱼一事立案。", "电鱼、毒鱼、炸鱼案"),
        ("综上，当事人的行为属于非法占用土地，事实清楚。", "非法占用土地案"),
        ("当事人的上述行为构成滥伐林木的违法行为。", "滥伐林木案"),
    ],
)
def test_case_cause(sentence: str, expected: str) -> None:
    f = extract(document_from_text(f"某某局\n行政处罚决定书\n当事人：某某有限公司\n{sentence}\n"))
    assert f.case_cause and f.case_cause.value == expected
