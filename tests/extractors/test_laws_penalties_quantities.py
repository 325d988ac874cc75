"""Laws split into violated and basis, penalties from the decided items only, quantities in
canonical units, missing elements by 行政处罚法第五十九条, 身份证号 masked."""

from __future__ import annotations

import pytest

from lianfa.extractors.fields import extract
from lianfa.extractors.masking import mask_text
from lianfa.extractors.missing import AUTHORITY, BASIS, FACTS, PARTY, PERFORMANCE, REMEDY
from lianfa.ingest.pipeline import text_document


def _laws(text: str) -> set[tuple[str, int, int | None, int | None, str]]:
    return {(x.law, x.article, x.paragraph, x.item, x.role) for x in extract(text_document(text)).laws}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "当事人的行为违反了《中华人民共和国产品质量法》第四十九条、第五十条第一款第（三）项的规定。",
            {("产品质量法", 49, None, None, "violated"), ("产品质量法", 50, 1, 3, "violated")},
        ),
        ("依据《产品质量法》（2018年修正）第49条的规定，决定如下：罚款。", {("产品质量法", 49, None, None, "basis")}),
        ("当事人违反了产品质量法第三十二条。", {("产品质量法", 32, None, None, "violated")}),
        (
            "依照《土地管理法》第四十四条和《土地管理法实施条例》第五十七条，当事人的行为属于非法占用土地。",
            {("土地管理法", 44, None, None, "violated"), ("土地管理法实施条例", 57, None, None, "violated")},
        ),
        ("当事人无证经营卷烟零售，与《烟草专卖法》第十六条的规定相悖。", {("烟草专卖法", 16, None, None, "violated")}),
        (
            "违反了《固体废物污染环境防治法》第八十条。依据该法第一百一十二条第一款第（五）项和第二款，决定：罚款。",
            {
                ("固体废物污染环境防治法", 80, None, None, "violated"),
                ("固体废物污染环境防治法", 112, 1, 5, "basis"),
                ("固体废物污染环境防治法", 112, 2, None, "basis"),
            },
        ),
    ],
)
def test_citations(sentence: str, expected: set[tuple[str, int, int | None, int | None, str]]) -> None:
    assert _laws(sentence) == expected


def test_quoted_articles_and_procedure_are_not_cited() -> None:
    text = (
        "《产品质量法》第五十条规定：“在产品中掺杂、掺假的，责令停止生产、销售”。\n"
        "（《医师法》第59条：没收违法所得）\n"
        "如不服本决定，可依据《行政复议法》第九条申请行政复议。逾期不缴纳罚款的，依据《行政处罚法》第七十二条加处罚款。"
    )
    assert _laws(text) == set()


def _penalties(text: str) -> list[tuple[str, float | None]]:
    return [(p.kind, p.yuan) for p in extract(text_document(text)).penalties]


def test_penalties_come_from_the_decided_items_only() -> None:
    text = (
        "经查，当事人曾于2022年被警告。《食品安全法》规定可以吊销许可证。\n"
        "本局拟对当事人处以警告。\n"
        "本局决定对当事人作出如下行政处罚：\n"
        "1.没收违法所得5,000元、假冒白酒20瓶和灌装设备一套；\n"
        "2.罚款人民币3万元；\n"
        "3.责令停产停业十五日。\n"
        "四、履行方式：逾期不缴纳罚款的，每日按罚款数额的3%加处罚款。\n"
    )
    assert _penalties(text) == [
        ("confiscate_income", 5000.0),
        ("confiscate_tools", None),
        ("fine", 30000.0),
        ("suspend", None),
    ]


def test_each_decided_order_counts() -> None:
    text = "决定对当事人：限期整改到位；处以罚款2万元；责令补种120株树木。"
    assert _penalties(text) == [("order_correct", None), ("fine", 20000.0), ("order_correct", None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("非法占用耕地3.2亩", ("area", 2133.333, "平方米", "耕地")),
        ("占用林地0.5公顷", ("area", 5000.0, "平方米", "林地")),
        ("滥伐林木蓄积12.8立方米", ("volume", 12.8, "立方米", "林木")),
        ("经手成品油7940升（每升7.4元）", ("volume", 7.94, "立方米", "成品油")),
        ("将废矿物油约4.6吨交由他人处置", ("weight", 4600.0, "千克", "废矿物油")),
        ("查获渔获物35.5公斤", ("weight", 35.5, "千克", "渔获物")),
        ("查获卷烟1,250条", ("count", 1250.0, "条", "卷烟")),
        ("查获134桶食用植物油", ("count", 134.0, "桶", "食用植物油")),
        ("事故造成二人死亡", ("count", 2.0, "人", "死亡")),
        ("拖欠农民工46人2021年4月至7月工资", ("count", 46.0, "人", "拖欠农民工")),
        # a finding stated as a lower bound is the quantity found
        ("丢弃的危险废物总重量超过5吨", ("weight", 5000.0, "千克", "危险废物")),
        ("倾倒废液共计达到2.5吨", ("weight", 2500.0, "千克", "废液")),
        ("向河道倾倒废酸8吨以上，造成河水污染", ("weight", 8000.0, "千克", "废酸")),
        ("为他人虚开普通发票37组", ("count", 37.0, "组", "他人虚开普通发票")),
    ],
)
def test_quantities_in_canonical_units(sentence: str, expected: tuple[str, float, str, str]) -> None:
    [q] = extract(text_document(f"经查，{sentence}。")).quantities
    assert (q.kind, q.value, q.unit, q.subject) == expected


def test_a_weight_given_per_container_totals_the_containers() -> None:
    text = "经查，当事人将清洗设备产生的危险废物装成36桶，每桶约重150公斤，另有危险废物120袋，每袋重量25kg，运至荒地掩埋。"
    weights = [(q.value, q.subject) for q in extract(text_document(text)).quantities if q.kind == "weight"]
    assert weights == [(5400.0, "危险废物"), (3000.0, "危险废物")]


@pytest.mark.parametrize(
    "sentence",
    [
        "违反《森林法》第七十六条。",  # an article number
        "非法占用耕地5亩以上的，处罚款。",  # a threshold in law
        "按每平方米10元处以罚款。",  # a rate
        "检定合格证已过期7个月。",  # a time
        "责令补种54株树木。",  # an order, not a finding
        "住所：某县某镇某村14组。",  # a village group in an address
        "处置危险废物超过3吨的，依法移送。",  # a threshold, no measure word before 超过
        "倾倒危险废物3吨以上的，处罚款。",  # 以上的: the law's wording
    ],
)
def test_not_quantities(sentence: str) -> None:
    assert extract(text_document(sentence)).quantities == []


COMPLETE = (
    "某某局\n行政处罚决定书\n当事人：某某有限公司，住所：某路1号。\n经查，当事人销售不合格产品。"
    "上述事实有现场检查笔录为证。\n依据《产品质量法》第四十九条，决定如下：罚款1万元。\n"
    "当事人应自收到本决定书之日起十五日内将罚款缴至指定银行。\n如不服本决定，可于六十日内申请行政复议。\n"
    "某某局\n2024年1月5日\n"
)


def test_a_complete_decision_misses_nothing() -> None:
    assert extract(text_document(COMPLETE)).missing_elements == []


@pytest.mark.parametrize(
    ("cut", "element"),
    [
        ("，住所：某路1号", PARTY),
        ("上述事实有现场检查笔录为证。", FACTS),
        ("依据《产品质量法》第四十九条，", BASIS),
        ("当事人应自收到本决定书之日起十五日内将罚款缴至指定银行。\n", PERFORMANCE),
        ("如不服本决定，可于六十日内申请行政复议。\n", REMEDY),
        ("某某局\n2024年1月5日\n", AUTHORITY),
    ],
)
def test_each_missing_element(cut: str, element: str) -> None:
    assert COMPLETE.count(cut) >= 1
    text = COMPLETE.replace(cut, "", 1) if cut != "某某局\n2024年1月5日\n" else COMPLETE[: COMPLETE.rindex(cut)]
    assert extract(text_document(text)).missing_elements == [element]


def test_id_numbers_masked_keeping_length() -> None:
    raw = "身份证号：110101199003074518，旧证身份证号码:110101900307451，信用代码91350100M000100Y43"
    masked = mask_text(raw)
    assert len(masked) == len(raw)
    assert "110101********4518" in masked and "110101*****7451" in masked
    assert "91350100M000100Y43" in masked


def test_the_payment_heading_after_the_decision_is_not_another_fine() -> None:
    text = (
        "三、行政处罚的依据和种类\n我局决定对当事人作出如下行政处罚：\n一、责令改正违法行为；\n二、罚款人民币叁仟壹佰元整。\n"
        "四、罚款的履行方式和期限\n上述罚没款限当事人于收到本决定书之日起十五日内缴至指定银行。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。\n"
    )
    f = extract(text_document(text))
    assert sorted(p.kind for p in f.penalties) == ["fine", "order_correct"]


@pytest.mark.parametrize(
    ("decision", "kinds"),
    [
        # 医疗保障基金使用监督管理条例: 责令退回, and the suspension of the 医药服务 paid by the fund
        (
            "本局决定：\n一、责令当事人退回骗取的医疗保障基金人民币3,000元；\n二、处骗取金额2倍的罚款，计人民币6,000元；\n"
            "三、责令当事人暂停中医科涉及医疗保障基金使用的医药服务6个月。",
            ["fine", "order_correct", "suspend"],
        ),
        ("本局决定：\n一、责令该项目停工；\n二、处罚款人民币60,000元。", ["fine", "suspend"]),
        # fines per tax and the total that restates them: one fine
        ("本局决定：对少缴的各项税款分别处以罚款，计3000元、800元，合计罚款3800元。", ["fine"]),
        # 劳动保障监察: the employer is ordered to pay the wages it owes
        ("本局决定：\n一、责令当事人于十五日内支付拖欠的劳动报酬；\n二、处罚款人民币20,000元。", ["fine", "order_correct"]),
        # a 当场处罚 form: only the ticked boxes were decided (its facts line comes first, as on the form:
        # a text that opens on the boxes is segmented as a header, where nothing is decided)
        (
            "违法事实：当事人未按规定公示营业执照。\n处罚内容：☑警告  ☑罚款 人民币伍佰元整  □没收违法所得  □责令停业整顿",
            ["fine", "warning"],
        ),
    ],
)
def test_penalties_as_other_agencies_word_them(decision: str, kinds: list[str]) -> None:
    assert sorted(k for k, _ in _penalties(decision)) == kinds


def test_a_violation_whose_conduct_says_overdue_is_not_the_payment_clause() -> None:
    text = (
        "某某局\n行政处罚决定书\n当事人：某某公司\n经查，当事人拖欠工资。\n"
        "就法律适用而言，当事人拖欠劳动者工资、经责令限期支付逾期未支付，与《劳动合同法》第三十条的规定相悖。\n"
        "本局依据《劳动保障监察条例》第二十六条，决定：罚款人民币壹万元。\n"
        "逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，并可依据《行政强制法》第四十六条申请人民法院强制执行。\n"
    )
    laws = {(x.law, x.article, x.role) for x in extract(text_document(text)).laws}
    assert laws == {("劳动合同法", 30, "violated"), ("劳动保障监察条例", 26, "basis")}


def test_a_finding_that_mentions_an_earlier_order_is_still_the_violation() -> None:
    text = (
        "某某局\n行政处罚决定书\n当事人：某某公司\n经查，当事人拖欠工资。\n"
        "对照《劳动合同法》第三十条，当事人拖欠劳动者工资、经责令限期支付逾期未支付的事实成立，依法应予行政处罚。\n"
        "本局依据《劳动保障监察条例》第二十六条，决定：罚款人民币壹万元。\n"
    )
    laws = {(x.law, x.article, x.role) for x in extract(text_document(text)).laws}
    assert laws == {("劳动合同法", 30, "violated"), ("劳动保障监察条例", 26, "basis")}
