"""Split a penalty decision's text into its sections.

Section ids (stable, ascii), in the order a decision usually has them:

    header      机关名称与标题 (行政处罚决定书)
    doc_number  文号 (某市监处罚〔2024〕12号)
    parties     当事人 block: name, credit code, representative, address...
    facts       违法事实 / 经查: what happened, how the case came to the agency
    evidence    证据: the list of evidence or "以上事实有…等证据证实"
    finding     违法认定: 上述行为违反了…/构成…
    procedure   告知、陈述申辩、听证、集体讨论 (not in every decision; kept apart so that the
                proposed penalty named in a 告知 is not read as the decided one)
    basis       处罚依据 and 裁量: 依据/根据《…》第X条, 鉴于…从轻
    decision    处罚决定: 决定如下 / 作出如下处罚, with its items
    payment     履行方式: 缴纳, bank, 十五日内, 加处罚款
    remedy      救济途径: 行政复议 / 行政诉讼 / 强制执行
    signature   落款与日期: agency, date, seal, 抄送

How: the text is cut into units (lines, then sentences, then clauses that open with a section
cue, so one paragraph holding finding + basis + decision is split at its commas). Each unit gets
a score per section from several families of cues (headings, phrases, field labels, patterns;
key phrases also match with one OCR error) and from its position. A Viterbi pass then picks the
labelling that best fits the scores while preferring the usual order: moving forward is cheap,
staying is free, moving back costs more (cheaply between sections that agencies commonly swap).
A unit without cues stays in the section before it.

The returned sections are contiguous, in text order, and cover every offset of the text; a name
may occur more than once when an agency wrote sections out of order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from lianfa.ingest.document import Section
from lianfa.ingest.party_labels import labels_pattern

ORDER: tuple[str, ...] = (
    "header",
    "doc_number",
    "parties",
    "facts",
    "evidence",
    "finding",
    "procedure",
    "basis",
    "decision",
    "payment",
    "remedy",
    "signature",
)
_IDX = {name: i for i, name in enumerate(ORDER)}

# Pairs that agencies often write in either order (evidence folded into the facts, the 告知
# recounted before or after the finding, remedy before payment).
_SWAPPABLE = {
    frozenset(p)
    for p in (
        ("facts", "evidence"),
        ("facts", "procedure"),
        ("evidence", "procedure"),
        ("evidence", "finding"),
        ("facts", "finding"),
        ("finding", "procedure"),
        ("procedure", "basis"),
        ("finding", "basis"),
        ("basis", "decision"),
        ("payment", "remedy"),
        ("header", "doc_number"),
        ("doc_number", "parties"),
    )
}
_STAY = 0.0
_FORWARD = 1.0
_SKIP = 0.05
_SWAP_BACK = 1.2
_BACK = 3.0
_ENTER_BLIND = 0.05

_AGENCY_SUFFIX = r"(?:局|委员会|委|厅|部|署|办公室|管理处|管理站|管理所|稽查队|大队|支队|中队|总队|执法队|所|院|中心|政府|分局)"
_NUM = r"[0-9一二三四五六七八九十百零〇○\s]"
_CN_DATE = (
    r"(?:(?:(?:19|20)\d{2}|[〇○零O0一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十〇○零]{1,3}\s*月"
    r"\s*[0-9一二三四五六七八九十〇○零]{1,3}\s*日|(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})"
)
# words no agency name holds: a row of a sentence that happens to end in 院/局/所 is not a 落款
_NOT_PROSE = r"(?!.*(?:向|之日|依法|可以|应当|决定|收到|不服|规定|或者|并|的))"
# optional numbering before a heading: 一、 （一） 1. 第一部分
_ENUM = r"(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9]{1,3}\s*[)）]|[0-9]{1,2}\s*[、.．]|第[一二三四五六七八九十]+部分)?"
# a clause may open with who acts: 本局 / 现 / 故 ...
_ACTOR_TAIL = regex.compile(r"(?:本|我|该)\S{0,3}?(?:局|机关|委员会|委|厅|所|队|院|单位|中心|办)$|(?:现|故|遂|特|并)$")
_ACTOR = (
    r"(?:(?:本|我|该)\S{0,3}?(?:局|机关|委员会|委|厅|所|队|院|单位|中心|办)|现|故|遂|特|并|经研究|"
    r"经(?:本局)?集体讨论|综上所述|综上)?[，,\s]*"
)

# Headings: a short unit that is (mostly) just the section's name.
_HEADINGS: dict[str, str] = {
    "facts": r"(?:事实|违法事实|案件事实|事实认定|认定事实|查明事实|基本案情|案件基本情况|案件来源|案情|调查情况|调查经过|经查明的事实|查明的事实|违法事实及证据)",
    "evidence": r"(?:证据|主要证据|相关证据|证据材料|证据清单|证据目录|证据如下|认定(?:上述)?(?:违法)?事实的(?:主要)?证据)",
    "finding": r"(?:违法认定|认定意见|违法行为认定|定性(?:意见)?|案件定性|案件性质|法律适用|处罚理由)",
    "procedure": r"(?:告知情况|陈述申辩情况|听证情况|当事人(?:的)?陈述(?:、)?申辩(?:意见)?(?:及采纳情况)?|申辩意见(?:及)?(?:采纳情况)?|处罚告知)",
    "basis": r"(?:处罚依据|法律依据|依据|处罚理由及依据|裁量(?:理由|依据|情况|情节)|从轻(?:、减轻)?处罚(?:的)?(?:理由|情节|依据))",
    "decision": r"(?:处罚决定|处罚内容|处理决定|决定|行政处罚(?:的)?(?:种类和)?(?:内容|决定)|处罚种类(?:和|及)?幅度)",
    "payment": r"(?:履行方式|履行期限|履行方式(?:和|及)期限|缴纳方式|缴款方式|罚款缴纳|执行方式)",
    "remedy": r"(?:救济途径|救济(?:途径)?(?:和|及)?期限|权利告知|复议(?:、|和|及)?诉讼(?:权利)?|申请行政复议或者?提起行政诉讼的途径和期限)",
}
# Keywords of a short heading line that none of the names above spell out ("处罚依据和处罚决定",
# "申请复议或提起诉讼的途径和期限"); see _heading_section.
_HEADING_WORDS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (name, regex.compile(pat))
    for name, pat in (
        # on equal ends, earlier wins
        ("facts", r"事实|案情|调查经过|案件来源|立案依据|立案情况"),
        ("evidence", r"证据"),
        ("procedure", r"告知|陈述|申辩|听证"),
        ("remedy", r"救济|复议|诉讼"),
        ("payment", r"履行|缴纳|缴款"),
        ("decision", r"处罚决定|处罚内容|处罚种类|决定"),
        ("basis", r"依据|裁量"),
        ("finding", r"认定|定性|性质"),
    )
)


def _heading_section(label: str) -> str | None:
    """Chinese headings end in their head noun ("认定的违法事实", "以上事实有以下证据"): the keyword
    that ends last names the section; on a tie, the list order decides."""
    best: tuple[int, int] | None = None
    name: str | None = None
    for rank, (section, rx) in enumerate(_HEADING_WORDS):
        for m in rx.finditer(label):
            key = (m.end(), -rank)
            if best is None or key > best:
                best, name = key, section
    return name


# numbering of list items rather than of headings: ① (1) 1. 第一项
_ITEM = regex.compile(r"^\s*(?:[①-⑳]|[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、)]|第[一二三四五六七八九十\d]+项)")
_HEADING_SHAPE = regex.compile(rf"^\s*{_ENUM}\s*[^\s，。；;,！？!?]{{2,18}}\s*[:：]?\s*$")
# "告知程序：…", "处罚理由及依据：…": a short label opening a line names its section too
_LABEL_OPEN = regex.compile(rf"^\s*{_ENUM}\s*([^\s，。；;,:：]{{2,10}})\s*[:：]")
_HEADING_RES = {
    name: regex.compile(rf"^\s*{_ENUM}\s*{pat}\s*[:：]?\s*$") for name, pat in _HEADINGS.items()
}
# The same headings may open a line and run into their content: "一、违法事实：经查，…"
_HEADING_OPEN_RES = {
    name: regex.compile(rf"^\s*{_ENUM}\s*{pat}\s*[:：]") for name, pat in _HEADINGS.items()
}


@dataclass(frozen=True)
class _Cue:
    section: str
    pattern: regex.Pattern[str]
    weight: float
    near: tuple[float, float] = (0.0, 1.0)  # relative position where the cue counts


# Titles, 文号 and 落款 are often letter-spaced ("行 政 处 罚 决 定 书"): their cues read the unit
# without spaces. Party cues are tried both ways, since spaces also part a label from its value
# but letter-space labels ("性　别").
_COMPACT = frozenset({"header", "doc_number", "signature"})


def _cue(section: str, pattern: str, weight: float, near: tuple[float, float] = (0.0, 1.0)) -> _Cue:
    return _Cue(section, regex.compile(pattern), weight, near)


_PARTY_LABELS = labels_pattern()

_CUES: tuple[_Cue, ...] = (
    # header: the title, and the agency's name alone on a line at the top
    _cue("header", r"^\s*\S{0,30}(?:决定书|处罚决定|处理决定)\s*(?:[（(][^）)]{1,8}[)）])?\s*$", 4, (0.0, 0.25)),
    _cue("header", rf"^{_NOT_PROSE}\s*[^\s，。；：:]{{2,30}}{_AGENCY_SUFFIX}\s*$", 3, (0.0, 0.2)),
    _cue("header", rf"^\s*{_CN_DATE}\s*$", 1.5, (0.0, 0.15)),
    # doc_number: a short unit carrying a 〔2024〕12号 style number
    _cue(
        "doc_number",
        r"^\s*(?:(?:文号|编号|案号|决定书文号)\s*[:：])?\s*\S{0,24}[〔\[（(【［{]\s*(?:19|20)\d{2}\s*[〕\]）)】］}]\s*(?:第\s*)?[0-9A-Za-z\-－]{1,8}\s*号\s*$",
        5,
        (0.0, 0.35),
    ),
    _cue("doc_number", r"^\s*\S{1,24}(?:19|20)\d{2}\S{0,3}?\d{1,6}\s*号\s*$", 3, (0.0, 0.3)),
    _cue("doc_number", r"^\s*(?:文号|编号|案号|决定书文号)\s*[:：]", 5, (0.0, 0.35)),
    # parties
    _cue(
        "parties",
        r"^\s*(?:当事人|被处罚人|被处罚单位|被处罚主体|违法主体|违法单位|违法行为人|行政相对人)\s*(?:\(|（)?[^，。：:\s]{0,6}(?:\)|）)?\s*[:：]",
        4,
        (0.0, 0.55),
    ),
    _cue("parties", rf"(?:^|[，,；;\s（(]){_PARTY_LABELS}\s*[:：]", 3, (0.0, 0.55)),
    # "用人单位名称：", "法定代表人（主要负责人）：": a qualifier before or a note after the label
    _cue(
        "parties",
        rf"^\s*[\u4e00-\u9fff]{{0,4}}{_PARTY_LABELS}\s*(?:[（(][^（()）]{{1,10}}[)）])?\s*[:：]",
        3,
        (0.0, 0.55),
    ),
    _cue("parties", rf"{_PARTY_LABELS}\s*[:：]?\s*[0-9A-Z][0-9A-Z*＊]{{5,}}", 3, (0.0, 0.55)),
    _cue(
        "parties",
        # (`被处罚单位（人）某某公司（…`: the label's note of who it may be, in brackets)
        r"^\s*(?:当事人|被处罚人|被处罚单位|违法行为人|行政相对人|违法单位)\s*(?:[(（][\u4e00-\u9fff]{1,6}[)）])?\s*"
        r"(?!的|于|自|从|在|对|未|违反|擅自|经营|销售|生产|因|已|为|系|涉嫌|上述|所|将|与|和|无|不|是|向|称)"
        rf"[^\s，。；（(:：]{{2,30}}(?:[（(]|[，,]\s*(?:男|女|{_PARTY_LABELS}|住|\d{{4}}\s*年))",
        3,
        (0.0, 0.45),
    ),
    # a label and its value set apart by spaces only, as table text often comes
    _cue(
        "parties",
        rf"^\s*(?:(?:当事人|被处罚人|被处罚单位|违法行为人)\s*{_PARTY_LABELS}?|{_PARTY_LABELS})\s*(?:[(（][\u4e00-\u9fff]{{1,6}}[)）])?"
        r"\s+[^\s，。；：:]",
        3,
        (0.0, 0.55),
    ),
    _cue("parties", r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])", 2, (0.0, 0.55)),
    _cue("parties", r"(?<![\d*＊])\d{3,6}[\d*＊]{8,12}[\dXx]{1,4}(?![\d*＊])", 1.5, (0.0, 0.55)),
    # facts
    _cue(
        "facts",
        r"^\s*(?:经(?:依法|认真|进一步|本局|本机关)?(?:调查|查|核查|核实)|现查明|查明|据查)",
        3,
    ),
    _cue(
        "facts",
        rf"{_ACTOR}(?:执法人员)?(?:于|在)?\S{{0,20}}(?:立案调查|立案查处|予以立案|决定立案|进行立案|依法立案|接到\S{{0,8}}举报|收到\S{{0,8}}(?:举报|投诉|移送|线索|通报)|现场检查(?:时)?发现|检查中发现|调查发现|检查时发现|依法(?:进行|开展)(?:了)?(?:检查|调查))",
        3,
    ),
    _cue("facts", rf"^\s*{_ACTOR}\S{{0,6}}查明|查清|查实|核实|认定如下事实|事实如下|调查终结|线索来源|案件来源|案源|现已查明", 3),
    _cue("facts", r"一案|举报|投诉|执法人员|现场检查|监督检查|抽样检验|抽检|巡查|检查发现|核查|违法行为(?:进行|开展)(?:了)?调查", 2),
    _cue("facts", r"认定[:：]|立案|(?:进行|开展)(?:了)?(?:执法)?检查|检查时|查获|当事人(?:于|自|从|在)\s*\d{4}\s*年|(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?(?:至|起|以来|期间)", 1.5),
    # evidence
    _cue(
        "evidence",
        r"(?:以上|上述)(?:违法)?(?:事实|行为)\S{0,10}(?:有|由|据|经)\S{0,200}(?:证据|为证|证实|佐证|在案|证明)",
        4,
    ),
    _cue("evidence", r"(?:证据|材料)(?:如下|有|包括)\s*[:：]|(?:以上|上述)证据|下列证据|证据(?:足以)?(?:证明|证实)", 4),
    _cue("evidence", r"等证据|为证|予以证实|佐证|证据在案", 2.5),
    _cue("evidence", r"证据(?:清单|目录)|(?:证明|支撑|证实|认定|支持)\S{0,12}的(?:主要)?证据", 4),
    _cue("evidence", r"证据材料", 2),
    # finding
    _cue(
        "finding",
        r"^\s*(?:当事人|其|该公司|该单位|该企业)?(?:的)?(?:上述|以上|该|这一|此)(?:违法)?行为|^\s*(?:当事人|其)(?:的)?行为",
        3,
    ),
    _cue("finding", r"违反了|违反\S{0,4}《|已构成|构成(?:了)?\S{0,20}(?:行为|违法)|属于\S{0,30}行为", 3),
    # a hearing's reply says "不属于…情形" too
    _cue("finding", r"属于\S{0,30}情形", 2),
    _cue("finding", r"触犯|(?:违法)?事实成立|应(?:当)?(?:依法)?(?:予以|给予|予)(?:行政)?处罚", 3),
    _cue("finding", r"与\S{0,60}规定(?:相悖|不符|相抵触)|法律适用", 3),
    _cue("finding", r"(?:本|我)(?:局|机关|委|厅|所|队|院|单位|分局)(?:经\S{0,4})?(?:认为|认定)|事实清楚|证据确凿", 2.5),
    _cue("finding", r"违反|的规定\s*[。，,]?$|涉嫌", 1),
    _cue("finding", r"^\s*(?:综上所述|综上)", 2),
    # procedure
    _cue(
        "procedure",
        r"(?:告知书|告知了?当事人|依法告知|陈述(?:、|和|及)?申辩|听证|申辩|放弃(?:陈述|听证)|未提出(?:陈述|申辩|听证))",
        4,
    ),
    _cue("procedure", r"当面陈述|陈述(?:材料|意见)|提出(?:异议|申辩)|复核|(?:不予|予以|部分)采纳|(?:不予|予以)支持|申辩(?:理由|意见)|听取\S{0,6}意见", 4),
    _cue("procedure", r"集体讨论|法制审核|重大执法决定|延长\S{0,6}期限|负责人(?:集体)?审批|送达\S{0,6}(?:告知书|通知书)", 2.5),
    # basis
    _cue(
        "basis",
        rf"^\s*{_ACTOR}(?:依据|根据|依照|按照|参照|适用|依)\S{{0,4}}(?:《|\S{{0,30}}第{_NUM}+条|上述|前述|相关|有关|该法|该条例|该办法|该规定|法律|\S{{0,20}}规定)",
        4,
    ),
    _cue("basis", rf"(?:依据|根据|依照|按照)\S{{0,30}}第{_NUM}+条|(?:依据|根据|依照|依)《", 2.5),
    _cue("basis", r"^\s*(?:鉴于|考虑到|综合考虑)|不予(?:行政)?处罚|裁量|情节(?:较轻|轻微|严重|较重)", 2),
    _cue("basis", r"(?:从轻|减轻|从重)(?:行政)?处罚|予以(?:从轻|减轻|从重)", 3),
    # decision
    _cue(
        "decision",
        r"^\s*(?:现|故|遂)?对(?:你单位|你公司|你|当事人|其|该公司|该单位)\S{0,12}(?:处以?|给予|作出|罚款|没收|予以)",
        3,
    ),
    _cue(
        "decision",
        r"(?<!拟\S{0,8})(?:决定如下|处罚如下|作出如下|如下(?:行政)?处罚|(?:决定|处罚)内容如下|决定(?:给予|对当事人|对其|作出|责令|没收|处以|并处|罚款|予以|[:：]))|^\s*"
        + _ACTOR
        + r"决定",
        5,
    ),
    _cue(
        "decision",
        r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?:现|并|同时)?(?:罚款|没收|警告|通报批评|吊销|暂扣|责令|处以|并处|停产停业|降低资质|限制开展|拘留|处罚款)",
        2,
    ),
    _cue("decision", r"(?<!拟\S{0,8})(?:罚款|罚金)(?:人民币)?\s*[0-9一二三四五六七八九十百千万.,，]+\s*(?:万)?元", 1),
    _cue("decision", r"(?<!拟\S{0,8})(?:处以?|并处|给予)\S{0,12}(?:罚款|警告|拘留)", 2),
    # payment
    _cue("payment", r"缴纳|缴至|缴款|缴付|上缴|缴入|汇入|代收|收缴|非税收入|国库", 3),
    # bank words alone also name evidence ("银行流水") and facts ("银行账户")
    _cue("payment", r"账户|账号|户名|开户行|开户银行|银行", 1.5),
    _cue("payment", r"(?:十五|15)\s*日内|逾期不(?:缴纳|缴|履行)|每日按\S{0,12}加处|加处罚款|滞纳金|到期不缴纳", 3),
    _cue("payment", r"收到本(?:决定书|处罚决定书|决定)之日起", 1.5),
    # remedy
    _cue("remedy", r"行政复议|复议|行政诉讼|提起诉讼|起诉|不服本|如不服|若不服|对本(?:处罚)?决定不服", 4),
    _cue("remedy", r"(?:六十|60)\s*日内|(?:六|6)\s*个月内|人民法院|强制执行|不停止(?:执行)?", 2),
    # signature: agency and date at the end, seal, 抄送
    _cue("signature", rf"^{_NOT_PROSE}\s*[^\s，。；：:]{{2,30}}{_AGENCY_SUFFIX}\s*$", 3, (0.6, 1.0)),
    _cue("signature", rf"^\s*{_CN_DATE}\s*$", 4, (0.5, 1.0)),
    _cue("signature", rf"^\s*[^\s，。；：:]{{2,30}}{_AGENCY_SUFFIX}\s*(?:[（(]\S{{1,4}}[)）])?\s*{_CN_DATE}\s*$", 4, (0.5, 1.0)),
    _cue("signature", r"[（(](?:印章|盖章|公章|签章|章|单位印章)[)）]", 4, (0.5, 1.0)),
    _cue("signature", r"^\s*(?:抄送|附件|附[:：]|联系人|承办人|经办人|联系地址|邮编|执法人员\s*[:：])", 3, (0.6, 1.0)),
)

# Kinds of evidence: one alone is a weak hint (facts mention invoices too), a list of them is not.
_EVIDENCE_KINDS = regex.compile(
    r"笔录|照片|鉴定意见|检验报告|检测报告|鉴定报告|检验结论|复印件|视听资料|电子数据|证人证言|书证|物证|送货单|"
    r"销售单|发票|账簿|截图|录像|录音|记录|清单|凭证|情况说明|证明材料|营业执照|身份证明|流水|票据|合同|证言|"
    r"视频|处方|检测结果|检验结果|勘验|书面陈述"
)

# Key phrases that also count with one misread, dropped or extra character (OCR noise). The first
# character must be read right, and phrases one character away from a common word of another
# section ("证据如下" / "依据如下", "十五日内" / "十二月十五日起") are not here.
# "^" marks phrases that only count opening a unit ("违法事实" heads the facts; "如实陈述违法
# 事实" is a plea).
_FUZZY: tuple[tuple[str, str, float], ...] = (
    ("facts", "^经查明", 2.5),
    ("facts", "^违法事实", 3),
    ("facts", "立案调查", 2.5),
    ("evidence", "^以上事实", 2),
    ("finding", "上述行为", 2.5),
    ("finding", "违反了《", 2.5),
    ("procedure", "陈述申辩", 3),
    ("procedure", "行政处罚告知书", 3),
    ("decision", "决定如下", 4),
    ("decision", "作出如下", 4),
    ("decision", "处罚如下", 4),
    ("payment", "缴纳罚款", 2.5),
    ("remedy", "行政复议", 3.5),
    ("remedy", "行政诉讼", 3.5),
    ("remedy", "申请复议", 3),
)
_FUZZY_RES = tuple(
    (
        section,
        regex.compile(
            ("^\\s*" if word.startswith("^") else "")
            + rf"{regex.escape(word.lstrip('^')[0])}(?:{regex.escape(word.lstrip('^')[1:])}){{e<=1}}"
        ),
        weight,
    )
    for section, word, weight in _FUZZY
)

_TERMINATORS = frozenset("。；;！？!?")
# Units end at full stops, not at "；": items of one list (evidence, penalties) stay one unit, so
# an item that names a 告知书 does not pull the list into another section.
_UNIT_ENDS = frozenset("。！？!?")
_CLAUSE_BREAK = frozenset("，,：:")
# A clause that opens with one of these starts a new unit even inside a sentence.
_OPENER = regex.compile(
    rf"\s*{_ACTOR}(?:依据|根据|依照|按照|决定|违反|(?:当事人|其|该)?(?:的)?(?:上述|以上|该)?(?:违法)?行为|以上事实|上述事实|"
    r"如不服|若不服|处罚如下|作出如下|鉴于|经查|当事人应|责令|逾期不|告知|对(?:你|当事人|其|该))"
)
# Openers strong enough to cut a unit even where OCR lost the comma or full stop before them
# ("…的行为口根据《…》…之规定口决定对当事人…").
_HARD_OPENER = regex.compile(
    r"(?:依据|根据|依照|按照)《|(?:本|我)\S{0,3}?(?:局|机关|委|厅|所|队)决定(?:对|给予|作出|如下|[:：])|"
    r"决定(?:对当事人|给予当事人|作出如下)|如不服|逾期不缴纳"
)
# 《…》 and quoted law text are masked before cues are read: a law's title or a quoted or recited
# article ("…缴纳…", "…行政复议法", "…并处…罚款") says nothing about the section it is quoted in.
_MASK = regex.compile(
    r"(?<=《)[^《》]{1,60}(?:法|条例|规定|办法|细则|解释|标准|规则|规范|决定|通知|意见)(?:[（(][^（()）]{1,20}[)）])?(?=》)|"
    r"(?<=[“「『])[^“”「」『』]{1,400}(?=[”」』])|"
    # an article recited in brackets: "（《食品安全法》第一百二十三条：…并处…罚款…）"
    r"(?<=[（(]《[^《》]{1,60}》(?:[（(][^（()）]{1,12}[)）])?[^（()）《》]{0,30}[:：])[^（()）]{1,400}(?=[)）])"
)


def segment(text: str) -> list[Section]:
    """Sections covering text[0:len(text)] in order (see the module doc for the ids)."""
    if not text.strip():
        return []
    masked = _MASK.sub(lambda m: "□" * len(m.group()), text)
    width = _wrap_width(masked)
    units = _units(masked, width)
    n = len(text)
    scores = [_score(masked[a:b], a / n, _fresh(masked, a, width)) for a, b in units]
    labels = _viterbi(scores, _list_items(masked, units))
    # a clause without cues that was cut off before a clause with one ("当事人经营…商品，" before
    # "其行为违反了…") is the subject of that sentence: it goes with what follows
    for i in range(len(units) - 2, -1, -1):
        a, b = units[i]
        piece = masked[a:b]
        if max(scores[i]) <= 0 and piece.rstrip()[-1:] in _CLAUSE_BREAK:
            labels[i] = labels[i + 1]
    sections: list[Section] = []
    for (a, _b), label in zip(units, labels, strict=True):
        if sections and sections[-1].name == label:
            continue
        if sections:
            last = sections[-1]
            sections[-1] = Section(last.name, last.start, a)
        sections.append(Section(label, a, n))
    first = sections[0]
    sections[0] = Section(first.name, 0, first.end)
    return sections


def _units(text: str, wrap_width: int | None) -> list[tuple[int, int]]:
    """Cut points: line starts (not where a row was only wrapped at the margin), sentence ends,
    and clause starts that open with a section cue. Units are contiguous; whitespace and the
    newline after a unit belong to it."""
    cuts = {0}
    n = len(text)
    line_start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            line_start = i + 1
            if line_start < n and _fresh(text, line_start, wrap_width):
                cuts.add(line_start)
        elif ch in _UNIT_ENDS:
            j = i + 1
            while j < n and text[j] in "”’」』)） ":
                j += 1
            if j < n and text[j] != "\n":
                cuts.add(j)
        elif ch in _CLAUSE_BREAK and i > line_start and _OPENER.match(text, i + 1, min(n, i + 40)):
            cuts.add(i + 1)
    for m in _HARD_OPENER.finditer(text):
        # not where a clause opens with who acts: the cut goes before "本局", not after it
        start = m.start()
        if start and text[start - 1] != "\n" and not _ACTOR_TAIL.search(text, max(0, start - 8), start):
            cuts.add(start)
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:] + [n], strict=True)]


# Numbering families: an item continues a list of its own family ("二、" after "一、", "(3)" after
# "(2)"), while "三、处罚依据" after "4.…" is a heading of the outer list.
_NUMBERING = (
    regex.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]"),
    regex.compile(r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]"),
    regex.compile(r"^\s*\d{1,2}\s*[、.．](?!\d)"),
    regex.compile(r"^\s*[（(]\s*\d{1,2}\s*[)）]"),
    regex.compile(r"^\s*[①-⑳]"),
    regex.compile(r"^\s*第[一二三四五六七八九十\d]+项"),
)
_LIST_STICK = 2.5


def _family(unit: str) -> int | None:
    return next((i for i, rx in enumerate(_NUMBERING) if rx.match(unit)), None)


def _list_items(text: str, units: list[tuple[int, int]]) -> list[float]:
    """A cost for leaving the section at each unit: high for an item that continues a list (the
    unit before is an item of the same numbering, or the list's "…如下：" intro), so one item
    that mentions 十五日内 or a 告知书 does not carry the list off into another section."""
    out = [0.0] * len(units)
    for i in range(1, len(units)):
        fam = _family(text[units[i][0] : units[i][1]])
        if fam is None:
            continue
        prev = text[units[i - 1][0] : units[i - 1][1]]
        if _family(prev) == fam or prev.rstrip()[-1:] in "：:":
            out[i] = _LIST_STICK
    return out


def _in(near: tuple[float, float], pos: float) -> bool:
    return near[0] <= pos <= near[1]


def _wrap_width(text: str) -> int | None:
    """The row width of text that kept every printed row as a line, or None when its lines are
    paragraphs. Wrapped rows are many long lines of about one length that stop mid-sentence."""
    lines = [line.strip() for line in text.split("\n")]
    cut = Counter(len(x) for x in lines if len(x) >= 12 and x[-1] not in _TERMINATORS)
    if not cut:
        return None
    width = max(cut, key=lambda w: (sum(cut[w + d] for d in (-2, -1, 0, 1, 2)), w))
    near = sum(cut[width + d] for d in (-2, -1, 0, 1, 2))
    long_lines = sum(1 for x in lines if len(x) >= width - 2)
    # wrapped text has almost nothing longer than its rows; paragraphs run far past any width
    longer = sum(1 for x in lines if len(x) > width + 2)
    if near >= 5 and near >= 0.5 * long_lines and longer <= 0.1 * long_lines:
        return width - 2
    return None


def _fresh(text: str, start: int, wrap_width: int | None) -> bool:
    """Whether a unit starting at `start` can be a heading: it opens a sentence, or a line whose
    line before did not run to the wrap width mid-sentence. Text that kept every printed row as a
    line breaks sentences at the margin, and a row starting "处罚依据如下：" there is not a heading."""
    if start == 0:
        return True
    if text[start - 1] != "\n":
        # mid-line: a new sentence may open with an inline heading ("…备案。救济途径：…")
        return text[:start].rstrip()[-1:] in _TERMINATORS
    if wrap_width is None:
        return True
    prev = text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip()
    return len(prev) < wrap_width or prev[-1:] in _TERMINATORS or prev[-1:] in "：:"


def _score(unit: str, pos: float, fresh: bool = True) -> list[float]:
    best = [0.0] * len(ORDER)
    hits = [0] * len(ORDER)
    # a unit may run over rows that were wrapped at the margin: read it as one line
    stripped = regex.sub(r"\s*\n\s*", "", unit.strip())
    if not stripped:
        return best
    short = len(stripped) <= 16 and fresh
    for name, rx in _HEADING_RES.items():
        if short and rx.match(stripped):
            best[_IDX[name]] = max(best[_IDX[name]], 6.0)
    if short and "决定书" not in stripped and _HEADING_SHAPE.match(stripped) and not _ITEM.match(stripped):
        heading = _heading_section(stripped)
        if heading:
            best[_IDX[heading]] = max(best[_IDX[heading]], 5.5)
    label = _LABEL_OPEN.match(stripped) if fresh else None
    if label:
        heading = _heading_section(label.group(1))
        if heading:
            best[_IDX[heading]] = max(best[_IDX[heading]], 5.0)
    for name, rx in _HEADING_OPEN_RES.items():
        if fresh and rx.match(stripped):
            best[_IDX[name]] = max(best[_IDX[name]], 5.0)
    compact = regex.sub(r"\s+", "", stripped)
    for cue in _CUES:
        if not _in(cue.near, pos):
            continue
        if cue.pattern.search(compact if cue.section in _COMPACT else stripped) or (
            cue.section == "parties" and compact != stripped and cue.pattern.search(compact)
        ):
            i = _IDX[cue.section]
            best[i] = max(best[i], cue.weight)
            hits[i] += 1
    kinds = len(set(_EVIDENCE_KINDS.findall(stripped)))
    # a list item or a list, not a sentence of the facts that mentions a record
    if kinds and (len(stripped) <= 40 or kinds >= 3):
        i = _IDX["evidence"]
        best[i] = max(best[i], min(0.8 * kinds, 2.4))
        hits[i] += 1
    for section, rx, weight in _FUZZY_RES:
        i = _IDX[section]
        if best[i] < weight and rx.search(stripped):
            best[i] = weight
            hits[i] += 1
    # several independent cues agreeing are worth more than one, but a long paragraph must not
    # win on volume alone
    out = [b + min(0.5 * max(h - 1, 0), 1.5) if b else 0.0 for b, h in zip(best, hits, strict=True)]
    # a long sentence is neither a title, a 文号 nor a 当事人 field: don't let it stay there; with no
    # cue at all, the first half of a decision tells what happened
    if len(stripped) > 40:
        if max(out) <= 0 and pos < 0.5:
            out[_IDX["facts"]] = 1.2
        for name in ("header", "doc_number", "parties"):
            if not out[_IDX[name]]:
                out[_IDX[name]] = -1.5
    if pos < 0.02:
        out[_IDX["header"]] += 2.0
    if pos > 0.9:
        out[_IDX["signature"]] += 0.5
    return out


def _transition(a: int, b: int) -> float:
    if a == b:
        return _STAY
    if b > a:
        return _FORWARD + _SKIP * (b - a - 1)
    if frozenset((ORDER[a], ORDER[b])) in _SWAPPABLE:
        return _SWAP_BACK
    return _BACK


def _closed(costs: list[list[float]]) -> list[list[float]]:
    """Shortest-path closure: a direct move never costs more than going by way of another
    section, so no unit is labelled with a third section only to make a move back cheaper."""
    k = len(costs)
    out = [row[:] for row in costs]
    for m in range(k):
        for a in range(k):
            for b in range(k):
                out[a][b] = min(out[a][b], out[a][m] + out[m][b])
    return out


_TRANS = _closed([[_transition(a, b) for b in range(len(ORDER))] for a in range(len(ORDER))])
_START = [0.4 * i for i in range(len(ORDER))]


def _viterbi(scores: list[list[float]], sticky: list[float]) -> list[str]:
    """`sticky[i]` is added to the cost of changing section at unit i (an item of a list)."""
    k = len(ORDER)
    best = [scores[0][s] - _START[s] for s in range(k)]
    back: list[list[int]] = []
    for emit, stick in zip(scores[1:], sticky[1:], strict=True):
        prev = best
        ptr: list[int] = []
        best = []
        for s in range(k):
            # entering a section on a unit that has no cue for it costs a little: between equal
            # paths, the switch lands on the unit that names the new section
            enter = stick + (0.0 if emit[s] > 0 else _ENTER_BLIND)
            p = max(range(k), key=lambda q: prev[q] - _TRANS[q][s] - (enter if q != s else 0.0))
            ptr.append(p)
            best.append(prev[p] - _TRANS[p][s] - (enter if p != s else 0.0) + emit[s])
        back.append(ptr)
    s = max(range(k), key=lambda q: best[q])
    path = [s]
    for ptr in reversed(back):
        s = ptr[s]
        path.append(s)
    path.reverse()
    return [ORDER[i] for i in path]
