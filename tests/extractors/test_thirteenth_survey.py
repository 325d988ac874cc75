"""Forms a thirteenth survey of published pages (税务 稽查局 decisions and news, 海关 decisions reprinted by
news sites, 林业 news, courts' judgments on tax and customs penalties) printed: the party a news page
says the agency 查处, a reprinted decision's `关于…处罚决定书` heading, a court's plaintiff, a numbered
list of cases, the agent a party engaged, an addressee masked with a Latin initial, a 文号 whose issuer
letters were masked, and a fine named by its field. Texts are made up; only the forms are real."""

from __future__ import annotations

from reading import fine_amounts, party_names, read_fields


def test_the_business_a_news_page_says_the_agency_investigated_is_the_party() -> None:
    text = "11月3日，某省税务部门曝光一起案件。某市税务局稽查局依法查处松原福星加油站偷税案件。经查，该站隐匿收入。\n"
    assert party_names(text) == ["松原福星加油站"]


def test_a_short_name_and_a_gang_of_firms_after_the_investigated_business_are_no_part_of_it() -> None:
    assert party_names("某市税务局稽查局依法查处宁川远航商贸有限公司（以下简称“远航公司”）骗取出口退税案件。\n") == [
        "宁川远航商贸有限公司"
    ]
    assert party_names("多部门联合依法查处某某进出口有限公司等7户企业虚开发票团伙案件。\n") == ["某某进出口有限公司"]


def test_a_headline_that_counts_the_agencys_cases_names_no_party() -> None:
    # the headline's words up to its 案件 are the agencies and their count, not a business
    text = "某省某市多部门联合依法查处一起虚开发票团伙案件\n经查，涉案企业均已走逃。\n"
    assert party_names(text) == []


def test_a_news_page_reprinting_a_customs_decision_names_the_party_in_its_heading() -> None:
    text = (
        "关于东港利丰贸易有限公司涉证行政处罚决定书(某关缉违字[2024]0031号)\n"
        "当事人委托北辰速运报关有限公司,于2024年3月2日以快件方式向海关申报出口货物一批。\n"
    )
    assert party_names(text) == ["东港利丰贸易有限公司"]


def test_the_customs_broker_a_labelled_party_engaged_is_no_second_party() -> None:
    text = (
        "某海关\n行政处罚决定书\n某关缉违字〔2024〕18号\n当事人：西岭精工机械有限公司\n住所：某市某路1号\n"
        "当事人委托南浦国际货运代理有限公司，于2024年1月5日向海关申报进口货物一票。\n"
    )
    assert party_names(text) == ["西岭精工机械有限公司"]


def test_a_court_judgment_on_a_penalty_names_the_plaintiff_as_the_party() -> None:
    text = (
        "某市中级人民法院\n行政判决书\n(2021)某行初字第9号\n原告华亭鼎泰置业有限公司。\n法定代表人王某，董事长。\n"
        "被告某市税务局稽查局。\n原告不服被告作出的税务行政处罚决定，向本院提起行政诉讼。\n"
    )
    assert party_names(text) == ["华亭鼎泰置业有限公司"]
    appeal = "上诉人(原审原告)临江汇通物流有限公司,住所地某市某区。\n被上诉人(原审被告)某海关。\n"
    assert party_names(appeal) == ["临江汇通物流有限公司"]


def test_a_numbered_list_of_cases_is_read_from_its_first_case() -> None:
    text = (
        "某市林业局典型案例通报\n"
        "1、青石县XX石料场擅自改变林地用途案。该场占用林地加工石料，被处罚款人民币6000元整。\n"
        "2、王XX滥伐林木案。当事人王XX擅自砍伐杉木三株，被处罚款人民币900元整。\n"
    )
    assert party_names(text) == ["青石县XX石料场"]


def test_an_addressee_masked_with_a_latin_initial_is_the_party() -> None:
    text = "国家税务总局某市税务局稽查局\n税务处理决定书\n某税稽处〔2025〕31号\n江北M物流有限公司：\n我局对你公司进行了检查。\n"
    assert party_names(text) == ["江北M物流有限公司"]


def test_a_number_whose_issuer_letters_were_masked_keeps_its_stars() -> None:
    text = "国家税务总局某市税务局稽查局\n税务处理决定书\n*税稽处〔2025〕88号\n某某贸易有限公司：\n我局对你公司进行了检查。\n"
    doc = read_fields(text).doc_number
    assert doc is not None and doc.value == "*税稽处〔2025〕88号"


def test_a_fine_named_by_its_field_after_the_sum_is_the_fine() -> None:
    text = "某县森林公安局依据《中华人民共和国森林法》的规定对李某某处以800元的林业行政罚款。\n"
    assert fine_amounts(text) == [800.0]
    assert party_names(text) == ["李某某"]


def test_an_addressee_whose_colon_ocr_lost_after_its_code_is_the_party() -> None:
    text = (
        "国家税务总局某市税务局第一稽查局\n税务处理决定书\n某税一稽处〔2026〕7号\n"
        "江口永泰贸易有限公司(纳税人识别号:91350700XXXXXXXXXX)\n我局对你公司涉税情况进行了检查。\n"
    )
    assert party_names(text) == ["江口永泰贸易有限公司"]
    # ...also where the layout ran the body's first words onto that line
    assert party_names(text.replace(")\n我局", ")我局")) == ["江口永泰贸易有限公司"]


def test_a_case_list_whose_title_a_scan_ran_into_its_first_case_is_read_from_that_case() -> None:
    text = "某市林业局典型案例通报1、青石县XX石料场擅自改变林地用途案。该场占用林地加工石料。2、王XX滥伐林木案。当事人王XX擅自砍伐杉木。\n"
    assert party_names(text) == ["青石县XX石料场"]
