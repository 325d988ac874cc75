"""文号, 作出机关, 决定日期 and 案由 in the shapes agencies and OCR produce."""

from __future__ import annotations

from datetime import date

import pytest

from lianfa.extractors.fields import extract
from lianfa.ingest.pipeline import text_document


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
    f = extract(text_document(f"某某市某某局\n行政处罚决定书\n{line}\n当事人：某某有限公司\n"))
    assert f.doc_number is not None and f.doc_number.value == expected


@pytest.mark.parametrize(
    "header",
    ["天津市武清区林业和草原局行政处罚决定天津林政罚〔2021〕1011号", "某某市某某局处罚决定书天津林政罚〔2021〕1011号"],
)
def test_doc_number_after_a_title_the_scan_ran_into_it(header: str) -> None:
    f = extract(text_document(f"{header}\n当事人：某某有限公司\n"))
    assert f.doc_number is not None and f.doc_number.value == "天津林政罚〔2021〕1011号"


def test_doc_number_is_not_a_cited_earlier_decision() -> None:
    text = (
        "某市市场监督管理局\n行政处罚决定书\n某市监罚〔2024〕88号\n"
        "当事人：某某有限公司\n经查，当事人曾因同类行为被本局以某市监罚〔2022〕15号决定书处罚。\n"
    )
    f = extract(text_document(text))
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
    f = extract(text_document(text))
    assert f.decided_on == expected


def test_no_signature_means_no_decision_date() -> None:
    text = "某某市某某局\n行政处罚决定书\n当事人：某某有限公司\n本局于2023年1月3日立案调查。\n决定如下：罚款1万元。\n"
    assert extract(text_document(text)).decision_date is None


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
    f = extract(text_document(f"{header}\n某罚〔2023〕1号\n当事人：某某有限公司\n"))
    assert f.agency and f.agency.name == expected


def test_agency_from_the_signature_when_the_header_is_lost() -> None:
    text = "当事人：某某有限公司\n经查，当事人销售不合格产品。\n决定如下：罚款1万元。\n某某县应急管理局  2023年5月6日\n"
    f = extract(text_document(text))
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
        ("我局于2022年3月1日对当事人未经许可擅自从事危险货物运输的行为立案调查。", "未经许可擅自从事危险货物运输案"),
        ("经检查发现当事人涉嫌销售假冒伪劣农药，执法人员当场扣押了涉案物品。", "销售假冒伪劣农药案"),
        ("当事人的行为违反了《土地管理法》第四十四条的规定，属非法占地行为。", "非法占地案"),
        # nothing names the cause: the act the finding states is what a reader files it under
        ("本局认为，当事人销售超过保质期的食品的行为，违反了《食品安全法》第三十四条的规定。", "销售超过保质期的食品案"),
        ("当事人于2021年9月至2022年2月在公众号发布虚假招生广告的行为违反了《广告法》第二十八条。", "在公众号发布虚假招生广告案"),
        ("被处罚人未取得采矿许可证擅自采砂的事实成立。", "未取得采矿许可证擅自采砂案"),
        ("该公司拒不执行停产整治决定，其行为违反了《环境保护法》第六十三条。", "拒不执行停产整治决定案"),
        ("当事人擅自改变林地用途，与《森林法》第三十九条的规定相悖。", "擅自改变林地用途案"),
        # a label whose line ran into the next paragraph
        ("案由：涉嫌无照经营案因当事人涉嫌无照经营，本局于2023年1月3日立案。", "无照经营案"),
        ("违法行为：违规经营医疗器械2025年2月13日，本局对当事人开展检查。", "违规经营医疗器械案"),
        ("案件名称：擅自改变林地用途立案依据：信访件反映的问题属实。", "擅自改变林地用途案"),
        ("案由：涉嫌违规经营网吧案本支队于2017年4月17日接到举报。", "违规经营网吧案"),
        # a case name the page broke before its end
        ("案件名称：某某有限公司销售过期\n食品案\n案件来源：群众举报。", "销售过期食品案"),
        # the finding's legal characterisation outranks a 构成 in the facts
        ("经查，当事人大幅提高口罩售价，构成哄抬价格。\n当事人上述行为违反了《价格法》第十四条的规定，已构成价格违法。", "价格违法案"),
        # what the product was suspected to be is not what the party did
        ("发现当事人经营的“毒死蜱乳油”涉嫌假农药，依法抽样。\n当事人经营假农药的行为违反了《农药管理条例》。", "经营假农药案"),
    ],
)
def test_case_cause(sentence: str, expected: str) -> None:
    f = extract(text_document(f"某某局\n行政处罚决定书\n当事人：某某有限公司\n{sentence}\n"))
    assert f.case_cause and f.case_cause.value == expected


def test_run_on_label_stops_at_the_deciding_agency() -> None:
    text = (
        "宁波市鄞州区市场监督管理局\n行政处罚决定书\n当事人：某某有限公司\n"
        "违法行为：销售不合格产品宁波市鄞州区市场监督管理局执法人员于2023年5月6日检查发现……\n"
    )
    f = extract(text_document(text))
    assert f.case_cause and f.case_cause.value == "销售不合格产品案"


@pytest.mark.parametrize(
    "sentence",
    [
        "本局认为，当事人的上述行为违反了《价格法》第十四条的规定。",  # the conduct, not an act
        "当事人一的行为违反了《食品安全法》第三十四条的规定。",
        "经查，当事人涉嫌偷逃税款人民币壹拾万叁仟元。",  # an amount found, not a cause named
        "经查，当事人涉嫌偷逃税款38,190.66元。",
        "本局认为当事人涉嫌犯罪，依法移送公安机关。",
        "当事人委托他人制作的短视频广告夸大产品功效，与实际情况不符。",  # a fact, not a breach
        "当事人虚构成本费用，少申报应纳税所得。",  # 构成 inside 虚构成本
        "经查明你单位存在以下环境违法行为：\n1.通过暗管排放废水。\n2.未设置危险废物识别标志。",
    ],
)
def test_no_case_cause_where_nothing_names_one(sentence: str) -> None:
    f = extract(text_document(f"某某局\n行政处罚决定书\n当事人：某某有限公司\n{sentence}\n"))
    assert f.case_cause is None
