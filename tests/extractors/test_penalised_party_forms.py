"""Parties that news pages and 公示 tables print under no label: the page saying whom the decision
penalised, a finding's comma after 发现, a lead whose first line is the agency's report, and a 公示
table printed one cell a line. Texts are made up; only the forms are real."""

from __future__ import annotations

import pytest
from reading import party_names, read_fields


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("某市应急管理局近日通报一起安全生产违法案件。被处罚的企业为东川精细化工有限公司，该企业未按规定开展隐患排查。\n",
         "东川精细化工有限公司"),
        ("某县卫生健康局公布处罚信息：被处罚的单位是河口康宁口腔诊所，违法事实为未取得许可开展放射诊疗。\n",
         "河口康宁口腔诊所"),
        ("本期曝光案件中，处罚对象是个体工商户刘某某，其销售过期食品。\n", "刘某某"),
        ("被处罚主体系“云岭茶叶专业合作社”，该社未按规定建立农药使用记录。\n", "云岭茶叶专业合作社"),
    ],
)
def test_the_page_saying_whom_the_decision_penalised_names_the_party(text: str, name: str) -> None:
    assert party_names(text) == [name]


def test_a_report_lead_on_the_first_line_is_no_title_naming_the_agency() -> None:
    text = "某市应急管理局近日通报一起安全生产违法案件\n执法人员检查时发现存在问题，依法予以处罚。\n"
    assert not any("管理局" in n for n in party_names(text))


@pytest.mark.parametrize(
    "text",
    [
        "近日，锦江区文化市场综合执法大队在检查中发现，星光网吧接纳未成年人进入营业场所，依法对其罚款1万元。\n",
        "执法人员在巡查时发现：星光网吧未按规定核对上网人员身份，现场责令整改。\n",
    ],
)
def test_the_finding_after_a_comma_or_colon_past_its_verb_names_the_party(text: str) -> None:
    assert party_names(text) == ["星光网吧"]


_VERTICAL = (
    "行政处罚结果公示\n序号\n处罚决定书文号\n行政相对人名称\n统一社会信用代码\n违法事实\n处罚内容\n"
    "1\n青城综执罚〔2024〕第0158号\n青城区恒达装饰材料经营部\n92150100MA0XXXXXXX\n未经许可擅自占道经营\n罚款500元\n"
    "2\n青城综执罚〔2024〕第0159号\n赵某某\n—\n擅自倾倒建筑垃圾\n罚款2000元\n"
)


def test_a_table_printed_one_cell_a_line_names_each_rows_party() -> None:
    fields = read_fields(_VERTICAL)
    assert [p.name for p in fields.parties] == ["青城区恒达装饰材料经营部", "赵某某"]
    assert all(p.source == "table" for p in fields.parties)


def test_a_party_columns_header_above_the_next_header_is_no_label_with_a_value() -> None:
    # the cell below `行政相对人名称` is the next column's header, never the party's name
    names = party_names("处罚决定书文号\n行政相对人名称\n统一社会信用代码\n违法事实\n")
    assert "统一" not in names and names == []


def test_a_label_alone_above_its_value_still_reads_the_value() -> None:
    assert party_names("行政相对人名称：\n长岭县兴旺养殖专业合作社\n处罚内容：\n罚款人民币3万元\n") == ["长岭县兴旺养殖专业合作社"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("近日，某区市场监管局查处一起案件，涉事企业为金桥商贸有限公司，该公司销售过期食品。\n", "金桥商贸有限公司"),
        ("涉案门店青禾生鲜超市未按规定查验进货票据。\n", "青禾生鲜超市"),
        ("天成建设集团有限公司被罚20万元\n施工现场未落实安全防护措施，某市应急管理局依法作出处罚。\n", "天成建设集团有限公司"),
        ("蓝海科技股份有限公司近日收到某省税务局稽查局送达的《税务行政处罚决定书》。\n", "蓝海科技股份有限公司"),
        ("某市生态环境局公布了对宏远化工有限公司的行政处罚决定，罚款30万元。\n", "宏远化工有限公司"),
        ("行政处罚信息显示，瑞丰农资经营部存在销售假农药的违法行为，被处罚款8000元。\n", "瑞丰农资经营部"),
        ("信用中国网站显示，长兴物流有限公司违反了《安全生产法》，被某市应急管理局处以罚款3万元。\n", "长兴物流有限公司"),
        ("经营者王某在其经营的副食店内销售假冒卷烟，被县烟草专卖局罚款1500元。\n", "王某"),
        ("某县应急管理局对安达矿业有限公司未按规定开展安全培训一案立案调查，并依法作出罚款4万元的行政处罚。\n",
         "安达矿业有限公司"),
    ],
)
def test_a_news_page_names_the_party_in_its_prose(text: str, name: str) -> None:
    assert party_names(text) == [name]


def test_a_vague_headline_yields_to_the_name_the_body_opens_with() -> None:
    text = "某地物业公司被罚\n【事件】青禾物业服务有限公司在小区违规收取停车费。\n"
    assert party_names(text) == ["青禾物业服务有限公司"]


def test_a_listed_companys_notice_names_the_subsidiary_that_received_the_decision() -> None:
    text = (
        "关于子公司收到《行政处罚决定书》的公告\n"
        "北辰环境股份有限公司（以下简称“公司”）于近日收到全资子公司清远北辰水务有限公司（以下简称“清远水务”）"
        "关于收到某市生态环境局下发的《行政处罚决定书》的报告。\n"
    )
    assert party_names(text) == ["清远北辰水务有限公司"]


def test_a_notices_heading_about_a_subsidiary_names_no_party() -> None:
    assert party_names("关于子公司收到《行政处罚决定书》的公告\n本公司将积极整改。\n") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("近日，某县林业局以某林罚决字〔2023〕第21号行政处罚决定书，对李某某滥伐林木的行为作出处罚。\n", "李某某"),
        ("某县自然资源和林业局对赵某盗伐林木的行为作出罚款处罚。\n", "赵某"),
        ("关于王某某盗伐林木案的处罚决定\n经查，盗伐杉木12株。\n", "王某某"),
        ("东川远洋贸易有限公司申报不实案\n某海关依法作出处罚。\n", "东川远洋贸易有限公司"),
    ],
)
def test_forestry_customs_and_tax_acts_end_the_name_before_them(text: str, name: str) -> None:
    assert party_names(text) == [name]


@pytest.mark.parametrize(("text", "name"), [("某区市场监管局对赵某价格违法的行为作出处罚。\n", "赵某"), ("某县执法局对王**侵犯著作权的行为作出处罚。\n", "王**")])
def test_a_masked_name_run_into_an_act_the_list_lacks_ends_at_its_mask(text: str, name: str) -> None:
    assert party_names(text) == [name]


@pytest.mark.parametrize(
    "label",
    ["被处罚对象：", "处罚对象：", "被处罚者：", "相对人名称：", "被处罚单位（人）：", "当事人基本情况：", "纳税人：", "扣缴义务人名称："],
)
def test_labels_of_the_party_read_its_name_and_keep_its_fields(label: str) -> None:
    text = f"{label}东川精细化工有限公司\n纳税人识别号：91110000MA0XXXXXX1\n法定代表人：周某某\n"
    parties = read_fields(text).parties
    assert [p.name for p in parties] == ["东川精细化工有限公司"]
    assert parties[0].legal_representative == "周某某"


def test_what_a_headline_calls_the_business_is_no_name() -> None:
    text = "某地一知名饭店被查\n近日某市公开一起知名酒店被查处的案件。\n执法人员对青禾大酒店进行检查，发现其未按规定保洁。\n"
    assert party_names(text) == ["青禾大酒店"]


def test_the_founding_told_after_a_labelled_name_is_no_part_of_it() -> None:
    text = "东川欣荣工贸有限公司:\n当事人基本情况:东川欣荣工贸有限公司成立于2003年11月18日,法定代表人:范某某。\n"
    assert party_names(text) == ["东川欣荣工贸有限公司"]
