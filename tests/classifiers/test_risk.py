"""The case as the rules see it, built from a decision's extracted fields."""

from __future__ import annotations

from datetime import date

from lianfa.classifiers.risk import case_facts
from lianfa.classifiers.rules_engine import RulesEngine
from lianfa.classifiers.signals import read_signals
from lianfa.corpora.rules import load_rules
from lianfa.extractors.fields import extract
from lianfa.extractors.view import build_view
from lianfa.ingest.pipeline import text_document


def facts_of(text: str):  # type: ignore[no-untyped-def]
    doc = text_document(text)
    fields = extract(doc)
    return case_facts(fields, read_signals(build_view(doc), load_rules(), date(2025, 6, 17)), doc.text)


def test_confiscated_illegal_income_is_the_illegal_income_when_no_other_figure_is_named() -> None:
    case = facts_of(
        "经查，2025年3月21日，当事人以牟利为目的非法转让集体土地使用权。\n"
        "决定如下：没收违法所得人民币肆拾玖万贰仟捌佰元，并处罚款人民币70300元。\n"
    )
    assert case.amounts["illegal_income"].value == 492_800
    [r] = RulesEngine(load_rules()).evaluate(["land_transfer_income"], case)
    assert (r.level, r.kind, r.threshold) == ("low", "near_threshold", 500_000)
    stated = facts_of(
        "经查，当事人非法转让土地使用权，违法所得人民币600000元。\n"
        "决定如下：没收违法所得人民币300000元，并处罚款人民币70300元。\n"
    )
    assert stated.amounts["illegal_income"].value == 600_000


def _risk_of(text: str, rule_ids: list[str]):  # type: ignore[no-untyped-def]
    from lianfa.classifiers.risk import assess

    doc = text_document(text)
    fields = extract(doc)
    signals = read_signals(build_view(doc), load_rules(), date(2025, 6, 17))
    case = case_facts(fields, signals, doc.text)
    reasons = RulesEngine(load_rules()).evaluate(rule_ids, case)
    return assess(doc, reasons, signals, 0.0, text_review_score=0.9, crime_names=[])


_OVER = "经查，2024年3月起，当事人销售以次充好的建材，销售金额人民币620000元。\n"


def test_the_police_declining_a_case_over_the_standard_is_a_supervision_lead() -> None:
    risk = _risk_of(_OVER + "本案移送市公安局后，该局决定不予立案，并将案件移送回本局。\n决定如下：罚款人民币90万元。\n",
                    ["fake_products_amount"])
    assert risk.level == "review"
    first = risk.reasons[0]
    assert first.kind == "declined_by_police" and "立案监督" in first.text and first.crime == "生产、销售伪劣产品罪"
    assert first.evidence is not None and first.evidence.text == "不予立案"
    assert all(r.level != "high" for r in risk.reasons)


def test_a_prosecutors_decision_not_to_prosecute_is_already_decided() -> None:
    risk = _risk_of(_OVER + "区人民检察院决定不起诉，并向本局提出检察意见。\n决定如下：罚款人民币90万元。\n",
                    ["fake_products_amount"])
    assert risk.level == "low"
    assert risk.reasons[0].kind == "decided_by_prosecutor" and "已有决定" in risk.reasons[0].text
    assert any(r.rule_id == "fake_products_amount" for r in risk.reasons)  # still listed for the reviewer


def test_measures_only_the_signals_read_stand_in_for_a_missing_role() -> None:
    case = facts_of("经查，当事人为他人虚开增值税普通发票16份，票面金额合计人民币780000元。\n")
    assert case.amounts["invoice_face_value"].value == 780_000
    kept = facts_of("经查，当事人无证开采石料5000立方米，按每立方米40元计算，货值金额300000元。\n")
    assert kept.amounts["goods_value"].value == 300_000  # the extractor's own figure stays


def test_near_threshold_reasons_sort_above_plain_lows_without_being_flagged() -> None:
    risk = _risk_of("经查，当事人销售不合格电线，销售金额人民币45000元。\n决定如下：罚款人民币10万元。\n",
                    ["fake_products_amount"])
    assert risk.level == "low" and risk.reasons[0].kind == "near_threshold"
    assert 0.3 < risk.score < 0.5


def test_a_crime_the_text_names_asks_for_review_when_no_figure_crosses() -> None:
    risk = _risk_of("经查，当事人的行为涉嫌非法经营罪。\n决定如下：罚款人民币5万元。\n", [])
    assert risk.level == "review" and risk.reasons[0].kind == "crime_named"
    assert risk.reasons[0].crime == "非法经营罪" and risk.reasons[0].evidence is not None


def test_an_amount_graded_in_the_statutes_words_asks_for_review_unless_the_grade_is_denied() -> None:
    from lianfa.classifiers.risk import assess

    def risk(text: str, crimes: tuple[str, ...] = ("合同诈骗罪",)):  # type: ignore[no-untyped-def]
        doc = text_document(text)
        signals = read_signals(build_view(doc), load_rules(), None)
        return assess(doc, [], signals, 0.0, text_review_score=0.9, crime_names=list(crimes))

    graded = risk("被告人以支付货款为名取得对方交付的钢材后转卖他人，逃匿不还，骗取对方财物，数额巨大。")
    assert graded.level == "review" and graded.reasons[0].kind == "grade_stated"
    assert graded.reasons[0].crime == "合同诈骗罪"
    unplaced = risk("被告人冒充银行职员骗取老人存款，数额较大。", crimes=())
    assert unplaced.level == "review" and unplaced.reasons[0].crime is None
    assert graded.reasons[0].evidence is not None and graded.reasons[0].evidence.text == "数额巨大"
    denied = risk("当事人在履行合同中虚报数量多收货款，涉及金额尚未达到数额较大的程度。")
    assert denied.level == "low"
