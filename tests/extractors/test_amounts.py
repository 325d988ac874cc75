"""Amount roles and the traps: quoted law ranges, thresholds, 罚没款合计, unit prices, proposals."""

from __future__ import annotations

import pytest

from lianfa.extractors.amounts import extract_amounts, extract_masked_amounts
from lianfa.extractors.fields import extract
from lianfa.extractors.regions import find_regions
from lianfa.extractors.view import build_view
from lianfa.ingest.document import Box, DocumentBuilder, PageInfo
from lianfa.ingest.pipeline import text_document


def _amounts(text: str) -> list[tuple[str, float]]:
    view = build_view(text_document(text))
    return [(a.role, a.yuan) for a in extract_amounts(view, find_regions(view))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经查，当事人销售上述产品货值金额为人民币8.6万元，已售出部分销售金额3万余元。", [("goods_value", 86000), ("sales", 30000)]),
        ("违法经营额共计叁拾贰万元整，违法所得二万三千元。", [("illegal_revenue", 320000), ("illegal_income", 23000)]),
        ("少缴企业所得税1,234,567.89元。", [("tax_evaded", 1234567.89)]),
        ("造成直接经济损失约120万元。", [("loss", 1_200_000)]),
        ("决定如下：\n1.没收违法所得5,000元；\n2.罚款20,000元。", [("confiscated_income", 5000), ("fine", 20000)]),
        ("决定对当事人处以3万元罚款。", [("fine", 30000)]),
        ("决定如下：处罚款人民币伍万元（¥50,000.00）。", [("fine", 50000)]),
    ],
)
def test_roles(text: str, expected: list[tuple[str, float]]) -> None:
    assert _amounts(text) == expected


def test_quoted_article_ranges_are_never_the_fine() -> None:
    text = (
        "《食品安全法》第一百二十四条规定：“……货值金额不足一万元的，并处五万元以上十万元以下罚款；"
        "货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款”。\n决定如下：罚款人民币陆万元。"
    )
    assert _amounts(text) == [("fine", 60000)]


def test_unquoted_ranges_and_thresholds_are_skipped() -> None:
    text = "依据该条处五万元以上二十万元以下罚款的规定，鉴于违法所得不足一万元，决定如下：罚款八万元。"
    assert _amounts(text) == [("fine", 80000)]


def test_recited_article_in_brackets_is_law() -> None:
    text = "（《医师法》第59条：并处违法所得二倍以上十倍以下的罚款，违法所得不足一万元的，按一万元计算）\n处罚如下：罚款4万元。"
    assert _amounts(text) == [("fine", 40000)]


def test_total_of_fines_and_confiscations_is_not_counted_again() -> None:
    text = "决定如下：没收违法所得3,000元，并处罚款10,000元。罚没款合计13,000元。"
    assert _amounts(text) == [("confiscated_income", 3000), ("fine", 10000)]


def test_unit_prices_are_not_totals() -> None:
    text = "经查，当事人以每条150元的价格购进卷烟，单价12.5元/包，按每平方米30元的标准计算，销售金额合计4,500元。"
    assert _amounts(text) == [("sales", 4500)]


def test_proposed_penalty_in_the_notice_is_not_the_decision() -> None:
    text = "本局于2023年3月1日向当事人送达告知书，拟对当事人处以罚款8万元。\n经复核，决定如下：罚款6万元。"
    assert _amounts(text) == [("fine", 60000)]


def test_fine_as_a_multiple_of_a_base_and_continued_clause() -> None:
    text = "决定如下：处违法经营额46,800元百分之三十的罚款，计14,040元。"
    assert _amounts(text) == [("illegal_revenue", 46800), ("fine", 14040)]


def test_confiscated_income_is_reported_once() -> None:
    text = "经查，当事人违法所得2,300元。\n处罚如下：违法所得2,300元予以没收；罚款5,000元。"
    assert _amounts(text) == [("confiscated_income", 2300), ("fine", 5000)]


def test_amount_broken_over_an_ocr_line() -> None:
    lines = [
        "经查明，当事人于二〇二三年三月至五月期间在其经营场所内销售假冒注册商标的白酒，销售金额人民币12,",
        "500元，上述事实有现场检查笔录为证，当事人对此无异议并签字确认，本局依法予以认定无",
        "误。",
    ]
    b = DocumentBuilder()
    for i, line in enumerate(lines):
        b.add_line(line, 1, Box(0.1, 0.1 + i * 0.03, 0.9, 0.12 + i * 0.03))
    view = build_view(b.build([PageInfo(number=1, width=1000, height=1400, source="ocr")], "ocr"))
    [amount] = extract_amounts(view, find_regions(view))
    assert (amount.role, amount.yuan) == ("sales", 12500)
    assert amount.evidence.text == "人民币12,\n500元"  # the evidence spans both printed lines
    assert amount.evidence.box is not None


@pytest.mark.parametrize(
    "decision",
    [
        "决定如下：\n一、对当事人一：罚款人民币5万元；\n二、对当事人二：罚款人民币5万元。",
        "本局决定对某某公司处罚款10万元，对其法定代表人张某处罚款10万元。",
    ],
)
def test_two_addressees_fined_the_same_sum_are_two_fines(decision: str) -> None:
    [(role, yuan)] = set(_amounts(decision))
    assert role == "fine" and _amounts(decision).count((role, yuan)) == 2


def test_a_fine_restated_for_the_same_addressee_is_one() -> None:
    text = (
        "决定如下：对当事人罚款人民币5万元。\n"
        "当事人应当自收到本决定书之日起十五日内将罚款5万元缴至指定银行，到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。"
    )
    assert _amounts(text) == [("fine", 50000)]


def test_the_floor_a_quoted_article_computes_on_is_not_an_amount() -> None:
    text = (
        "本局认为，依据该法第九十九条，应处违法所得五倍以上二十倍以下的罚款，违法所得不足一万元的，按一万元计算。\n"
        "本局决定：没收违法所得人民币6,850元，并处罚款人民币68,500元。"
    )
    assert _amounts(text) == [("confiscated_income", 6850), ("fine", 68500)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经查，当事人拖欠张某等12人2021年3月至6月工资共计86,400元。", [("loss", 86400)]),
        ("当事人欠付员工薪酬，欠薪总额13.2万元。", [("loss", 132000)]),
        ("当事人未足额支付劳动者王某劳动报酬5,600元。", [("loss", 5600)]),
        # wages paid are not withheld: no role names them
        ("当事人该项目当月发放工资总额318,000元。", [("other", 318000)]),
    ],
)
def test_unpaid_wages_are_the_workers_loss(text: str, expected: list[tuple[str, float]]) -> None:
    """What an employer withholds is what 拒不支付劳动报酬罪 measures; wages paid stay `other`."""
    assert _amounts(text) == expected


def test_an_amount_restated_as_a_fact_is_read() -> None:
    text = "当事人拖欠上述人员连续3个月的工资款人民币贰万叁仟玖佰元整的事实清楚。依据规定，处5万元以下的罚款。"
    assert _amounts(text) == [("loss", 23900)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the base multiplied is not the fine; the product is
        ("决定如下：按少缴税款的50%处罚款，即86420元×50%=43210元。", [("fine", 43210)]),
        ("经查，少缴城镇土地使用税12000元。决定如下：按0.5倍处以罚款，12000元乘以0.5=6000元。",
         [("tax_evaded", 12000), ("fine", 6000)]),
    ],
)
def test_a_fine_reckoned_on_a_base_is_the_product(text: str, expected: list[tuple[str, float]]) -> None:
    assert _amounts(text) == expected


def test_fines_for_several_taxes_are_their_stated_total() -> None:
    text = (
        "决定如下：对少缴的增值税8000元处50%罚款4000元；对少缴的教育费附加240元处50%罚款120元；"
        "对少缴的个人所得税600元处50%罚款300元，合计罚款4420元。"
    )
    assert [a for a in _amounts(text) if a[0] == "fine"] == [("fine", 4420)]


def test_a_total_stated_before_its_parts_is_the_fine() -> None:
    text = "决定如下：对你公司处罚款共计26500元，其中：房产税罚款25000元，印花税罚款1500元。"
    assert _amounts(text) == [("fine", 26500)]


def test_a_total_that_the_fines_do_not_add_up_to_folds_nothing() -> None:
    text = "决定如下：1.罚款5000元；2.罚款2000元。以上合计罚款8000元。"
    assert _amounts(text) == [("fine", 5000), ("fine", 2000), ("fine", 8000)]


def test_fines_of_two_addressees_are_not_folded_into_their_total() -> None:
    text = "本局决定：对当事人罚款3万元，对其法定代表人罚款1万元，罚没款合计4万元。"
    assert _amounts(text) == [("fine", 30000), ("fine", 10000)]


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("近日，某镇一家超市因销售过期食品，被某县市场监督管理局罚款7万元。", 70000),
        ("通报显示，某建材公司未落实扬尘防治措施，被罚款1.2万元并责令改正。", 12000),
        ("该局依法对这家网吧作出罚款人民币5000元的行政处罚。", 5000),
        # 余 between the figure and its 万
        ("据通报，涉事药店最终被处罚款30余万元。", 300000),
    ],
)
def test_a_fine_in_a_news_style_summary(text: str, yuan: float) -> None:
    assert _amounts(text) == [("fine", yuan)]


def test_a_total_after_a_list_of_fines_finds_the_cue_heading_the_list() -> None:
    text = "决定如下：对少缴的房产税、土地使用税分别处罚款6400元、2100元，合计8500元。"
    assert _amounts(text) == [("fine", 8500)]


@pytest.mark.parametrize(
    "note", ["(货值金额三倍处罚)", "（按货值金额2倍计）", "(违法所得的五倍)"]
)
def test_a_bracketed_note_on_how_a_fine_was_reckoned_does_not_name_the_figure_again(note: str) -> None:
    text = (
        "经查，当事人经营过期食品。\n本局决定：1.没收违法所得320元；"
        f"2.罚款人民币壹万伍仟元整(¥15000元){note}。\n"
    )
    assert _amounts(text) == [("confiscated_income", 320.0), ("fine", 15000.0)]


def test_a_wan_yuan_masked_as_a_name_is_still_money() -> None:
    # name masking took 万元 for a person called 万元 (万某)
    assert _amounts("经查，当事人收取定金后逃匿，骗取对方货款人民币12万某。") == [("loss", 120000)]


def test_masked_sums_keep_their_role_and_the_most_their_mask_can_hold() -> None:
    view = build_view(text_document("经鉴定，涉案商品价值为人民币XXXXXX元。判处罚金人民币××元。"))
    masked = extract_masked_amounts(view, find_regions(view))
    assert [(m.role, m.at_most, m.evidence.text) for m in masked] == [("goods_value", 999999, "人民币XXXXXX元")]


def test_a_list_of_fines_after_a_computed_clause_is_headed_by_its_cue() -> None:
    # `…分别处以…罚款，计A元、B元`: the list continues the clause that named the fine
    text = "决定如下：对少缴的增值税3000元、印花税240元，分别处以0.5倍罚款，计1500元、120元，合计罚款1620元。"
    assert [a for a in _amounts(text) if a[0] == "fine"] == [("fine", 1620)]
    parts = "决定如下：对少缴的增值税3000元、印花税240元，分别处以0.5倍罚款，计1500元、120元。"
    assert [a for a in _amounts(parts) if a[0] == "fine"] == [("fine", 1500), ("fine", 120)]


def test_a_disclosure_rows_fine_in_ten_thousands_of_yuan() -> None:
    kv = "行政处罚决定书文号 | 某应急罚〔2023〕4号 |\n罚款金额(万元) | 5.0 |\n没收违法所得、没收非法财物的金额(万元) | 0 |\n"
    column = (
        "行政相对人名称 | 文号 | 罚款金额（万元） | 没收违法所得、没收非法财物的金额（万元） |\n"
        "某某石料厂 | 某林罚决字〔2025〕3号 | 0.2 | 0.05 |\n"
    )
    assert _amounts(kv) == [("fine", 50000)]
    assert _amounts(column) == [("fine", 2000), ("confiscated_income", 500)]


def test_a_fine_stated_in_yuan_and_again_in_ten_thousands_is_one() -> None:
    assert _amounts("处罚内容 | 罚款人民币5000元 |\n罚款金额(万元) | 0.5 |\n") == [("fine", 5000)]


@pytest.mark.parametrize(
    "text",
    [
        # a news page's one sum for the tax, its late fee and the fine together
        "日前，某市税务局稽查局依法对某某追缴税款、加收滞纳金并处罚款共计312.6万元。",
        "经查实，稽查局对其追缴税费款、加收滞纳金并处以罚款，合计96万元。",
    ],
)
def test_a_sum_of_tax_late_fee_and_fine_is_not_the_fine(text: str) -> None:
    assert [r for r, _ in _amounts(text) if r == "fine"] == []


def test_a_tax_decision_that_states_its_fine_apart_still_has_it() -> None:
    text = "决定如下：追缴少缴的增值税8000元，加收滞纳金，并处少缴税款百分之五十的罚款4000元。"
    assert ("fine", 4000) in _amounts(text)


@pytest.mark.parametrize(
    ("text", "fine"),
    [
        ("依法对陈某等3人每人处罚1500元，合计4500元整。", 1500),
        ("决定对两名当事人每人各处罚款800元。", 800),
    ],
)
def test_a_fine_each_person_pays_is_the_fine_and_their_sum_is_not(text: str, fine: float) -> None:
    assert [a for a in _amounts(text) if a[0] == "fine"] == [("fine", fine)]


def test_a_price_for_each_piece_is_still_a_price() -> None:
    assert _amounts("当事人以每件35元的价格售出外套12件。") == []


@pytest.mark.parametrize(
    "text",
    [
        # reckoned, lower than another penalty, then not imposed in the next sentence
        "依据该条的规定，对毁坏林木的行为处以林木价值2倍的罚款，即140元×2倍=280元，低于占用林地的罚款数额。本机关决定对该行为不作出行政处罚。",
        # reckoned and waived in the same sentence
        "依法应处罚款3000元，鉴于当事人初次违法且危害后果轻微并及时改正，决定不予行政处罚。",
        "按规定应当处罚款2000元，因其主动消除违法后果，决定免予处罚。",
    ],
)
def test_a_fine_reckoned_and_then_waived_is_no_fine(text: str) -> None:
    assert [a for a in _amounts(text) if a[0] == "fine"] == []


def test_a_fine_imposed_before_another_act_is_waived_is_still_a_fine() -> None:
    # the waiver is of another act and the fine was not reckoned in the sentence that waives it
    text = "决定如下：罚款6000元。对其超范围经营的行为，鉴于已改正，不予处罚。"
    assert ("fine", 6000) in _amounts(text)


def test_disclosure_fields_in_wan_with_colons_run_together() -> None:
    text = "行政处罚决定书文号：某市监处罚〔2025〕77号处罚类别：罚款罚款金额(万元)：1.25没收违法所得、没收非法财物的金额(万元)：0.3违法事实：…"
    assert ("fine", 12500) in _amounts(text) and ("confiscated_income", 3000) in _amounts(text)


def test_a_decided_reckoned_fine_stands_when_the_next_sentence_waives_another_act() -> None:
    text = "本局决定：处以86420元×50%=43210元的罚款。对其未按规定公示证照的行为，依法应处罚款500元，鉴于已及时改正，决定不予行政处罚。"
    assert [a for a in _amounts(text) if a[0] == "fine"] == [("fine", 43210)]


def test_a_range_whose_lower_bound_lost_its_shang_to_ocr_is_no_fine() -> None:
    # `并处1万元以上2万元以下罚款` read by a scan as `1万元以2万元以下`: the law's range, not the decision's fine
    text = "依据该条例第四十八条“没有违法所得的，并处1万元以2万元以下罚款”。\n"
    view = build_view(text_document(text))
    assert [a for a in extract_amounts(view, find_regions(view)) if a.role == "fine"] == []


def test_the_fine_of_an_earlier_decision_the_text_recounts_is_not_this_ones() -> None:
    text = (
        "某某省生态环境厅\n行政处罚决定书\n某环罚字〔2024〕16号\n某某水务有限公司:\n"
        "你单位曾超标排放。4月2日，我厅送达《行政处罚决定书》（某环罚字〔2024〕3号），作出罚款20万元的行政处罚。"
        "5月10日，你单位已缴纳20万元罚款。复查时你单位仍在超标排放。\n"
    )
    f = extract(text_document(text))
    assert [a.yuan for a in f.amounts if a.role == "fine"] == []


def test_a_news_lead_that_cites_its_own_decision_keeps_the_fine() -> None:
    text = "近日，某某局向某某公司送达《行政处罚决定书》（某环罚〔2024〕5号），作出罚款10万元的行政处罚。\n"
    f = extract(text_document(text))
    assert [a.yuan for a in f.amounts if a.role == "fine"] == [100000]


def test_confiscated_income_outside_a_decision_section() -> None:
    # a news summary's one sentence, or a scan whose layout lost the decision's own lines
    assert _amounts("的规定对事人作出警告、没收违法经营的护肤品和违法所得18352元,并处罚款90000元的行政处罚。") == [
        ("confiscated_income", 18352), ("fine", 90000),
    ]


def test_a_wan_key_cell_that_keeps_its_colon() -> None:
    # a disclosure page that prints each field as `label: | value |`
    text = "处罚类别: | 罚款 |\n罚款金额(万元): | 1.5 |\n没收违法所得、没收非法财物的金额(万元): | |\n"
    assert _amounts(text) == [("fine", 15000)]


def test_a_tally_over_the_cases_a_page_counts_is_no_fine() -> None:
    text = (
        "某省卫生健康行政处罚典型案例\n2023年，全省办理行政处罚案件1200件，罚款530.5万元。\n"
        "案例1：某区卫生健康委对某公司作出警告、罚款6000元的行政处罚。\n"
    )
    assert [a for a in _amounts(text) if a[0] == "fine"] == [("fine", 6000.0)]
    assert _amounts("今年上半年，执法大队办结各类行政处罚案件32件，罚款21400元。\n") == []
    # a case counted by what it concerns keeps its fine
    assert ("fine", 3000.0) in _amounts("行政处罚决定书\n经查，当事人违法销售烟花3箱。\n决定罚款3000元。\n")
def test_bing_chu_right_before_a_sum_imposes_it() -> None:
    # a news line: 并处以 right before the sum, after the income it confiscated with no figure
    text = "日前，某县水利局查处一起河道非法采砂行为，没收相关非法所得并处以8万元的行政处罚。"
    assert _amounts(text) == [("fine", 80000)]


def test_a_fine_whose_line_breaks_after_its_de_is_no_range() -> None:
    # a news page broke its line after 的: the 行政处罚 on the next line still names the penalty
    text = "某区水务局对其作出没收违法所得3000元并罚款5万元的\n行政处罚决定。"
    assert ("fine", 50000) in _amounts(text)


def test_a_fine_called_an_economic_penalty_is_no_range() -> None:
    # a news page calls the fine 经济处罚: the 的 before it ties the sum to the penalty, not a condition
    text = "某区应急管理局对该厂违反安全生产规定的行为给予罚款6万元的经济处罚决定。"
    assert _amounts(text) == [("fine", 60000)]
    # ...while a sum the 的 ties to a condition stays a bound
    text = "货值金额不足一万元的，并处五万元以上十万元以下罚款。"
    assert _amounts(text) == []


def test_a_news_page_quoting_the_decisions_content_keeps_its_fine() -> None:
    # the quotes hold what was decided, not a recited article
    text = "同日作出《行政处罚决定书》，处罚内容为“责令停止违法行为；没收违法所得2000元；罚款人民币8万元。”"
    assert _amounts(text) == [("confiscated_income", 2000), ("fine", 80000)]


def test_a_quoted_article_still_states_only_law() -> None:
    text = "依据《某省河道管理条例》第四十五条“擅自采砂的，没收违法所得，并处二万元以上二十万元以下的罚款”的规定。"
    assert _amounts(text) == []


def test_a_headlines_fine_of_wan_without_its_yuan() -> None:
    # a headline ends the fine at 万, in brackets or before its stop
    assert _amounts("某某建材厂偷排废水【罚款8万】") == [("fine", 80000)]
    assert _amounts("某某餐馆无证经营被罚1.5万！") == [("fine", 15000)]
    # ...but 万 before a unit counts something else
    assert _amounts("罚款涉及树苗8万株") == []
