"""Sentence banks for the parts every decision has, whatever the violation.

Each bank is `{"default": (...), "holdout": (...)}` with no option shared between the two (see
style.py). Templates take named fields: {self} (how the agency calls itself: 本局 / 本机关),
{agency}, {party} (how the text calls the party: 当事人 / the name), {cause_short}, dates {d1} {d2},
and section-specific ones documented next to each bank.
"""

from __future__ import annotations

from lianfa.corpora.generator.style import Bank

# How the agency refers to itself, by the last characters of its name.
SELF_REFERENCE: dict[str, Bank[str]] = {
    "局": {"default": ("本局", "本局", "我局"), "holdout": ("本机关", "本行政机关")},
    "厅": {"default": ("本厅", "我厅"), "holdout": ("本机关", "本行政机关")},
    "委员会": {"default": ("本委", "我委"), "holdout": ("本机关", "本行政机关")},
    "海关": {"default": ("本关", "我关"), "holdout": ("本机关", "海关")},
    "支队": {"default": ("本支队", "我支队"), "holdout": ("本机关", "本执法机关")},
    "大队": {"default": ("本大队", "我大队"), "holdout": ("本机关", "本执法机关")},
    "办事处": {"default": ("本关", "本办事处"), "holdout": ("本机关", "海关")},
    "处": {"default": ("本处",), "holdout": ("本机关",)},
}

TITLES: Bank[str] = {
    "default": ("行政处罚决定书", "行政处罚决定书", "行政处罚决定书", "行政处罚决定书（正本）"),
    "holdout": ("行 政 处 罚 决 定 书", "处罚决定书", "行政处罚决定"),
}

# Where a case came from: {source}
CASE_SOURCES: Bank[str] = {
    "default": ("群众举报", "上级交办", "12345热线转办", "日常监督检查", "“双随机、一公开”抽查", "投诉举报"),
    "holdout": ("媒体曝光线索", "兄弟单位移送线索", "网络舆情监测", "专项整治行动排查", "信访件"),
}

CASE_OPENINGS: Bank[str] = {
    "default": (
        "{d1}，{self}执法人员根据{source}，对当事人的经营场所进行检查，发现当事人涉嫌{cause_short}。经批准，{self}于{d2}立案调查。",
        "{self}于{d1}接到{source}，反映当事人涉嫌{cause_short}，经初步核查，于{d2}依法立案调查。",
        "当事人涉嫌{cause_short}一案，{self}于{d2}立案，并依法进行了调查取证。",
        "{d1}，{self}执法人员在{source}中发现当事人涉嫌{cause_short}，于{d2}报经负责人批准立案调查。",
        "{self}根据{source}，于{d2}对当事人涉嫌{cause_short}一案立案调查，现已调查终结。",
        "{d1}，{self}在对当事人进行检查时，发现其涉嫌{cause_short}，遂于{d2}立案。",
        "因当事人涉嫌{cause_short}，{self}于{d2}决定立案调查，案件来源为{source}。",
        "{d1}，{self}执法人员根据{source}对当事人依法进行检查，并于{d2}立案调查。",
    ),
    "holdout": (
        "根据{source}，{agency}执法人员于{d1}依法对当事人开展现场检查，{d2}予以立案。",
        "本案线索来源于{source}。{d2}，{self}对当事人涉嫌{cause_short}的行为立案查处。",
        "{d2}，{self}就当事人涉嫌{cause_short}一事立案，指派两名以上执法人员开展调查。",
        "案件来源：{source}。立案时间：{d2}。",
        "立案依据：{source}反映的问题经核实属实，{d2}正式立案（现场检查日期：{d1}）。",
        "{agency}于{d1}对当事人开展执法检查，随后就其涉嫌{cause_short}一事于{d2}立案。",
    ),
}

FACT_INTROS: Bank[str] = {
    "default": ("经查，", "经查明：", "现查明：", "经调查，", "{self}查明，", "经查：", "经立案调查，现查明：", "经调查取证，"),
    "holdout": ("经依法调查核实，", "调查终结，认定如下事实：", "经{self}调查，现已查清：", "查明的违法事实如下：", "现已查实：", "根据调查取得的证据，认定："),
}

# {start} {end}: conduct period. The category text follows.
PERIODS: Bank[str] = {
    "default": ("{start}至{end}期间，", "自{start}起至{end}止，", "{start}以来，", "{start}至{end}，"),
    "holdout": ("从{start}开始直至{end}案发，", "在{start}到{end}这段时间内，", "截至{end}（始于{start}），"),
}

EVIDENCE_INTROS: Bank[str] = {
    "default": ("上述事实，有下列证据证明：", "以上事实有以下证据为证：", "认定上述事实的主要证据有：", "上述违法事实，有以下证据予以证实：", "上述事实，有以下证据在案为证："),
    "holdout": ("本案证据如下：", "证明上述违法事实的证据材料包括：", "支撑上述认定的证据清单：", "据以认定事实的证据：", "相关证据：", "主要证据目录如下："),
}
# How evidence items are numbered: a format with {i} (1-based) and {item}.
EVIDENCE_NUMBERING: Bank[str] = {
    "default": ("{i}.{item}；", "（{i}）{item}；", "{i}、{item}；"),
    "holdout": ("{circled}{item}", "第{cn}项：{item}。", "{i}）{item}"),
}
EVIDENCE_ITEMS: Bank[str] = {
    "default": (
        "当事人的营业执照复印件", "法定代表人身份证明", "现场检查笔录", "询问笔录", "现场照片", "进货凭证",
        "销售记录", "扣押财物清单", "检验报告", "委托书及受托人身份证复印件", "价格认定结论书", "证人证言",
        "视听资料", "电子数据提取笔录", "当事人提供的情况说明", "查封（扣押）决定书",
        "送达回证", "先行登记保存证据通知书", "抽样取证凭证", "财务凭证复印件", "现场笔录", "协助调查函及回复",
    ),
    "holdout": (
        "主体资格证明材料", "现场勘验记录", "调查询问记录", "影像资料", "购销合同及票据", "财务账册",
        "抽样单", "检测机构出具的检测结果", "涉案物品清点记录", "当事人书面陈述", "证人书面证言",
        "执法记录仪视频", "聊天记录截图", "银行流水",
        "调取证据通知书及所调取材料", "第三方平台交易数据", "证据保全清单", "情况说明（加盖公章）", "辨认笔录",
    ),
}

# Other papers of the case cited by their numbers: (sentence, the mark in the paper's number).
CITED_PAPERS: Bank[tuple[str, str]] = {
    "default": (
        ("{d1}，{self}依法对涉案物品实施先行登记保存，并向当事人送达《先行登记保存通知书》（{number}）。", "先登"),
        ("{self}于{d1}向当事人下达《责令改正违法行为决定书》（{number}），责令当事人立即改正违法行为。", "责改字"),
        # the party's licence, cited by its number (the eleventh survey's seed cases: 农种许字)
        ("执法人员查验了当事人的经营许可证，许可证编号为{number}。", "许字"),
    ),
    "holdout": (
        ("执法人员当场制作编号为{number}的证据先行登记保存通知书并交当事人签收。", "证保"),
        ("同日，{self}以{number}《责令限期改正通知书》责令当事人限期整改。", "限改"),
        ("当事人出示的许可证（{number}）载明的经营范围不含涉案品种。", "许可"),
    ),
}
# The mark in a 告知书's number (豫0923环罚告字〔2024〕4号).
NOTICE_MARKS: Bank[str] = {"default": ("罚告字", "罚告"), "holdout": ("听告字", "事告")}

# Hearing / 陈述申辩. {plea}: what the party argued; {reply}: the agency's answer.
HEARINGS: Bank[str] = {
    "default": (
        "{self}于{d1}向当事人送达了《行政处罚告知书》，告知其拟作出行政处罚的事实、理由、依据及依法享有的陈述、申辩和要求听证的权利。当事人在法定期限内未提出陈述、申辩，也未要求听证。",
        "{d1}，{self}依法向当事人送达《行政处罚事先告知书》，当事人于{d2}提出陈述申辩，称{plea}。经复核，{self}认为{reply}，不予采纳。",
        "当事人于{d1}申请听证，{self}于{d2}依法举行了听证会。当事人在听证中提出{plea}，经审查，{self}认为{reply}。",
        "{d1}，{self}告知当事人拟作出的行政处罚内容及其享有的权利，当事人在规定期限内放弃陈述、申辩和听证的权利。",
        "当事人收到《行政处罚告知书》后，在法定期限内提出了陈述、申辩意见，认为{plea}。{self}经复核认为{reply}，对其意见不予采纳。",
        "{self}于{d1}依法向当事人送达了行政处罚告知书，当事人在规定期限内未提出陈述、申辩意见。",
        "{d1}，{self}向当事人送达了《行政处罚听证告知书》，当事人于{d2}书面提出陈述、申辩，称{plea}。{self}经复核认为{reply}。",
    ),
    "holdout": (
        "{self}已依法履行告知程序，当事人逾期未行使陈述、申辩权。",
        "告知程序：{d1}，{self}以《行政处罚告知书》告知当事人享有陈述、申辩权利，当事人书面表示无异议。",
        "当事人收到告知文书后提交了书面陈述材料，主张{plea}。{self}复核后认为{reply}，对其主张不予支持。",
        "听证情况：应当事人申请，{self}于{d2}组织听证。听证中当事人主张{plea}；{self}认为{reply}。",
        "在法定告知期内，当事人既未陈述申辩也未申请听证（告知日期：{d1}）。",
        "{d2}，当事人到{self}当面陈述，提出{plea}；经复核，{reply}。",
    ),
}
PLEAS: Bank[str] = {
    "default": ("其系初次违法且危害后果轻微", "其对产品来源不知情", "其经营困难，请求减轻处罚", "其已主动停止违法行为并整改"),
    "holdout": ("案涉数额计算有误", "执法程序存在瑕疵", "其主观上不存在故意", "处罚幅度过重"),
}
REPLIES: Bank[str] = {
    "default": ("当事人的违法事实清楚、证据确凿，其申辩理由不能成立", "当事人所述情况不属于法定从轻或者减轻处罚的情形"),
    "holdout": ("在案证据足以认定违法事实，申辩意见缺乏事实依据", "其主张与调查查明的情况不符"),
}

# {violated}: the violated provisions, already written; {act}: a short description of the act.
REASONINGS: Bank[str] = {
    "default": (
        "当事人的上述行为违反了{violated}的规定，构成{cause_short}的违法行为。",
        "{self}认为，当事人{act}的行为，违反了{violated}之规定。",
        "当事人上述行为违反了{violated}的规定，已构成{cause_short}。",
        "综上所述，当事人{act}，违反了{violated}的规定。",
        "经审查，当事人{act}的行为，违反了{violated}的规定。",
        "当事人{act}，其行为违反了{violated}的规定，依法应当予以处罚。",
    ),
    "holdout": (
        "本案中，当事人的行为已触犯{violated}，应当予以处罚。",
        "依照{violated}，当事人的行为属于{cause_short}，事实清楚、证据确凿。",
        "对照{violated}，当事人{act}的事实成立，依法应予行政处罚。",
        "就法律适用而言，当事人{act}，与{violated}的规定相悖。",
    ),
}
# {law_quote}: a quoted penalty clause with its own ranges (not amounts of this case).
LAW_QUOTES: Bank[str] = {
    "default": ("{law}{article}规定：“{quote}”。", "根据{law}{article}“{quote}”的规定，应当对当事人予以处罚。"),
    "holdout": ("（{law}{article}：{quote}。）", "按照{law}{article}关于“{quote}”之规定，当事人依法应受处罚。"),
}

# Another act whose fine is reckoned and then not imposed ({act}, {amount}; {base} is half of it): the
# reckoned figure is no amount of the decision.
WAIVED_FINES: Bank[str] = {
    "default": ("当事人另有{act}的情况，依法应处罚款{amount}，鉴于当事人初次违法、危害后果轻微并及时改正，决定不予行政处罚。",),
    "holdout": ("对其{act}的行为处以罚款，即{base}×2倍={amount}，低于本案罚款数额。本机关决定对该行为不作出行政处罚。",),
}
WAIVED_ACTS: Bank[str] = {
    "default": ("未按规定公示证照", "未按规定建立进货台账"),
    "holdout": ("超出登记范围经营", "未按要求张贴警示标识"),
}
DISCRETION: Bank[str] = {
    "default": (
        "鉴于当事人积极配合调查，主动停止违法行为，依法对其从轻处罚。",
        "考虑到当事人违法行为持续时间较长、涉案数额较大，依法对其从重处罚。",
        "当事人如实陈述违法事实并主动提供证据材料，符合从轻处罚情形。",
        "鉴于当事人系初次违法，且能够积极整改，依法给予减轻处罚。",
        "鉴于当事人违法情节较轻，且能主动消除违法行为危害后果，依法从轻处罚。",
    ),
    "holdout": (
        "结合违法情节、危害后果及整改情况，按裁量基准中的一般情形处理。",
        "当事人具有配合调查的情节，裁量时予以考虑。",
        "依据行政处罚裁量权基准，本案属较重情形。",
        "案件情节一般，无从重、从轻情形。",
    ),
}

# {basis}: the penalty provisions, already written.
DECISION_INTROS: Bank[str] = {
    "default": (
        "依据{basis}的规定，{self}决定对当事人作出如下行政处罚：",
        "根据{basis}的规定，{self}决定：",
        "依照{basis}之规定，现责令当事人改正上述违法行为，并作出如下处罚决定：",
        "依据{basis}，{self}决定对当事人处以以下行政处罚：",
        "综上，根据{basis}的规定，{self}决定对当事人处罚如下：",
        "依据{basis}的规定，经{self}负责人集体讨论，决定：",
    ),
    "holdout": (
        "{self}依据{basis}，决定给予当事人以下处理：",
        "处罚依据：{basis}。处罚决定如下：",
        "现依{basis}，对当事人处罚如下：",
        "参照{basis}，经重大执法决定法制审核，决定对当事人：",
    ),
}
DECISION_ITEM_NUMBERING: Bank[str] = {
    "default": ("{i}.{item}；", "{cn}、{item}；", "（{i}）{item}；"),
    "holdout": ("（{cn}）{item}。", "{circled}{item}；", "第{cn}，{item}；"),
}
# {total}: the sum of fines and confiscations (not an amount of its own).
TOTALS: Bank[str] = {
    "default": ("以上罚没款合计{total}。", "罚没款共计{total}。"),
    "holdout": ("上述两项合计{total}。", "合计应缴罚没款{total}。"),
}

# A decision worded as a proposal (`拟对该单位作出如下行政处罚：`, the eleventh survey's 人社 decision),
# its payment clause under this decision after it: the fine is decided.
PROPOSAL_WORDED_INTROS: Bank[str] = {
    "default": ("依据{basis}的规定，{self}拟对当事人作出如下行政处罚：",),
    "holdout": ("根据{basis}，{self}拟给予当事人以下处罚：",),
}

# {bank} {account} {days}
PAYMENTS: Bank[str] = {
    "default": (
        "当事人应当自收到本决定书之日起十五日内，将罚没款缴至{bank}（账号：{account}）。逾期不缴纳罚款的，{self}将每日按罚款数额的百分之三加处罚款，并依法申请人民法院强制执行。",
        "罚没款请于收到本决定书之日起十五日内到{bank}缴纳，或通过非税收入电子缴款系统缴纳。到期不缴纳的，每日按罚款数额的3%加处罚款。",
        "当事人应自收到本处罚决定书之日起十五日内持《非税收入缴款通知书》到{bank}缴纳罚没款。逾期不缴纳的，{self}可以每日按罚款数额的百分之三加处罚款。",
        "请在接到本处罚决定书之日起15日内将罚没款缴至指定银行（{bank}），逾期不缴纳的，每日按罚款数额的百分之三加处罚款。",
        "上述罚没款限当事人于收到本决定书之日起十五日内缴至{bank}。逾期不缴纳的，{self}将依法每日按罚款数额的百分之三加处罚款。",
        "当事人应于本决定书送达之日起十五日内，凭本决定书到{bank}缴纳罚没款，并将缴款凭证送{self}备查。",
    ),
    "holdout": (
        "履行方式和期限：本决定书送达之日起十五日内，持缴款通知书到指定代收银行缴纳；账户名称：{account_name}。",
        "当事人须在决定书送达后15日内，通过“{app}”或{bank}柜台完成缴款，缴款凭证交{self}备案。",
        "缴款期限为本决定书送达之日起十五日；缴款地点：{bank}各营业网点。逾期缴纳将依法加处罚款。",
        "罚没款缴纳：户名{account_name}，开户行{bank}，账号{account}，期限十五日。",
    ),
}
BANKS: Bank[str] = {
    "default": ("中国工商银行{city}分行", "中国农业银行{city}分行", "中国建设银行{city}分行营业部", "{city}农村商业银行"),
    "holdout": ("中国银行{city}支行", "交通银行{city}分行", "邮政储蓄银行{city}分行"),
}
PAY_APPS: Bank[str] = {"default": ("浙里办",), "holdout": ("政务服务网", "非税支付平台", "云闪付")}

# {gov}: the 复议 body; {court}: the court.
REMEDIES: Bank[str] = {
    "default": (
        "如不服本处罚决定，可以在收到本决定书之日起六十日内向{gov}申请行政复议；也可以在六个月内依法向{court}提起行政诉讼。",
        "当事人如对本处罚决定不服，可在接到本处罚决定书之日起六十日内向{gov}申请复议，或者在六个月内直接向{court}起诉。",
        "如不服本决定，可于收到本决定书之日起六十日内依法申请行政复议，或者于六个月内依法向人民法院提起行政诉讼。",
        "当事人对本决定不服的，可以自收到本决定书之日起六十日内向{gov}申请行政复议，或者自收到本决定书之日起六个月内向{court}提起行政诉讼。",
        "如对本处罚决定不服，可以自收到本决定书之日起六十日内向{gov}申请行政复议，也可以自收到本决定书之日起六个月内直接向{court}提起行政诉讼。",
    ),
    "holdout": (
        "救济途径和期限：对本决定不服的，六十日内可向{gov}申请复议；六个月内可向{court}提起诉讼。",
        "不服本决定的，当事人享有申请行政复议或者提起行政诉讼的权利（复议期限六十日，诉讼期限六个月）。",
        "当事人若有异议，可依法在法定期限内向{gov}提出复议申请或向{court}起诉。",
        "当事人享有的救济权利：行政复议（{gov}，六十日内）、行政诉讼（{court}，六个月内）。",
    ),
}
NO_SUSPENSION: Bank[str] = {
    "default": ("申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。",),
    "holdout": ("复议、诉讼期间，本决定不停止执行。",),
}

# A case sent to the police and sent back: {police}, {reason}, dates.
POLICE_RETURNS: Bank[str] = {
    "default": (
        "本案曾于{d1}移送{police}。{police}经审查，认为{reason}，于{d2}作出不予立案决定，并将案件移送回{self}依法处理。",
        "{d1}，{self}将本案移送{police}，{police}于{d2}以{reason}为由决定不予立案，并书面移送回{self}。",
        "因涉嫌犯罪，{self}于{d1}将案件移送公安机关。{d2}，{police}出具《不予立案通知书》，认为{reason}，案件退回{self}作行政处理。",
    ),
    "holdout": (
        "公安机关反馈：{police}审查后认为{reason}，于{d2}决定不立案，案件退回{self}处理（移送日期{d1}）。",
        "经{police}审查（{d1}移送），该局认定{reason}，于{d2}将案件交回{self}。",
    ),
}
# A case the prosecutor decided not to prosecute and sent back for an administrative penalty
# (不起诉 + 检察意见, 反向移送): {prosecutor}, dates.
PROSECUTOR_RETURNS: Bank[str] = {
    "default": (
        "本案于{d1}移送司法机关。{prosecutor}审查后作出不起诉决定，并于{d2}向{self}提出检察意见，建议依法给予行政处罚。",
        "{d2}，{prosecutor}对当事人作出不起诉决定，并制发检察意见书，将案件移送{self}依法作出行政处罚（移送公安机关日期{d1}）。",
    ),
    "holdout": (
        "检察机关反馈：{prosecutor}经审查决定不起诉，于{d2}将案件反向移送{self}处理（此前于{d1}移送）。",
        "经{prosecutor}审查（{d1}移送），该院决定不予起诉，{d2}以检察意见书建议{self}给予行政处罚。",
    ),
}
POLICE_REASONS: Bank[str] = {
    "default": ("没有犯罪事实", "情节显著轻微危害不大，不认为是犯罪", "不构成犯罪", "现有证据不足以证明有犯罪事实"),
    "holdout": ("不需要追究刑事责任", "证据不足，不符合立案条件", "犯罪情节轻微"),
}

FOOTERS: Bank[str] = {
    "default": ("抄送：{gov}", "本决定书一式三份，一份送达当事人，一份存档，一份报送{gov}。", "（此页无正文）"),
    "holdout": ("附：罚没款缴纳说明", "本文书送达当事人后即行生效。", "（本文书共一式两份）"),
}
SEAL_NOTES: Bank[str] = {"default": ("（印章）", "（公章）"), "holdout": ("（盖章）", "【印】")}

HEADINGS: Bank[tuple[str, str, str, str, str]] = {
    # facts, evidence, decision, payment, remedy; numbered in order of appearance
    "default": (
        ("违法事实", "相关证据", "处罚依据和处罚决定", "履行方式和期限", "救济途径和期限"),
        ("违法事实及证据", "证据", "行政处罚的依据和种类", "罚款的履行方式和期限", "申请复议或提起诉讼的途径和期限"),
    ),
    "holdout": (
        ("事实", "证据", "处理", "缴款", "救济"),
        ("案件事实", "证据材料", "处罚决定", "执行", "权利告知"),
    ),
}
HEADING_NUMBERS: Bank[str] = {
    "default": ("{cn}、{title}", "{title}"),
    "holdout": ("【{title}】", "第{cn}部分 {title}"),
}

# A finding that quotes a standard's table, whose `名称：` cell is the stored goods' and no party's
# (the eighth survey's 应急 decisions quote GB storage tables this way)
STANDARD_TABLE_QUOTES: Bank[str] = {
    "default": ("现场堆码方式不符合相关作业规程第5.3条“库内物品应按类别存放。名称：成箱成品；限高：2m”的要求。",),
    "holdout": ("其堆放违反了行业安全规程第8.2条“堆垛高度按下表执行，名称：袋装原料，高度：不超过1.8m”的规定。",),
}
# the party's earlier penalty and its number, cited in the finding
EARLIER_PENALTIES: Bank[str] = {
    "default": ("另查，当事人曾因同类违法行为被本机关行政处罚（{number}）。",),
    "holdout": ("经核查，当事人曾受到本机关行政处罚（{number}），一年内再次违法。",),
}
ADMISSIONS: Bank[str] = {
    "default": ("当事人对上述违法事实无异议。", "当事人对违法事实供认不讳。", "当事人对上述事实予以承认。"),
    "holdout": ("当事人在询问中如实交代了上述事实。", "对以上事实，当事人签字确认。"),
}
