"""What a web page prints around a decision is not the decision's: the 发布时间 is no decision
date, the 阅读次数 no count of the case, and the figures of a 文号 that lost its brackets are no
quantity. Texts are made up."""

from __future__ import annotations

import datetime

from lianfa.extractors.fields import Fields, extract
from lianfa.ingest.document import document_from_text

_BODY = (
    "当事人：某某木业有限公司\n经查，当事人于2023年4月擅自改变林地用途，占用林地320平方米。\n"
    "本局决定：罚款人民币六千四百元。\n如不服本决定，可在收到本决定书之日起六十日内申请行政复议。\n"
)


def _fields(text: str) -> Fields:
    return extract(document_from_text(text))


def test_the_publishing_date_above_the_decision_is_not_its_date() -> None:
    page = "首页 > 政务公开 > 行政执法公示 > 行政处罚\n发布时间：2023-06-30　来源：某县林业局\n某县林业局\n行政处罚决定书\n某林罚〔2023〕14号\n"
    signed = _fields(page + _BODY + "某县林业局\n2023年6月12日\n")
    assert signed.decision_date is not None and signed.decision_date.value == datetime.date(2023, 6, 12)
    # a page that printed no signed date gives none: the publishing date is the page's
    unsigned = _fields(page + _BODY + "（此页无正文）\n")
    assert unsigned.decision_date is None or unsigned.decision_date.value != datetime.date(2023, 6, 30)


def test_a_page_counter_is_no_quantity() -> None:
    f = _fields("发布时间：2023-06-30　来源：某县林业局　阅读次数：3417\n某县林业局\n行政处罚决定书\n某林罚〔2023〕14号\n" + _BODY)
    assert [(q.kind, q.value) for q in f.quantities] == [("area", 320.0)]


def test_the_figures_of_a_bare_number_are_no_quantity() -> None:
    f = _fields("某县林业局\n行政处罚决定书\n某林罚字20231407\n" + _BODY)
    assert f.doc_number is not None and f.doc_number.value == "某林罚字〔2023〕1407号"
    assert [(q.kind, q.value) for q in f.quantities] == [("area", 320.0)]
