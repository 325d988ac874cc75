"""Forms a fourteenth survey of published pages (应急管理, 文旅, 水利, 药监, 卫健 and 医保 decisions, the
复议 and court decisions over them, and news of them) printed: the penalty quoted between its verb and
its 处罚, a county letter set apart after the title's colon, the appellant as the party, a masked
person the finding names before any verb, a 信息公开表 parted by spaces alone. Texts are made up; only
the forms are real."""

from __future__ import annotations

from reading import fine_amounts, party_names, read_fields


def test_a_penalty_quoted_between_its_verb_and_its_penalty_keeps_its_fine() -> None:
    text = "2024年5月9日，青岭县应急管理局依法对该厂作出“责令限期改正，处3万元罚款”的行政处罚。\n"
    assert fine_amounts(text) == [30000]
    text = "某区卫生健康局给予该诊所“警告，并处罚款人民币2000元”的处罚。\n"
    assert fine_amounts(text) == [2000]


def test_a_law_quoted_before_its_rule_still_states_no_fine() -> None:
    text = "违反了《某某条例》第十二条“由主管部门责令改正，处一万元以上五万元以下罚款”的规定。\n"
    assert fine_amounts(text) == []


def test_a_county_letter_set_apart_after_the_titles_colon_is_the_numbers() -> None:
    text = "行政处罚决定书：桐 市监处罚〔2023〕 58 号\n当事人：某某中医诊所\n"
    number = read_fields(text).doc_number
    assert number is not None and number.value == "桐市监处罚〔2023〕58号"


def test_a_reconsideration_names_its_applicant_as_the_party() -> None:
    text = (
        "某某市人民政府\n行政复议决定书\n某政复决字〔2024〕9号\n申请人：青禾医药连锁有限公司溪口大药房。\n"
        "被申请人：某某市医疗保障局。\n申请人不服被申请人作出的某医保处字〔2024〕第3号《行政处罚决定书》，申请行政复议。\n"
    )
    assert party_names(text) == ["青禾医药连锁有限公司溪口大药房"]
    placed = "行政复议决定书\n申请人：青川（绵阳）机械有限公司。\n被申请人：某县应急管理局。\n"
    assert party_names(placed) == ["青川(绵阳)机械有限公司"]  # brackets filed half-width
    person = "行政复议决定书\n申请人：孙某某。\n被申请人：某县卫生健康委员会\n复议请求：撤销行政处罚决定。\n"
    assert party_names(person) == ["孙某某"]


def test_a_court_judgment_names_its_plaintiff_without_the_role_word() -> None:
    text = (
        "某某县人民法院\n行 政 判 决 书\n原告东岳钢构有限公司，所在地址某省某县工业园。\n法定代表人王某，董事长。\n"
        "被告某某县应急管理局，所在地址某某路8号。\n原告东岳钢构公司不服被告作出的行政处罚，提起行政诉讼。\n"
    )
    assert party_names(text) == ["东岳钢构有限公司"]
    title = "原告云帆国际旅行社有限公司与被告某省旅游发展委员会旅游行政处罚一案判决书\n被告某省旅游发展委员会。\n"
    assert party_names(title) == ["云帆国际旅行社有限公司"]


def test_an_applicant_with_no_authority_against_it_is_no_party() -> None:
    # a 许可 notice names its 申请人, and nobody appeals a penalty
    text = "关于准予行政许可的决定\n申请人：北坡砂石有限公司\n经审查，你单位的申请符合条件。\n"
    assert "北坡砂石有限公司" not in [p.name for p in read_fields(text).parties if p.confidence >= 0.85]


def test_a_masked_person_the_finding_names_before_any_verb_is_the_party() -> None:
    text = "我局联合镇政府当即通知当事人何某某立即到村委会接受调查，何某某承认在河道内取砂。\n"
    assert party_names(text) == ["何某某"]


def test_the_xing_of_an_acts_xingwei_ends_no_business() -> None:
    text = "鉴于情节轻微，我局对该村民的取土行为进行教育处理。\n"
    assert party_names(text) == []


def test_a_disclosure_table_parted_by_spaces_alone_gives_its_party_column() -> None:
    text = (
        "某某区市场监督管理局行政处罚案件信息公开表\n"
        "序号 《行政处罚决定书》文号 案件名称 违法企业名称或违法自然人姓名 统一社会信用代码或登记号 主要违法事实\n"
        "1 某某市监处罚〔2024〕77号 北湾村卫生室虚开药品票据案 北湾村卫生室 PDY0000000000000000 经调查，当事人虚开票据。\n"
    )
    assert party_names(text) == ["北湾村卫生室"]
