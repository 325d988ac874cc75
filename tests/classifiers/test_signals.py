"""Reading the rules' text signals from decisions worded in different ways."""

from __future__ import annotations

from datetime import date

import pytest

from lianfa.classifiers.signals import read_signals
from lianfa.corpora.rules import Fact, Share, load_rules
from lianfa.extractors.view import build_view
from lianfa.ingest.pipeline import text_document


def signals(text: str, decided: date | None = date(2023, 6, 30)):  # type: ignore[no-untyped-def]
    doc = text_document(text)
    return read_signals(build_view(doc), load_rules(), decided)


def test_fact_phrases_with_evidence_and_negation_skipped() -> None:
    text = "经查，当事人于禁渔期内在某河段使用电鱼设备捕捞。现场未发现暗管。"
    s = signals(text)
    assert {"closed_fishing_season", "banned_fishing_method"} <= set(s.facts)
    assert "evasive_discharge" not in s.facts
    ev = s.facts["banned_fishing_method"].evidence
    assert text[ev.start : ev.end] == "电鱼"


def test_quoted_law_is_not_a_fact_of_the_case() -> None:
    s = signals("依据“在禁渔区内使用电鱼方法捕捞的，处……”之规定，当事人在河道内钓鱼。")
    assert "closed_fishing_area" not in s.facts and "banned_fishing_method" not in s.facts


def test_prior_penalties_in_several_wordings() -> None:
    a = signals("另查明，当事人曾于2021年3月2日、2022年5月9日因同类违法行为两次受到行政处罚。")
    assert a.prior is not None and a.prior.count == 2
    assert a.prior.within_years is not None and 2.2 < a.prior.within_years < 2.4
    b = signals("当事人在2年内已因同一违法行为被行政处罚3次，此次系再次违法。")
    assert b.prior is not None and (b.prior.count, b.prior.within_years) == (3, 2)
    c = signals("此前当事人已因无证行医两次受到行政处罚（2017.06.28、2018/1/10），仍继续行医。")
    assert c.prior is not None and c.prior.count == 2
    assert signals("当事人系初次违法，此前未受过处罚。").prior is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("被告人先后三次被县卫生局处以罚款，仍继续非法行医。", 3),
        ("其因无证行医，分别于2014年3月和2015年6月被行政处罚，此后又继续行医。", 2),
        ("被告人在受到两次行政处罚后，仍继续非法行医。", 2),
        ("被告人此前因非法行医被罚款2次。", 2),
        ("被告人于2013年、2014年两次因非法行医被卫生部门罚款，又于2015年再次行医。", 2),
        ("其两次被卫生行政部门给予行政处罚后，仍继续行医。", 2),
        ("2019年3月、2020年6月、2021年1月，区卫生健康局三次对其给予行政处罚。", 3),
        # once on each listed date
        ("其在家中开设诊所，分别于2019年5月2日、2019年8月9日被区卫健局行政处罚一次。", 2),
    ],
)
def test_prior_penalties_as_courts_count_them(text: str, count: int) -> None:
    prior = signals(text).prior
    assert prior is not None and prior.count == count


def test_a_fine_paid_in_instalments_is_no_earlier_penalty() -> None:
    assert signals("当事人已分两次缴纳罚款。").prior is None


def test_exceedance_times_with_the_pollutant_named_before() -> None:
    s = signals("经监测，当事人废水总排口六价铬浓度为2.1mg/L，超过排放标准限值（0.5mg/L）3.2倍。")
    assert [(p, sig.value) for p, sig in s.exceedance] == [("六价铬", 3.2)]
    t = signals("监测报告显示，当事人外排废水中总镍超标十余倍。")
    assert [(p, sig.value) for p, sig in t.exceedance] == [("镍", 10)]


def test_conduct_date_leaves_procedural_dates_out() -> None:
    text = (
        "行政处罚决定书\n当事人：张三\n"
        "经查，2022年11月03日至2023年01月15日，当事人在其经营场所销售假冒卷烟。"
        "2023年02月10日执法人员对其开展现场检查，2023年02月12日立案调查。\n"
        "以上事实有现场检查笔录等证据证实。\n"
        "依据《中华人民共和国烟草专卖法》第三十二条，决定如下：罚款10000元。\n"
    )
    assert signals(text).conduct_date == date(2023, 1, 15)


def test_police_decline_is_recognised_only_with_the_police_in_the_sentence() -> None:
    s = signals(
        "2023年3月1日本局将本案移送县公安局，县公安局于2023年4月2日决定不予立案，并将案件移送回本局处理。"
    )
    assert s.declined is not None
    assert signals("当事人已将许可证交回发证机关。").declined is None


def test_outcomes_stated() -> None:
    s = signals("该事故造成2人死亡、1人重伤，直接经济损失待核定。")
    details = [(o.detail, o.value) for o in s.outcomes]
    assert ("死亡", 2) in details and ("重伤", 1) in details
    assert signals("本次事故未造成人员伤亡。").outcomes == []


def test_conduct_date_in_numeric_forms_and_after_a_finding_opener() -> None:
    dotted = "经查：截至2022.01.13（始于2021.08.25），当事人以弹弓捕获野兔18只。\n"
    assert signals(dotted, date(2022, 4, 12)).conduct_date == date(2022, 1, 13)
    slashed = (
        "执法人员于2022/5/27依法对当事人开展现场检查，2022/5/29予以立案。\n"
        "经依法调查核实，2022/5/8，经协查，当事人取得的1份增值税专用发票无真实交易背景。\n"
        "某某税务局　2022 年 7 月 26 日\n"
    )
    assert signals(slashed, date(2022, 7, 26)).conduct_date == date(2022, 5, 8)


def test_a_date_whose_clause_the_agency_opens_is_the_procedures() -> None:
    """本行政机关…立案 runs past the window a clause's verb is looked for in: the agency as the
    clause's subject marks the date as the procedure's (the conduct's 2022.04.02 picks the
    standard then in force)."""
    text = (
        "2022.04.26，本行政机关就当事人涉嫌非法捕捞水产品一事立案，指派两名执法人员开展调查。\n"
        "现已查实：在2022.03.09到2022.04.02这段时间内，当事人在某江段以钓具捕鱼。\n"
    )
    assert signals(text, date(2022, 6, 3)).conduct_date == date(2022, 4, 2)


def test_tax_share_is_read_from_a_stated_percentage() -> None:
    stated = signals("当事人少缴增值税49,086.84元。经测算，其偷逃税额占同期应纳税额的比例为31.57%。")
    assert stated.facts["tax_share_10pct"].value == 31.57
    words = signals("逃避缴纳税款数额占各税种应纳税总额的百分之十五。")
    assert "tax_share_10pct" in words.facts
    # below ten per cent the fact is ruled out even though the phrase 占应纳税额 is there
    low = signals("其少缴税款占应纳税额的3.2%。")
    assert "tax_share_10pct" not in low.facts and "tax_share_10pct" in low.ruled_out


def test_a_share_fact_comes_from_the_rule_data() -> None:
    book = load_rules()
    fact = Fact(id="revenue_share_half", name="占营业收入一半以上", share=Share(of=["营业收入"], min_percent=50))
    book = book.model_copy(update={"facts": [*book.facts, fact]})
    doc = text_document("经查，违法所得占同期营业收入的62.5%。")
    assert read_signals(build_view(doc), book, None).facts["revenue_share_half"].value == 62.5
    doc = text_document("经查，违法所得占同期营业收入的12%。")
    assert "revenue_share_half" in read_signals(build_view(doc), book, None).ruled_out


def test_wage_refusal_and_months_are_read_but_a_payment_in_time_or_the_appeal_period_is_not() -> None:
    refused = signals("当事人拖欠李某等12人连续四个月的工资共计86,400元。本局责令其限期支付，当事人逾期仍未支付。")
    assert {"wage_order_refused", "wage_arrears_three_months"} <= set(refused.facts)
    paid = signals(
        "当事人拖欠王某两个月的工资6,000元。本局责令其限期支付，当事人已于2023年3月1日足额支付。"
        "如不服本决定，可在六个月内向人民法院提起行政诉讼。"
    )
    assert "wage_order_refused" not in paid.facts and "wage_arrears_three_months" not in paid.facts


def test_medical_fund_fraud_is_read_from_its_means() -> None:
    s = signals("当事人通过虚构医药服务项目的方式，向医保经办机构申报结算，造成基金损失3万元。")
    assert "medical_fund_defrauded" in s.facts
    assert "medical_fund_defrauded" not in signals("当事人超标准收费，造成医保基金损失3万元。").facts


def test_invoice_face_value_and_tax_are_read_only_beside_invoices() -> None:
    s = signals("经查，当事人为三家公司虚开增值税普通发票28份，票面金额合计1,260,000元。")
    assert s.measures["invoice_face_value"].value == 1_260_000
    t = signals("当事人取得虚开的增值税专用发票12份，价税合计2.3亿元，税额3,120万元。")
    # the face value of special invoices measures no 虚开发票罪; their tax is 205's measure
    assert "invoice_face_value" not in t.measures and t.measures["invoice_tax"].value == 31_200_000
    assert "invoice_tax" not in signals("当事人少缴税款8万元。").measures
    assert signals("当事人为他人虚开发票53份，涉及金额4725000元。").measures["invoice_face_value"].value == 4_725_000


def test_invoice_measures_as_courts_write_them() -> None:
    # a bare 金额 beside the invoices, and 余 before the unit
    s = signals("被告人为他人虚开普通发票40份，金额共计86万余元。").measures
    assert s["invoice_face_value"].value == 860_000
    t = signals("让他人虚开增值税专用发票12份，税款9.6万余元，已抵扣。").measures
    assert t["invoice_tax"].value == 96_000
    assert "invoice_face_value" not in signals("虚开发票后被处罚款金额5万元。").measures


def test_a_mined_volume_times_its_unit_price_is_the_value_of_the_minerals() -> None:
    priced = signals("当事人越界采挖砂石1.2万立方米×单价30元/立方米=360000元。")
    assert priced.measures["goods_value"].value == 360_000
    unpriced = signals("当事人无证开采石料8600立方米，按每立方米25元计算。")
    assert unpriced.measures["goods_value"].value == 215_000


def test_a_concentration_is_a_multiple_of_the_limit_stated_or_kept_as_data() -> None:
    stated = signals("经采样，外排废水总镉浓度为0.46mg/L，执行标准限值为0.1mg/L。")
    [(pollutant, sig)] = stated.exceedance
    assert (pollutant, sig.value, sig.supplied) == ("镉", 3.6, False)
    kept = signals("监测结果显示，车间废水总砷含量为3.1mg/L。")
    [(pollutant, sig)] = kept.exceedance
    assert (pollutant, sig.value, sig.supplied) == ("砷", 5.2, True) and "GB 8978" in sig.detail
    assert signals("外排废水总砷浓度为0.2mg/L。").exceedance == []  # under the limit


def test_repeat_penalties_in_the_n_years_wording_and_a_penalty_the_conduct_went_on_after() -> None:
    two = signals("当事人两年内因无证采砂受过三次行政处罚，今年又在河道采砂。")
    assert two.prior is not None and (two.prior.count, two.prior.within_years) == (3, 2)
    once = signals("当事人曾于2021年5月因无证开采被处以罚款，其后仍继续开采。")
    assert once.prior is not None and (once.prior.count, once.prior.continued) == (1, True)
    assert signals("当事人曾于2021年5月因无证开采被处以罚款。").prior is None


def test_the_police_declining_and_a_prosecutor_not_prosecuting_are_told_apart() -> None:
    police = signals("本案移送区公安分局后，该局以证据不足为由决定不予立案，并将案件退回本局。")
    assert police.declined is not None and police.prosecutor is None
    dropped = signals("公安机关立案侦查后撤销案件，移交本局处理。")
    assert dropped.declined is not None
    prosecutor = signals("区人民检察院对当事人作出不起诉决定，并向本局制发检察意见书。")
    assert prosecutor.prosecutor is not None and prosecutor.declined is None


def test_a_court_answering_the_prosecutors_opinion_is_no_decision_not_to_prosecute() -> None:
    """An appeal court weighing 上诉理由及检察意见 hears a case the prosecutor brought."""
    heard = signals("关于上诉理由及检察意见，本院评析如下：原审认定事实清楚。")
    assert heard.prosecutor is None
    hearing = signals("出庭检察员的意见是：原判认定事实清楚，建议驳回上诉。")
    assert hearing.prosecutor is None


def test_cue_words_bring_their_rules_and_a_denied_cue_does_not() -> None:
    s = signals("经查，当事人在承包山场内盗伐杉木，并将危险废物随意倾倒。")
    assert {"illegal_logging_quantity", "illegal_logging_value", "pollution_hazardous_waste"} <= set(s.cued)
    assert s.cued["illegal_logging_quantity"].detail == "盗伐"
    assert "illegal_logging_quantity" not in signals("经查，未发现盗伐林木。").cued


def test_a_heavy_metal_over_its_standard_cues_the_exceedance_rule_without_its_words() -> None:
    s = signals("被告人将含镍废液用水泵抽入下水道排放，经检测，废液中镍含量为236mg/L。")
    assert s.cued["pollution_exceedance"].detail == "镍含量为236mg/L"
    assert "pollution_exceedance" not in signals("经检测，废液中镍含量为0.6mg/L。").cued


def test_court_style_sales_and_a_named_death() -> None:
    s = signals("被告人向他人出售价值人民币36万元的假冒白酒。")
    assert s.measures["sales"].value == 360_000
    assert "sales" not in signals("该批货物尚无销售,其价值经核定为90000元。").measures
    assert signals("被告人在水杯上印制他人注册商标后出售给多名客户，金额共计人民币7.2万元。").measures["sales"].value == 72_000
    [death] = signals("工人王某被砸中，经抢救无效死亡。").outcomes
    assert (death.value, death.detail) == (1.0, "死亡")


def test_a_crime_named_for_the_conduct_and_not_one_denied() -> None:
    named = signals("当事人的行为涉嫌非法经营罪。").crime_named
    assert named is not None and named[0] == "非法经营罪"
    assert signals("公安机关认为当事人不构成非法经营罪。").crime_named is None


def test_a_crime_named_as_a_noun_without_a_verb() -> None:
    named = signals("另查明，其中八万元应从合同诈骗犯罪数额中扣除。").crime_named
    assert named is not None and (named[0], named[1].detail) == ("合同诈骗罪", "合同诈骗犯罪")
    spaced = signals("上述生产销售伪劣产品犯罪事实，有证人证言证实。").crime_named
    assert spaced is not None and spaced[0] == "生产、销售伪劣产品罪"
    assert signals("辩护人提出其行为不构成合同诈骗犯罪。").crime_named is None
    # 诈骗 is every fraud's word, not one crime's
    assert signals("原审认定其实施诈骗犯罪的事实清楚。").crime_named is None


def test_a_span_of_months_in_one_year_ends_in_its_last_month() -> None:
    assert signals("经查，当事人2022年1月至11月在无真实交易的情况下虚开发票。").conduct_date == date(2022, 11, 1)


def test_a_licence_named_in_title_marks_still_states_the_fact() -> None:
    s = signals("经查，当事人在未取得《采矿许可证》的情况下开采石料。")
    assert s.facts["unlicensed_mining"].detail.startswith("未取得《采矿许可证")


def test_lacking_a_licence_is_the_cue_not_its_denial() -> None:
    s = signals("经查，当事人在未取得《药品生产许可证》的情况下分装中药饮片出售。")
    assert s.cued["fake_drug_behaviour"].detail == "药品生产许可证"


def test_storage_wording_rules_disposal_out_and_disposal_wording_wins() -> None:
    """危险废物贮存不规范 is no 非法处置 (thresholds.yaml `contrary`): the fact is ruled out, so a
    tonnage rule asks no reviewer; a text that also says 倾倒 keeps the fact."""
    stored = signals("经查，当事人未采取符合国家环境保护标准的防护措施贮存危险废物废矿物油7吨。")
    assert "illegal_disposal" in stored.ruled_out and "illegal_disposal" not in stored.facts
    dumped = signals("经查，当事人贮存危险废物期间将废矿物油7吨倾倒于厂外沟渠。")
    assert "illegal_disposal" in dumped.facts and "illegal_disposal" not in dumped.ruled_out


def test_each_victim_named_with_an_age_at_death_is_one_death() -> None:
    [deaths] = signals("车间起火，致住在楼上的被害人甲某（殁年40岁）、乙某（殁年9岁）死亡。").outcomes
    assert (deaths.value, deaths.detail) == (2.0, "死亡")


def test_waste_water_soaking_into_the_ground_is_an_evasive_discharge_but_an_unlined_store_is_not() -> None:
    s = signals("被告人将含有镉的清洗废水用水管排进一个未做防渗处理的土坑，废水渗入地下。")
    assert {"evasive_discharge", "toxic_substance"} <= set(s.facts)
    stored = signals("当事人将废机油等危险废物存放于未采取防渗漏措施的简易棚内。")
    assert "evasive_discharge" not in stored.facts


def test_money_borrowed_on_a_pretext_and_never_repaid_is_the_loss() -> None:
    s = signals("被告人谎称要购买货车，以伪造的房产证作抵押，向被害人借款8万元，到期后拒不归还并逃往外地。")
    assert s.measures["loss"].value == 80_000
    assert "loss" not in signals("被告人向朋友借款8万元用于经营，已按期归还。").measures


def test_a_bare_chao_before_the_standard_states_the_multiple() -> None:
    [(pollutant, times)] = signals("经监测，车间排口废水中镉含量超地方排放标准12倍。").exceedance
    assert (pollutant, times.value) == ("镉", 12)


def test_a_limit_kept_under_its_total_name_is_found_for_that_name() -> None:
    """总铬 is the name the discharge limit is kept under: the reading is held to it, and the rule
    sees the metal 铬."""
    [(pollutant, times)] = signals("经检测，废水沟取样中总铬的含量为30mg/L。").exceedance
    assert pollutant == "铬" and times.value == pytest.approx(19.0)


def test_penalties_told_one_by_one_with_their_dates_count_when_the_conduct_went_on() -> None:
    s = signals(
        "2019年3月5日，区卫生健康局对被告人作出行政处罚，2020年8月1日区卫生健康局再次对其作出行政处罚，"
        "但被告人仍在原址继续行医。",
        decided=None,
    )
    assert s.prior is not None and s.prior.count == 2 and s.prior.continued
    recalled = signals("2019年3月5日，区卫生健康局对当事人作出行政处罚，2020年8月1日对其作出行政处罚。")
    assert recalled.prior is None


def test_a_protected_species_is_a_fact_but_a_three_values_animal_is_ruled_out() -> None:
    s = signals("被告人在山上下套捕获一只野鸡，经鉴定为国家二级重点保护野生动物白冠长尾雉。")
    assert "protected_wild_animal" in s.facts
    common = signals("经鉴定，当事人捕获的麻雀属有重要生态、科学、社会价值的陆生野生动物。")
    assert "protected_wild_animal" in common.ruled_out
    tree = signals("当事人砍倒一株野生南方红豆杉，经鉴定为国家一级保护植物。")
    assert {"protected_plant", "first_class_protected_plant"} <= set(tree.facts)


def test_an_aluminium_residue_over_its_food_limit_states_the_additive_abused_in_figures() -> None:
    s = signals("经检测，被告人炸制的油条中铝的残留量为512mg/kg。")
    fact = s.facts["food_severe_hazard"]
    assert fact.value == pytest.approx(5.12) and "GB 2760-2014" in fact.detail
    assert "food_severe_hazard" not in signals("抽检的馒头中铝的残留量为38mg/kg，符合标准。").facts


def test_the_poppys_alkaloids_a_laboratory_reports_are_the_toxic_additive() -> None:
    s = signals("经检测，该店火锅底料中检出罂粟碱、吗啡成分。")
    assert s.facts["toxic_food_additive"].detail in {"罂粟碱", "吗啡"}
    assert "toxic_food_behaviour" in s.cued


def test_fei_before_a_phrase_states_its_opposite() -> None:
    s = signals("经鉴定，当事人收购的斑鸠属非国家重点保护野生动物，另有一批非危险废物的边角料。")
    assert "protected_wild_animal" not in s.facts and "toxic_substance" not in s.facts


def test_a_death_established_in_an_accident_report_is_one_death() -> None:
    [death] = signals("工人触电倒地，120急救人员到场后确认其已死亡。").outcomes
    assert (death.value, death.detail) == (1.0, "死亡")
    [two] = signals("事故造成2人遇难。").outcomes
    assert (two.value, two.detail) == (2.0, "死亡")


def test_land_returned_is_no_case_sent_back_by_the_police() -> None:
    s = signals("本局立案调查后，责令当事人退还非法占用的土地。")
    assert s.declined is None
    back = signals("市公安局审查后将案件退回本局处理。")
    assert back.declined is not None


def test_a_farmland_whose_planting_was_destroyed_states_the_damage() -> None:
    assert "changed_land_use" in signals("当事人占用永久基本农田6亩建设停车场，致其种植功能被破坏。").facts


def test_banned_gear_carried_into_a_closed_water_is_not_a_method_used() -> None:
    carried = signals("当事人在禁渔期携带禁用渔具进入禁渔区，被执法人员当场查获。")
    assert "banned_fishing_method" not in carried.facts and "closed_fishing_area" in carried.facts
    used = signals("当事人在禁渔期携带电瓶进入禁渔区电鱼，查获渔获物3公斤。")
    assert "banned_fishing_method" in used.facts


def test_banned_gear_named_by_its_kind_or_as_a_banned_tool() -> None:
    assert "banned_fishing_method" in signals("当事人在禁渔期使用三重刺网在湖区捕鱼。").facts
    assert "banned_fishing_method" in signals("当事人驾船使用禁用工具地笼进行捕捞作业。").facts


def test_a_registered_sildenafil_tablet_is_no_additive_hidden_in_food() -> None:
    assert "toxic_food_additive" not in signals("当事人从无资质企业购进枸橼酸西地那非片1盒（国药准字）。").facts
    assert "toxic_food_additive" in signals("送检的压片糖果中检出西地那非。").facts
