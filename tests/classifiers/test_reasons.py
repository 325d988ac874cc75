"""The renderer writes a reason's sentence from a finding alone: the words come from the vocabulary,
the figures from the finding, and nothing is decided here."""

from __future__ import annotations

from lianfa.classifiers.findings import (
    AmountMeasure,
    AmountPart,
    BehaviourFinding,
    ExceedanceFinding,
    FigureFinding,
    LighterLater,
    NoConductDate,
    OutcomeStatedFinding,
    QuantityMeasure,
    Threshold,
    Undated,
)
from lianfa.classifiers.reasons import cued, qty, reason_text, sentence
from lianfa.classifiers.rules_engine import CaseFacts, Measured, RulesEngine
from lianfa.corpora.rules import load_rules
from lianfa.ingest.document import Evidence

CITE = "立案追诉标准第七十一条"


def _amount(*parts: tuple[str, float, float]) -> AmountMeasure:
    total = sum(w * v for _r, w, v in parts)
    return AmountMeasure(tuple(AmountPart(r, w, v) for r, w, v in parts), total, None)


def test_amount_at_the_figure_names_the_roles_from_the_vocabulary() -> None:
    f = FigureFinding(_amount(("illegal_revenue", 1.0, 60000)), Threshold(50000, 50000, "元"), "high", 1.2)
    assert reason_text("非法经营罪", f, CITE, None) == (
        "非法经营罪：非法经营数额 60,000 元 ≥ 追诉标准 50,000 元（立案追诉标准第七十一条）"
    )


def test_weighted_terms_show_their_weight() -> None:
    f = FigureFinding(
        _amount(("sales", 1.0, 30000), ("goods_value", 0.5, 40000)), Threshold(50000, 50000, "元"), "high", 1.0
    )
    assert sentence(f, CITE).startswith("销售金额 + 货值金额×0.5 50,000 元 ≥ 追诉标准")


def test_within_a_provincial_range_and_near_the_lower_end() -> None:
    t = Threshold(1000, 3000, "元")
    within = FigureFinding(_amount(("loss", 1.0, 2000)), t, "within_range", 2.0)
    assert sentence(within, CITE) == "损失数额 2,000 元 ≥ 追诉标准下限 1,000 元，未达上限 3,000 元（省定标准，立案追诉标准第七十一条）"
    near = FigureFinding(_amount(("loss", 1.0, 850)), t, "near", 0.85)
    assert sentence(near, CITE) == "损失数额 850 元，达到追诉标准下限 1,000 元的 85%（立案追诉标准第七十一条），接近但未达标准"


def test_missing_facts_prior_penalties_and_an_inferred_subject_are_appended_in_order() -> None:
    f = FigureFinding(
        QuantityMeasure(12.5, "株", "野生兰花", None, inferred=True),
        Threshold(10, 10, "株"),
        "high",
        1.25,
        missing_facts=("国家重点保护",),
        prior_penalties=2,
        listed_subjects=("珍贵树木", "国家重点保护植物"),
    )
    assert sentence(f, CITE) == (
        "野生兰花 12.5 株 ≥ 追诉标准 10 株（立案追诉标准第七十一条）；另需“国家重点保护”，文书未见明确表述，请复核"
        "；此前已受行政处罚2次；“野生兰花”不在规则所列对象（珍贵树木、国家重点保护植物）中，按违法类别推定，请复核"
    )


def test_behaviour_exceedance_and_outcome_sentences() -> None:
    b = BehaviourFinding(("未取得医师执业证书",), 2, "非法行医被卫生行政部门行政处罚两次以后，再次非法行医", ("非法行医",))
    assert sentence(b, CITE) == (
        "文书载明未取得医师执业证书，此前已受行政处罚2次，符合“非法行医被卫生行政部门行政处罚两次以后，再次非法行医”"
        "（立案追诉标准第七十一条）；“非法行医”未见于文书，请复核"
    )
    e = ExceedanceFinding("镉", "镉超过排放标准2.5倍", 2.5, 3.0, "near", 2.5 / 3, limit_supplied=True)
    assert sentence(e, CITE) == (
        "镉超过排放标准2.5倍，镉超标 2.5 倍，达到追诉标准 3 倍的 83%（立案追诉标准第七十一条），接近但未达标准"
        "；文书未载明所执行的标准限值，请复核"
    )
    o = OutcomeStatedFinding("造成一人死亡")
    assert sentence(o, CITE) == "文书载明“造成一人死亡”，但未载明可与追诉标准比较的数额（立案追诉标准第七十一条），请复核"


def test_notes_and_cues() -> None:
    f = OutcomeStatedFinding("致二人重伤")
    assert reason_text("重大责任事故罪", f, CITE, NoConductDate()).endswith("（文书未载明行为时间，按决定日期适用标准）")
    assert reason_text("重大责任事故罪", f, CITE, LighterLater("2022年版")).endswith(
        "（决定时施行的2022年版较轻，依从旧兼从轻原则需复核）"
    )
    assert reason_text("重大责任事故罪", f, CITE, Undated()).endswith("（文书日期未能识别，已与各版本标准比较，请复核）")
    assert cued("某罪：理由", "虚开") == "某罪：理由（文书载明“虚开”）"


def test_figures_print_without_trailing_zeros() -> None:
    assert (qty(1234567.0), qty(3.5), qty(0.125)) == ("1,234,567", "3.5", "0.12")


def test_the_engine_hands_its_finding_with_the_sentence_written_from_it() -> None:
    book = load_rules()
    rule = next(r for r in book.rules if any(t.role == "illegal_revenue" for v in r.versions for c in v.criteria for t in c.terms))
    ev = Evidence(1, 0, 4, "非法经营数额", None)
    case = CaseFacts(amounts={"illegal_revenue": Measured(10_000_000.0, ev)}, party_kind="organisation")
    case.decided = max(v.effective_from for v in rule.versions)
    reason = RulesEngine(book).evaluate([rule.id], case)[0]
    f = reason.finding
    assert f is not None and isinstance(f.detail, FigureFinding) and isinstance(f.detail.measure, AmountMeasure)
    assert [p.role for p in f.detail.measure.parts] == ["illegal_revenue"] and f.detail.outcome == "high"
    assert (reason.measure, reason.value, reason.threshold, reason.unit) == ("amount", 10_000_000.0, f.threshold, "元")
    assert reason.text == reason_text(rule.crime, f.detail, f.citation, NoConductDate())
