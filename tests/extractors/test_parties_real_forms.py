"""The party as published decisions state it: the survey's label variants, no label at all (a
信息公开 table, the addressee line, the name alone on a line, the title, the finding), masked names,
several parties under one label, and field labels that are never a name. Each party says where it
was read and how far that source is trusted. Texts are made up; only the forms are real."""

from __future__ import annotations

from lianfa.extractors.fields import extract
from lianfa.extractors.parties import Party
from lianfa.ingest.party_labels import field_labels, labels_pattern, name_labels
from lianfa.ingest.pipeline import text_document


def _parties(text: str) -> list[Party]:
    return extract(text_document(text)).parties


def _named(block: str) -> list[Party]:
    return _parties(f"某某县市场监督管理局\n行政处罚决定书\n某市监罚〔2025〕8号\n{block}\n经查，当事人存在违法行为。\n")


def test_the_market_template_labels_read_name_address_and_representative() -> None:
    [p] = _named(
        "当事人姓名或者单位名称:某某县青禾副食店(柳某)\n"
        "主体资格证件名称及号码:营业执照110100600000001\n"
        "住所(经营场所)或者住址:某某县东街5号\n"
        "法定代表人(负责人):柳某"
    )
    assert p.name.startswith("某某县青禾副食店") and p.source == "label" and p.confidence >= 0.9
    assert p.address == "某某县东街5号" and p.legal_representative == "柳某"


def test_a_registration_label_with_its_alternative_in_brackets() -> None:
    [p] = _named("当事人:某某镇长丰米厂\n营业执照注册号(公民身份号码):341000000012345\n地址:某某镇西路")
    assert (p.name, p.registration_no, p.address) == ("某某镇长丰米厂", "341000000012345", "某某镇西路")


def test_labels_recorded_in_the_survey_are_known_to_the_layout_and_sections() -> None:
    assert "当事人姓名或者单位名称" in name_labels() and "统一社会信用编码" in field_labels("credit_code")
    import re

    assert re.fullmatch(labels_pattern(), "住所(经营场所)或者住址")


def test_letter_spaced_label_and_masked_person() -> None:
    [p] = _named("当 事 人:宋*林\n地 址:某某县某村三组")
    assert (p.name, p.kind, p.address) == ("宋*林", "individual", "某某县某村三组")


def test_a_representatives_name_label_is_not_a_party() -> None:
    parties = _parties(
        "某某市生态环境局\n行政处罚决定书\n某环罚〔2025〕3号\n某某县丰裕豆制品厂:\n"
        "营业执照注册号(公民身份号码):92**********7K 地址:某某县北关村\n法定代表人(负责人)姓名:严*东\n"
        "我局执法人员于2025年3月2日对你厂检查时发现…\n"
    )
    assert [(p.name, p.source, p.legal_representative) for p in parties] == [("某某县丰裕豆制品厂", "addressee", "严*东")]


def test_the_addressee_line_below_page_furniture() -> None:
    [p] = _parties(
        "某某县自然资源局行政处罚决定书(某自然资罚字〔2024〕5号)\n"
        "发布时间:2024-05-01 09:00:00     来源:某某县自然资源局 阅读次数:7\n\n"
        "某某县青山农旅开发有限公司:\n\n我局于2024年2月1日对你公司非法占地一案立案调查。\n"
    )
    assert (p.name, p.source) == ("某某县青山农旅开发有限公司", "addressee") and p.confidence == 0.8


def test_the_name_alone_on_a_line_above_its_code() -> None:
    [p] = _parties(
        "行政处罚决定书\n某0301环罚决字〔2024〕9号\n某某市恒通再生资源有限公司\n"
        "统一社会信用代码:91410300MA00000000\n法定代表人:韦某某\n一、环境违法事实和证据\n"
    )
    assert (p.name, p.source, p.legal_representative) == ("某某市恒通再生资源有限公司", "addressee", "韦某某")
    assert p.confidence < 0.8


def test_a_disclosure_table_gives_one_party_per_numbered_row() -> None:
    parties = _parties(
        "某某市市场监督管理局行政处罚案件信息公开\n"
        "序号 | 行政处罚决定书文号 | 案件名称 | 违法企业名称或违法自然人姓名 | 法定代表人或负责人姓名 | 处罚内容 |\n"
        "1 | 某市监罚〔2024〕11号 | 某某区晨光便利店销售过期食品案 | 某某区晨光便利店 | 田某 | 罚款500元 |\n"
        "不予没收 | 备注 |\n"
        "2 | 某市监罚〔2024〕12号 | 某某区好邻里超市销售过期食品案 | 某某区好邻里超市 | 吕某 | 警告 |\n"
    )
    assert [(p.name, p.source) for p in parties] == [("某某区晨光便利店", "table"), ("某某区好邻里超市", "table")]


def test_the_column_header_of_a_table_is_not_a_label_with_a_value() -> None:
    parties = _parties("序号 | 文号 | 当事人名称 | 处罚内容 |\n1 | 某罚〔2024〕1号 | 某某县宏达石料厂 | 罚款 |\n")
    assert [p.name for p in parties] == ["某某县宏达石料厂"]


def test_a_key_value_table_row() -> None:
    [p] = _parties(
        "林业行政处罚信息\n行政相对人名称 | 廖XX | |\n行政相对人类别 | 自然人 | 自然人证件类型 | 身份证 |\n"
        "违法事实 | 未经审核同意擅自在集体林地内搭建棚舍,改变林地用途 |\n"
    )
    assert (p.name, p.kind, p.source) == ("廖XX", "individual", "label")


def test_a_label_cell_above_its_value() -> None:
    [p] = _parties("行政处罚决定书\n某文罚字〔2019〕7号\n姓名或名称\n某某市星际网吧\n法定代表人\n孟某\n违法事实\n")
    assert p.name == "某某市星际网吧"


def test_the_title_names_the_party_when_nothing_else_does() -> None:
    [p] = _parties("某某县丰源副食销售不合格预包装食品的经营行为案\n某某县市场监督管理局对其销售的饼干进行了抽检。\n")
    assert (p.name, p.source) == ("某某县丰源副食", "title") and p.confidence == 0.6


def test_a_masked_person_in_the_title() -> None:
    [p] = _parties("卢某无准运证运输烟草专卖品案\n一、基本案情\n某市烟草专卖局在某停车场对当事人卢某的车辆进行检查。\n")
    assert (p.name, p.kind, p.source) == ("卢某", "individual", "title")


def test_the_findings_first_sentence_names_a_company() -> None:
    [p] = _parties("2019年,某某市青岗石材有限公司擅自超越批准的矿区范围开采建筑用石料。\n某某市国土资源局依法立案查处。\n")
    assert (p.name, p.source) == ("某某市青岗石材有限公司", "finding") and p.confidence == 0.5


def test_several_masked_parties_under_one_label() -> None:
    parties = _named("当事人:邱某某、韩某某")
    assert [(p.name, p.kind) for p in parties] == [("邱某某", "individual"), ("韩某某", "individual")]


def test_masks_inside_business_names_and_lowercase_masks() -> None:
    [a] = _named("当事人:某某市**新型建材有限公司")
    [b] = _named("当事人:范xx,联系电话:138xxxx0000")
    assert a.name == "某某市**新型建材有限公司" and a.kind == "organisation"
    assert (b.name, b.kind) == ("范xx", "individual")


def test_a_traditional_page_is_read_like_a_simplified_one() -> None:
    [p] = _parties("行政處罰決定書\n某關緝違字〔2024〕2號\n當事人:某某市恆昌貿易有限公司,法定代表人:龐某,地址:某市某路\n經我關調查,當事人有以下違法行為。\n")
    assert (p.name, p.legal_representative) == ("某某市恒昌贸易有限公司", "庞某")


def test_field_labels_alone_never_come_out_as_names() -> None:
    parties = _named("当事人:\n姓名:\n类别:\n或姓名:\n统一社会信用代码:")
    assert all(p.name not in {"姓名", "类别", "或姓名"} for p in parties)


def test_a_blank_field_is_not_filled_with_the_next_label() -> None:
    [p] = _named("当事人:钟*\n(个人)姓名:钟* 身份证号:330100********0011\n(单位)名称:法定代表人(负责人):\n住所(地址):某县某乡某村")
    assert (p.name, p.legal_representative, p.address) == ("钟*", None, "某县某乡某村")


def test_a_header_row_that_opens_with_the_party_column() -> None:
    parties = _parties(
        "| 索引号 | 0002/2025-00011 | 发布机构 | 某某县林业和草原局 |\n"
        "行政相对人名称 | 行政处罚决定书文号 | 违法行为类型 | 处罚内容 | 罚款金额(万元) | 处罚机关 |\n"
        "龙某松 | 某林罚决字(2025)第3号 | 擅自改变林地用途 | 罚款 | 0.2 | 某某县林业和草原局 |\n"
    )
    assert [(p.name, p.source) for p in parties] == [("龙某松", "table")]


def test_the_finding_names_whom_the_inspection_was_of() -> None:
    [a] = _parties("2024年5月6日,某某县统计局执法人员对某某市华锦纺织有限公司统计数据质量进行检查,发现上报数不实。\n")
    [b] = _parties("执法人员在某某镇某小区门口当场查获当事人焦志远。经调查,当事人驾驶无道路运输证的货车装载货物。\n")
    [c] = _parties("某某县某乡村民苗某某未经审批,擅自在某乡开采石料。县自然资源和规划局接到举报后立案。\n")
    assert [(x.name, x.source) for x in (a, b, c)] == [
        ("某某市华锦纺织有限公司", "finding"), ("焦志远", "finding"), ("苗某某", "finding")
    ]


def test_a_name_opening_the_paragraph_before_its_representative() -> None:
    [p] = _parties("某某海关\n行政处罚决定书\n某关检罚字〔2021〕0009号\n某某市天禾农业开发有限公司,法定代表人为:向某某,联系地址:某市某路1号。\n当事人委托报关公司申报出口货物一批。\n")
    assert (p.name, p.source, p.legal_representative) == ("某某市天禾农业开发有限公司", "addressee", "向某某")


def test_an_ocr_slip_in_the_party_line_yields_to_the_reading_the_text_repeats() -> None:
    [p] = _parties(
        "某某县晨曦烘焙工坊.pdf\n某某县市场监督管理局\n行政处罚决定书\n当事人:某某县晨曦烘培工坊\n"
        "经营者:某某\n2023年3月15日,执法人员依法对某某县晨曦烘焙工坊进行监督检查。\n"
    )
    assert p.name == "某某县晨曦烘焙工坊" and p.source == "label" and p.confidence < 0.8


def test_a_name_the_text_does_not_repeat_otherwise_stays_as_printed() -> None:
    [p] = _named("当事人:某某县晨曦烘培工坊")
    assert p.name == "某某县晨曦烘培工坊" and p.confidence == 0.95


def test_a_label_with_its_alternative_after_or_inside_brackets() -> None:
    for label in ("当事人名称或姓名", "单位名称或个人姓名", "违法单位或个人名称", "当事人（单位名称或个人姓名）"):
        assert [p.name for p in _named(f"{label}：某某县宏达石料厂")] == ["某某县宏达石料厂"], label


def test_a_category_line_before_the_name_is_not_a_party() -> None:
    assert [p.name for p in _named("当事人类别：企业\n当事人名称：某某县宏达石料厂")] == ["某某县宏达石料厂"]


def _scanned(lines: list[str]) -> list[Party]:
    """A page as OCR returns it: one box per printed line, every line running to the right margin."""
    from lianfa.ingest.document import Box, DocumentBuilder, PageInfo

    b = DocumentBuilder()
    for i, line in enumerate(lines):
        b.add_line(line, 1, Box(0.1, 0.02 + i * 0.03, 0.9, 0.04 + i * 0.03))
    return extract(b.build([PageInfo(number=1, width=1000, height=1400, source="ocr")], "ocr")).parties


def test_a_scan_that_runs_the_title_into_the_body_still_names_the_party() -> None:
    [p] = _scanned([
        "某某县长乐副食销售不合格预包装食品的经营行为案",
        "某某县市场监督管理局对该店销售的饼干进行了抽检,结论为不合格,并依法立案调查。",
        "决定给予如下行政处罚:罚款人民币5000元整,没收违法所得30元整,当事人无异议。",
    ])
    assert (p.name, p.source) == ("某某县长乐副食", "title")


def test_a_scan_that_lost_the_space_after_the_name() -> None:
    [p] = _parties("行政处罚决定书\n某自然执罚字〔2024〕4号\n当事人:韦德明你未经依法批准,于2015年擅自占用某村土地建设房屋。\n")
    assert p.name == "韦德明"


def test_an_addressee_run_into_the_page_counter_line() -> None:
    [p] = _scanned([
        "某某县自然资源局行政处罚决定书(某自然资罚字〔2024〕3号)",
        "发布时间:2024-09-14 20:39:00 来源:某某县自然资源局 阅读次数:38某某县青岭农业开发有限公司:",
        "我局于2024年4月26日对你公司非法占用土地的行为立案调查,经查,你公司于2019年非法占地。",
    ])
    assert (p.name, p.source) == ("某某县青岭农业开发有限公司", "addressee")


def test_a_title_that_opens_with_the_agency_and_about() -> None:
    [p] = _parties("某某海关关于某某市恒昌贸易有限公司擅自处置保税料件案的处罚决定\n经我关调查,当事人将保税料件擅自内销。\n")
    assert (p.name, p.source) == ("某某市恒昌贸易有限公司", "title")


def test_a_heading_that_opens_with_about_names_the_party_without_it() -> None:
    [p] = _parties("关于某某市远航包装材料有限公司违反海关监管规定的行政处罚决定书\n当事人申报进口纸板三票，经海关计核漏缴税款。\n")
    assert p.name == "某某市远航包装材料有限公司"


def test_labels_of_the_second_survey_pass() -> None:
    [a] = _named("被处罚行为人:宁**      性别:女     民族:汉\n住址:某区某街道**组    电话:139******07")
    [b] = _named("当事人(名称/姓名):某某县***学堂托管部\n法定代表人:邵** 证件类型: 营业执照\n地址/住址:某县某镇**号")
    [c] = _named("当事人:某某丰穗农资服务部\n登记地址:某县某街道某路5号\n法定代表人:唐x 身份证号码:41000xxxxxxx20033")
    assert (a.name, a.kind, a.address) == ("宁**", "individual", "某区某街道**组")
    assert (b.name, b.address, b.legal_representative) == ("某某县***学堂托管部", "某县某镇**号", "邵**")
    assert (c.name, c.address, c.legal_representative) == ("某某丰穗农资服务部", "某县某街道某路5号", "唐x")


def test_a_blank_cell_under_a_label_leaves_the_field_empty() -> None:
    # labels printed above their values, the representative's cell left blank
    [p] = _named("当事人名称\n某某石材加工厂\n法定代表人\n\n经营地址\n某某县北关村\n")
    assert p.legal_representative is None and p.address == "某某县北关村"


def test_a_heading_after_a_blank_cell_is_not_its_value() -> None:
    [p] = _named("当事人名称\n某某石材加工厂\n负责人\n违法事实与证据\n")
    assert p.legal_representative is None


def test_a_filled_cell_under_a_label_is_read() -> None:
    [p] = _named("当事人名称\n某某石材加工厂\n负责人\n郑某\n经营地址\n某某县北关村\n")
    assert (p.legal_representative, p.address) == ("郑某", "某某县北关村")


def test_a_spaced_party_label_that_lost_its_first_letter_still_names_the_party() -> None:
    [p] = _named("事    人:***网吧\n法 定 代 表 人:韦**")
    assert p.name == "***网吧" and p.legal_representative == "韦**"


def test_the_two_letters_inside_a_sentence_are_no_label() -> None:
    parties = _parties("某某局\n行政处罚决定书\n当事人：某某科技有限公司\n经查，该事  人：员工陈述属实。\n")
    assert [p.name for p in parties] == ["某某科技有限公司"]


def _unlabelled(top: str, body: str = "经查，当事人存在违法行为。\n") -> list[Party]:
    return _parties(f"{top}\n某市监罚〔2025〕8号\n{body}")


def test_a_title_whose_act_opens_without_a_verb_is_cut_at_the_business_name() -> None:
    [p] = _unlabelled("某某海关\n宏远泰达物流有限公司进口货物品名申报不实案\n行政处罚决定书")
    assert (p.name, p.source) == ("宏远泰达物流有限公司", "title")


def test_a_title_that_goes_on_to_name_the_document_still_gives_the_party() -> None:
    [p] = _unlabelled("某县文化和旅游局关于对某某县星河网络会所违规接纳未成年人案的行政处罚决定书")
    assert (p.name, p.source) == ("某某县星河网络会所", "title")


def test_a_case_name_line_that_states_only_the_act_names_no_party() -> None:
    parties = _unlabelled("案件名称：违反食品安全管理规定一案\n行政处罚决定书", "经查，当事人绿野餐饮有限公司存在超范围经营的行为。\n")
    assert [(p.name, p.source) for p in parties] == [("绿野餐饮有限公司", "finding")]


def test_an_act_that_ends_like_a_business_is_not_taken_for_the_party() -> None:
    parties = _unlabelled("行政处罚决定书", "经查，当事人违规经营歌舞娱乐场所，情节较轻。\n")
    assert parties == []


def test_a_breach_word_inside_the_act_does_not_end_the_name_in_a_title() -> None:
    [p] = _unlabelled("某某市场监督管理局\n恒通（某某）物业有限公司发布违法广告案\n行政处罚决定书")
    assert (p.name, p.source) == ("恒通(某某)物业有限公司", "title")


def test_a_branch_named_in_a_title_keeps_its_branch() -> None:
    [p] = _unlabelled("某某生态环境局\n某某化工有限公司城西分公司建设项目未批先建案\n行政处罚决定书")
    assert p.name == "某某化工有限公司城西分公司"


def test_a_case_name_of_four_plain_letters_is_no_person() -> None:
    parties = _unlabelled("案件名称：特种设备使用管理违法一案\n行政处罚决定书", "经查，当事人某某电梯有限公司存在违法行为。\n")
    assert [p.name for p in parties] == ["某某电梯有限公司"]


def test_two_people_joined_by_and_under_one_label() -> None:
    for joined in ("谷某某和车某某", "谷某某与车某某"):
        assert [(p.name, p.kind) for p in _named(f"当事人:{joined}")] == [("谷某某", "individual"), ("车某某", "individual")]


def test_two_businesses_joined_by_and_under_one_label() -> None:
    parties = _named("当事人:某某县山河建材有限公司和某某县顺通物流有限公司")
    assert [p.name for p in parties] == ["某某县山河建材有限公司", "某某县顺通物流有限公司"]


def test_and_inside_one_business_name_does_not_split_it() -> None:
    assert [p.name for p in _named("当事人:某某县和平饭店")] == ["某某县和平饭店"]
    assert [p.name for p in _named("当事人:某某与时科技有限公司")] == ["某某与时科技有限公司"]


def test_several_people_each_with_details_in_brackets() -> None:
    parties = _named("当事人:谷某某(男,1971年生)、车某某(女,1980年生)")
    assert [p.name for p in parties] == ["谷某某", "车某某"]


def test_a_field_after_a_bracketed_code_is_no_second_party() -> None:
    parties = _named("当事人:某某县山河建材有限公司(统一社会信用代码:91000000MA00000000)、住所:某县某路")
    assert [p.name for p in parties] == ["某某县山河建材有限公司"]


def test_a_news_summary_names_whom_the_penalty_was_made_against() -> None:
    [a] = _parties("据信用中国网站消息,某某县应急管理局对某某县长兴烟花制造有限公司作出行政处罚,罚款5万元。\n")
    [b] = _parties("某某区市场监管局依法对某某绿野农产品配送中心有限公司销售标签不符合规定的食品等违法行为作出罚款3万元的行政处罚。\n")
    assert [(x.name, x.source) for x in (a, b)] == [
        ("某某县长兴烟花制造有限公司", "finding"), ("某某绿野农产品配送中心有限公司", "finding")
    ]


def test_a_news_summary_saying_the_business_was_fined() -> None:
    [p] = _parties("日前,某某餐饮管理有限公司(下称“某某面馆”)因在广告中使用“第一品牌”用语,被某某区市场监管局罚款3万元。\n")
    assert (p.name, p.source) == ("某某餐饮管理有限公司", "finding")


def test_the_agency_a_news_summary_names_is_not_the_party() -> None:
    parties = _parties("申请人不服,对某某市市场监督管理局作出的处罚决定申请复议。\n")
    assert parties == []


def test_the_offending_entity_a_news_summary_names() -> None:
    [p] = _parties("某区监管部门查明一家购物网站的运营方即违法主体某某聚合信息科技有限公司作出罚款20万元的处罚。\n")
    assert p.name == "某某聚合信息科技有限公司"


def test_a_pinyin_reading_inside_the_label_does_not_hide_the_party() -> None:
    [p] = _parties("行政處罰決定書\n某農(nóng)罰〔2025〕3號(hào)\n當(dāng)事人:某XX,男,住某村。\n經查,當事人未經許可採砂。\n")
    assert (p.name, p.source) == ("某XX", "label")


def test_a_news_summary_name_with_a_business_word_inside_it_is_read_whole() -> None:
    [p] = _parties("某某区市场监管局对某某农贸市场管理有限公司销售过期食品的行为作出罚款2万元的行政处罚。\n")
    assert p.name == "某某农贸市场管理有限公司"


def test_a_news_lead_that_opens_with_the_agency_names_the_party_after_its_against() -> None:
    [p] = _parties("某某市农业农村局依法对某某穗丰水产有限公司非法捕捞水产品的行为作出罚款1.2万元的行政处罚。\n行政处罚决定书\n")
    assert p.name == "某某穗丰水产有限公司"


def test_a_clause_about_the_party_in_the_payment_paragraph_names_no_one() -> None:
    parties = _parties("行政处罚决定书\n经查,违法事实成立。\n当事人应于收到本决定书之日起十五日内缴至某某银行某某分行营业部,逾期加处罚款。\n")
    assert parties == []


def test_a_disclosure_tables_narrow_header_row_is_no_label_with_a_value() -> None:
    parties = _parties(
        "行政相对人名称 | 行政处罚决定书文号 | 违法行为类型 | 处罚机关 |\n"
        "某某县润发物业服务有限公司 | 某劳监罚〔2017〕24号 | 拖欠工资 | 某某县人力资源和社会保障局 |\n"
    )
    assert [(p.name, p.source) for p in parties] == [("某某县润发物业服务有限公司", "table")]


def test_and_inside_the_second_business_name_does_not_split_it() -> None:
    parties = _named("当事人:某某同东混凝土有限公司与佛山和创建筑工程有限公司")
    assert [p.name for p in parties] == ["某某同东混凝土有限公司", "佛山和创建筑工程有限公司"]


def test_a_listed_companys_announcement_names_it_by_its_short_name() -> None:
    [a] = _parties("财经讯 12月3日晚间,青禾科技(300128)发布公告称,公司收到某某市应急管理局出具的《行政处罚决定书》,被处罚款20万元。\n")
    [b] = _parties("宏远泰达(股票代码:600123)披露,公司近日收到某某海关的《行政处罚决定书》。\n")
    assert [(x.name, x.source, x.kind) for x in (a, b)] == [
        ("青禾科技", "finding", "organisation"), ("宏远泰达", "finding", "organisation")
    ]


def test_a_postcode_in_brackets_is_no_stock_code() -> None:
    assert _parties("地址:某某县某某镇 邮政编码(412200)\n经查,该厂存在违法行为。\n") == []


def test_a_clinic_named_in_the_finding_is_the_party() -> None:
    [p] = _parties("经查，当事人某某县康宁诊所于2024年3月未取得许可擅自开展诊疗活动。\n")
    assert (p.name, p.source) == ("某某县康宁诊所", "finding")


def test_a_field_label_a_scan_broke_over_two_lines_ends_the_name_and_names_no_one() -> None:
    parties = _parties(
        "某某市市场监督管理局行政处罚决定书某市监罚决字〔2023〕3号\n"
        "当事人:某某县北关村顺心超市主体资格证照\n名称:营业执照统一社会信用代码:住所(住址):经营者:\n"
        "经查,当事人无证销售卷烟。\n"
    )
    assert [p.name for p in parties] == ["某某县北关村顺心超市"]


def test_a_business_and_its_representative_under_one_label_keep_the_joining_word_out_of_the_name() -> None:
    # 双罚: the decision names the firm and its representative in one line, joined by 及其 / 和
    [p] = _named("当事人:某某县恒达石材有限公司及其法定代表人周某某\n住所:某某县北环路8号")
    assert (p.name, p.legal_representative) == ("某某县恒达石材有限公司", "周某某")
    [q] = _named("当事人：某某市百川物流有限公司和负责人郑某")
    assert (q.name, q.legal_representative) == ("某某市百川物流有限公司", "郑某")


def test_a_site_after_the_word_party_is_no_business_and_the_news_lead_names_the_party() -> None:
    text = ("远航置业(601234)发布公告称,公司收到某某市生态环境局的《行政处罚决定书》,被罚款3万元。\n"
            "经调查,当事人工地现场未采取覆盖措施,当事人施工现场未设置围挡。\n")
    assert [(p.name, p.source) for p in _parties(text)] == [("远航置业", "finding")]


def test_two_people_parted_by_a_space_under_one_label() -> None:
    assert [p.name for p in _named("当事人：周某某 吴某某")] == ["周某某", "吴某某"]


def test_a_person_line_going_on_after_a_space_holds_one_person() -> None:
    for block in ("当事人：周某 汉族", "当事人：周某 男 1975年生", "当事人：周某 个体", "当事人：周某 电话：1300000"):
        assert [p.name for p in _named(block)] == ["周某"], block


def test_an_index_tables_name_of_the_page_is_no_party() -> None:
    text = (
        "索引号: 0000/2024-001 发布机构: 某县交通运输局\n名称: 【以案释法】货车驾驶员培训记录造假被查处 文号:\n"
        "2024年5月6日，执法人员检查时发现某某货运有限公司未如实记录安全生产教育和培训情况。\n"
    )
    assert [p.name for p in _parties(text)] == ["某某货运有限公司"]


def test_the_case_name_field_names_the_party() -> None:
    text = "案件基本信息\n案名: 某县某镇丰收农资店经营过期农药案\n行政处罚决定书文号: 某农(农药)罚〔2025〕3号\n违法主要事实: 执法人员对当事人经营过期农药的行为进行立案调查。\n"
    assert [(p.name, p.source) for p in _parties(text)] == [("某县某镇丰收农资店", "title")]


def test_a_finding_name_stops_before_the_act_it_ran_into() -> None:
    text = "2024年3月2日，某县水利局对刘某甲涉嫌非法采砂的行为进行现场勘察。\n"
    assert [p.name for p in _parties(text)] == ["刘某甲"]


def test_a_news_page_refers_back_to_the_party_and_describes_it() -> None:
    back = "某某医疗管理有限公司某路口腔诊所因未按规定对放射工作人员进行健康检查，被某市卫生健康委员会依法处罚。针对该诊所上述行为，某市卫生健康委员会依法作出行政处罚决定。\n"
    assert [p.name for p in _parties(back)] == ["某某医疗管理有限公司某路口腔诊所"]
    described = "近日，某区应急管理局对辖区企业某某铝业股份有限公司依法作出行政处罚决定，罚款人民币1万元。\n"
    assert [p.name for p in _parties(described)] == ["某某铝业股份有限公司"]


def test_a_person_named_by_what_they_are() -> None:
    assert [p.name for p in _parties("税务部门曝光2起案件，涉及网络主播李甲乙、王丙。\n")] == ["李甲乙"]
    assert [p.name for p in _parties("经环保局现场检查，是居民赵某某焚烧秸秆造成的。\n")] == ["赵某某"]


def test_a_key_value_row_labelled_with_the_penalised_party() -> None:
    text = "行政处罚决定书文号 | 某云市监处罚〔2023〕100号 |\n行政处罚当事人名称 | 某某精细化工有限公司 |\n法定代表人(负责人)姓名 | 黄某 |\n"
    assert [p.name for p in _parties(text)] == ["某某精细化工有限公司"]


def test_the_agency_heading_a_title_or_opening_a_finding_is_no_party() -> None:
    text = (
        "某县林业和草原局关于马某某非法猎捕野生动物一案的处罚决定\n某林罚〔2021〕9号\n"
        "某县林业和草原局于2021年3月2日对当事人开展检查。\n经查，居民马某某在自家农田非法猎捕野鸭。\n"
    )
    assert [p.name for p in _parties(text)] == ["马某某"]


def test_a_person_named_by_what_they_are_keeps_a_two_letter_name_whole() -> None:
    assert [p.name for p in _parties("经现场检查，系居民肖瑞在经营中非法转让土地所致。\n")] == ["肖瑞"]


def test_an_unmasked_person_in_a_title_after_the_agencys_about() -> None:
    text = "某市文化广电旅游局关于韩立新违规经营互联网上网服务营业场所一案的处罚决定\n某文罚〔2025〕3号\n本案线索来源于群众举报。\n"
    assert [p.name for p in _parties(text)] == ["韩立新"]


def test_a_title_whose_first_business_ending_lies_inside_the_agencys_name() -> None:
    # 市场 ends like a business: the agency's name goes on after it, so the title names no business
    text = (
        "某某市市场监督管理局某某分局关于对孙某利用合同实施欺诈案的行政处罚决定书\n某市监案〔2017〕12号\n"
        "涉事人员为个体经营户孙某，因利用合同实施欺诈被依法查处。\n"
    )
    assert [p.name for p in _parties(text)] == ["孙某"]


def test_a_person_named_by_role_with_a_four_letter_name() -> None:
    assert [p.name for p in _parties("涉事人员为个体经营户欧阳文华，因非法采矿被依法查处。\n")] == ["欧阳文华"]


def test_the_cases_a_news_line_counts_are_no_party() -> None:
    text = "日前，两地税务部门曝光2起网络主播偷税案件，涉及网络主播陈某某、刘某。\n"
    assert [p.name for p in _parties(text)] == ["陈某某"]


def test_a_disclosure_record_one_cell_a_line_with_the_party_after_the_facts() -> None:
    # a credit disclosure record: each field's label, a border line, its value, a border line; the
    # party's field comes after the 违法事实 field, past where the narrative begins
    text = (
        "行政处罚决定书文号:\n|\n某自然资罚字〔2025〕3号\n|\n违法事实:\n|\n经查实，当事人未经批准占用土地建设仓库。\n|\n"
        "处罚类别:\n|\n罚款\n|\n行政相对人名称:\n|\n某某镇公共服务办公室\n|\n行政相对人类别:\n|\n法人及非法人组织\n|\n"
    )
    assert [p.name for p in _parties(text)] == ["某某镇公共服务办公室"]


def test_a_finding_that_places_the_party_before_naming_it() -> None:
    text = (
        "某市卫生健康委员会\n行政处罚决定书\n某卫公罚〔2023〕5号\n"
        "2023年5月8日，执法人员依法对位于某某区滨河路18号3幢的某某宾馆管理有限公司进行监督检查，发现布草未密闭存放。\n"
    )
    assert [p.name for p in _parties(text)] == ["某某宾馆管理有限公司"]


def test_a_case_title_broken_before_its_licence_names_the_business_not_the_licence() -> None:
    text = (
        "以案释法：卫生健康行政处罚案例\n案例二：\n某某宾馆管理有限公司未取得公共场所\n卫生许可证擅自营业案\n"
        "【基本案情】\n执法人员在检查中发现该宾馆未办理卫生许可证。\n"
    )
    [p] = _parties(text)
    assert (p.name, p.source) == ("某某宾馆管理有限公司", "title")


def test_a_licence_is_never_the_party_of_a_title() -> None:
    text = "公共场所\n卫生许可证逾期使用案\n执法人员在检查中发现该场所的许可证已过期。\n"
    assert all(not p.name.endswith("证") for p in _parties(text))


def test_a_title_broken_inside_an_act_that_opens_with_no_verb() -> None:
    text = "某某贸易有限公司进出口货物\n申报不实案\n本案线索来源于查验。\n"
    assert [p.name for p in _parties(text)] == ["某某贸易有限公司"]


def test_a_news_case_heading_that_opens_with_its_number_and_the_agency_that_acted() -> None:
    text = "典型案例通报\n案例1.某某市市场监管局查处某某县青禾酒水批发部发布虚假广告案\n当事人在微信群中宣称其酒水可以治病。\n"
    assert [p.name for p in _parties(text)] == ["某某县青禾酒水批发部"]


def test_a_numbered_case_heading_further_down_a_news_page() -> None:
    text = (
        "首页 > 政策要闻\n农资打假通报\n作者:某某省农业农村厅\n近日通报了一批农资打假案件。\n"
        "案件二：某某农资有限公司经营劣质化肥案\n抽检发现该公司销售的复合肥养分不达标。\n"
    )
    assert [p.name for p in _parties(text)] == ["某某农资有限公司"]


def test_a_news_sentence_that_prints_the_code_in_brackets_after_the_name() -> None:
    text = "据通报，某某劳务有限公司（社会信用代码：91320000MA0000000X）承建的工地在夜间违规施工，被处罚款。\n"
    assert [p.name for p in _parties(text)] == ["某某劳务有限公司"]


def test_the_penalty_sentence_of_a_news_summary_names_the_party() -> None:
    assert [p.name for p in _parties("处罚决定：决定对某某矿业有限公司处150万元罚款。\n")] == ["某某矿业有限公司"]
    assert [p.name for p in _parties("市场监管局依法对当事人王某华作出罚款3000元的处罚。\n")] == ["王某华"]


def test_a_short_name_the_page_introduced_gives_way_to_the_full_name() -> None:
    text = (
        "市生态环境局向某某重型机械有限公司（简称“某某重机公司”）送达处罚决定书。"
        "此前执法人员对某某重机公司进行了复查，发现仍在露天喷漆。\n"
    )
    assert [p.name for p in _parties(text)] == ["某某重型机械有限公司"]


def test_a_person_whose_name_runs_into_what_they_did() -> None:
    assert [p.name for p in _parties("县环保局依法对赵某某的环境违法行为进行了查处。\n")] == ["赵某某"]


def test_a_news_list_heading_that_names_the_business_alone() -> None:
    text = "通报如下：\n一、某某煤业有限公司\n1.检查时发现图纸未标注在用工作面。\n行政处罚情况\n1.对煤矿处罚100万元。\n"
    assert [p.name for p in _parties(text)] == ["某某煤业有限公司"]


def test_a_bracketed_part_label_before_the_name_opening_a_line() -> None:
    text = "某地燃气公司被罚\n【事件】某某燃气有限公司在某小区管道安装中多收安装费。\n【处理】责令改正。\n"
    assert [p.name for p in _parties(text)] == ["某某燃气有限公司"]


def test_a_residential_area_is_no_resident() -> None:
    text = "该小区属于老旧居民住宅区，安装费标准应为每户2000元。\n"
    assert all(p.name != "住宅区" for p in _parties(text))


def test_the_clause_before_a_name_that_describes_it_is_not_part_of_it() -> None:
    text = "执法人员对群众举报的某某砂石场扬尘问题进行检查，发现物料未覆盖。\n"
    assert [p.name for p in _parties(text)] == ["某某砂石场"]


def test_headings_a_scan_ran_into_the_line_before_still_name_the_party() -> None:
    # a scan's layout joins a line that ends without a stop to the next one
    text = "现公布一批典型案例案例2.某某市市场监管局查处某某冷链食品有限公司销售过期冻品案\n案情简述:\n…\n"
    assert [p.name for p in _parties(text)] == ["某某冷链食品有限公司"]
    text = "某地燃气公司被罚9万余元【事件】某某燃气有限公司在小区管道安装中多收安装费。\n"
    assert [p.name for p in _parties(text)] == ["某某燃气有限公司"]


def test_a_label_inside_a_quoted_standard_is_no_party() -> None:
    # a finding that quotes a standard's table (`名称：…；高度：…`) after the party's own label
    text = (
        "某县应急管理局\n行政处罚决定书\n某应急罚〔2024〕3号\n被处罚单位：某某花炮厂\n"
        "违法事实：仓库堆码违反某标准第5.2条“库内物品堆垛高度应符合表3规定。名称：成箱产品；高度：不超过2.5m"
        "。”的规定。\n"
    )
    assert [p.name for p in _parties(text)] == ["某某花炮厂"]


def test_a_page_metadata_name_field_holding_the_title_is_no_party() -> None:
    text = (
        "发布机构：某县市场监督管理局\n名称：某县市场监督管理局行政处罚决定书 某市监处罚〔2025〕0012号\n"
        "行政处罚决定书\n当事人：某某便利店\n经查，当事人无证经营卷烟。\n"
    )
    assert [p.name for p in _parties(text)] == ["某某便利店"]


def test_the_agency_handing_the_decision_to_a_short_name() -> None:
    # a prospectus's account of a penalty, the business by the short name the filing uses throughout
    text = "2022年5月，某区消防救援支队向华通精工作出《行政处罚决定书》，给予华通精工罚款1万元。\n"
    assert [(p.name, p.source) for p in _parties(text)] == [("华通精工", "finding")]
    # the writer's own company is no party's name
    text = "2022年5月，某区消防救援支队向公司作出《行政处罚决定书》，罚款1万元。\n"
    assert [p.name for p in _parties(text)] == []


def test_a_news_page_telling_one_case_heads_it_with_no_number() -> None:
    text = "以案释法\n案例：某某县青柳音乐餐吧未经批准举办营业性演出案\n2024年7月，执法人员检查时发现该场所邀请歌手驻唱。\n"
    assert [(p.name, p.source) for p in _parties(text)] == [("某某县青柳音乐餐吧", "title")]


def test_the_penalty_sentence_may_say_what_the_person_is_and_give_the_sum_at_once() -> None:
    text = "处罚结果：1、对导游王某某罚款贰仟元（2000元）；2、对委派导游的某某国际旅行社有限公司给予警告。\n"
    assert [p.name for p in _parties(text)] == ["王某某"]
    text = "执法部门依法对领队赵某罚款人民币5000元。\n"
    assert [p.name for p in _parties(text)] == ["赵某"]


def test_a_headline_the_agency_speaks_names_no_party() -> None:
    text = (
        "某某省文化和旅游厅发布某某省未经许可经营旅行社业务专项整治指导案例\n"
        "执法人员检查时发现某某青山国际旅行社组织旅游团前往景区购物。\n"
    )
    assert [p.name for p in _parties(text)] == ["某某青山国际旅行社"]


def test_the_registered_name_given_in_quotes_beside_the_trading_name() -> None:
    text = "某区“青竹采耳馆”被群众举报。当事人营业执照名称为“某某青竹健康管理中心”，为个人独资企业。\n"
    assert [p.name for p in _parties(text)] == ["某某青竹健康管理中心"]


def test_a_troupe_named_in_quotes_by_the_inspection_sentence() -> None:
    text = "执法人员随即对“某某县红枫艺术团”演出情况进行检查核实，该团未办理演出审批。\n"
    assert [p.name for p in _parties(text)] == ["某某县红枫艺术团"]


def test_a_role_before_the_name_tells_an_unmasked_person() -> None:
    assert [p.name for p in _parties("执法部门依法对领队孙立平罚款5400元。\n")] == ["孙立平"]


def test_a_bar_or_a_troupe_under_a_label_without_colon() -> None:
    text = "某市文化广电旅游局行政处罚决定书\n某文旅罚〔2024〕12号\n行政相对人名称 某县青柳演艺吧(个体户) 业主 张某\n经查，当事人违规经营。\n"
    assert [p.name for p in _parties(text)] == ["某县青柳演艺吧"]
    text = "某市文化广电旅游局行政处罚决定书\n某文旅罚〔2024〕13号\n当事人（姓名或名称） 某县红枫艺术团(个体户)\n经查，当事人未经批准演出。\n"
    assert [p.name for p in _parties(text)] == ["某县红枫艺术团"]
def test_a_masked_name_that_keeps_its_given_letter_opens_the_finding() -> None:
    # a news page masks the middle letter and keeps the last (`当事人杜某平在…`)
    [p] = _parties(
        "2023年5月，某县林业局在森林督查中发现某山场被推平建设厂房。经调查，当事人杜某平在未经审核同意的情况下"
        "擅自改变林地用途，某县林业局依法对其作出行政处罚。\n"
    )
    assert (p.name, p.source) == ("杜某平", "finding")


def test_a_traveller_masked_by_surname_and_mou_opens_the_finding() -> None:
    # a customs news item: the traveller's act follows the name at once
    [p] = _parties("记者从某海关获悉，当事人钱某携带未申报的鹿茸制品3千克入境，被海关当场查获。\n")
    assert (p.name, p.source) == ("钱某", "finding")


def test_the_business_running_the_project_inspected_is_the_party() -> None:
    # a disclosure record prints the facts with no party label: the inspected project's builder is named
    text = (
        "决定书文号 某水罚字〔2021〕第8号\n"
        "违法行为类型 2021年3月2日，某区水务局执法人员依法对青岚路桥建设有限公司负责施工的东环至北岸快速路改扩建项目"
        "进行执法检查，发现该项目未采取水土保持措施。\n"
        "行政处罚内容 处以人民币伍万元罚款。\n"
    )
    [p] = _parties(text)
    assert (p.name, p.source) == ("青岚路桥建设有限公司", "finding")


def test_a_sub_label_run_into_the_name_after_the_party_label() -> None:
    # `被处罚人：姓名  某某`, the gap a scan closed up: the form's sub-label is no part of the name
    for line in ("被处罚人:姓名范某 性别 女", "被处罚人：姓名　范某 性别 女", "被处罚单位：名称青石材料有限公司 法定代表人 韦某"):
        [p] = _named(line)
        assert p.name in ("范某", "青石材料有限公司") and p.evidence.text == p.name, line


def test_the_partys_act_after_de_is_no_name_in_the_finding() -> None:
    # the finding's `当事人的行为属于…场所` ends like a business; the news lead names the party
    text = (
        "近日，青禾文化传媒有限公司因违规经营歌舞娱乐场所被某区文化和旅游局处罚。\n"
        "依照《娱乐场所管理条例》第十三条，当事人的行为属于违规经营歌舞娱乐场所，事实清楚。\n"
    )
    assert [(p.name, p.source) for p in _parties(text)] == [("青禾文化传媒有限公司", "finding")]


def test_a_penalty_sentence_a_scan_wrapped_names_the_party() -> None:
    # a court's findings recount the decision; the scan broke the line inside 如下
    text = "经审理查明：某海关作出《行政处罚决定书》，决定对青川贸易公司作出如\n下行政处罚：科处罚款人民币9000元。\n"
    assert [(p.name, p.source) for p in _parties(text)] == [("青川贸易公司", "finding")]
