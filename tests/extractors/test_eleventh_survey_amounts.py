"""Amounts as an eleventh survey of published pages stated them: a headline's 被罚 with no 款, a
decision worded as a proposal that orders the payment, 违法经营所得 confiscated. Texts are made up; only
the forms are real."""

from __future__ import annotations

from lianfa.extractors.fields import Fields, extract
from lianfa.ingest.pipeline import text_document


def _fields(text: str) -> Fields:
    return extract(text_document(text))


def _money(text: str, role: str) -> list[float]:
    return [a.yuan for a in _fields(text).amounts if a.role == role]


def test_a_headlines_fine_without_kuan() -> None:
    assert _money("曝光！某镇农资店经营假麦种被罚2万元\n当事人：某某农资店\n", "fine") == [20000.0]


def test_a_decision_worded_as_a_proposal_still_fines_where_it_orders_payment() -> None:
    decided = (
        "某市人力资源和社会保障局关于给予某某电子厂行政处罚的决定\n被处罚单位：某某电子厂\n"
        "经查，该单位招用童工1名。现拟对该单位作出如下行政处罚：处以罚款人民币伍仟元整。"
        "被处罚单位应当自收到本处罚决定书之日起十五日内到指定银行缴纳罚款。\n"
    )
    assert _money(decided, "fine") == [5000.0]
    # a 告知书's proposal orders nothing paid under a decision: no fine
    proposed = (
        "某市人力资源和社会保障局\n行政处罚告知书\n某某电子厂：\n"
        "经查，该单位招用童工1名。本局拟对该单位作出如下行政处罚：处以罚款人民币伍仟元整。"
        "你单位可在收到本告知书之日起三日内提出陈述申辩。\n"
    )
    assert _money(proposed, "fine") == []


def test_income_of_the_business_found_illegal_confiscated() -> None:
    text = (
        "某县农业农村局\n行政处罚决定书\n某农(兽药)罚〔2025〕7号\n当事人：某某农业服务部\n"
        "经查，当事人无证经营兽药。本机关作出如下行政处罚决定：1.没收违法经营所得叁佰元整(¥300.00元)；"
        "2.罚款贰仟元(¥2000.00元)。\n"
    )
    assert _money(text, "confiscated_income") == [300.0]
    assert _money(text, "fine") == [2000.0]
