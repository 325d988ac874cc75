"""The party as a fifteenth survey of published pages (news, 通报 and case-study pages of 税务, 海关,
林业, 应急管理, 文旅, 水利, 药监, 卫健 and 医保 decisions) named it in prose, with no label. Texts are
made up; only the forms are real."""

from __future__ import annotations

from reading import party_names


def test_a_numbered_case_heading_names_the_business_run_on_past_a_shorter_ending() -> None:
    text = (
        "近日，省医保局通报了3起典型案例。\n"
        "二、白沙县青禾镇中心卫生院以挂床住院骗取医保基金案\n"
        "经查，该院存在挂床住院问题，涉及医保基金1.1万元。医保部门追回基金并处罚款5.5万元。\n"
    )
    assert party_names(text) == ["白沙县青禾镇中心卫生院"]


def test_a_case_heading_under_its_number_on_the_line_above_names_the_business() -> None:
    text = (
        "现将典型案例予以曝光。\n案例一\n云岭华安机械铸造有限公司重大事故隐患违法处罚案\n"
        "一、基本案情\n执法人员对该公司检查时发现其熔炼炉冷却水系统未设报警装置。\n"
    )
    assert party_names(text) == ["云岭华安机械铸造有限公司"]


def test_a_case_heading_led_by_a_long_agency_name_names_the_business_after_it() -> None:
    text = (
        "现选取部分典型案例予以公布。\n"
        "一、甘南藏族自治州临潭县市场监管局查处远山能源有限公司破坏计量器具准确度案\n"
        "经查，当事人使用被改动的加油机销售成品油。\n"
    )
    assert party_names(text) == ["远山能源有限公司"]


def test_a_tax_storys_business_in_the_case_with_a_letter_for_its_masked_part() -> None:
    text = (
        "近日，某市税务局第一稽查局查处一起隐匿收入案件。涉案企业南安R贸易有限公司（以下简称R公司）在经销建材过程中，"
        "采取销售不开票方式隐匿销售收入2100万元。稽查局依法对其作出追缴税款、加收滞纳金并处罚款的处理决定。\n"
    )
    assert party_names(text) == ["南安R贸易有限公司"]


def test_a_short_name_without_quotes_fined_after_its_wrongdoing_is_read_as_the_full_name() -> None:
    text = (
        "本报讯 因东岭集团北坡煤业有限责任公司（以下简称北坡煤业）存在越界开采等重大隐患，省煤监局发布通报。"
        "调查组对北坡煤业违法违规行为进行了调查处理，依法给予警告、罚款人民币300万元的行政处罚。\n"
    )
    assert party_names(text) == ["东岭集团北坡煤业有限责任公司"]


def test_what_the_party_is_asked_to_show_is_no_name_and_a_masked_person_opening_a_clause_is() -> None:
    text = (
        "经询问得知，赵某某在未取得《旅行社业务经营许可证》的情况下招徕游客20名。"
        "执法人员要求当事人出示本次旅游团队的行程单，当事人无法提供。文旅局给予罚款3000元的行政处罚。\n"
    )
    assert party_names(text) == ["赵某某"]


def test_a_person_fined_by_a_sentence_that_goes_on_with_the_penalty_is_read_without_it() -> None:
    text = (
        "2025年5月，某市文化旅游局对钱某某作出没收违法所得、罚款2000元的行政处罚，"
        "对青松国际旅行社有限公司作出警告的行政处罚。\n"
    )
    assert party_names(text) == ["钱某某"]


def test_a_customs_party_named_with_the_agent_it_engaged() -> None:
    text = "当事人江南丰和进出口有限公司委托海通报关有限公司，于2024年3月向海关申报进口货物一批。\n"
    assert party_names(text) == ["江南丰和进出口有限公司"]


def test_a_person_dealt_with_by_the_agency_is_named_after_its_dui() -> None:
    text = "12月3日，某县林业局以滥伐林木案对孙某予以查处，责令其补种树木300株，并处罚款6000元。\n"
    assert party_names(text) == ["孙某"]


def test_a_headline_a_brigade_speaks_names_no_party() -> None:
    text = (
        "某省林业执法总队发布林地违法行为典型案例\n"
        "一、蒋某华擅自改变林地用途案\n经查，当事人蒋某华于2023年占用林地800平方米。林业局对当事人蒋某华处以8000元罚款。\n"
    )
    assert party_names(text) == ["蒋某华"]


def test_the_first_case_of_a_list_opens_with_its_date_and_the_business() -> None:
    text = (
        "1\n不合理低价游案\n2024 年 3 月，江州某旅行社以低于成本的价格组织旅游活动，并安排游客进入购物场所。"
        "文旅局对该公司罚款30000元。\n2\n未经许可经营出境游案\n江州某文化有限公司在未取得出境旅游业务资质的情况下招徕游客。\n"
    )
    assert party_names(text) == ["江州某旅行社"]


def test_an_inn_inspected_without_jinxing_is_named() -> None:
    text = "3月2日，区卫健委监督员在对河西区长风客栈监督检查时发现，当事人未按规定对顾客用品进行清洗消毒。\n"
    assert party_names(text) == ["河西区长风客栈"]


def test_what_the_staff_found_after_a_comma_names_the_business() -> None:
    text = "县水务局工作人员在统计取水量时发现，某县青山温泉度假有限公司已超本年度许可量。我局依法对其罚款3万元。\n"
    assert party_names(text) == ["某县青山温泉度假有限公司"]


def test_a_title_led_by_a_region_alone_names_the_business() -> None:
    text = "丽水市青田县查办青田某建材股份有限公司未经批准擅自取水案\n\n发布日期：2021-03-02\n当事人在河道内设置取水泵。\n"
    assert party_names(text) == ["青田某建材股份有限公司"]


def test_a_business_that_received_the_agencys_ticket_is_named() -> None:
    text = "就在近日，海宁某美容养生馆收到了县卫生健康局的罚单。该美容养生馆未取得《医疗机构执业许可证》开展医疗美容。\n"
    assert party_names(text) == ["海宁某美容养生馆"]


def test_an_unmasked_person_named_by_the_penalty_sentence_and_again_elsewhere() -> None:
    text = (
        "经核实，周德林非法占用林地600平方米建房。林业局对周德林非法擅自改变林地用途的行为，"
        "下达《林业行政处罚决定书》，对其行政罚款18000元。\n"
    )
    assert party_names(text) == ["周德林"]


def test_the_business_after_bei_chufa_de_is_named() -> None:
    text = "据通报，被处罚的北岸物流有限公司未按规定开展安全培训，应急管理局依法处罚款2万元。\n"
    assert party_names(text) == ["北岸物流有限公司"]
