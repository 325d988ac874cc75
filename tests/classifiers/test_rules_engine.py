"""The threshold rules engine against the bundled rules data, with cases built by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lianfa.classifiers.rules_engine import CaseFacts, Measured, QuantityIn, RulesEngine
from lianfa.classifiers.signals import PriorPenalties, Signal, TextSignals
from lianfa.corpora.rules import RuleBook, load_rules
from lianfa.ingest.document import Evidence


def ev(text: str = "证据", start: int = 10) -> Evidence:
    return Evidence(page=1, start=start, end=start + len(text), text=text, box=None)


def case(
    amounts: dict[str, float] | None = None,
    quantities: list[tuple[str, float, str, str]] | None = None,
    party: str | None = "individual",
    conduct: date | None = date(2021, 3, 1),
    decided: date | None = date(2021, 6, 1),
    facts: list[str] = (),  # type: ignore[assignment]
    prior: tuple[int, float | None] | None = None,
    exceedance: list[tuple[str, float]] = (),  # type: ignore[assignment]
    outcomes: list[str] = (),  # type: ignore[assignment]
) -> CaseFacts:
    signals = TextSignals(
        facts={f: Signal(ev(f), detail=f) for f in facts},
        prior=PriorPenalties(prior[0], prior[1], ev("曾受行政处罚")) if prior else None,
        exceedance=[(p, Signal(ev(p), value=t, detail=p)) for p, t in exceedance],
        conduct_date=conduct,
        outcomes=[Signal(ev(o), detail=o) for o in outcomes],
    )
    return CaseFacts(
        amounts={role: Measured(v, ev(f"{v}元")) for role, v in (amounts or {}).items()},
        quantities=[QuantityIn(k, v, u, s, ev(f"{v}{u}")) for k, v, u, s in (quantities or [])],
        party_kind=party,
        decided=decided,
        signals=signals,
    )


@pytest.fixture(scope="module")
def engine() -> RulesEngine:
    return RulesEngine(load_rules())


def test_sales_over_threshold_is_high_with_a_prosecutor_readable_reason(engine: RulesEngine) -> None:
    [reason] = engine.evaluate(["fake_products_amount"], case({"sales": 86_400}))
    assert reason.level == "high"
    assert (reason.measure, reason.value, reason.threshold, reason.unit) == ("amount", 86_400, 50_000, "元")
    assert reason.article == "刑法第140条" and reason.rule_version == "追诉标准（一）2008"
    assert "销售金额 86,400 元 ≥ 追诉标准 50,000 元（追诉标准（一）第16条）" in reason.text
    assert reason.evidence is not None and reason.evidence.text == "86400元"


def test_near_band_is_listed_but_not_a_lead_and_below_it_nothing(engine: RulesEngine) -> None:
    # 42,000 of 50,000: below the figure the facts do not cross the standard; the reason stays for
    # whoever opens the case, at `low`, so the case does not enter the review queue
    [near] = engine.evaluate(["fake_products_amount"], case({"sales": 42_000}))
    assert (near.level, near.kind) == ("low", "near_threshold") and "未达" in near.text
    assert engine.evaluate(["fake_products_amount"], case({"sales": 39_000})) == []
    wider = RulesEngine(load_rules(), near=0.7)
    assert [r.kind for r in wider.evaluate(["fake_products_amount"], case({"sales": 39_000}))] == ["near_threshold"]


@settings(max_examples=60, deadline=None)
@given(
    share=st.floats(min_value=0.8, max_value=0.9999),
    rule=st.sampled_from(
        [
            ("fake_products_amount", "sales", 50_000),
            ("copyright_amount", "illegal_income", 30_000),
            ("contract_fraud_amount", "loss", 20_000),
            ("smuggling_amount", "tax_evaded", 100_000),
        ]
    ),
)
def test_every_amount_within_20_percent_below_a_threshold_is_listed_near_it_not_flagged(
    share: float, rule: tuple[str, str, int]
) -> None:
    rule_id, role, threshold = rule
    reasons = RulesEngine(load_rules()).evaluate([rule_id], case({role: threshold * share}))
    assert [(r.level, r.kind) for r in reasons] == [("low", "near_threshold")]


def test_measures_are_never_mixed(engine: RulesEngine) -> None:
    # 违法所得 60,000 is far below no income threshold of 225 for a unit, and is not 非法经营数额.
    reasons = engine.evaluate(
        ["illegal_business_amount"],
        case({"illegal_income": 60_000, "goods_value": 900_000}, party="organisation"),
    )
    assert reasons == []
    [income] = engine.evaluate(
        ["illegal_business_amount"], case({"illegal_income": 12_000}, party="individual")
    )
    assert income.level == "high" and "违法所得数额" in income.text and income.threshold == 10_000


def test_party_scope_picks_the_unit_threshold(engine: RulesEngine) -> None:
    assert (
        engine.evaluate(["illegal_business_amount"], case({"illegal_revenue": 60_000}, party="organisation"))
        == []
    )
    [person] = engine.evaluate(
        ["illegal_business_amount"], case({"illegal_revenue": 60_000}, party="individual_business")
    )
    assert person.level == "high"
    [unknown] = engine.evaluate(["illegal_business_amount"], case({"illegal_revenue": 60_000}, party=None))
    assert unknown.level == "review"


def test_cigarettes_in_tiao_convert_to_zhi(engine: RulesEngine) -> None:
    [r] = engine.evaluate(["tobacco_business_quantity"], case(quantities=[("count", 1_050, "条", "卷烟")]))
    assert (r.level, r.value, r.threshold, r.unit) == ("high", 210_000, 200_000, "支")
    assert (
        engine.evaluate(["tobacco_business_quantity"], case(quantities=[("count", 700, "条", "卷烟")])) == []
    )


def test_area_in_square_metres_against_mu_needs_the_land_use_fact(engine: RulesEngine) -> None:
    quantities = [("area", 3_500.0, "平方米", "基本农田")]  # 5.25 亩
    [r] = engine.evaluate(
        ["farmland_occupation_area"], case(quantities=quantities, facts=["changed_land_use"])
    )
    assert r.level == "high" and r.unit == "平方米" and r.threshold == pytest.approx(5 * 666.67)
    [unstated] = engine.evaluate(["farmland_occupation_area"], case(quantities=quantities))
    assert unstated.level == "review" and "改变被占用土地用途" in unstated.text


def test_weight_in_kilograms_against_tonnes(engine: RulesEngine) -> None:
    quantities = [("weight", 3_200.0, "千克", "危险废物")]
    [r] = engine.evaluate(
        ["pollution_hazardous_waste"], case(quantities=quantities, facts=["illegal_disposal"])
    )
    assert (r.level, r.threshold, r.unit) == ("high", 3_000, "千克")


def test_version_follows_the_conduct_date(engine: RulesEngine) -> None:
    amounts = {"tax_evaded": 20_000}
    [old] = engine.evaluate(
        ["false_vat_invoice_amount"], case(amounts, conduct=date(2021, 1, 5), decided=date(2021, 9, 1))
    )
    assert old.level == "high" and old.rule_version == "追诉标准（二）2010"
    new = engine.evaluate(
        ["false_vat_invoice_amount"], case(amounts, conduct=date(2023, 1, 5), decided=date(2023, 9, 1))
    )
    assert new == []
    assert engine.evaluate(["pollution_hazardous_waste"], case(conduct=date(2015, 1, 1))) == []


def test_conduct_before_every_version_is_compared_with_the_earliest_for_review(engine: RulesEngine) -> None:
    # 2009 conduct predates the 2010 standard, the earliest the book holds: still a case to look at
    [r] = engine.evaluate(
        ["false_vat_invoice_amount"],
        case({"invoice_tax": 9_000_000}, conduct=date(2009, 4, 1), decided=date(2015, 6, 1)),
    )
    assert r.level == "review" and r.rule_version == "追诉标准（二）2010"
    assert "施行之前" in r.text and "请复核" in r.text


def test_lighter_later_version_turns_a_lead_into_review(engine: RulesEngine) -> None:
    # 虚开 税款 60,000: crosses the 2010 standard (10,000), not the 2022 one (100,000).
    [r] = engine.evaluate(
        ["false_vat_invoice_amount"],
        case({"tax_evaded": 60_000}, conduct=date(2022, 3, 1), decided=date(2022, 8, 1)),
    )
    assert r.level == "review" and r.rule_version == "追诉标准（二）2010" and "从旧兼从轻" in r.text


def test_without_a_conduct_date_the_decision_date_decides(engine: RulesEngine) -> None:
    [r] = engine.evaluate(
        ["false_vat_invoice_amount"], case({"tax_evaded": 20_000}, conduct=None, decided=date(2021, 9, 1))
    )
    assert r.level == "high" and "按决定日期" in r.text


def test_provincial_range_low_end_reviews_high_end_flags() -> None:
    book = load_rules()
    engine = RulesEngine(book)
    when = {"conduct": date(2020, 1, 1), "decided": date(2020, 6, 1), "facts": ["unlicensed_mining"]}
    [mid] = engine.evaluate(["illegal_mining_value"], case({"goods_value": 150_000}, **when))  # type: ignore[arg-type]
    assert mid.level == "review" and "省定" in mid.text
    [top] = engine.evaluate(["illegal_mining_value"], case({"goods_value": 320_000}, **when))  # type: ignore[arg-type]
    assert top.level == "high"


def test_a_provinces_own_figure_is_used_when_configured() -> None:
    data = load_rules().model_dump()
    for rule in data["rules"]:
        if rule["id"] == "illegal_mining_value":
            rule["versions"][-1]["criteria"][0]["threshold"]["by_province"] = {"浙江省": 120_000}
    book = RuleBook.model_validate(data)
    when = {"conduct": date(2020, 1, 1), "decided": date(2020, 6, 1), "facts": ["unlicensed_mining"]}
    [zj] = RulesEngine(book, province="浙江省").evaluate(
        ["illegal_mining_value"], case({"goods_value": 130_000}, **when)
    )  # type: ignore[arg-type]
    assert zj.level == "high" and zj.threshold == 120_000
    [other] = RulesEngine(book, province="江苏省").evaluate(
        ["illegal_mining_value"], case({"goods_value": 130_000}, **when)
    )  # type: ignore[arg-type]
    assert other.level == "review"


def test_fishing_in_closed_season_with_banned_gear(engine: RulesEngine) -> None:
    [r] = engine.evaluate(
        ["illegal_fishing_behaviour"], case(facts=["closed_fishing_season", "banned_fishing_method"])
    )
    assert r.level == "high" and r.measure == "behaviour" and r.evidence is not None
    assert engine.evaluate(["illegal_fishing_behaviour"], case(facts=["closed_fishing_season"])) == []


def test_repeat_after_two_administrative_penalties(engine: RulesEngine) -> None:
    when = {"conduct": date(2023, 1, 1), "decided": date(2023, 6, 1)}
    [r] = engine.evaluate(["illegal_business_repeat"], case(prior=(2, 1.5), **when))  # type: ignore[arg-type]
    assert r.level == "high" and "2次" in r.text
    assert engine.evaluate(["illegal_business_repeat"], case(prior=(1, 1.0), **when)) == []  # type: ignore[arg-type]
    assert engine.evaluate(["illegal_business_repeat"], case(prior=(2, 3.5), **when)) == []  # type: ignore[arg-type]
    [unknown_period] = engine.evaluate(["illegal_business_repeat"], case(prior=(2, None), **when))  # type: ignore[arg-type]
    assert unknown_period.level == "review"


def test_review_only_criterion_prompts_review_when_its_fact_is_missing(engine: RulesEngine) -> None:
    [r] = engine.evaluate(
        ["tax_evasion_amount"],
        case({"tax_evaded": 260_000}, conduct=date(2023, 1, 1), decided=date(2023, 5, 1)),
    )
    assert r.level == "review" and "应纳税额" in r.text


def test_exceedance_times_over_the_standard(engine: RulesEngine) -> None:
    when = {"conduct": date(2020, 1, 1), "decided": date(2020, 6, 1)}
    [r] = engine.evaluate(["pollution_exceedance"], case(exceedance=[("六价铬", 4.2)], **when))  # type: ignore[arg-type]
    assert (r.level, r.unit, r.threshold) == ("high", "倍", 3)
    assert engine.evaluate(["pollution_exceedance"], case(exceedance=[("铜", 4.2)], **when)) == []  # type: ignore[arg-type]


def test_outcome_stated_without_figures_asks_for_review(engine: RulesEngine) -> None:
    when = {"conduct": date(2020, 1, 1), "decided": date(2020, 6, 1)}
    [r] = engine.evaluate(["safety_accident_outcome"], case(outcomes=["造成人员死亡"], **when))  # type: ignore[arg-type]
    assert (r.level, r.kind) == ("review", "outcome_stated")
    [deaths] = engine.evaluate(
        ["safety_accident_outcome"], case(quantities=[("count", 2, "人", "死亡")], **when)
    )  # type: ignore[arg-type]
    assert deaths.level == "high"
    assert engine.evaluate(["safety_accident_outcome"], case(**when)) == []  # type: ignore[arg-type]


def test_an_aggravated_variant_without_its_fact_leaves_the_decision_to_the_base_criterion(
    engine: RulesEngine,
) -> None:
    # 内陆 catch worth 3,000: over the 500 for 苗种/怀卵亲体, which the text does not state; the
    # base criterion (5,000) decides.
    when = {"conduct": date(2019, 5, 1), "decided": date(2019, 9, 1)}
    assert engine.evaluate(["illegal_fishing_value"], case({"goods_value": 3_000}, **when)) == []  # type: ignore[arg-type]
    [stock] = engine.evaluate(
        ["illegal_fishing_value"],
        case({"goods_value": 3_000}, facts=["fishing_protected_stock"], **when),  # type: ignore[arg-type]
    )
    assert stock.level == "high" and stock.threshold == 500


def test_a_quantity_of_an_unlisted_subject_stands_in_only_for_the_cases_own_category(
    engine: RulesEngine,
) -> None:
    ducks = case(quantities=[("count", 97, "只", "野鸭")], conduct=date(2021, 5, 1), decided=date(2021, 9, 1))
    assert engine.evaluate(["illegal_hunting"], ducks) == []
    ducks.infer_subjects = True
    [r] = engine.evaluate(["illegal_hunting"], ducks)
    assert r.level == "review" and "野鸭" in r.text and "推定" in r.text


def test_without_any_date_every_version_is_compared(engine: RulesEngine) -> None:
    # 虚开 税款 30,000: over the 2010 standard only; with no date read, a human decides.
    [r] = engine.evaluate(
        ["false_vat_invoice_amount"], case({"tax_evaded": 30_000}, conduct=None, decided=None)
    )
    assert r.level == "review" and "日期未能识别" in r.text
    [both] = engine.evaluate(
        ["false_vat_invoice_amount"], case({"tax_evaded": 300_000}, conduct=None, decided=None)
    )
    assert both.level == "high"


def test_an_unlisted_subject_near_the_threshold_of_the_cases_own_category_asks_for_review(
    engine: RulesEngine,
) -> None:
    when = {"conduct": date(2021, 5, 1), "decided": date(2021, 9, 1)}
    # 内陆水域 500 公斤: 466.8 千克 of a catch named as "虾类等渔获" is 93% of it.
    catch = case(quantities=[("weight", 466.8, "千克", "虾类等渔获")], **when)  # type: ignore[arg-type]
    assert engine.evaluate(["illegal_fishing_quantity"], catch) == []
    catch.infer_subjects = True
    [r] = engine.evaluate(["illegal_fishing_quantity"], catch)
    assert (r.level, r.kind, r.threshold) == ("low", "near_threshold", 500) and "推定" in r.text
    small = case(quantities=[("count", 15, "只", "野鸭")], **when)  # type: ignore[arg-type]
    small.infer_subjects = True
    assert engine.evaluate(["illegal_hunting"], small) == []


def test_a_subject_another_criterion_lists_is_not_inferred_for_this_one(engine: RulesEngine) -> None:
    # 耕地 4,000 平方米 (6 亩) is under 耕地's own 10 亩, though over 基本农田's 5 亩.
    when = {"conduct": date(2021, 5, 1), "decided": date(2021, 9, 1), "facts": ["changed_land_use"]}
    land = case(quantities=[("area", 4_000, "平方米", "耕地")], **when)  # type: ignore[arg-type]
    land.infer_subjects = True
    assert engine.evaluate(["farmland_occupation_area"], land) == []
    road = case(quantities=[("area", 4_000, "平方米", "修建道路")], **when)  # type: ignore[arg-type]
    road.infer_subjects = True
    [r] = engine.evaluate(["farmland_occupation_area"], road)
    assert r.level == "review" and "推定" in r.text


def test_near_the_figure_a_missing_fact_prompts_only_where_it_does_not_choose_the_criterion(
    engine: RulesEngine,
) -> None:
    when = {"conduct": date(2021, 5, 1), "decided": date(2021, 9, 1)}
    # 一般耕地 8.86 亩 against 10 亩; "浇筑水泥地坪作为堆场" is a change of use no phrase list names.
    land = case(quantities=[("area", 5_906.7, "平方米", "一般耕地")], **when)  # type: ignore[arg-type]
    [r] = engine.evaluate(["farmland_occupation_area"], land)
    assert (r.level, r.kind) == ("low", "near_threshold") and "改变被占用土地用途" in r.text
    # 纳税人 or 扣缴义务人: the missing fact is what tells the two criteria apart.
    tax = case({"tax_evaded": 45_000}, **when)  # type: ignore[arg-type]
    assert engine.evaluate(["tax_evasion_amount"], tax) == []


def test_a_fact_the_text_rules_out_is_not_assumed(engine: RulesEngine) -> None:
    when = {"conduct": date(2023, 1, 1), "decided": date(2023, 5, 1)}
    ruled_out = case({"tax_evaded": 260_000}, **when)  # type: ignore[arg-type]
    ruled_out.signals.ruled_out.add("tax_share_10pct")
    [r] = engine.evaluate(["tax_evasion_amount"], ruled_out)
    # only the 扣缴义务人 alternative is left to ask about
    assert r.criterion == "withholding" and r.level == "review"
    # near the figure neither alternative is assumed
    near = case({"tax_evaded": 90_000}, **when)  # type: ignore[arg-type]
    near.signals.ruled_out.add("tax_share_10pct")
    assert engine.evaluate(["tax_evasion_amount"], near) == []


def test_grassland_turned_to_crops_counts_in_mu_from_2012(engine: RulesEngine) -> None:
    grass = [("area", 45.0, "亩", "天然草原")]
    [r] = engine.evaluate(["grassland_occupation_area"], case(quantities=grass, facts=["grassland_damaged"]))
    assert (r.level, r.unit) == ("high", "平方米") and r.threshold == pytest.approx(20 * 666.67)
    assert r.crime == "非法占用农用地罪"
    small = [("area", 12.0, "亩", "草场")]
    assert engine.evaluate(["grassland_occupation_area"], case(quantities=small, facts=["grassland_damaged"])) == []
    # before the 2012 interpretation no grassland threshold was in force
    early = case(quantities=grass, facts=["grassland_damaged"], conduct=date(2010, 5, 1), decided=date(2010, 8, 1))
    assert engine.evaluate(["grassland_occupation_area"], early) == []


_WAGES = ["wage_refusal_amount"]
_REFUSED = "wage_order_refused"
_THREE_MONTHS = "wage_arrears_three_months"


def test_wages_refused_after_an_order_cross_as_276_zhi_yi(engine: RulesEngine) -> None:
    [r] = engine.evaluate(_WAGES, case({"loss": 25_000}, facts=[_REFUSED, _THREE_MONTHS]))
    assert (r.level, r.criterion, r.threshold) == ("high", "one_worker", 5_000)
    assert r.article == "刑法第276条之一" and r.crime == "拒不支付劳动报酬罪"
    assert "损失数额 25,000 元 ≥ 追诉标准 20,000 元" in r.text and "法释〔2013〕3号" in r.text


def test_wages_within_the_provincial_range_and_the_ten_worker_criterion_ask_for_review(engine: RulesEngine) -> None:
    [mid] = engine.evaluate(_WAGES, case({"loss": 12_000}, facts=[_REFUSED, _THREE_MONTHS]))
    assert (mid.level, mid.kind) == ("review", "threshold") and "省定" in mid.text
    # no three months stated: only the 十名以上 criterion, whose head count is not modelled
    [many] = engine.evaluate(_WAGES, case({"loss": 150_000}, facts=[_REFUSED]))
    assert (many.level, many.criterion) == ("review", "ten_workers")


def test_wages_below_or_near_the_threshold(engine: RulesEngine) -> None:
    assert engine.evaluate(_WAGES, case({"loss": 3_000}, facts=[_REFUSED, _THREE_MONTHS])) == []
    # one or two months' wages under the 3万 of the ten-worker criterion
    assert engine.evaluate(_WAGES, case({"loss": 20_000}, facts=[_REFUSED])) == []
    [near] = engine.evaluate(_WAGES, case({"loss": 4_500}, facts=[_REFUSED, _THREE_MONTHS]))
    assert (near.level, near.kind) == ("low", "near_threshold")


def test_wages_without_the_refusal_to_an_order_are_review_at_most(engine: RulesEngine) -> None:
    [r] = engine.evaluate(_WAGES, case({"loss": 50_000}, facts=[_THREE_MONTHS]))
    assert r.level == "review" and "责令支付" in r.text and "请复核" in r.text
    # a three-month sum under 3万 without the refusal: the ten-worker criterion is not reached
    assert engine.evaluate(_WAGES, case({"loss": 25_000}, facts=[_THREE_MONTHS])) == []


def test_wage_threshold_uses_a_provinces_own_figure() -> None:
    data = load_rules().model_dump()
    for rule in data["rules"]:
        if rule["id"] == "wage_refusal_amount":
            rule["versions"][-1]["criteria"][0]["threshold"]["by_province"] = {"广东省": 10_000}
    book = RuleBook.model_validate(data)
    facts = {"facts": [_REFUSED, _THREE_MONTHS]}
    [gd] = RulesEngine(book, province="广东省").evaluate(_WAGES, case({"loss": 12_000}, **facts))  # type: ignore[arg-type]
    assert gd.level == "high" and gd.threshold == 10_000
    [other] = RulesEngine(book, province="湖南省").evaluate(_WAGES, case({"loss": 12_000}, **facts))  # type: ignore[arg-type]
    assert other.level == "review"


_MEDICAL = ["medical_insurance_fraud_amount"]


def test_medical_insurance_fraud_is_fraud_above_the_large_amount(engine: RulesEngine) -> None:
    [r] = engine.evaluate(_MEDICAL, case({"loss": 38_642.5}, party="organisation", facts=["medical_fund_defrauded"]))
    assert (r.level, r.article, r.crime) == ("high", "刑法第266条", "诈骗罪")
    [mid] = engine.evaluate(_MEDICAL, case({"loss": 6_000}, facts=["medical_fund_defrauded"]))
    assert mid.level == "review" and "省定" in mid.text
    [near] = engine.evaluate(_MEDICAL, case({"loss": 2_700}, facts=["medical_fund_defrauded"]))
    assert (near.level, near.kind) == ("low", "near_threshold")
    assert engine.evaluate(_MEDICAL, case({"loss": 1_500}, facts=["medical_fund_defrauded"])) == []


def test_a_fund_loss_without_a_stated_fraud_is_only_review(engine: RulesEngine) -> None:
    """超标准收费 or 分解住院 also cost the fund (条例第三十八条) without being 骗取."""
    [r] = engine.evaluate(_MEDICAL, case({"loss": 38_642.5}, party="organisation"))
    assert r.level == "review" and "骗取医疗保障基金" in r.text


def test_the_mineral_value_stated_as_illegal_income_crosses_the_mining_standard(engine: RulesEngine) -> None:
    when = {"conduct": date(2020, 5, 1), "decided": date(2021, 3, 1), "facts": ["unlicensed_mining"]}
    [r] = engine.evaluate(["illegal_mining_value"], case({"illegal_income": 1_880_000}, **when))  # type: ignore[arg-type]
    assert (r.level, r.criterion) == ("high", "value_as_income") and "违法所得" in r.text


def test_ordinary_invoices_by_face_value_and_special_ones_by_their_tax(engine: RulesEngine) -> None:
    when = {"conduct": date(2023, 2, 1), "decided": date(2023, 9, 1)}
    [face] = engine.evaluate(["false_invoice_amount"], case({"invoice_face_value": 3_150_000}, **when))  # type: ignore[arg-type]
    assert (face.level, face.crime, face.article, face.threshold) == ("high", "虚开发票罪", "刑法第205条之一", 500_000)
    assert "发票票面金额 3,150,000 元" in face.text
    old = {"conduct": date(2016, 2, 1), "decided": date(2016, 9, 1)}
    [r2010] = engine.evaluate(["false_invoice_amount"], case({"invoice_face_value": 420_000}, **old))  # type: ignore[arg-type]
    assert (r2010.level, r2010.threshold) == ("high", 400_000)
    [tax] = engine.evaluate(["false_vat_invoice_amount"], case({"invoice_tax": 2_400_000}, **when))  # type: ignore[arg-type]
    assert (tax.level, tax.criterion) == ("high", "invoice_tax")
    [count] = engine.evaluate(["false_invoice_count"], case(quantities=[("count", 130, "张", "增值税普通发票")], **when))  # type: ignore[arg-type]
    assert (count.level, count.value) == ("review", 130)


def test_a_general_land_subject_is_not_the_protected_one(engine: RulesEngine) -> None:
    # 林地 7 亩 is under 其他林地's 10 亩; 公益林 is the protected kind and counts against 5 亩
    when = {"conduct": date(2022, 3, 1), "decided": date(2022, 8, 1), "facts": ["changed_land_use"]}
    forest = case(quantities=[("area", 4_666.7, "平方米", "林地")], **when)  # type: ignore[arg-type]
    assert [r.level for r in engine.evaluate(["farmland_occupation_area"], forest)] == []
    public = case(quantities=[("area", 4_000, "平方米", "公益林")], **when)  # type: ignore[arg-type]
    [r] = engine.evaluate(["farmland_occupation_area"], public)
    assert (r.level, r.criterion) == ("high", "protected_forest_land")


def test_forest_land_over_the_area_without_the_damage_element_is_only_review(engine: RulesEngine) -> None:
    when = {"conduct": date(2022, 3, 1), "decided": date(2022, 8, 1)}
    [r] = engine.evaluate(["farmland_occupation_area"], case(quantities=[("area", 8_000, "平方米", "林地")], **when))  # type: ignore[arg-type]
    assert r.level == "review" and "改变被占用土地用途并造成毁坏" in r.text


def test_copies_counted_by_the_volume_convert_to_the_standards_unit(engine: RulesEngine) -> None:
    [r] = engine.evaluate(["copyright_copies"], case(quantities=[("count", 760, "册", "盗版图书")]))
    assert (r.level, r.value, r.unit) == ("high", 760, "张")
    [boxes] = engine.evaluate(["copyright_copies"], case(quantities=[("count", 520, "盒", "光盘复制品")]))
    assert boxes.unit == "张"


def test_injured_people_are_counted_under_their_own_word(engine: RulesEngine) -> None:
    hurt = case(quantities=[("count", 2, "人", "重伤"), ("count", 5, "人", "轻伤")])
    hurt.quantities = [replace(q, context="致2人重伤、5人轻伤") for q in hurt.quantities]
    hurt.infer_subjects = True
    assert engine.evaluate(["safety_accident_outcome"], hurt) == []
    [dead] = engine.evaluate(["safety_accident_outcome"], case(quantities=[("count", 3, "人", "死亡")]))
    assert (dead.level, dead.value) == ("high", 3)


def test_a_limit_the_decision_does_not_state_asks_only_for_review(engine: RulesEngine) -> None:
    kept = case(conduct=date(2022, 5, 1), decided=date(2022, 9, 1))
    kept.signals.exceedance.append(("砷", Signal(ev("总砷含量为5mg/L"), value=9, detail="总砷浓度 5 mg/L", supplied=True)))
    [r] = engine.evaluate(["pollution_exceedance"], kept)
    assert r.level == "review" and "未载明所执行的标准限值" in r.text


def test_mining_going_on_after_one_penalty_asks_for_review(engine: RulesEngine) -> None:
    when = {"conduct": date(2022, 5, 1), "decided": date(2022, 9, 1), "facts": ["unlicensed_mining"]}
    went_on = case(**when)  # type: ignore[arg-type]
    went_on.signals.prior = PriorPenalties(1, None, ev("曾因无证开采被罚款"), continued=True)
    [r] = engine.evaluate(["illegal_mining_repeat"], went_on)
    assert (r.level, r.criterion) == ("review", "continued")
    recalled = case(**when)  # type: ignore[arg-type]
    recalled.signals.prior = PriorPenalties(1, None, ev("曾因无证开采被罚款"))
    assert engine.evaluate(["illegal_mining_repeat"], recalled) == []


def test_a_cued_rule_asks_for_review_and_assumes_no_fact(engine: RulesEngine) -> None:
    stored = case(quantities=[("weight", 7_000, "千克", "危险废物")], conduct=date(2024, 5, 1), decided=date(2024, 9, 1))
    stored.signals.cued["pollution_hazardous_waste"] = Signal(ev("危险废物"), detail="危险废物")
    # stored badly, not 倾倒: the category's rules would ask; a cue alone does not
    assert engine.evaluate_cued(stored, exclude=[]) == []
    stored.signals.facts["illegal_disposal"] = Signal(ev("倾倒"), detail="倾倒")
    [r] = engine.evaluate_cued(stored, exclude=[])
    assert r.level == "review" and "（文书载明“危险废物”）" in r.text
    assert engine.evaluate_cued(stored, exclude=["pollution_hazardous_waste"]) == []


def test_handing_hazardous_waste_to_an_unlicensed_person_is_disposal() -> None:
    from lianfa.classifiers.signals import read_signals
    from lianfa.extractors.view import build_view
    from lianfa.ingest.pipeline import text_document

    text = "经查，当事人将废矿物油交由无危险废物经营许可证的个人处置。"
    assert "illegal_disposal" in read_signals(build_view(text_document(text)), load_rules(), None).facts


def test_tobacco_stated_by_its_value_is_the_illegal_business_amount(engine: RulesEngine) -> None:
    [r] = engine.evaluate(["tobacco_business_amount"], case({"goods_value": 72_000}))
    assert (r.level, r.criterion, r.crime) == ("high", "value", "非法经营罪")


def test_clearing_forest_to_farm_it_states_the_damage_element() -> None:
    from lianfa.classifiers.signals import read_signals
    from lianfa.extractors.view import build_view
    from lianfa.ingest.pipeline import text_document

    facts = read_signals(build_view(text_document("经查，当事人毁林开垦，种植茶叶。")), load_rules(), None).facts
    assert "changed_land_use" in facts


def test_a_masked_amount_that_could_reach_the_threshold_asks_for_review(engine: RulesEngine) -> None:
    masked = replace(case(), masked={"goods_value": Measured(9_999_999, ev("人民币XXXXXXX元"))})
    [reason] = engine.evaluate(["counterfeit_goods_sales_amount"], masked)
    assert (reason.level, reason.kind, reason.threshold) == ("review", "masked_figure", 150_000)
    assert "货值金额已被遮蔽（“人民币XXXXXXX元”）" in reason.text and reason.value is None
    # a mask too short to hold the figure, and a stated figure beside the mask, decide as they read
    short = replace(case(), masked={"goods_value": Measured(9_999, ev("XXXX元"))})
    assert engine.evaluate(["counterfeit_goods_sales_amount"], short) == []
    stated = replace(case({"sales": 80_000}), masked=masked.masked)
    assert [r.kind for r in engine.evaluate(["counterfeit_goods_sales_amount"], stated)] == ["threshold"]


def test_invoices_after_2024_are_measured_by_the_tax_interpretation(engine: RulesEngine) -> None:
    late = case({"invoice_face_value": 520_000}, conduct=date(2024, 6, 1), decided=date(2024, 9, 1))
    [reason] = engine.evaluate(["false_invoice_amount"], late)
    assert (reason.level, reason.rule_version, reason.threshold) == ("high", "法释〔2024〕4号", 500_000)
    # two earlier penalties within five years: 60% of the figure is enough
    repeat = case({"invoice_face_value": 320_000}, conduct=date(2024, 6, 1), decided=date(2024, 9, 1), prior=(2, 3.0))
    [again] = engine.evaluate(["false_invoice_amount"], repeat)
    assert (again.level, again.criterion, again.threshold) == ("high", "repeat", 300_000)
    once = case({"invoice_face_value": 320_000}, conduct=date(2024, 6, 1), decided=date(2024, 9, 1))
    assert engine.evaluate(["false_invoice_amount"], once) == []


def test_films_counted_by_the_bu_are_copies(engine: RulesEngine) -> None:
    [r] = engine.evaluate(["copyright_copies"], case(quantities=[("count", 812.0, "部", "侵权影视作品")]))
    assert r.level == "high" and (r.value, r.threshold, r.unit) == (812.0, 500, "张")
    assert engine.evaluate(["copyright_copies"], case(quantities=[("count", 812.0, "部", "车辆")])) == []


def test_a_protected_species_is_prosecuted_whatever_its_number_until_the_later_interpretations(
    engine: RulesEngine,
) -> None:
    """追诉标准（一）2008 prosecutes any act on a nationally protected animal or plant; the 2022
    and 2023 interpretations set entry figures, so a later case without them asks for review."""
    [animal] = engine.evaluate(["protected_wildlife"], case(facts=["protected_wild_animal"], conduct=date(2016, 5, 1)))
    assert (animal.level, animal.rule_version) == ("high", "追诉标准（一）2008")
    [later] = engine.evaluate(
        ["protected_wildlife"], case(facts=["protected_wild_animal"], conduct=date(2023, 5, 1), decided=date(2023, 9, 1))
    )
    assert (later.level, later.rule_version) == ("review", "法释〔2022〕12号")
    assert "须核定其数额" in later.text
    cheap = case({"goods_value": 9_000}, facts=["protected_wild_animal"], conduct=date(2023, 5, 1), decided=date(2023, 9, 1))
    assert all(r.level == "low" for r in engine.evaluate(["protected_wildlife"], cheap))
    valued = case({"goods_value": 36_000}, facts=["protected_wild_animal"], conduct=date(2023, 5, 1), decided=date(2023, 9, 1))
    assert engine.evaluate(["protected_wildlife"], valued)[0].level == "high"
    first = case(facts=["protected_plant", "first_class_protected_plant"], conduct=date(2024, 3, 1), decided=date(2024, 6, 1))
    assert engine.evaluate(["protected_plants"], first)[0].level == "high"
    second = case(facts=["protected_plant"], conduct=date(2024, 3, 1), decided=date(2024, 6, 1))
    assert engine.evaluate(["protected_plants"], second)[0].level == "review"
    assert engine.evaluate(["protected_plants"], case(conduct=date(2016, 5, 1))) == []


def test_a_hunting_count_is_of_animals_hunted_not_bought(engine: RulesEngine) -> None:
    def counted(context: str) -> CaseFacts:
        c = case(quantities=[("count", 30.0, "只", "野生动物斑鸠")])
        q = c.quantities[0]
        return replace(c, quantities=[replace(q, context=context)])

    hunted = engine.evaluate(["illegal_hunting"], counted("当事人在林中用粘网捕获斑鸠30只"))
    assert hunted and hunted[0].level == "high"
    assert engine.evaluate(["illegal_hunting"], counted("当事人从他人处收购斑鸠30只存于冰柜")) == []


def test_an_unapproved_drug_was_a_fake_one_only_until_the_2019_drug_law(engine: RulesEngine) -> None:
    before = case(facts=["unapproved_drug"], conduct=date(2018, 5, 1), decided=date(2018, 9, 1))
    assert engine.evaluate(["fake_drug_behaviour"], before)[0].level == "high"
    after = case(facts=["unapproved_drug"], conduct=date(2023, 5, 1), decided=date(2023, 9, 1))
    assert engine.evaluate(["fake_drug_behaviour"], after) == []
