"""The 文号 chooser: the decision's own number by role and position, the other numbers a decision
cites kept with their kind, and the shapes real agencies print (county codes, bracketed issuers,
letters and hyphens in the serial). Every text here is made up for the test."""

from __future__ import annotations

import pytest

from lianfa.extractors.fields import Fields, extract
from lianfa.ingest.pipeline import text_document

_PARTY = "当事人：某某商贸有限公司\n"
_FACTS = "经查，当事人于2024年3月销售过期食品。\n"


def _fields(text: str) -> Fields:
    return extract(text_document(text))


@pytest.mark.parametrize(
    ("printed", "filed"),
    [
        # a county's administrative code after the province letter
        ("皖1203环罚决字〔2023〕15号", "皖1203环罚决字〔2023〕15号"),
        ("晋0105 环罚字〔2022〕第9号", "晋0105环罚字〔2022〕第9号"),
        # a district's two digits, with their leading 0, after the city's letter
        ("某01环罚﹝2025﹞33号", "某01环罚〔2025〕33号"),
        # the issuing office in brackets before the letters
        # (full-width brackets are read as half-width ones, as the normaliser reads every form)
        ("（赣吉）文综罚字〔2024〕K-3-1号", "(赣吉)文综罚字〔2024〕K-3-1号"),
        ("(黔遵)应急罚〔2025〕执法一中队-4号", "(黔遵)应急罚〔2025〕执法一中队-4号"),
        # a unit in brackets inside the letters, the serial bracketed too
        ("某环(机动一)罚〔2023〕第(0012)号", "某环(机动一)罚〔2023〕第(0012)号"),
        # a serial in quotes, one with a letter, one as long as a case code
        ("某林罚决字〔2021〕第“0031”号", "某林罚决字〔2021〕第“0031”号"),
        ("某水罚〔2020〕B17号", "某水罚〔2020〕B17号"),
        ("某市监某处〔2024〕11022000031234号", "某市监某处〔2024〕11022000031234号"),
        ("某医保罚﹝2023﹞6号", "某医保罚〔2023〕6号"),
        # agriculture's line of work in brackets before 罚, a space before the serial
        ("某农(渔政)罚〔2023〕 41号", "某农(渔政)罚〔2023〕41号"),
        # a line-of-work word between the year and 第N
        ("某城罚决字〔2025〕建设第7号", "某城罚决字〔2025〕建设第7号"),
        # an accident case: the accident's year and day in quotes before the serial
        ("(某)应急罚〔2024〕2023“7.12”事故- 3号", "(某)应急罚〔2024〕2023“7.12”事故-3号"),
        ("某应急罚〔2025〕“11·3”爆燃-2号", "某应急罚〔2025〕“11·3”爆燃-2号"),
        # spaces inside the issuer's brackets
        ("( 某 )应急罚〔2023〕41号", "(某)应急罚〔2023〕41号"),
    ],
)
def test_real_shapes_are_read_whole(printed: str, filed: str) -> None:
    f = _fields(f"某某局\n行政处罚决定书\n{printed}\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.value == filed


def test_the_number_on_the_title_line_is_the_decisions() -> None:
    text = (
        "首页 > 信息公开 > 行政处罚\n\n某县市场监督管理局行政处罚决定书 某市监处罚〔2024〕61号\n"
        f"{_PARTY}执法人员对当事人作出编号为某市监先登〔2024〕0000217号先行登记保存通知书。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None
    assert (f.doc_number.value, f.doc_number.source) == ("某市监处罚〔2024〕61号", "title")
    assert [(r.value, r.kind) for r in f.related_numbers] == [("某市监先登〔2024〕0000217号", "先行登记保存")]


@pytest.mark.parametrize(
    "heading", ["行政处罚信息", "处罚公示", "行政处罚决定书", "某局行政处罚决定书（", "当前位置：首页 > 信息公开 > 行政处罚信息"]
)
def test_a_heading_the_scan_ran_into_the_number_is_not_part_of_it(heading: str) -> None:
    f = _fields(f"{heading}某市监处罚〔2025〕15号\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.value == "某市监处罚〔2025〕15号"


def test_a_labelled_number_wins_over_one_the_page_tags() -> None:
    text = "【公示】某市监某处〔2025〕31号\n发布日期：2025-02-01\n行政处罚决定书文号：某市监某处〔2025〕31号\n" + _PARTY
    f = _fields(text)
    assert f.doc_number is not None
    assert (f.doc_number.value, f.doc_number.source) == ("某市监某处〔2025〕31号", "label")
    assert f.related_numbers == []


def test_a_number_alone_in_the_header_is_found_there() -> None:
    f = _fields(f"某某市生态环境局\n行政处罚决定书\n某环罚字〔2022〕8号\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.source == "header"
    assert f.doc_number.confidence >= 0.9


def test_the_orders_and_notices_a_decision_cites_are_related_not_its_own() -> None:
    text = (
        "某某市生态环境局\n行政处罚决定书\n某环罚决字〔2023〕40号\n" + _PARTY + "我局于2023年5月向你单位下达《责令改正违法行为决定书》"
        "(某环责改字〔2023〕12号)。我局以《行政处罚事先(听证)告知书》(某环罚告字〔2023〕33号)告知你单位陈述申辩权。"
        "本案由某县公安局以某公(治)行移字〔2023〕5号函移交我局。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某环罚决字〔2023〕40号"
    assert {r.value: r.kind for r in f.related_numbers} == {
        "某环责改字〔2023〕12号": "责令改正",
        # 罚 comes before 告 in the letters: the last word written says whose number it is
        "某环罚告字〔2023〕33号": "告知书",
        "某公(治)行移字〔2023〕5号": "移送",
    }


def test_a_cited_document_is_known_by_the_words_around_it() -> None:
    text = (
        "某某市税务局稽查局\n税务行政处罚决定书\n某税稽罚〔2024〕19号\n" + _PARTY
        + "依据《某某管理办法》（某税发〔2016〕172号）的规定，参照《不起诉决定书》（某检刑不诉〔2023〕7号）。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某税稽罚〔2024〕19号"
    assert {r.value: r.kind for r in f.related_numbers} == {"某税发〔2016〕172号": "引用文件", "某检刑不诉〔2023〕7号": "不起诉"}


def test_a_notice_alone_is_not_taken_for_the_decisions_number() -> None:
    text = f"某某局\n行政处罚决定书\n{_PARTY}执法人员下达某市监先登〔2024〕33号先行登记保存通知书。\n"
    f = _fields(text)
    assert f.doc_number is None
    assert [r.kind for r in f.related_numbers] == ["先行登记保存"]


def test_a_number_only_in_the_running_text_is_a_less_sure_guess() -> None:
    text = f"{_FACTS}本局依法作出某林罚决字〔2022〕第3号行政处罚决定，{_PARTY}"
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某林罚决字〔2022〕第3号"
    assert f.doc_number.source == "body" and f.doc_number.confidence < 0.9


def test_a_page_in_traditional_characters_is_read_the_same() -> None:
    text = (
        "某某海關行政處罰決定書某關緝違字〔2024〕6號\n當事人：某某貿易有限公司\n"
        "我局以《行政處罰告知書》(某關緝告字〔2024〕2號)告知當事人，並下達《責令改正通知書》(某關責改字〔2024〕3號)。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None
    assert (f.doc_number.value, f.doc_number.source) == ("某关缉违字〔2024〕6号", "title")  # read as simplified
    assert [r.kind for r in f.related_numbers] == ["告知书", "责令改正"]


def test_a_labour_inspection_order_is_an_order_to_correct() -> None:
    text = (
        "某市人力资源和社会保障局\n行政处罚决定书\n某人社监罚〔2024〕9号\n" + _PARTY + "我局向该单位发出"
        "《劳动保障监察责令改正指令书》(某劳监令〔2024〕0000318号)。特种设备使用单位收到《特种设备安全监察指令书》"
        "(某市监特令〔2024〕第5号)。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某人社监罚〔2024〕9号"
    assert {r.value: r.kind for r in f.related_numbers} == {
        "某劳监令〔2024〕0000318号": "责令改正",
        "某市监特令〔2024〕第5号": "责令改正",
    }


@pytest.mark.parametrize(
    ("printed", "filed"),
    [
        # the page lost the year's brackets and the 号: a space, a hyphen or nothing between year and serial
        ("某水罚2023 41", "某水罚〔2023〕41号"),
        ("某应急罚字2022-7", "某应急罚字〔2022〕7号"),
        ("某(农)罚2025006号", "某(农)罚〔2025〕006号"),
        ("文号：某卫罚决2024 19", "某卫罚决〔2024〕19号"),
        ("某市监处罚字〔2023417", "某市监处罚字〔2023〕417号"),
    ],
)
def test_a_number_that_lost_its_brackets_is_rebuilt(printed: str, filed: str) -> None:
    f = _fields(f"某某局\n行政处罚决定书\n{printed}\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.value == filed
    # rebuilt rather than read as printed: a reviewer should look at it
    assert f.doc_number.confidence < 0.9


@pytest.mark.parametrize("line", ["2024 12", "行政处罚2024 3", "电话0731 2024 5566"])
def test_bare_figures_without_a_penalty_abbreviation_are_no_number(line: str) -> None:
    f = _fields(f"某某局\n行政处罚决定书\n{line}\n{_PARTY}{_FACTS}")
    assert f.doc_number is None


def test_a_bare_number_gives_way_to_a_printed_one() -> None:
    f = _fields(f"某某局行政处罚决定书（某林罚〔2024〕12号）\n某林罚2024 12\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.confidence >= 0.9


@pytest.mark.parametrize(
    ("printed", "filed"),
    [
        # a spaced year, a bracketed category after the serial, a space before 号
        ("某交处罚〔 2023〕057(非) 号", "某交处罚〔2023〕057(非)号"),
        ("某交罚〔2024〕12（A）号", "某交罚〔2024〕12(A)号"),
        # serials masked on publication
        ("某市监处罚〔2024〕xxx号", "某市监处罚〔2024〕xxx号"),
        ("某文旅罚〔2023〕**号", "某文旅罚〔2023〕**号"),
    ],
)
def test_suffixed_and_masked_serials_are_read(printed: str, filed: str) -> None:
    f = _fields(f"某某局\n行政处罚决定书\n{printed}\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.value == filed


def test_a_service_notice_keeps_its_own_number_apart_from_the_decisions() -> None:
    text = (
        "某区市场监督管理局\n公告送达书\n某市监罚送告〔2025〕2号\n某某五金经营部：\n"
        "本局依法对你单位作出的《行政处罚决定书》（某市监处罚〔2025〕27号），因无法直接送达，现依法公告送达。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某市监处罚〔2025〕27号"
    assert [(r.value, r.kind) for r in f.related_numbers] == [("某市监罚送告〔2025〕2号", "送达公告")]


def test_a_procuratorate_opinion_is_its_own_kind() -> None:
    text = (
        "某县林业局\n行政处罚决定书\n某林罚〔2024〕3号\n" + _PARTY
        + "本案线索来自某县人民检察院的检察建议书（某检行公建〔2024〕11号），"
        "另依据《某省某办法》（某政发〔2019〕4号）。\n"
    )
    f = _fields(text)
    assert {r.value: r.kind for r in f.related_numbers} == {"某检行公建〔2024〕11号": "检察意见", "某政发〔2019〕4号": "引用文件"}


def test_a_bare_header_number_beats_a_printed_one_in_the_running_text() -> None:
    text = (
        "某某市市场监督管理局\n某市监处罚字2024 353\n" + _PARTY
        + "执法人员当场作出《当场行政处罚决定书》（某市监当罚〔2024〕0611-08号），给予警告。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某市监处罚字〔2024〕353号"


def test_a_mirror_sites_pinyin_readings_do_not_split_the_number() -> None:
    f = _fields("行政處罰決定書\n某農(nóng)罰〔2025〕26號(hào)\n當(dāng)事人:某某\n經查,當事人未經許可採砂。\n")
    assert f.doc_number is not None and f.doc_number.value == "某农罚〔2025〕26号"


def test_the_next_lines_words_do_not_give_the_number_a_kind() -> None:
    # `线索` names a 移送 letter's number only beside it, not as the first word of the next line
    f = _fields(f"某某局\n行政处罚决定书\n某市监案〔2025〕847号\n本案线索来源于兄弟单位移送。\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.value == "某市监案〔2025〕847号"


def test_a_number_under_the_title_after_a_news_lead_is_the_decisions() -> None:
    text = (
        "近日，某某县青禾服饰有限公司因以不合格产品冒充合格产品，被某某县市场监督管理局罚款10万元。\n"
        "某某县市场监督管理局行政处罚决定\n（某上）市监案〔2025〕84号\n本机关对当事人立案查处。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None
    assert (f.doc_number.value, f.doc_number.source) == ("(某上)市监案〔2025〕84号", "header")


def test_a_notice_names_the_decision_by_its_title_then_its_number() -> None:
    text = (
        "关于对某镇露天焚烧的行政处罚公示\n经巡查，是村民张某焚烧秸秆造成的，依据《某县禁烧方案》(某政发【2016】9号)的规定，"
        "下达了《环境保护行政处罚决定书》(某环罚字【2019】第12号)，对张某处罚500元。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某环罚字〔2019〕第12号"


def test_a_number_right_after_another_documents_title_is_that_documents() -> None:
    text = "近日，某区应急管理局依据《应急管理行政处罚裁量权基准》(应急〔2024〕90号)，对某公司罚款1万元。\n"
    f = _fields(text)
    assert f.doc_number is None and any(r.value == "应急〔2024〕90号" for r in f.related_numbers)


def test_the_headers_print_wins_over_a_page_title_that_adds_di() -> None:
    text = "某市市场监督管理局行政处罚决定书某市监处罚字〔2025〕第41号\n发布时间：2025-05-01\n某市市场监督管理局\n行政处罚决定书\n某市监处罚字〔2025〕41号\n" + _PARTY + _FACTS
    f = _fields(text)
    assert f.doc_number is not None and (f.doc_number.value, f.doc_number.source) == ("某市监处罚字〔2025〕41号", "header")


def test_the_headers_print_wins_over_a_headline_that_files_the_serial_under_other_letters() -> None:
    # the site's headline names the case file's letters (行处字) and a 第; the document under it prints
    # its own number with its penalty word, the same year and serial
    text = (
        "某县市场监督管理局行政处罚决定书某县市监行处字〔2024〕第073号\n发布时间：2024-06-03\n"
        "某县市场监督管理局\n行 政 处 罚 决 定 书\n某县市监处罚字〔2024〕073号\n" + _PARTY + _FACTS
    )
    f = _fields(text)
    assert f.doc_number is not None and (f.doc_number.value, f.doc_number.source) == ("某县市监处罚字〔2024〕073号", "header")
    assert all(r.value != "某县市监行处字〔2024〕第073号" for r in f.related_numbers)
    # a header that only lost the brackets round the headline's city is the damaged print
    text2 = "行政处罚决定书(某)文综罚字〔2024〕F-000009号\n行政处罚决定书\n某文综罚字〔2024〕F-000009号\n" + _PARTY + _FACTS
    f = _fields(text2)
    assert f.doc_number is not None and f.doc_number.value == "(某)文综罚字〔2024〕F-000009号"
    # a header with another serial is another paper: the headline's number stands
    text = text.replace("处罚字〔2024〕073号", "处罚字〔2024〕074号")
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某县市监行处字〔2024〕第073号"


def test_a_decision_word_without_a_penalty_word_is_the_decisions_at_full_trust() -> None:
    f = _fields(f"某县自然资源局\n行政处罚决定书\n某自然资决字〔2023〕第11号\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and (f.doc_number.value, f.doc_number.confidence) == ("某自然资决字〔2023〕第11号", 0.9)


def test_an_order_whose_number_ends_in_a_decision_word_stays_an_order() -> None:
    text = f"某某市生态环境局\n行政处罚决定书\n某环罚〔2024〕8号\n{_PARTY}我局向你单位下达了某环责改决字〔2024〕3号文书。\n"
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某环罚〔2024〕8号"
    assert [r.kind for r in f.related_numbers if r.value == "某环责改决字〔2024〕3号"] == ["责令改正"]


@pytest.mark.parametrize(
    ("line", "filed"),
    [
        # both year brackets kept and only 号 lost, the serial led by a dash of its own
        ("某文罚字〔2021〕-015", "某文罚字〔2021〕-015号"),
        ("某文罚字〔 2021 〕-015", "某文罚字〔2021〕-015号"),
        # a form's issuer blank whose opening bracket the page lost leaves its closing one
        (" )某文罚字〔2021〕-015", "某文罚字〔2021〕-015号"),
        ("某文罚字〔2021〕015", "某文罚字〔2021〕015号"),
    ],
)
def test_a_header_number_that_lost_only_its_hao(line: str, filed: str) -> None:
    f = _fields(f"某市文化广电和旅游局\n行政处罚决定书\n{line}\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and (f.doc_number.value, f.doc_number.source) == (filed, "header")


@pytest.mark.parametrize("gap", [" ", "　", "  "])
def test_a_space_typed_between_the_issuer_and_its_penalty_word(gap: str) -> None:
    f = _fields(f"某区市场监督管理局\n行政处罚决定书\n某新市监{gap}处罚〔 2025 〕xxx号\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.value == "某新市监处罚〔2025〕xxx号"


def test_a_penalty_word_after_a_sentence_word_and_a_space_takes_no_issuer_from_it() -> None:
    # the word before the gap is the sentence's, so the number keeps the letters it printed
    f = _fields(f"某县应急管理局\n行政处罚决定书\n某应急罚〔2024〕6号\n{_PARTY}经查，依据 罚〔2024〕3号文书，当事人存在违法行为。\n")
    assert f.doc_number is not None and f.doc_number.value == "某应急罚〔2024〕6号"


def test_a_bracket_ocr_read_twice_before_the_year() -> None:
    f = _fields(f"某县水利局\n行政处罚决定书\n某县罚决字〔〔2024〕第03号\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.value == "某县罚决字〔2024〕第03号"


@pytest.mark.parametrize(
    ("line", "filed"),
    [
        # the issuer printed the year bare, the 第 after it telling where it ends
        ("某林罚决字2020第07号", "某林罚决字2020第07号"),
        ("某县林业罚决字2023第1号", "某县林业罚决字2023第1号"),
    ],
)
def test_a_year_printed_without_brackets_before_its_di(line: str, filed: str) -> None:
    f = _fields(f"某县林业局\n林业行政处罚决定书\n{line}\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and (f.doc_number.value, f.doc_number.source) == (filed, "header")


def test_a_bare_year_with_no_di_is_no_number() -> None:
    # a year and a count with no 第 between them are any figures of the facts
    f = _fields(f"某县林业局\n行政处罚决定书\n{_PARTY}经查，当事人在某林区2021采伐杉木15号林班的林木。\n")
    assert f.doc_number is None


def test_a_table_rows_number_is_labelled_by_the_cell_before_it() -> None:
    # a disclosure record printed as table rows: the 文号 cell names the number in the next one
    text = (
        "行政相对人名称 | 某某 | |\n"
        "决定书名称 | 林业行政处罚决定书 | 决定书文号 | 某林罚决字2019第11号 |\n"
        "违法事实 | 某某于2018年擅自改变林地用途。 | |\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and (f.doc_number.value, f.doc_number.source) == ("某林罚决字2019第11号", "label")


def test_an_earlier_decision_named_by_its_title_is_a_decision_whatever_its_letters() -> None:
    # its letters hold no penalty word, but the title before it says what paper it numbers
    text = (
        "某区市场监督管理局\n行政处罚决定书\n某市监案〔2024〕K-3-20号\n当事人：某某建材厂\n"
        "此前，本局曾以《行政处罚决定书》（某市监案〔2023〕K-3-11号）对其作出罚款2000元的处罚。\n"
        "经查，当事人使用未经检定的计量器具。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某市监案〔2024〕K-3-20号"
    assert [(r.value, r.kind) for r in f.related_numbers] == [("某市监案〔2023〕K-3-11号", "处罚决定")]


@pytest.mark.parametrize(
    ("title", "filed"),
    [
        # a county's one letter set apart by spaces between the title and the rest of the number
        ("林业行政处罚决定书 桐 林罚决字[2023]第061号", "桐林罚决字〔2023〕第061号"),
        ("水行政处罚决定书　沣　水罚字〔2022〕7号", "沣水罚字〔2022〕7号"),
        # ...and the same inside the brackets a lead cites the number in
        ("某某分局向某某药房下达了《行政处罚决定书》（榆 药罚[2021]56号）", "榆药罚〔2021〕56号"),
        # ...but the last letter of a letter-spaced title is no issuer's
        ("某某县林业局 行 政 处 罚 决 定 书 某林罚字〔2024〕3号", "某林罚字〔2024〕3号"),
    ],
)
def test_a_lone_letter_before_the_number_is_its_issuers(title: str, filed: str) -> None:
    f = _fields(f"{title}\n{_PARTY}{_FACTS}")
    assert f.doc_number is not None and f.doc_number.value == filed


def test_the_clause_word_before_a_cited_number_is_not_its_letters() -> None:
    # a summary of a court case names the decision in its sentence: 作出的 ties the clause to the number
    text = (
        "某某公司诉某海关一案\n经审理查明：某海关认定上述货物原产地申报不实，作出的某关法罚字(简易)[2020]41号"
        "《行政处罚决定书》，决定对某某公司科处罚款人民币3000元。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某关法罚字(简易)〔2020〕41号"


def test_the_partys_earlier_penalty_cited_in_the_finding_is_not_the_decisions_number() -> None:
    # a page that lost the decision's own header prints only the number of a penalty the party had before
    text = (
        "当事人名称：某某进出口有限公司\n"
        "2025年3月2日，当事人向海关申报出口一批玩具。另查，当事人曾因出口侵权货物被海关行政处罚"
        "（某关知字〔2024〕0031号），在处罚后一年内又实施侵权行为。\n"
        "决定没收当事人侵权货物，并处罚款人民币2000元。\n"
    )
    f = _fields(text)
    assert f.doc_number is None
    assert [(r.value, r.kind) for r in f.related_numbers] == [("某关知字〔2024〕0031号", "处罚决定")]
    assert [a.yuan for a in f.amounts if a.role == "fine"] == [2000]


def test_the_earlier_penalty_beside_the_decisions_own_number() -> None:
    text = (
        "某海关\n行政处罚决定书\n某关知字〔2025〕0107号\n当事人名称：某某贸易有限公司\n"
        "经查，当事人曾被海关行政处罚（某关知字〔2023〕0012号），此次又出口侵权货物。\n决定处罚款人民币3000元。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某关知字〔2025〕0107号"
    assert [(r.value, r.kind) for r in f.related_numbers] == [("某关知字〔2023〕0012号", "处罚决定")]


def test_a_year_whose_closing_bracket_ocr_lost_before_the_serial() -> None:
    # a scan of a customs title: the small bracket's closing half gone, the serial run on after the year
    f = _fields("中华人民共和国某某海关行政处罚决定书某关知字(20240213号\n当事人名称：某某贸易有限公司\n" + _FACTS)
    assert f.doc_number is not None and f.doc_number.value == "某关知字〔2024〕0213号"


def test_an_earlier_penalty_named_as_one_is_a_decision_whatever_its_letters() -> None:
    # its letters hold no penalty word (市监案), but the sentence says it numbers a penalty
    text = (
        "某区市场监督管理局\n行政处罚决定书\n某市监案〔2025〕0212号\n当事人：某某冷链食品有限公司\n"
        "经查，当事人冷库温度记录缺失。当事人曾受到本机关行政处罚（某市监案〔2024〕0107号），一年内再次违法。\n"
    )
    f = _fields(text)
    assert f.doc_number is not None and f.doc_number.value == "某市监案〔2025〕0212号"
    assert [(r.value, r.kind) for r in f.related_numbers] == [("某市监案〔2024〕0107号", "处罚决定")]
