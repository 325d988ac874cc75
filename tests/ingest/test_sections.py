"""Segmentation on decisions written here in deliberately different house styles: headings or
none, table or prose parties, merged paragraphs, reordered and missing sections, OCR misreads."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from lianfa.ingest.document import document_from_text
from lianfa.ingest.sections import ORDER, segment

# 1. market regulation, full structure, no headings
MARKET = """\
杭州市西湖区市场监督管理局
行政处罚决定书
杭西市监罚处〔2024〕118号
当事人：杭州某某贸易有限公司
统一社会信用代码：91330106MA2B3C4D5E
住所：杭州市西湖区文三路100号
法定代表人：张三
    2024年3月5日，本局执法人员根据举报对当事人经营场所进行现场检查，发现当事人销售的“某某牌”白酒涉嫌假冒注册商标。经本局负责人批准，于2024年3月6日立案调查。
    经查，当事人于2023年10月至2024年3月期间，从他人处购进假冒“某某牌”白酒120瓶，以每瓶300元的价格对外销售，货值金额36000元，违法所得8000元。
    以上事实，有现场检查笔录、询问笔录、进货单据、销售记录、鉴定意见等证据证实。
    本局认为，当事人的上述行为违反了《中华人民共和国商标法》第五十七条第（三）项的规定，构成销售侵犯注册商标专用权商品的行为。
    2024年4月2日，本局向当事人送达了《行政处罚告知书》，告知其拟作出行政处罚的事实、理由、依据及其依法享有的陈述、申辩、听证权利。当事人在法定期限内未提出陈述、申辩，也未要求听证。
    依据《中华人民共和国商标法》第六十条第二款的规定，本局决定对当事人作出如下行政处罚：
    1.没收侵权白酒120瓶；
    2.罚款人民币108000元。
    当事人应当自收到本决定书之日起十五日内，将罚款缴至指定银行。逾期不缴纳罚款的，每日按罚款数额的3%加处罚款。
    如不服本处罚决定，可以在收到本决定书之日起六十日内向杭州市西湖区人民政府申请行政复议，也可以在六个月内依法向杭州市西湖区人民法院提起行政诉讼。
杭州市西湖区市场监督管理局
2024年4月20日
"""

# 2. environment bureau, numbered headings, evidence as a list, 复议 before 缴纳
ENVIRONMENT = """\
某某市生态环境局
行政处罚决定书
某环罚字[2023]第45号
被处罚单位名称：某某化工有限公司
统一社会信用代码：91410100123456789X
法定代表人：李四    地址：某某市高新区化工路8号
一、违法事实
我局于2023年6月12日对你单位进行检查时发现，你单位将危险废物废矿物油约3.2吨交由无危险废物经营许可证的个人处置。
二、证据
1.现场检查（勘察）笔录一份；
2.调查询问笔录二份；
3.现场照片十二张；
4.危险废物转移记录复印件。
三、处罚依据和处罚决定
你单位上述行为违反了《中华人民共和国固体废物污染环境防治法》第八十条第三款的规定。依据该法第一百一十二条第一款第（三）项的规定，我局决定对你单位处以罚款人民币贰拾万元整。
四、救济途径
如不服本决定，可在收到本决定书之日起六十日内向某某市人民政府申请行政复议，或者在六个月内向某某市人民法院提起行政诉讼。
五、履行方式和期限
罚款应于收到本决定书之日起十五日内缴至：户名：某某市财政局非税收入专户；开户行：某某银行某某支行；账号：4100 0000 1111 2222。
某某市生态环境局
二〇二三年九月一日
"""

# 3. public security, an individual in prose, one paragraph holding finding + basis + decision,
#    no evidence, no payment section
POLICE = """\
某某县公安局
行政处罚决定书
某公（治）行罚决字〔2024〕0032号
违法行为人王某某，男，1985年3月12日出生，身份证号码410102198503121234，住某某县城关镇建设路12号。
现查明，2024年1月20日21时许，王某某在某某县城关镇某饭店内因琐事与他人发生争执，殴打他人致其轻微伤。
王某某的行为已构成殴打他人，根据《中华人民共和国治安管理处罚法》第四十三条第一款之规定，现决定给予王某某行政拘留五日并处罚款二百元的处罚。
执行方式和场所：送某某县拘留所执行。
被处罚人如不服本决定，可以在收到本决定书之日起六十日内向某某县人民政府申请行政复议或者在六个月内依法向某某县人民法院提起行政诉讼。
某某县公安局（印章）
2024年1月22日
"""

# 4. tax: addressed to the taxpayer ("某公司："), 你单位 style, 起诉 not 提起诉讼
TAX = """\
国家税务总局某某市税务局稽查局
税务行政处罚决定书
某税稽罚〔2023〕15号
某某建材有限公司（纳税人识别号：91320500MA1ABCDE1F）：
经我局于2022年8月1日至2023年3月20日对你单位2019年1月1日至2021年12月31日的纳税情况进行检查，你单位存在违法事实及处罚依据如下：
你单位2020年通过虚开增值税普通发票虚列成本，少缴企业所得税1,234,567.89元。
上述行为违反了《中华人民共和国税收征收管理法》第六十三条第一款的规定，属于偷税行为。根据该条规定，对你单位处少缴税款百分之五十的罚款617,283.95元。
以上应缴款项共计617,283.95元。限你单位自本决定书送达之日起十五日内到国家税务总局某某市税务局缴纳入库。到期不缴纳罚款，我局可以对你单位每日按罚款数额的百分之三加处罚款。
如对本决定不服，可以自收到本决定书之日起六十日内依法向国家税务总局某某市税务局申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。
税务机关（签章）
2023年5月6日
"""

# 5. scanned: OCR misreads in the cue words (杳, 如卜, 复以), half-width brackets, 〇-dates
OCR_NOISY = """\
某某区应急管理局
行政处罚决定书
(某)应急罚(2024)7号
当事人:某某五金加工厂
负责人:赵某
经杳明,当事人未对从业人员进行安全生产教育和培训,未如实记录安全生产教育和培训情况。
上述事实有现场检查记录、询问笔录为证。
当事人的行为违反了《中华人民共和国安全生产法》第二十八条第一款、第四款的规定。
依据《中华人民共和国安全生产法》第九十七条第(三)项、第(四)项的规定,决定如卜:
对当事人处以罚款人民币叁万元整。
罚款限于收到本决定书之日起15日内缴至指定银行。
如不服本决定,可以依法在60日内申请行政复以或者在6个月内提起行政诉讼。
某某区应急管理局
二〇二四年五月八日
"""

# 6. reordered and with headings in the same line: finding before evidence, a discretion
#    paragraph, bank details, 抄送
REORDERED = """\
某某市城市管理综合行政执法局
行政处罚决定书
文号：某城执罚决字〔2024〕第0021号
当事人：某某房地产开发有限公司　法定代表人：孙某
案件来源及调查经过：2024年2月，我局接到群众投诉，反映某小区工地夜间施工。执法人员于2024年2月26日进行现场检查。
认定的违法事实：当事人未取得夜间施工许可，于2024年2月26日22时至次日2时进行混凝土浇筑作业。当事人的上述行为违反了《某某市环境噪声污染防治条例》第二十一条的规定。
上述事实有以下证据证明：现场检查笔录、现场照片及视频、询问笔录。
鉴于当事人积极配合调查并主动停止施工，根据《中华人民共和国行政处罚法》第三十二条的规定，依法从轻处罚。
处罚决定：依据《某某市环境噪声污染防治条例》第四十五条的规定，决定对当事人罚款人民币二万元。
履行方式：自收到本决定书之日起十五日内缴纳。收款人：某某市财政局；开户银行：某某银行；账号：6222000011112222。
救济途径：如不服本决定，可在六十日内申请复议，或六个月内提起诉讼。
某某市城市管理综合行政执法局
2024年3月15日
抄送：某某市住房和城乡建设局
"""

# 7. minimal: no 文号, no evidence, no payment or remedy paragraphs (a summary procedure slip)
MINIMAL = """\
当场行政处罚决定书
当事人：周某
经查，当事人于2024年7月2日在某路段违法停车。依据《中华人民共和国道路交通安全法》第九十三条，决定处以警告。
执法人员：吴某、郑某
"""

# 8-10. customs (科处罚款, 起诉 at a 中级人民法院), land (你-style, numbered decision items, one of
#       them with a 十五日内 deadline), labour inspection (qualified party labels)
CUSTOMS = """\
中华人民共和国某某海关
行政处罚决定书
某关缉违字〔2022〕0158号
当事人：某某进出口贸易有限公司
地址：某某市保税区发展大道18号
法定代表人：钱某
    2022年4月11日，当事人以一般贸易方式向海关申报出口服装一批，申报价格为美元12,000元。经海关查验，实际货物价格为美元36,500元，当事人申报不实，影响国家出口退税管理。
    有报关单、查验记录、发票、当事人陈述等证据证明。
    当事人申报不实的行为已构成违反海关监管规定的行为。根据《中华人民共和国海关法》第八十六条第（三）项、《中华人民共和国海关行政处罚实施条例》第十五条第（五）项之规定，决定对当事人科处罚款人民币8.6万元。
    当事人应当自本处罚决定书送达之日起15日内，根据《中华人民共和国行政处罚法》第六十七条的规定，将罚款交至海关指定银行或者通过电子支付系统缴纳。
    当事人对本决定不服的，可自本处罚决定书送达之日起60日内向海关总署申请行政复议，也可以自本处罚决定书送达之日起6个月内向某某市中级人民法院起诉。
中华人民共和国某某海关
二〇二二年七月五日
"""
LAND = """\
某某县自然资源局
土地违法案件行政处罚决定书
某自然资罚〔2021〕第33号
被处罚人：孙某，男，汉族，1970年2月生，住某某县某某镇某某村三组。
    经调查，2020年10月，你未经批准，擅自占用某某村集体土地建设住宅，占地面积256.4平方米，其中耕地180.2平方米，该地块不符合土地利用总体规划。
    你的行为违反了《中华人民共和国土地管理法》第四十四条第一款的规定，属于非法占地行为。
    我局于2021年3月2日向你送达了《行政处罚听证告知书》，你在规定期限内未提出听证申请。
    根据《中华人民共和国土地管理法》第七十七条第一款和《中华人民共和国土地管理法实施条例》第五十七条的规定，我局决定：
    一、责令退还非法占用的土地256.4平方米；
    二、限你在十五日内拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状；
    三、对非法占用的土地按每平方米20元处以罚款，共计5128元。
    你应于接到本决定书之日起十五日内，到某某县财政局指定账户缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。
    如不服本处罚决定，可在接到本处罚决定书之日起六十日内，向某某县人民政府申请复议；也可以在六个月内直接向某某县人民法院起诉。
某某县自然资源局
2021年4月1日
"""
LABOR = """\
某某区人力资源和社会保障局
劳动保障监察行政处罚决定书
某人社监罚字（2023）第12号
用人单位名称：某某餐饮管理有限公司
法定代表人（主要负责人）：周某
地址：某某区人民路66号
    经查，你单位存在以下违法行为：2022年7月至2023年2月，你单位招用未满十六周岁的未成年人刘某某从事传菜工作。以上事实有询问笔录、工资表、考勤记录、身份证复印件等为证。
    你单位的上述行为违反了《禁止使用童工规定》第二条的规定。依据《禁止使用童工规定》第六条第一款的规定，本局决定对你单位处以罚款人民币40000元。
    请你单位在收到本决定书之日起15日内，将罚款缴至某某区财政局非税收入账户（开户银行：某某银行某某支行，账号：1234 5678 9012）。
    你单位如对本处罚决定不服，可以在收到本决定书之日起60日内向某某区人民政府申请行政复议，或者在6个月内向某某区人民法院提起行政诉讼。逾期不申请行政复议也不提起行政诉讼，又不履行处罚决定的，本局将依法申请人民法院强制执行。
某某区人力资源和社会保障局
2023年3月20日
"""

STYLES = {
    "market": MARKET,
    "environment": ENVIRONMENT,
    "police": POLICE,
    "tax": TAX,
    "ocr_noisy": OCR_NOISY,
    "reordered": REORDERED,
    "minimal": MINIMAL,
    "customs": CUSTOMS,
    "land": LAND,
    "labor": LABOR,
}


def label_of(text: str, snippet: str) -> str:
    sections = segment(text)
    pos = text.index(snippet) + len(snippet) // 2
    return next(s.name for s in sections if s.start <= pos < s.end)


def check(text: str, expected: dict[str, str]) -> None:
    got = {snippet: label_of(text, snippet) for snippet in expected}
    assert got == expected


def test_market_full_structure() -> None:
    check(
        MARKET,
        {
            "行政处罚决定书": "header",
            "〔2024〕118号": "doc_number",
            "统一社会信用代码": "parties",
            "根据举报对当事人经营场所": "facts",
            "违法所得8000元": "facts",
            "鉴定意见等证据证实": "evidence",
            "构成销售侵犯注册商标": "finding",
            "未要求听证": "procedure",
            "第六十条第二款": "basis",
            "没收侵权白酒120瓶": "decision",
            "罚款人民币108000元": "decision",
            "每日按罚款数额": "payment",
            "提起行政诉讼": "remedy",
            "2024年4月20日": "signature",
        },
    )


def test_environment_numbered_headings_and_remedy_before_payment() -> None:
    check(
        ENVIRONMENT,
        {
            "某环罚字[2023]第45号": "doc_number",
            "化工路8号": "parties",
            "一、违法事实": "facts",
            "无危险废物经营许可证": "facts",
            "现场照片十二张": "evidence",
            "危险废物转移记录": "evidence",
            "第八十条第三款": "finding",
            "第一百一十二条": "basis",
            "贰拾万元整": "decision",
            "四、救济途径": "remedy",
            "六个月内": "remedy",
            "开户行": "payment",
            "二〇二三年九月一日": "signature",
        },
    )


def test_police_prose_party_and_merged_paragraph() -> None:
    check(
        POLICE,
        {
            "0032号": "doc_number",
            "身份证号码": "parties",
            "殴打他人致其轻微伤": "facts",
            "已构成殴打他人": "finding",
            "第四十三条第一款": "basis",
            "行政拘留五日": "decision",
            "申请行政复议": "remedy",
            "2024年1月22日": "signature",
        },
    )


def test_tax_addressee_style() -> None:
    check(
        TAX,
        {
            "某税稽罚〔2023〕15号": "doc_number",
            "纳税人识别号": "parties",
            "虚列成本": "facts",
            "属于偷税行为": "finding",
            "根据该条规定": "basis",
            "百分之五十的罚款": "decision",
            "每日按罚款数额的百分之三": "payment",
            "依法向人民法院起诉": "remedy",
            "2023年5月6日": "signature",
        },
    )


def test_ocr_misreads_in_cue_words() -> None:
    check(
        OCR_NOISY,
        {
            "(2024)7号": "doc_number",
            "负责人:赵某": "parties",
            "未如实记录": "facts",
            "现场检查记录": "evidence",
            "第二十八条第一款": "finding",
            "第九十七条": "basis",
            "叁万元整": "decision",
            "缴至指定银行": "payment",
            "申请行政复以": "remedy",
            "二〇二四年五月八日": "signature",
        },
    )


def test_reordered_sections_with_inline_headings() -> None:
    check(
        REORDERED,
        {
            "文号：": "doc_number",
            "法定代表人：孙某": "parties",
            "接到群众投诉": "facts",
            "混凝土浇筑作业": "facts",
            "第二十一条的规定": "finding",
            "以下证据证明": "evidence",
            "主动停止施工": "basis",
            "二万元": "decision",
            "6222000011112222": "payment",
            "六个月内提起诉讼": "remedy",
            "2024年3月15日": "signature",
            "抄送": "signature",
        },
    )


def test_minimal_slip_with_missing_sections() -> None:
    check(
        MINIMAL,
        {
            "当场行政处罚决定书": "header",
            "当事人：周某": "parties",
            "违法停车": "facts",
            "第九十三条": "basis",
            "处以警告": "decision",
        },
    )
    names = {s.name for s in segment(MINIMAL)}
    assert not names & {"doc_number", "evidence", "payment", "remedy"}


def test_customs_land_and_labour_wordings() -> None:
    check(
        CUSTOMS,
        {
            "申报不实，影响": "facts",
            "报关单、查验记录": "evidence",
            "已构成违反海关监管规定": "finding",
            "科处罚款": "decision",
            "电子支付系统缴纳": "payment",
            "中级人民法院起诉": "remedy",
        },
    )
    check(
        LAND,
        {
            "孙某，男": "parties",
            "擅自占用": "facts",
            "属于非法占地行为": "finding",
            "未提出听证申请": "procedure",
            "拆除在非法占用的土地上": "decision",
            "每平方米20元处以罚款": "decision",
            "指定账户缴纳罚款": "payment",
        },
    )
    check(
        LABOR,
        {
            "某人社监罚字": "doc_number",
            "用人单位名称": "parties",
            "主要负责人": "parties",
            "招用未满十六周岁": "facts",
            "考勤记录": "evidence",
            "第二条的规定": "finding",
            "处以罚款人民币40000元": "decision",
            "强制执行": "remedy",
        },
    )


def assert_cover(text: str) -> None:
    sections = segment(text)
    if not text.strip():
        assert sections == []
        return
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for a, b in pairwise(sections):
        assert a.end == b.start and a.name != b.name
    assert all(s.start < s.end and s.name in ORDER for s in sections)


def test_every_style_is_covered_contiguously() -> None:
    for text in STYLES.values():
        assert_cover(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("当事人：经查决定如下依据《法》第一条罚款元。，\n 复议缴纳2024年月日局")), max_size=200))
def test_any_text_is_covered_contiguously(text: str) -> None:
    assert_cover(text)


def test_sections_plug_into_the_document() -> None:
    doc = document_from_text(MARKET)
    doc = doc.with_sections(segment(doc.text))
    decision = doc.section("decision")
    assert decision is not None and "决定" in doc.text[decision.start : decision.end]
    assert doc.section_of(doc.text.index("如不服")) == "remedy"


def test_segments_real_ocr_text() -> None:
    from tests.ingest.test_layout import fixture_doc

    doc, _ = fixture_doc("environment")
    check(
        doc.text,
        {
            "被处罚单位": "parties",
            "一、违法事实": "facts",
            "现场照片十二张": "evidence",
            "第八十条第三款": "finding",
            "贰拾万元整": "decision",
            "申请行政复议": "remedy",
            "开户行": "payment",
            "二〇二三年九月一日": "signature",
        },
    )


def char_labels(text: str) -> list[str]:
    out = [""] * len(text)
    for s in segment(text):
        out[s.start : s.end] = [s.name] * (s.end - s.start)
    return out


def agreement(a: list[str], b: list[str], text: str) -> float:
    pairs = [(x, y) for x, y, ch in zip(a, b, text, strict=True) if ch.strip()]
    return sum(x == y for x, y in pairs) / len(pairs)


def test_hard_wrapped_rows_segment_like_paragraphs() -> None:
    # a text layer that kept every printed row as a line: sentences and cue words cut anywhere
    for text in (MARKET, ENVIRONMENT, TAX, REORDERED):
        rows = []
        for line in text.split("\n"):
            rows += [line[i : i + 23] for i in range(0, len(line), 23)] or [""]
        wrapped = "\n".join(rows)
        # same characters, one newline per cut: compare label by label on the shared characters
        clean = [lab for lab, ch in zip(char_labels(text), text, strict=True) if ch != "\n"]
        cut = [lab for lab, ch in zip(char_labels(wrapped), wrapped, strict=True) if ch != "\n"]
        assert agreement(clean, cut, text.replace("\n", "")) >= 0.9


def test_ocr_noise_moves_few_labels() -> None:
    # every 29th character misread: most labels stay where the clean text has them
    for text in STYLES.values():
        noisy = "".join("口" if i % 29 == 28 and ch != "\n" else ch for i, ch in enumerate(text))
        assert agreement(char_labels(text), char_labels(noisy), text) >= 0.85


def test_a_line_without_cues_is_not_given_a_third_section_to_ease_a_move_back() -> None:
    text = (
        "某某市市场监督管理局\n行政处罚决定书\n某市监罚〔2022〕9号\n当事人：某某药店\n"
        "经查，当事人无药品经营资质，通过网络渠道对外销售处方药，违法所得2956.28元。\n"
        "依照《药品管理法》第一百一十五条，对当事人处罚如下：\n"
        "（一）没收违法所得人民币2956.28元。\n（二）罚款人民币150000元。\n"
        "上述两项合计152956.28元。\n"
        "告知程序：2022年7月6日，本机关以《行政处罚告知书》告知当事人享有陈述、申辩权利，当事人书面表示无异议。\n"
        "某某市市场监督管理局\n2022年9月28日\n"
    )
    check(text, {"（二）罚款": "decision", "两项合计": "decision", "书面表示无异议": "procedure"})


def test_a_party_label_with_a_bracketed_note_opens_the_parties_in_a_row_or_in_prose() -> None:
    # `被处罚单位（人）`: the label's note of who it may be, then a table cell or the name with no colon
    for line in ("被处罚单位（人） | 青禾便民超市(个体户) |", "被处罚单位（人）青禾医药有限公司（统一信用代码91110000MA0XXXXXX1）。"):
        text = f"某市市场监督管理局\n行政处罚决定书\n某市监罚〔2024〕12号\n{line}\n经查，当事人无证经营药品。\n"
        assert label_of(text, "被处罚单位") == "parties", line
