"""当事人: name, kind, 统一社会信用代码 (checked), 注册号, the person answering for it, address, and a
masked 身份证号.

Agencies lay the party out as labelled lines (`当事人：…`), as table rows whose cells are separated
by spaces only (`被处罚单位 某某厂 统一代码 9136…`), or as one sentence (`单位名称某某厂（信用代码…，
办公地址…，法人代表…）`). The reader finds each party label, then reads every field label's value in
that party's block up to the next label, separator or gap, so any order and any of these layouts work.
The labels published decisions were seen to use come from the vocabulary (corpora/data/vocabulary.yaml).
Where no label names the party, a 信息公开 table's party column, the addressee line, the name alone
on a line, the title or the finding's first sentence does, each party saying which (`source`) and
how far that source is trusted (`confidence`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lianfa.extractors.credit_code import is_valid, suggest_correction
from lianfa.extractors.masking import mask_id_number
from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence
from lianfa.ingest.party_labels import FieldRole, field_labels, label_regex, name_labels
from lianfa.kinds import PartyKind


def _surveyed(labels: tuple[str, ...]) -> str:
    """Labels recorded from published decisions, longest first, each also read letter-spaced; only
    where a separator follows, so the hand-kept patterns still read a longer label they begin
    (`经营者姓名`) or a label run into its value."""
    return "|".join(f"(?:{label_regex(x)})(?=\\s|[:：|()（）])" for x in sorted(labels, key=len, reverse=True))


_PARTY_LABEL = (
    rf"(?<![\u4e00-\u9fff])(?:{_surveyed(name_labels())}|当事人(?:的)?基本(?:情况|信息)|当事人|被处罚(?:人|单位|主体|对象|者)|处罚对象|违法(?:行为)?(?:人|单位|主体|当事人)|(?:行政(?:处罚)?)?相对人(?:名称|姓名)|行政(?:处罚)?相对人|受处罚(?:人|单位)"
    # 劳动保障监察 names the employer 用人单位
    # a tax decision's taxpayer or withholding agent (`纳税人：`, `扣缴义务人名称：`)
    r"|用人单位|单位名称|企业名称|机构名称|(?:纳税人|扣缴义务人)(?:名称|姓名|(?=\s?[:：]))|名\s?称|姓\s?名"
    # a letter-spaced `当    事    人:` whose first letter the page lost (`事    人:`), at a line's start
    r"|(?<![^\n \t])事[ \t]*人(?=[ \t]*[:：]))(?:\s?(?:名称|姓名))?"
)
_CORE_FIELD_LABELS: dict[str, str] = {
    "credit_code": r"(?:统一)?社会信用代码|(?:统一)?信用代码|统一代码|纳税人识别号|税号",
    "registration_no": r"(?:营业执照|工商)?注册号(?:码)?|营业执照号(?:码)?",
    "legal_representative": (
        r"法定代表人(?:\s?[(（]负责人[)）])?(?:姓名)?|法人代表|(?:分公司|分支机构|主要)?负责人(?:姓名)?|"
        r"经营者(?:姓名)?|投资人|业主|执行事务合伙人"
    ),
    "address": (
        r"住所(?:地)?|(?:联系|办公|户籍|门店|营业|经营|注册|家庭|通讯|单位|居住)?地址|住址|居住地|户籍地|(?:生产)?经营场所|营业场所|住所或经营场所|"
        # `…汉族，住安吉县递铺街道…`: a sentence-style party line names the address with a bare 住
        r"(?<=[，,;；\s])(?:现)?住(?:在|于)?(?![所址宿房院])(?=[\u4e00-\u9fff]{2})"
    ),
    "id_number": r"(?:居民)?身份证(?:件)?(?:号码|号)?|公民身份(?:证)?号码|证件号码",
    "other": (
        r"性\s?别|民\s?族|出生(?:日期|年月)?|年\s?龄|联系电话|电\s?话|职\s?务|(?:主体)?类\s?型|组织形式|成立日期|联系方式|邮\s?编|"
        # the case's own header fields, where a lost line break runs them into the party's last value
        r"案件名称|案\s?由|违法行为(?=\s*[:：])|案件来源|立案(?:时间|日期|依据)"
    ),
}
_ROLES: tuple[FieldRole, ...] = ("credit_code", "registration_no", "legal_representative", "address", "id_number", "other")
_FIELD_LABELS: dict[str, str] = {
    k: f"{_surveyed(field_labels(k))}|{_CORE_FIELD_LABELS[k]}" if field_labels(k) else _CORE_FIELD_LABELS[k]
    for k in _ROLES
}
_FIELD_ANY = "|".join(f"(?:{p})" for p in _FIELD_LABELS.values())
_ANY_LABEL = re.compile(rf"{_FIELD_ANY}|{_PARTY_LABEL}")
_FIELD_ONLY = re.compile(_FIELD_ANY)
# `统一社会信用代码（注册号）：`, `住所（住址）：`: the label's alternative in brackets is part of it
_LABEL_RES = {
    k: re.compile(rf"(?:{p})(?:\s?[(（][\u4e00-\u9fff]{{1,8}}[)）])?\s*[:：]?\s*")
    for k, p in _FIELD_LABELS.items()
    if k != "other"
}
# `当事人二：`, `当事人（一）：` number the parties of a joint decision
_PARTY_RE = re.compile(
    # a party's number stands apart from its name (`当事人二：`); 被处罚人六合某某厂 is 六合某某厂
    # `当事人名称或姓名：`, `违法单位或个人名称：`: the label's alternative after 或 is part of it
    rf"(?P<label>{_PARTY_LABEL}(?:或(?:者)?[\u4e00-\u9fff]{{0,4}}?(?:名称|姓名))?)"
    r"(?:[一二三四五六七八九十\d](?=\s*[:：\s])|[(（][一二三四五六七八九十\d][)）])?"
    # `当事人名称（姓名）：`, `当事人（单位名称或个人姓名）：`: the label's alternative in brackets
    r"(?:[(（](?=[^()（）\n]{0,12}(?:名称|姓名|单位|个人|人[)）]))[\u4e00-\u9fff、]{1,12}[)）])?[)）]?\s*(?P<colon>[:：|])?\s*"
)
# `法定代表人（负责人）姓名：` is the representative's name, not a party's
_AFTER_PERSON_LABEL = re.compile(r"(?:法定代表人|法人代表|负责人|经营者|投资人|业主|代理人|联系人|法人)[^\n:：]{0,6}$")
# (a page's metadata 名称 field holds the document's title: `名称：某局行政处罚决定书`)
# (`当事人委托某某报关有限公司…`: an unlabelled 当事人 before the agent it engaged, who is no party)
_NOT_A_NAME = re.compile(
    r"(?:基本)?(?:情况|信息|概况|如下)$|^(?:或|及|和)?(?:姓名|名称|类别|类型)$|(?:决定书|通知书|告知书)$|^委托"
)
_VALUE_END = re.compile(r"[，,；;。\n|)）]|\s")
_ADDRESS_END = re.compile(r"[，,；;。\n|]|\s{2,}|\s(?=" + _FIELD_ANY + ")")
_CODE_CHARS = re.compile(r"[0-9A-Za-z][0-9A-Za-z ]{16,22}")
_ID = re.compile(
    r"(?<![0-9A-Za-z*])(?:\d{6}\s?(?:19|20)\d{2}\s?\d{4}\s?\d{3}[\dXx]|\d{3,6}\*{6,12}\d{3}[\dXx]"
    # published decisions mask in their own styles: 460100197405******, 510125197908****2X
    r"|\d{6}(?=[\d*]{11}[\dXx*](?![0-9A-Za-z*]))[\d]{0,10}\*{4,12}[\d*]{0,6}[\dXx*])(?![0-9A-Za-z*])"
    r"|(?<!\d)\d{15}(?!\d)"
)
_BUSINESS_MARK = re.compile(r"个体工商户|个体户|个体经营|(?<![\u4e00-\u9fff])(?:经营者|业主)(?:姓名)?\s*[:：]?")
_BRACKET_TAIL = re.compile(r"[(（〔\[【](?P<inner>[^()（）〔〕\[\]【】]{1,12})[)）〕\]】]$")
_OPEN_TAIL = re.compile(r"[(（〔\[【][^)）〕\]】]*$")
# (a 现场 ends like a 场 and is a place, not a business: `当事人施工现场未设置围挡`)
_ORG_SUFFIX = re.compile(
    r"(?:公司|厂|合作社|中心|医院|诊所|学校|学院|协会|集团|商行|商店|超市|门市|门市部|经营部|店|部|馆|社|站|(?<!现)场|所|行|院|室|坊|铺|队|园|处|客栈|民宿|酒家|农家乐|"
    r"网吧|网咖|吧|会所|艺术团|演出团|歌舞团|剧团|乐团)$"
)
# 2–4 characters; published decisions mask the given name (`杨*`, `张某某`, `李××`)
_PERSON_NAME = re.compile(
    r"^[\u4e00-\u9fff*＊][\u4e00-\u9fff*＊×Xx]{1,3}$"
    # names of Uyghur, Tibetan, Mongolian... citizens, written with a middle dot (买买提·艾力)
    r"|^[\u4e00-\u9fff]{1,8}(?:[·•・.][\u4e00-\u9fff]{1,8})+$"
)
# Where a name given without a colon runs on into the narrative (`被处罚人刘某某于2023年2月…`).
# A scan that lost the space after the name runs it into the sentence that speaks to the party
# (`张某你未经批准…`).
_NARRATIVE = re.compile(
    # (`当事人基本情况:某某公司成立于2003年…`: the company's founding, told after its name)
    r"成立于|于\d|于(?:19|20)|在|因|自\d|从事|未经|擅自|涉嫌|的|你(?:单位|公司|厂|店)?(?=未|于|在|擅自|从事|因|自|违反|非法)"
    # (`当事人某某公司委托某某报关公司…`: the agent the party engaged)
    r"|委托(?!代理|加工|管理|服务|经营)"
)
# Where no label names the party, these say who it is, in falling order of trust: a 信息公开 table's
# party column, the addressee line before the body (`某某食品加工厂:`), the name alone on a line
# above its 信用代码/地址 lines, the title (`某某销售…案`), the finding's first sentence.
_CONFIDENCE = {"label": 0.95, "label_no_colon": 0.85, "table": 0.85, "addressee": 0.8, "name_line": 0.75,
               "title": 0.6, "finding": 0.5}
_MASK = r"*＊×xX"
# (a news page masks part of a business's name with a capital letter: `厦门K贸易有限公司`, `L灯具公司`)
_ORG = (
    rf"[\u4e00-\u9fff{_MASK}A-Z()（）·]{{2,40}}?(?:有限责任公司|股份有限公司|有限公司|分公司|公司|家庭农场|农场|养殖场|合作社|"
    r"经营部|门市部|加工厂|厂|商行|商店|超市|便利店|小店|药店|药房|诊所|卫生室|卫生院|医院|酒店|宾馆|网吧|网咖|会所|"
    # (a troupe a 文旅 case names: `某某县某某艺术团`; a bar of any kind: `某某音乐餐吧`)
    r"中心|工作室|工坊|坊|店|馆|社|(?<!现)场|站|部|队|所|行|院|园|局|艺术团|演出团|歌舞团|剧团|乐团|吧|客栈|民宿|酒家|农家乐)"
    r"(?:[(（〔][\u4e00-\u9fff]{1,10}[)）〕])?"
)
# (`田某友`: 某 for the middle letter alone, the given name's last kept; a word that goes on with the
# sentence after 某 is no letter of the name: `张某在…`, `刘某将…`)
_MASKED_PERSON = rf"[\u4e00-\u9fff](?:某某|某(?![在于因从自未对将的被已向与和及等为是所处])[\u4e00-\u9fff]|某|[{_MASK}]{{1,3}}|[{_MASK}][\u4e00-\u9fff])"
# `某某商贸有限公司:` alone on its line, or with its code after the colon (`…公司:(纳税人识别号:…)`)
# (a publisher may mask the name's letters with a Latin initial: `福建L贸易有限公司:`)
_ORG_LETTERED = _ORG.replace("()（）·]", "A-Z()（）·]", 1)
# (OCR may lose the colon after the code in brackets: `某某贸易有限公司(纳税人识别号:9135…)` on its line)
_SALUTATION = re.compile(
    rf"(?m)^[ \t]*(?P<name>{_ORG_LETTERED})[ \t]*(?:[(（][^()（）\n]{{4,60}}[)）])?[ \t]*[:：]"
    r"[ \t]*(?=$|[(（]|统一社会信用代码|纳税人识别号|信用代码)"
    rf"|^[ \t]*(?P<coded>{_ORG_LETTERED})[ \t]*[(（](?:纳税人识别号|(?:统一)?社会信用代码)[:：][0-9A-Za-z*＊Xx]{{6,20}}[)）][ \t]*"
    # (and a scan's layout may run the body's first words onto that line: `…)我局于…对你公司…`)
    r"(?:$|(?=我局|本局|本机关|你(?:公司|单位)))"
)
_NAME_LINE = re.compile(rf"(?m)^[ \t]*(?P<name>{_ORG_LETTERED})(?:[ \t]*$|[,，](?=\s*(?:{_FIELD_ANY})))")
_FIELD_NEXT = re.compile(rf"\s*(?:{_FIELD_ANY})")
# a person's line that opens with the name and goes on with the sex, no label before it (under a heading
# `一、当事人基本情况`: `戴某某，男，汉族，身份证：…`)
_PERSON_LINE = re.compile(rf"(?m)^[ \t]*(?P<name>{_MASKED_PERSON}|[\u4e00-\u9fff]{{2,4}}?)[ \t]*[,，][ \t]*[男女]性?[,，。;；]")
# a 信息公开 table's party column: a surveyed party label as its header
_TABLE_PARTY_COLUMN = re.compile(
    "^(?:"
    + "|".join(
        re.escape(x)
        for x in sorted({*name_labels(), "当事人姓名", "被处罚人名称", "违法主体名称", "单位名称"}, key=len, reverse=True)
    )
    + ")$"
)
_ACT = (
    r"(?:销售|经营|生产|允许|接纳|未经|未取得|未按|未依法|未办理|未如实|未落实|无证|无烟草|擅自|违法|违规|非法|涉嫌|使用|运输|"
    r"超越|超范围|占用|排放|拒不|提供|伪造|虚假|不按|在未|收购|存放|出售|违反|逃避|私设|骗取|无[\u4e00-\u9fff]{0,8}?证|"
    # the acts of the forestry, customs and tax cases (`对李某某滥伐林木的行为…`, `某某公司申报不实案`)
    r"滥伐|盗伐|毁坏|走私|偷税|逃税|虚开|少缴|申报不实)"
)
# a news list numbers its cases (`案例1.`, `案件一：`) and opens each with the agency that 查处 it
# (a page that tells one case heads it `案例：某某餐吧未经批准…案`, no number)
_CASE_NO = r"(?:(?:案例|案件)(?:[一二三四五六七八九十\d]{1,3}\s*[.、:：]|[:：])\s*)"
# (or a region alone, its agency unnamed: `某某市某某区查办某某公司…案`)
_AGENCY_QUERIED = r"(?:[\u4e00-\u9fff]{2,20}?(?:局|厅|委员会|委|海关|人民政府|支队|大队|中队|市|区|县|旗)(?:依法)?(?:查处|查办))"
# a title line ends at its 案, or goes on to name the document (`…案的行政处罚决定书`)
_CASE_END = r"案(?:的(?:行政)?处罚决定书?)?\s*(?:$|\|)"
_TITLE_LEAD = (
    r"^\s*(?:(?:案件名称|案\s?名)\s*[:：|]\s*)?(?:(?:[\u4e00-\u9fff]{2,20}?)?关于对?)?"
    # a news list's case heading: its number, and the agency that 查处 the case (`案例1.某某市市场监管局查处…案`)
    # (or by a list's numeral alone before the agency: `一、某某市农业农村局查处…案`)
    # (a 通报's bracketed numeral before the name: `（二）某某公司…案`)
    rf"(?:{_CASE_NO}|[一二三四五六七八九十]{{1,3}}、(?={_AGENCY_QUERIED})|[(（][一二三四五六七八九十]{{1,3}}[)）])?{_AGENCY_QUERIED}?"
)
# (after 关于, a person's unmasked two or three letters are tried before a longer name, which would take
# the act's first word with them: `关于魏某某违规经营…案` is 魏某某's)
_TITLE_NAME = (
    rf"(?P<name>{_MASKED_PERSON}|(?<=关于)[\u4e00-\u9fff]{{2,3}}(?={_ACT})|(?<=关于对)[\u4e00-\u9fff]{{2,3}}(?={_ACT})"
    rf"|[\u4e00-\u9fff{_MASK}()（）]{{4,40}}?)"
)
_TITLE = re.compile(rf"{_TITLE_LEAD}{_TITLE_NAME}{_ACT}[^\n。,，;；]{{2,60}}?{_CASE_END}")
# `某某海关关于某某公司擅自…案的处罚决定`: the agency's 关于 is not part of the name
_TITLE_TOP = re.compile(rf"{_TITLE_LEAD}{_TITLE_NAME}{_ACT}[^\n。,，;；]{{2,60}}?案")
# `某某贸易有限公司进出口货物申报不实案`: an act that opens with no verb, the name told by its suffix
_TITLE_ORG = re.compile(rf"{_TITLE_LEAD}(?P<name>{_ORG})(?P<rest>[^\n。,，;；]{{2,60}}?){_CASE_END}")
_ORG_TAIL = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|分公司|公司)?(?:[\u4e00-\u9fff]{2,8}?(?:分公司|分店|分厂|营业部))?")
# a news summary of the decision: `某某局对某某有限公司作出行政处罚`, `依法对某某公司…等违法行为作出…处罚`
_NEWS_AGAINST = re.compile(rf"对(?P<name>{_ORG})(?=[^。\n]{{0,80}}?作出[^。\n]{{0,40}}?(?:处罚|处理))")
# `近日，某某有限公司（下称“某某”）因…被某某局罚款3万元`
_NEWS_FINED = re.compile(
    rf"(?:^|(?<=[,，。:：;；\s]))(?P<name>{_ORG})(?:[(（][^()（）\n]{{0,20}}[)）])?"
    r"(?=因[^。\n]{2,80}?被[^。\n]{0,40}?(?:罚|处|没收|警告)"
    # (`某某美容馆收到了县卫生健康局的罚单`)
    r"|(?:近日|日前|已)?收到了?[^。\n]{0,24}?(?:罚单|处罚决定书))"
)
_LONGER_ORG = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:有限责任公司|股份有限公司|有限公司|公司)")
# a listed company's announcement: `某某科技(002778)发布公告称，公司收到…`, its short name and code
_LISTED = re.compile(
    r"(?:^|(?<=[,，。:：;；\s]))(?P<name>[\u4e00-\u9fff]{2,8}?)(?=[(（](?:(?:股票|证券)代码[:：])?\d{6}(?:\.S[HZ])?[)）]"
    r"[^。\n]{0,30}?(?:公告|披露|收到))"
)
_STOCK_CODE = re.compile(r"[(（](?:(?:股票|证券)代码[:：])?\d{6}(?:\.S[HZ])?[)）]")
# what a penalty sentence says after the name: the penalty given, or the sum fined right after it
# (a scan wraps the sentence's line anywhere: `决定对某某公司作出如` / `下行政处罚:科处罚款…`)
# (or says the party was dealt with, the penalty told after: `对张某予以查处，并…处罚款…`)
_PENALISED = (
    r"(?:依法)?(?:(?:处以?|作出|给予)[^。\n]{0,30}?\n?[^。\n]{0,30}?(?:罚款|警告|没收|元整?的(?:行政)?处罚)"
    r"|予以(?:立案)?(?:查处|行政处罚|处罚)"
    # (`对某某公司开出6万元“罚单”`)
    r"|开出[^。\n]{0,20}?罚单"
    r"|罚款(?:人民币)?[\d零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟])"
)
# what a news page calls a person it fines before the name (`对导游李某某罚款…`)
_ROLE = r"(?:导游人员|导游|领队|驾驶员|司机|医师|医生|护士|药师|矿长|厂长|店主|主要负责人|负责人|法定代表人)"
_CASE_HEADING = re.compile(
    r"(?m)^[ \t]*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|(?:案例|案件)[一二三四五六七八九十\d]{1,3}\s*[.、:：]?)?[ \t]*"
    rf"(?:[\u4e00-\u9fff]{{2,30}}?(?:局|厅|委员会|委|海关|人民政府|支队|大队|中队)(?:依法)?(?:查处|对)?)?"
    rf"(?P<name>{_ORG}|{_MASKED_PERSON})(?P<rest>[^\n。，,；;:：]{{2,40}}?)案[ \t]*$"
)
# what may continue a heading's shortest business name into a longer one (`中心` + `卫生院`, `福华社` +
# `区卫生服务站`): a business's ending within a few letters, no act word or preposition among them
_HEADING_TAIL = re.compile(
    r"[\u4e00-\u9fff]{0,5}?(?:有限责任公司|股份有限公司|有限公司|分公司|公司|卫生院|卫生室|服务站|医院|诊所|门诊部|药店|药房|店|厂|站|院|中心|所|社|部|馆)"
)
_HEADING_TAIL_STOP = re.compile(rf"{_ACT}|[以在于的对被向因将]")
# a person's unmasked name after 对 (two or three letters), the act, then the penalty
_PERSON_AGAINST = re.compile(
    r"对(?P<name>[\u4e00-\u9fff]{2,3}?)(?=(?:非法|擅自|未经|违法|违规)[^。\n]{0,40}?(?:下达|作出|给予|处以?|罚款))"
)
_NOT_A_PERSON = re.compile(r"^(?:企业|单位|公司|个人|商户|群众|村民|居民|他人|其|该|此|本|涉案|当事|相关|有关|上述|以上|辖区|部分|多家|这)")
# `某某局依法对某某公司…`: a sentence that opens with the agency names the party after its 对
_AGENCY_AGAINST = re.compile(r"^.*?(?:局|委员会|委|人民政府|海关|支队|大队)(?:依法|依规)?对")
# A heading `关于X违反…的行政处罚决定书` is read like a finding's opening: 关于 is not the name's.
_FINDING = (
    # a court's judgment on a penalty: the plaintiff (or appellant) who sued the agency is the party it
    # penalised (`原告某某物流有限公司厦门分公司。`, `上诉人某某公司,住所地…`)
    re.compile(
        rf"(?m)^[ \t]*(?:原审)?(?:原告|上诉人|再审申请人)(?:[(（]原审原告[)）])?"
        rf"(?P<name>{_ORG}|{_MASKED_PERSON})(?=[,，。;；])"
    ),
    # a news page that reprints a decision under its heading `关于某某进出口有限公司涉证行政处罚决定书(…)`
    # (only the kind of case between the name and the document: `涉证`, `违反海关监管规定`, `走私`)
    re.compile(
        rf"关于(?!对)(?P<name>{_ORG})(?<![案的])"
        r"(?=(?:涉[\u4e00-\u9fff]{1,4}?|违反[\u4e00-\u9fff]{2,12}?|走私[\u4e00-\u9fff]{0,6}?)?(?:的)?(?:行政)?处罚决定书?)"
    ),
    # a list of cases, each numbered and opening with the party and its act (`1、某某砂场擅自改变林地用途案。`)
    re.compile(
        # (a scan's layout may run the list's title into its first case: `…案例通报1、某某砂场…`)
        rf"(?m)(?:^[ \t]*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})|(?<=[\u4e00-\u9fff。:：])1)[、.．][ \t]*"
        # (any act after a business's name: `一、某某美容有限公司公共场所卫生违法案。`)
        rf"(?P<name>{_MASKED_PERSON}(?={_ACT})|{_ORG})"
        rf"(?=[^。\n]{{2,40}}?案[。.])"
    ),
    # the registered name a page gives in quotes beside the one the shop trades under
    # (`当事人营业执照名称为“某某健康管理中心”`): the page says which name is the party's, so it goes first
    re.compile(rf"(?:营业执照|工商登记|登记|注册)(?:上的|上)?(?:名称|字号)(?:为|是)[:：]?[“\"「](?P<name>{_ORG})[”\"」]"),
    # a news page or 公示 that says whom the decision penalised (`被处罚的企业为某某公司`, `处罚对象是张某某`)
    re.compile(
        r"(?:(?:被处罚|受处罚|处罚)(?:的)?(?:企业|单位|公司|主体|对象|当事人|商户|经营户|机构|人)(?:名称|姓名)?(?:为|是|系)"
        r"|涉(?:事|案)(?:的)?(?:企业|单位|公司|商户|经营户|门店|店铺|机构)(?:为|是|系)?)[:：]?[“\"「]?"
        rf"(?:个体工商户|个体户|自然人|经营者)?(?P<name>{_ORG}|{_MASKED_PERSON})(?=[”\"」]?[,，。;；、(（\s]|$|未|因|在|于|{_ACT})"
    ),
    # (`当事人应于收到本决定书之日起…缴至某某营业部，`: a clause about the party is no name)
    # (a given name kept after the masked one, `当事人李某华在…`; a traveller's act, `当事人王某乘坐…航班`)
    re.compile(
        # (`当事人的行为属于…营业场所，`: 的 opens what the party did, never a name)
        # (`要求当事人出示…`, `当事人承认…`: what the party was asked to do or did, no name)
        # (`当事人委托某某报关有限公司以一般贸易方式…`: the agent it engaged is no party)
        rf"(?:当事人|违法主体)(?!应|于|在|已|未|对|将|因|自|须|可|如|的|委托|出示|提供|承认|接受|配合|签|陈述|申辩|缴|履行|办理|表示|称|无法|不能)"
        rf"(?P<name>{_ORG}|{_MASKED_PERSON}|[\u4e00-\u9fff]某[\u4e00-\u9fff])"
        # (`当事人某某公司委托某某报关公司…`: a customs case's party and the agent it engaged)
        r"(?=于|在|的|从|未|擅自|涉嫌|无|存在|作出|乘坐|携带|驾驶|委托|[,，。])"
    ),
    # (a name masked with two letters is whole whatever follows it: `通知当事人罗某某立即到村委会接受调查`)
    re.compile(rf"(?:当事人|违法主体)(?P<name>[\u4e00-\u9fff](?:某某|[{_MASK}]{{2}}))(?![某{_MASK}])"),
    # a news page that tells which business the agency 查处 and for what (`依法查处某某加油站偷税案件`,
    # `查处某某商贸有限公司（以下简称“某某公司”）骗取出口退税案件`, `查处某某公司等11户企业…团伙案件`)
    re.compile(
        rf"查处(?P<name>{_ORG})(?=(?:[(（][^()（）\n]{{0,24}}[)）])?"
        r"(?:等[\d一二三四五六七八九十]{1,3}(?:户|家|个)[\u4e00-\u9fff]{0,4}?)?[^。\n,，;；]{0,40}?案)"
    ),
    # a news list's numbered case heading anywhere on the page (`案件一：某某公司经营假劣农药案`)
    # (not only at a line's start: a scan's layout runs a line with no stop at its end into the next)
    re.compile(rf"{_CASE_NO}{_AGENCY_QUERIED}?(?P<name>{_ORG}|{_MASKED_PERSON})(?={_ACT})"),
    # a 通报's case heading on a line of its own, `一、某某卫生院以虚假住院骗取医保基金案`, its number before
    # it or on the line above (`案例一` / `某某公司重大事故隐患违法处罚案`); the name run on over a business
    # it stops inside (`某某镇中心` / `卫生院`), see _CASE_HEADING_NAME
    _CASE_HEADING,
    # a tax or customs story's `涉案企业某某公司（以下简称“某某公司”）在…`
    re.compile(
        rf"(?:涉案|涉事)(?:企业|公司|单位|商户|门店|药店)(?P<name>{_ORG})(?=[(（]|在|于|因|采取|通过|未|擅自|存在|[,，])"
    ),
    # `被处罚的某某公司`, `被处罚单位为某某公司`
    re.compile(rf"被处罚(?:的|(?:单位|企业|主体|对象)(?:为|是)[:：]?)(?P<name>{_ORG}|{_MASKED_PERSON})(?![\u4e00-\u9fff]{{0,2}}(?:局|厅))"),
    # a news sentence that prints the name with its code in brackets (`某某公司（社会信用代码：9132…）参建的…`)
    re.compile(rf"(?:^|(?<=[,，。:：;；\s]))(?P<name>{_ORG})(?=[(（](?:统一)?社会信用代码[:：])"),
    _NEWS_AGAINST,
    # `某某支队向某某模塑作出《行政处罚决定书》`: the agency hands the decision to the party, often by a short
    # name a prospectus or news page uses with no business ending (never the writer's own `公司`)
    re.compile(
        r"(?:局|委员会|委|政府|海关|支队|大队|中队)(?:于?近日|日前|依法|已)?向(?!(?:本|该|其|我|贵)?(?:公司|企业|单位|发行人|子公司|分公司|当事人)(?:作出|下达|送达|出具))"
        r"(?P<name>[\u4e00-\u9fff]{2,20}?)(?:作出|下达|送达|出具)了?《[^》\n]{0,20}决定书》"
    ),
    # `决定对某某公司处200万元罚款`, `依法对当事人刘某刚作出罚款4400元…的处罚`: the penalty sentence names it,
    # with what the person is before the name and the sum right after it (`对导游李某某罚款叁仟元`)
    # (`现决定给予孙某处罚款200元`: 给予 before the name; `对刘某给予人民币200元的处罚`: the sum with 的处罚)
    re.compile(
        rf"(?:对|给予)(?:当事人|{_ROLE})?(?P<name>{_MASKED_PERSON}|{_ORG})(?={_PENALISED})"
    ),
    # (a role before it tells a person's unmasked name: `对领队赵立平罚款…`, `对导游李明罚款…`)
    re.compile(rf"对{_ROLE}(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?={_PENALISED})"),
    _NEWS_FINED,
    # `公布了对某某化工有限公司的行政处罚决定`
    re.compile(rf"对(?P<name>{_ORG})的(?:行政)?处罚"),
    _LISTED,
    # a clause that opens with the name and goes on with the act, in three prints; the earliest on the
    # page is the first case's
    (
        re.compile(
            # (a news page's bracketed part label may open the line: `【事件】某某公司在…`)
            # (the label opens it wherever a scan's layout put it: `…被罚79万余元【事件】某某公司在…`)
            rf"(?m)(?:^\s*(?:【[\u4e00-\u9fff]{{1,6}}】\s*)?|【[\u4e00-\u9fff]{{1,6}}】\s*)(?:(?:(?:19|20)\d{{2}}年[^,，。\n]{{0,12}}|近日|日前)[,，]?)?(?:关于对?)?"
            rf"(?P<name>{_ORG})(?=擅自|未经|在|于|违反|非法|未取得)"
        ),
        # a case's first sentence after its date: `2025 年 1 月，某某旅行社以低于成本的价格…`, `今年6月，某某公司在未…`
        re.compile(
            r"(?:(?:(?:19|20)\d{2}\s?年|今年|去年)\s?(?:\d{1,2}\s?月)?(?:\s?\d{1,2}\s?日)?|(?:今年|去年)?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?)"
            rf"[^,，。\n]{{0,6}}[,，]\s*(?P<name>{_ORG})(?=在未|未经|未取得|擅自|违反|非法|无证|以(?:低于|不合理|虚假|欺骗|伪造))"
        ),
        # a masked person opening a clause with the act: `经询问得知，王某某在未取得…`
        re.compile(rf"(?:^|(?<=[,，。:：;；\s]))(?P<name>{_MASKED_PERSON})(?=在未|未经|未取得|擅自|违反|非法)"),
    ),
    # what a record or a site shows of the business (`行政处罚信息显示，某某经营部存在…`, `信用中国网站显示，某某公司违反了…`)
    re.compile(rf"显示[,，:：](?P<name>{_ORG})(?=存在|擅自|未经|违反|非法|未取得|因|{_ACT})"),
    # a listed company's notice that its subsidiary received the decision (`收到公司子公司某某水务有限公司
    # （以下简称“某某”）关于收到某某局下发的《行政处罚决定书》…`): the subsidiary is the party
    re.compile(
        rf"子公司(?P<name>{_ORG})(?:[(（](?:以下)?(?:简称|下称)[^()（）\n]{{0,12}}[)）])?"
        r"(?=[^。\n]{0,40}?(?:收到|下发|送达|作出)[^。\n]{0,30}?处罚决定书)"
    ),
    # (read after the line-opening finding above: a headline may call the business vaguely, `某地燃气公司被罚`,
    # where the body's first line names it)
    # a headline or lead that opens with the name fined (`某某集团有限公司被罚20万元`), or with the
    # decision it received (`某某股份有限公司近日收到…《行政处罚决定书》`)
    re.compile(
        rf"(?m)(?:^|(?<=[,，。:：;；]))[ \t]*(?P<name>{_ORG})(?:[(（][^()（）\n]{{0,20}}[)）])?"
        r"(?=被[^。\n]{0,20}?(?:罚|处罚|查处|警告|没收)|(?:近日|日前|于[^。\n]{2,12}?日)?收到[^。\n]{0,40}?处罚决定书)"
    ),
    # `对位于某某路8号的某某酒店进行监督检查`: the address clause before the name is not part of it
    re.compile(rf"对位于[^。；;,，\n]{{2,40}}?的(?P<name>{_ORG})(?=(?:依法)?(?:进行|开展|实施))"),
    # (the name may stand in quotes: `对“某某艺术团”举报情况进行核实`)
    # (`对某某客栈监督检查时发现`: the inspection named without 进行)
    re.compile(rf"对[“\"]?(?P<name>{_ORG})[”\"]?(?=[\u4e00-\u9fff]{{0,12}}?(?:进行|开展|实施)|(?:监督|执法|日常|现场|专项)?检查时)"),
    # `依法对某某工程有限公司负责施工的某某改扩建项目进行执法检查`: the business running the project inspected
    re.compile(rf"对(?P<name>{_ORG})(?=(?:负责|承建|承担)[^。；;\n]{{0,40}}?(?:进行|开展|实施))"),
    # (`发现当事人持有的许可证已过期`: a verb after 当事人 is no name)
    re.compile(r"(?:查获|查处|发现|抓获)当事人(?!持有|存在|使用|经营|销售|生产|从事|擅自|未)(?P<name>[\u4e00-\u9fff]{2,3})(?=[。,，]|驾驶|在|于|的)"),
    # `检查时发现某某物流有限公司未如实记录…`
    # (`发现某某旅行社组织旅游团…`)
    # (`在检查中发现，某某网吧接纳未成年人…`: the finding's comma after 发现, any act after the name; `工作人员
    # 在统计时发现，某某公司已超许可量`: 已 before the act)
    re.compile(rf"发现[,，:：]?(?P<name>{_ORG})(?=已?(?:未|存在|擅自|违反|无证|超|使用|销售|经营|组织|招徕|{_ACT}))"),
    # a person a news page names by what they are: `居民李某焚烧秸秆`, `网络主播某某（网名…）因…被…查处`,
    # `涉及网络主播甲、乙`
    re.compile(
        # (`居民住宅区`, `居民小区`: a place the word names, not a person)
        rf"(?:村民|居民|个体户|经营户|经营者|网络主播|主播)(?P<name>{_MASKED_PERSON}|[\u4e00-\u9fff]{{2,4}}?)(?<![区楼院点家户们])"
        rf"(?=未经|擅自|在|于|因|被|焚烧|等|、|[(（,，]|{_ACT})"
    ),
    # a news list's heading that names the business alone, each case below it (`一、某某煤业有限公司`,
    # `（二）某某公司2项违法案例`)
    re.compile(
        rf"(?m)^\s*(?:[一二三四五六七八九十]{{1,3}}、|[(（][一二三四五六七八九十]{{1,3}}[)）])(?P<name>{_ORG})"
        r"(?:\d+项[\u4e00-\u9fff]{0,8})?[ \t]*$"
    ),
    # a person's unmasked name after 对, the act and the penalty after it, the name printed again elsewhere
    # (`对张明远非法占用林地的行为，下达《…处罚决定书》`)
    _PERSON_AGAINST,
)
# What a finding's name may open with that is no part of it: who the page means by it (`辖区企业某某公司`)...
_DESCRIBED = re.compile(r"^(?:(?:本|该)?辖区(?:内)?|区内|县内|市内|本地|当地|涉案|涉事)(?:的)?(?:企业|单位|商户|经营户|公司)")
# ...and where it runs on into the act
# (`对秦某某的环境违法行为进行查处`: the 的 that opens what the party did)
_RAN_INTO_ACT = re.compile(
    r"涉嫌|的(?:行为|违法|行)|的(?=[\u4e00-\u9fff]{1,6}?(?:违法|行为|问题))|未经|擅自|从事|于(?:\d|19|20)"
    # (`对李某某作出没收违法所得…`: the penalty the name ran into, its 所 no business's)
    r"|作出|给予|处以"
)
# ...or a word that refers back to it or to its label (`该诊所`, `当事人经营…`, `其经营场所`), or the case
# a news line counts (`2起网络主播偷税案件`)
# (`公开一起乐清知名酒店被查处`: what a headline calls the business is no name)
_NOT_A_FINDING_NAME = re.compile(
    r"^(?:该|此|其|本|上述|涉案|涉事|当事人|被处罚|违法主体|关于)|^(?:全资|控股)?[子母分]?公司$"
    r"|一(?:起|家|名|处)|知名|(?:案件|案|事件|行为|问题)$"
)
# A masked person's name run into the act: the act the list knows ends it, and where the act is none the
# list knows, the mask alone tells where the name ends (某某 before a mask run before a lone 某, never a
# given letter after 某, which is as likely the act's first)
_MASKED_RAN_INTO_ACT = re.compile(rf"{_MASKED_PERSON}(?={_ACT})")
_MASKED_LEAD = re.compile(rf"[\u4e00-\u9fff](?:某某|[{_MASK}]{{1,3}}|某)")
# (`县林业局以滥伐林木案对某某予以查处`: the agency and the word that opens what it did, no title's name)
_AGENCY_ACTS = re.compile(r"(?:局|委员会|政府|海关|总队|支队|大队|中队)(?:依法)?[以对在于将向]$")
# ...or that tells what the agency did and how many cases (`某某市多部门联合依法查处一起…案件`)
_HEADLINE_WORDS = re.compile(r"查处|查获|破获|一起$|一批$|多起$")
# what a news summary's `对…作出` may name that is the agency or a court, not the party
_AUTHORITY_END = re.compile(r"(?:局|委员会|委|政府|法院|检察院|海关|总队|支队|大队|中队|办公室)$")
# ...or that has the agency speak (`某某省文化和旅游厅发布…`)
# (`某市应急管理局近日通报一起…案件`: a news lead whose first line the title reader took, its time word
# between the agency and the verb)
_AUTHORITY_SPEAKS = re.compile(
    r"(?:局|厅|委员会|委|政府|总队|支队|大队)(?:近日|日前|今日|近期|再次|集中|依法)?(?:发布|公布|通报|曝光|公开)"
)
# ...or whose shortest reading stops inside the agency's name (`对某某市市场|监督管理局作出`)
_AUTHORITY_NEXT = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:局|委员会|人民政府|法院|检察院|海关)")
_BLOCK_STOP = re.compile(
    r"经查|查明|本局于|我局于|本机关于|本行政机关|执法人员|立案|案件来源|线索|依法对|现已|"
    r"(?:19|20)\d{2}\s?[年/.\-]\s?\d{1,2}\s?[月/.\-]\s?\d{1,2}(?!\s?日?\s?(?:出生|生))"
)


def _agency_in_title(name: str) -> bool:
    """True where what the title reader took for the name is the agency's part of the line:
    `某某局关于张某…一案的处罚决定` (the agency heads the title, the person is no business),
    `某某厅发布某某省未经许可…案例` (a headline the agency speaks names no party),
    `某县应急管理局对某某公司未按规定…一案立案调查` (a news sentence the finding reads, no title), or a
    headline counting the agency's cases."""
    return bool(
        _AUTHORITY_END.search(name) or _AUTHORITY_SPEAKS.search(name) or _AGENCY_AGAINST.match(name)
        or _AGENCY_ACTS.search(name) or _HEADLINE_WORDS.search(name)
    )


@dataclass(frozen=True)
class Party:
    name: str
    kind: PartyKind
    credit_code: str | None
    credit_code_valid: bool | None
    credit_code_suggestion: str | None
    registration_no: str | None
    legal_representative: str | None
    id_number_masked: str | None
    address: str | None
    evidence: Evidence
    source: str = "label"  # label | addressee | table | title | finding: where the name was read
    confidence: float = 0.95


_JOINS_NEXT_LABEL = re.compile(r"(?:及其|以及|及|和|与)$")


def _value(text: str, pos: int, limit: int, end_re: re.Pattern[str] = _VALUE_END) -> tuple[str, int]:
    """The value starting at pos, up to a separator or the next label; (value, start)."""
    # OCR reads the wide gap between a label and its value as a box glyph now and then (违法行为人☑魏桂)
    while pos < limit and text[pos] in " \t:：|☑☐□■▪▫●○◆◇":
        pos += 1
    head = _ANY_LABEL.match(text, pos)
    if head and text[head.end() : head.end() + 1] in (":", "：", "(", "（"):
        return "", pos  # `(单位)名称:法定代表人:`: the field was left blank, the next label follows
    end = min(limit, pos + 80)
    m = end_re.search(text, pos, end)
    if m:
        end = m.start()
    # a label that begins inside the value ends it, even one a scan broke over the line end
    # (`…陈明超市主体资格证照` / `名称:营业执照`)
    lab = _ANY_LABEL.search(text, pos + 1, min(limit, end + 12))
    if lab and lab.start() < end:
        end = lab.start()
        # `某某公司及其法定代表人张某`: the word joining the name to the next label is neither's
        if joined := _JOINS_NEXT_LABEL.search(text, pos, end):
            end = joined.start()
    return text[pos:end].rstrip(" \t、"), pos


# `被处罚人：姓名占某`: the form's sub-label before the value, the gap after it lost (a scan closes it up)
_SUB_LABEL_HEAD = re.compile(r"^(?:姓\s?名|名\s?称)(?=[\u4e00-\u9fff]{2})")


def _split_name(raw: str) -> tuple[str, bool]:
    """Name without a dangling bracket or a `(个体)` note; True when the note says 个体."""
    name = _OPEN_TAIL.sub("", raw.strip())
    business = False
    tail = _BRACKET_TAIL.search(name)
    if tail and re.search(r"个体|自然人|个人", tail.group("inner")):
        business = "个体" in tail.group("inner")
        name = name[: tail.start()]
    return name.strip("“”\"' "), business


def _kind(name: str, code: str | None, block: str, business_note: bool, id_number: str | None) -> PartyKind:
    if business_note or (code and code.startswith("92")):
        return "individual_business"
    if re.search(r"有限(?:责任)?公司|股份|集团", name):
        return "organisation"
    if _BUSINESS_MARK.search(block):
        return "individual_business"
    if (_PERSON_NAME.match(name) or (id_number and code is None)) and not _ORG_SUFFIX.search(name):
        return "individual"
    return "organisation"


def _read_code(text: str, pos: int) -> str | None:
    m = _CODE_CHARS.match(text, pos)
    if not m:
        return None
    chars = re.sub(r"\s", "", m.group(0)).upper()
    return chars[:18] if len(chars) >= 18 else None


def _block_end(text: str, start: int, region_end: int) -> int:
    """A party block ends at the narrative, at the next party label on a new line, or ~300 characters on."""
    limit = min(len(text), start + 300, max(region_end, start + 40))
    m = _BLOCK_STOP.search(text, start + 2, limit)
    nxt = re.search(r"\n\s*(?:" + _PARTY_LABEL + ")", text[start:limit])
    ends = [limit]
    if m:
        ends.append(m.start())
    if nxt:
        ends.append(start + nxt.start())
    return min(ends)


# A heading of the decision's parts (`违法事实`, `二、处罚依据`): never a field's value.
_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)?\s*"
    r"[\u4e00-\u9fff]{0,10}(?:事实|证据|依据|理由|情况|经过|来源|内容|决定|如下|方式|期限|途径|结果)\s*[:：]?"
)


def _blank_cell_below(text: str, label: re.Match[str]) -> bool:
    """True when a label printed alone on its line, above where its value goes, was left blank: the
    line below is empty, or is the next label or a heading (`法定代表人` / `地址`, `法定代表人` /
    `违法事实`), so that line is not the value."""
    gap = label.group(0)
    if "\n" not in gap:
        return False
    if gap.count("\n") >= 2:
        return True
    line_end = text.find("\n", label.end())
    line = text[label.end() : line_end if line_end >= 0 else len(text)].strip()
    return not line or bool(_ANY_LABEL.fullmatch(line) or _HEADING.fullmatch(line))


def _wrapped_name(text: str, end: int, name: str) -> str:
    """A name a scan broke over two lines (`当事人：西乡塘区万家` / `福便利店`): the next line, when it
    is short, holds no label and makes the name end like a business."""
    if text[end : end + 1] != "\n" or _ORG_SUFFIX.search(name) or _PERSON_NAME.match(name):
        return name
    line_end = text.find("\n", end + 1)
    following = text[end + 1 : line_end if line_end >= 0 else len(text)].strip()
    if (
        0 < len(following) <= 12
        and re.fullmatch(r"[\u4e00-\u9fff()（）]+", following)
        and not _ANY_LABEL.search(following)
        and _ORG_SUFFIX.search(following)
    ):
        return name + following
    return name


def _past_borders(text: str, pos: int) -> int:
    """The start of the first line at or after pos that is not a table cell's border alone (`|`)."""
    while (end := text.find("\n", pos)) >= 0 and text[pos:end].strip() and not text[pos:end].strip(" \t|"):
        pos = end + 1
    return pos


def _past_blank_line(text: str, pos: int) -> int:
    """A page that prints an empty line between every line of a record (`违法主体名称或姓名` / `` /
    `某某经销部`): the start of the line after the blank one, when it is a name alone."""
    end = text.find("\n", pos)
    if end < 0 or text[pos:end].strip():
        return pos
    below_end = text.find("\n", end + 1)
    below = text[end + 1 : below_end if below_end >= 0 else len(text)]
    name = below.strip()
    if name and not _ANY_LABEL.match(name) and _is_name(name):
        return end + 1 + len(below) - len(below.lstrip())
    return pos


def _cells(line: str) -> int:
    return len([c for c in line.split("|") if c.strip()])


def _header_row(text: str, line_start: int, line_end: int) -> bool:
    """True for a table's header row: wider than a label | value row, or as wide as the row below it."""
    cells = _cells(text[line_start:line_end])
    if cells > 4:
        return True
    below_end = text.find("\n", line_end + 1)
    below = text[line_end + 1 : below_end if below_end >= 0 else len(text)]
    return cells >= 3 and _cells(below) == cells


def _party_starts(view: View, region_end: int) -> list[tuple[int, int, str, int, bool, bool]]:
    """(label start, value start, name, name start, 个体 note, colon) for each party label."""
    text = view.text
    starts: list[tuple[int, int, str, int, bool, bool]] = []
    for pm in _PARTY_RE.finditer(text, 0, max(region_end, 1)):
        line_start = text.rfind("\n", 0, pm.start()) + 1
        line_head = text[line_start : pm.start()].strip()
        sep = pm.group("colon")
        colon = sep is not None
        if view.in_chrome(pm.start()) or _AFTER_PERSON_LABEL.search(text[max(line_start, pm.start() - 14) : pm.start()]):
            continue
        quoted = text[line_start : pm.start()]
        if quoted.count("“") > quoted.count("”"):
            continue  # `…条“…堆垛高度应符合表6规定。名称：成箱成品`: a label inside a quoted standard or law
        line_end = text.find("\n", pm.start())
        line_end = len(text) if line_end < 0 else line_end
        if sep == "|" and (line_head.strip("| ") or _header_row(text, line_start, line_end)):
            continue  # a column header of a table, not a label with its value
        longer = _FIELD_ONLY.match(text, pm.start())
        if longer and longer.end() > pm.end("label"):
            continue  # `行政相对人类别`: a field label that begins like a party label
        if any(f.start() < pm.start() < f.end() for f in _FIELD_ONLY.finditer(text, max(0, pm.start() - 12), pm.end())):
            continue  # `主体资格证照` / `名称:`: the end of a field label a scan broke over two lines
        if line_head and not colon and not re.fullmatch(r"[\d一二三四五六七八九十]+[、.)）]?", line_head):
            continue  # `对当事人经营场所…`: the word in a sentence, not a label
        value_at = pm.end()
        if not line_head and line_end < len(text) and not text[pm.end("label") : line_end].strip(" \t:："):
            # a label cell printed above its value (`姓名或名称` / `某某网吧`), past the lines a disclosure
            # record prints one cell a line with holding only the cells' border (`名称：` / `|` / `某某办公室`)
            value_at, colon = _past_borders(text, line_end + 1), True
            value_at = _past_blank_line(text, value_at)
            below_end = text.find("\n", value_at)
            if _header_line(text[value_at : below_end if below_end >= 0 else len(text)]):
                continue  # the next column's header below this one: a table printed one cell a line
        raw, ns = _value(text, value_at, len(text), re.compile(r"[，,；;。\n|]|\s"))
        if not colon and (copula := re.match(r"(?:为|是|系)[“\"「]?(?=[\u4e00-\u9fff])", raw)):
            raw, ns = raw[copula.end() :], ns + copula.end()  # `被处罚主体系“某某合作社”`: the copula is no letter of it
        if sub := _SUB_LABEL_HEAD.match(raw):
            raw, ns = raw[sub.end() :], ns + sub.end()
        cut = _NARRATIVE.search(raw)
        if cut:
            if not colon:
                continue
            raw = raw[: cut.start()]
        name, business = _split_name(raw)
        if name.startswith("【"):
            continue  # `名称：【以案释法】…`: an index table's name of the page, a headline, not a party
        if colon:
            name = _wrapped_name(text, ns + len(raw), name)
        if not colon and not (_ORG_SUFFIX.search(name) or _PERSON_NAME.match(name)):
            continue  # `当事人收到告知文书后…`: a sentence about the party, not its name
        if not colon and line_head and not (_ORG_SUFFIX.search(name) or re.search(r"[某*＊×xX·]", name)):
            continue  # `⑧当事人书面陈述`: an item of a list that mentions the party
        starts.append((pm.start(), value_at, name, ns, business, colon))
    return starts


def _ruled_table(rows: list[tuple[int, str]]) -> list[tuple[int, int, str, int, str]]:
    """A 信息公开表 whose cells are parted by `|`: the party column's cell of each row below its header."""
    table: list[tuple[int, int, str, int, str]] = []
    for i, (_, line) in enumerate(rows):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        col = next((k for k, c in enumerate(cells) if _TABLE_PARTY_COLUMN.match(re.sub(r"\s", "", c))), None)
        if col is None or len(cells) < 3:
            continue
        numbered = cells[0] == "序号"
        for rpos, row in rows[i + 1 :]:
            if "|" not in row:
                break
            rcells = row.strip().strip("|").split("|")
            # a cell's text that ran over a line break is not a row of its own
            if len(rcells) <= col or (numbered and not rcells[0].strip().isdigit()):
                continue
            name = rcells[col].strip()
            if 2 <= len(name) <= 40 and not _TABLE_PARTY_COLUMN.match(name):
                at = rpos + row.index(rcells[col]) + (len(rcells[col]) - len(rcells[col].lstrip()))
                table.append((at, at, name, at, "table"))
        if table:
            return table
    return []


# a column header of a 公示 table a page printed one cell a line (`序号` / `处罚决定书文号` / `行政相对人名称` /
# `统一社会信用代码` / … then each row's cells, one a line)
_COLUMN_HEADER = re.compile(
    r"序号|[\u4e00-\u9fff（）()、/]{0,12}(?:文号|编号|名称|姓名|代码|号码|事实|类型|类别|种类|内容|依据|结果|日期|时间|机关|"
    r"部门|单位|备注|金额|状态|地址|住所|负责人|代表人|情况)"
)


def _header_line(line: str) -> bool:
    cell = re.sub(r"\s", "", line)
    return 2 <= len(cell) <= 16 and bool(_COLUMN_HEADER.fullmatch(cell) or _ANY_LABEL.fullmatch(cell))


def _vertical_table(rows: list[tuple[int, str]]) -> list[tuple[int, int, str, int, str]]:
    """The party column's cells of a table printed one cell a line: a run of three or more column
    headers, one holding the party, then each row's cells in the headers' order (a record's
    `序号` cell is its number)."""
    lines = [(pos, line) for pos, line in rows if line.strip()]
    for i in range(len(lines)):
        k = i
        while k < len(lines) and _header_line(lines[k][1]):
            k += 1
        headers = [re.sub(r"\s", "", line) for _, line in lines[i:k]]
        col = next((n for n, h in enumerate(headers) if _TABLE_PARTY_COLUMN.match(h)), None)
        if len(headers) < 3 or col is None:
            continue
        numbered = headers[0] == "序号"
        found: list[tuple[int, int, str, int, str]] = []
        for start in range(k, len(lines) - len(headers) + 1, len(headers)):
            record = lines[start : start + len(headers)]
            if numbered and not record[0][1].strip().isdigit():
                break
            pos, cell = record[col]
            name = cell.strip()
            if any(_header_line(line) for _, line in record) or not 2 <= len(name) <= 40 or not _is_name(name):
                break
            at = pos + len(cell) - len(cell.lstrip())
            found.append((at, at, name, at, "table"))
        if found:
            return found
    return []


# A 行政复议决定书 or a court's 行政判决书 over a penalty names the party penalised as the one who appeals it
# (`申请人：某某大药房。` / `被申请人：某某市医疗保障局。`, `原告某某有限公司，所在地址…` / `被告某某局`): read
# only where the other side is an authority
_APPELLANT = re.compile(
    r"(?m)^[ \t]*(?:申请人|原告|上诉人(?:[(（]原审原告[)）])?)[ \t]*(?P<colon>[:：])?[ \t]*"
    r"(?P<name>[^\s,，。;；:：]{2,40}?)(?=[,，。;；\s]|与|诉|不服|$)"
)
_AGAINST_AUTHORITY = re.compile(
    r"(?:被申请人|被告|被上诉人)(?:[(（][^()（）\n]{0,8}[)）])?[ \t]*[:：]?[ \t]*[^\n，,。]{0,40}?"
    r"(?:局|委员会|委|人民政府|政府|海关|支队|大队|监督所)"
)


def _appellant(text: str) -> list[tuple[int, int, str, int, str]]:
    """The party a 复议 or court decision over a penalty names as its 申请人 or 原告; [] when none."""
    if not _AGAINST_AUTHORITY.search(text):
        return []
    for m in _APPELLANT.finditer(text):
        # a name may hold a place in brackets (`某某（徐州）科技有限公司`); a person's details in brackets after
        # the name are not part of it (`孙某某（男，…）`)
        whole = m.group("name")
        name = next(
            (n for n in (whole, re.split(r"[(（]", whole)[0])
             if _is_name(n) or re.fullmatch(_ORG, n) or re.fullmatch(_MASKED_PERSON, n)),
            "",
        )
        if not name or re.search("被申请人|被告", name):
            continue
        return [(m.start("name"), m.start("name"), name, m.start("name"), "label" if m.group("colon") else "label_no_colon")]
    return []


def _spaced_table(rows: list[tuple[int, str]]) -> list[tuple[int, int, str, int, str]]:
    """A 信息公开表 whose cells a page parts by spaces alone, no borders (`序号 文号 案件名称 违法企业名称…`
    / `1 某市监处罚〔2024〕108号 某某案 某某卫生室 …`): the party column's cell of each numbered row."""
    for i, (_, line) in enumerate(rows):
        cells = line.split()
        if "|" in line or len(cells) < 4 or cells[0] != "序号":
            continue
        col = next((k for k, c in enumerate(cells) if _TABLE_PARTY_COLUMN.match(c)), None)
        if col is None:
            continue
        found: list[tuple[int, int, str, int, str]] = []
        for rpos, row in rows[i + 1 :]:
            rcells = row.split()
            if len(rcells) <= col or not rcells[0].isdigit():
                continue  # a cell's text that ran over a line break
            name = rcells[col]
            if _is_name(name) or re.fullmatch(_ORG, name) or re.fullmatch(_MASKED_PERSON, name):
                at = rpos + row.index(name, len(" ".join(rcells[:col])))
                found.append((at, at, name, at, "table"))
        if found:
            return found
    return []


def _fallbacks(view: View, region_end: int) -> list[tuple[int, int, str, int, str]]:
    """(start, value start, name, name start, source) of the best source that names someone, for a
    decision whose party is under no label."""
    text = view.text

    def lines() -> list[tuple[int, str]]:
        out, pos = [], 0
        for line in text.split("\n"):
            end = pos + len(line)
            rest = next((e for s, e in view.chrome if s == pos), pos)  # what follows the furniture
            if rest < end:
                out.append((rest, text[rest:end]))
            pos = end + 1
        return out

    rows = lines()
    for table_reader in (_ruled_table, _vertical_table, _spaced_table):
        if table := table_reader(rows):
            return table
    if appellant := _appellant(text):
        return appellant
    head_end = min(len(text), max(region_end, 0) + 400, 2500)
    for pos, line in rows:
        if pos > head_end:
            break
        m = _SALUTATION.match(line)
        if m and not re.search(r"决定书|通知书|〔", line):
            group = "name" if m.group("name") else "coded"
            at = pos + m.start(group)
            return [(at, at, m.group(group), at, "addressee")]
    for k, (pos, line) in enumerate(rows):
        if pos > head_end:
            break
        m = _NAME_LINE.match(line)
        nxt = rows[k + 1][1] if k + 1 < len(rows) else ""
        if m and (m.end() < len(line.rstrip()) or _FIELD_NEXT.match(nxt)):
            return [(pos + m.start("name"), pos + m.start("name"), m.group("name"), pos + m.start("name"), "name_line")]
    for pos, line in rows:
        if pos > head_end:
            break
        m = _PERSON_LINE.match(line)
        if m and not _ANY_LABEL.fullmatch(m.group("name")):
            return [(pos + m.start("name"), pos + m.start("name"), m.group("name"), pos + m.start("name"), "name_line")]
    for k, (pos, line) in enumerate(rows[:4]):
        # the top line may have been run into the body by a scan's layout: its first 案 ends it
        pattern = _TITLE_TOP if k == 0 else _TITLE
        m = _wrapped_title(pattern, line, rows[k + 1][1] if k + 1 < len(rows) else "") or pattern.match(line)
        if not m or _ANY_LABEL.fullmatch(m.group("name")) or re.match(_ACT, m.group("name")):
            continue
        if _DOCUMENT_NAME.search(m.group("name")):
            continue  # `…公共场所` / `卫生许可证擅自营业案`: the licence the act concerns, on the title's second line
        name = m.group("name")
        business = _title_business(line)
        if business is None and k + 1 < len(rows) and _wrapped_title(pattern, line, rows[k + 1][1]):
            business = _title_business(line.rstrip() + rows[k + 1][1].strip())
        if not _ORG_SUFFIX.search(name) and business and name.startswith(business):
            name = business  # `某某公司发布违法广告案`: 违法 inside the act is no end of the name
        elif not _ORG_SUFFIX.search(name) and business and business.startswith(name) and len(business) - len(name) <= 3:
            name = business  # `某某饲料经营部无证…案`: an act's word (经营) in the business's last word
        if _agency_in_title(name):
            continue
        # a four-letter name with no business ending and no mask is as likely the act's object
        # (`案件名称：特种设备使用…案`); a person's name is two or three letters
        if _ORG_SUFFIX.search(name) or len(name) >= 5 or len(name) <= 3 or re.search(f"[{_MASK}]", name):
            # (a title read joined with its second line is evidenced on its first)
            return [(pos + m.start("name"), pos + min(m.end(), len(line)), name, pos + m.start("name"), "title")]
    for k, (pos, line) in enumerate(rows[:4]):
        business = _title_business(line)
        if business is None and _wrapped_title(_TITLE_ORG, line, rows[k + 1][1] if k + 1 < len(rows) else ""):
            business = _title_business(line.rstrip() + rows[k + 1][1].strip())
            business = business if business and business in line else None
        if business and not _AUTHORITY_END.search(business):
            at = pos + line.index(business)
            return [(at, pos + len(line), business, at, "title")]
    for entry in _FINDING:
        alike = entry if isinstance(entry, tuple) else (entry,)
        matches = sorted((fm for p in alike for fm in p.finditer(text)), key=lambda fm: fm.start("name"))
        for fm in matches:
            pattern = fm.re
            name, at = fm.group("name"), fm.start("name")
            if pattern is _CASE_HEADING:
                name = _heading_name(text, at, fm.end("rest"), name)
            elif pattern is _PERSON_AGAINST and (_NOT_A_PERSON.match(name) or text.count(name) < 2):
                continue
            agency_first = _AGENCY_AGAINST.match(name)
            if agency_first:
                name, at = name[agency_first.end() :], at + agency_first.end()
            described = _DESCRIBED.match(name)
            if described and len(name) - described.end() >= 2:
                name, at = name[described.end() :], at + described.end()
            # `对郑某甲涉嫌非法采砂的行为进行…`: the shortest name ending like a business ran into the act
            cut = _RAN_INTO_ACT.search(name)
            if cut and cut.start() >= 2 and _is_name(name[: cut.start()]):
                name = name[: cut.start()]
            elif masked := _MASKED_RAN_INTO_ACT.match(name) or (cut and _MASKED_LEAD.match(name)):
                # `对李某某滥伐林木的行为…`, `对赵某价格违法的行为…`: a masked person's name, then the act
                name = masked.group(0)
            # `对…举报的某某堆场…进行检查`: the clause before the last 的 describes the name
            if "的" in name and (after := name.rsplit("的", 1)[1]) and len(after) >= 2:
                at += len(name) - len(after)
                name = after
            # `违法违规行为`, `特殊行业`, `违法所得`: the shortest name stopped at a word's 行 or 所, no business's
            follow = text[at + len(name) : at + len(name) + 1]
            if (name.endswith("行") and follow and follow in "为业政动驶使") or (name.endswith("所") and follow == "得"):
                continue
            # `一、某某县市场|监管局查处…案`: a heading's shortest name stopped inside the agency's
            if pattern is _CASE_HEADING and _AUTHORITY_NEXT.match(text, at + len(name)):
                continue
            # `当事人违规经营…营业场所，`: an act that happens to end like a business is not a name
            # (`对该村民的采砂行为进行…`: what is left of the act still ends in the 行 of 行为)
            if name.endswith("行") and text.startswith("为", at + len(name)):
                continue
            if view.in_chrome(fm.start()) or re.match(_ACT, name) or _NOT_A_FINDING_NAME.search(name):
                continue
            # (`某某县林业局于2021年…对当事人开展检查`: the agency, not the party, opens the finding)
            if _AUTHORITY_END.search(name):
                continue
            # the shortest name that ends like a business may stop inside one (`…信息中心` of `…信息中心有限公司`)
            tail = _ORG_TAIL.match(text, fm.end("name"))
            name += tail.group(0) if tail else ""
            if pattern is _NEWS_AGAINST:
                # `对某某农贸市场管理有限公司…作出`: the shortest name stopped at a word inside it
                longer = _LONGER_ORG.match(text, at + len(name))
                if longer and not re.search(_ACT + "|[的对、]", longer.group(0)):
                    name += longer.group(0)
            if not name or (pattern is _NEWS_AGAINST and _AUTHORITY_NEXT.match(text, at + len(name))):
                continue
            full = _full_name_of(text, name) or _longer_print_of(text, name)
            if full:
                name, at = full
            return [(at, fm.end(), name, at, "finding")]
    return _short_name_penalised(text)


def _heading_name(text: str, at: int, end: int, name: str) -> str:
    """The business a case heading names, run on from its shortest reading over each longer business
    ending a few letters on, so long as no act word or preposition comes between."""
    pos = at + len(name)
    while (m := _HEADING_TAIL.match(text, pos, end)) and not _HEADING_TAIL_STOP.search(m.group(0)):
        name, pos = name + m.group(0), m.end()
    return name


# `向某某有限公司（简称“某某公司”）送达…`: the name a page introduces before the short one it then uses
_SHORT_NAME_FOR = r"[(（](?:以下)?(?:简称|下称)(?:为)?[“\"「]?{short}[”\"」]?[)）]"
_FULL_NAME_RUN = re.compile(rf"[\u4e00-\u9fff{_MASK}·()（）]{{4,60}}$")
# the verb or preposition a sentence puts before the name it introduces
# (`某某股份全资子公司某某型材有限公司（简称“某某”）`: the parent named before the subsidiary is not its name)
_BEFORE_FULL_NAME = re.compile(r"^.*(?:向|对|给|与|将|据|经查|发现|因|(?:全资|控股)子公司)")


def _full_name_of(text: str, short: str) -> tuple[str, int] | None:
    """(full name, start) where the page introduced `short` as the short name of a longer one."""
    m = re.search(_SHORT_NAME_FOR.format(short=re.escape(short)), text)
    if not m:
        return None
    run = _FULL_NAME_RUN.search(text, max(0, m.start() - 60), m.start())
    if not run:
        return None
    full = _BEFORE_FULL_NAME.sub("", run.group(0))
    while full.count(")") + full.count("）") > full.count("(") + full.count("（"):
        full = re.split(r"[)）]", full, maxsplit=1)[1]  # `（通讯员 某某）某某公司`: a bracket the run began inside
    if len(full) <= len(short) or not _ORG_SUFFIX.search(full):
        return None
    return full, m.start() - len(full)


# A news page that introduces a short name with no business ending (`某某新材料有限公司（以下简称“某新材”）`)
# and fines the business by it (`决定给予某新材人民币90万元罚款`, `某新材因…被某局处罚`)
# (a page may print the short name without quotes: `（以下简称某某煤业）`)
_SHORT_DEFINED = re.compile(r"[(（](?:以下)?(?:简称|下称)(?:为)?[“\"「]?(?P<short>[\u4e00-\u9fff]{2,8})[”\"」]?[)）]")
_SHORT_PENALISED = (
    r"(?:对|给予){short}(?=[^。\n]{{0,30}}?(?:罚款|处罚|没收|警告))|{short}(?=因[^。\n]{{2,80}}?被[^。\n]{{0,40}}?(?:罚|处|没收|警告))"
)


def _short_name_penalised(text: str) -> list[tuple[int, int, str, int, str]]:
    """The full name of a short one the page defined and then fined, as a finding; [] when none."""
    for d in _SHORT_DEFINED.finditer(text):
        short = re.escape(d.group("short"))
        fined = re.compile(_SHORT_PENALISED.format(short=short)).search(text, d.end())
        full = _full_name_of(text, d.group("short")) if fined else None
        if full:
            name, at = full
            return [(at, d.end(), name, at, "finding")]
    return []


# A news page that names the business in full once (`某某县某某广告公司受…委托`) and then by its bare kind
# (`对广告公司作出罚款…`): the full print is the first that ends with the short one after a stop
_SHORT_ORG_MAX = 6
# (`涉案企业L灯具公司`: what the page calls the business before its name is no part of it)
_NOT_IN_FULL_NAME = re.compile(rf"{_ACT}|[的对向被给将由与及、]|涉案|涉事|辖区")


def _longer_print_of(text: str, short: str) -> tuple[str, int] | None:
    """(full name, start) of the longer name a page printed for a short business name."""
    if len(short) > _SHORT_ORG_MAX or not _ORG_SUFFIX.search(short):
        return None
    m = re.search(rf"(?:^|(?<=[,，。:：;；\s“]))(?P<lead>[\u4e00-\u9fff]{{2,16}}?){re.escape(short)}", text, re.M)
    if not m or _NOT_IN_FULL_NAME.search(m.group("lead")) or _NOT_A_FINDING_NAME.search(m.group("lead")):
        return None  # (`涉案门店某某超市`: what the page calls the business before its name is none of it)
    return m.group("lead") + short, m.start("lead")


# what the first line of a broken case title never holds: the document's kind, a 文号, a date
_NOT_TITLE_HEAD = re.compile(r"决定|通知|告知|[〔【\[]|\d{4}|号\s*$")
_TITLE_LABEL_HEAD = re.compile(r"\s*(?:案件名称|案\s?名)")
# (a numbered case heading below a headline is the next line of its own, not the headline's end)
_LIST_HEAD = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|(?:案例|案件)[一二三四五六七八九十\d]{1,3})")
# a licence or certificate: what an act concerns, never who committed it
_DOCUMENT_NAME = re.compile(r"(?:许可证|证书|执照|证明|证)$")


def _wrapped_title(pattern: re.Pattern[str], line: str, following: str) -> re.Match[str] | None:
    """A title line the page broke before its 案 (`某某有限公司未取得公共场所` / `卫生许可证擅自营业案`), read
    joined when the name stays on the first line."""
    if re.search(_CASE_END, line) or not (0 < len(following.strip()) <= 40) or not re.search(_CASE_END, following):
        return None
    if _NOT_TITLE_HEAD.search(line) or _TITLE_LABEL_HEAD.match(following) or _LIST_HEAD.match(following):
        return None  # the document's own title or its number above a `案件名称：…案` line of its own
    m = pattern.match(line.rstrip() + following.strip())
    return m if m and m.end("name") <= len(line.rstrip()) else None


def _title_business(line: str) -> str | None:
    """The business a title line `X…案` names: the shortest name that ends like one, run on over a
    company form or branch it stops inside (`某某有限公司南海分公司`)."""
    m = _TITLE_ORG.match(line)
    # (`北京市市场|监督管理局…关于…案`: the shortest business ending stopped inside the agency's name)
    if not m or re.match(_ACT, m.group("name")) or _AUTHORITY_NEXT.match(line, m.end("name")):
        return None
    tail = _ORG_TAIL.match(line, m.end("name"))
    return m.group("name") + (tail.group(0) if tail else "")


def _majority_reading(compact: str, name: str) -> str:
    """The reading of a long name the text repeats most: OCR that slips one character of the party
    line (`海痛区…工坊` for `海南区…工坊`) seldom slips the same one where the finding repeats it.
    Plain string search: a regex per position would cost more to compile than the text to read."""
    best, best_count = name, compact.count(name)
    n = len(name)
    tried: set[str] = set()
    for i in range(n):
        head, tail = name[:i], name[i + 1 :]
        anchor, offset = (head, 0) if len(head) >= len(tail) else (tail, i + 1)
        at = compact.find(anchor)
        while at >= 0:
            begin = at - offset
            variant = compact[begin : begin + n] if begin >= 0 else ""
            if (
                len(variant) == n
                and variant not in tried
                and variant != name
                and variant.startswith(head)
                and variant.endswith(tail)
                and "\u4e00" <= variant[i] <= "\u9fff"
            ):
                tried.add(variant)
                count = compact.count(variant)
                if count > best_count:
                    best, best_count = variant, count
            at = compact.find(anchor, at + 1)
    return best


# what joins the names of several parties under one label
_CO_JOIN = re.compile(r"、|(?<=[\u4e00-\u9fff*＊×xX])[和与](?=[\u4e00-\u9fff*＊])")
_CO_PARTY_AFTER_DETAILS = re.compile(
    r"[(（][^()（）\n]{1,40}[)）]\s?[、和与]\s?(?P<name>[^\s,，;；:：。、()（）]{2,40}?)(?=[(（,，;；。\n]|$)"
)


# `当事人：王某某 蔡某某`: two people under one label, their names parted by a space alone, the line ending
# after the second
_SPACED_CO_PARTY = re.compile(r"[ \t\u3000]{1,3}(?P<name>[^\s,，;；:：。、()（）|]{2,4})(?=[ \t\u3000]*(?:$|\n|[,，;；]|[ \t\u3000]+[^\s]))")
# a word a person's line may go on with after a space that is no second person
_NOT_A_SECOND_PERSON = re.compile(r"族$|人$|^(?:男性?|女性?|个人|本人|无|汉|先生|女士|个体(?:户)?|农民|无业|职工|学生|居民|村民)$")


def _is_name(piece: str) -> bool:
    return bool(_PERSON_NAME.match(piece) or _ORG_SUFFIX.search(piece)) and not _ANY_LABEL.match(piece)


def _person(piece: str) -> bool:
    return bool(_PERSON_NAME.match(piece)) and not _ORG_SUFFIX.search(piece)


def _co_parties(name: str, ns: int) -> list[tuple[str, int]]:
    """(name, start) of each party a label's value names: split at 、, and at 和/与 only after a
    business's name or between two people's (`某某和平饭店`, `佛山和创建材有限公司` stay whole), every
    piece reading as a name."""
    joins = list(_CO_JOIN.finditer(name))
    if not joins:
        return [(name, ns)]
    cuts: list[re.Match[str]] = []
    begin = 0
    for k, j in enumerate(joins):
        left = name[begin : j.start()]
        right = name[j.end() : joins[k + 1].start() if k + 1 < len(joins) else len(name)]
        if j.group(0) == "、" or _ORG_SUFFIX.search(left) or (_person(left) and _person(right)):
            cuts.append(j)
            begin = j.end()
    pieces: list[tuple[str, int]] = []
    begin = 0
    for cut in [*cuts, None]:
        end = cut.start() if cut else len(name)
        pieces.append((name[begin:end], ns + begin))
        begin = cut.end() if cut else end
    if len(pieces) > 1 and all(_is_name(p) for p, _ in pieces):
        return pieces
    return [(name, ns)]


# the role a court's judgment gives the party that sued the agency
_LITIGANT = re.compile(r"^(?:原审)?(?:原告|上诉人|再审申请人)(?:[(（]原审(?:原告|第三人)[)）])?")
# A disclosure record's party field, which it may print after its 违法事实 field, past the narrative
_RECORD_LABEL = re.compile(r"行政(?:处罚)?相对人(?:名称|姓名)")


def _candidates(view: View, region_end: int) -> list[tuple[int, int, str, int, bool, str]]:
    starts = _party_starts(view, region_end)
    if not any(len(name) >= 2 and not _NOT_A_NAME.search(name) for _, _, name, _, _, _ in starts):
        starts += [
            s for s in _party_starts(view, len(view.text)) if s[0] >= region_end and _RECORD_LABEL.match(view.text, s[0])
        ]
    labelled = [
        (start, value_pos, name, ns, business, "label" if colon else "label_no_colon")
        for start, value_pos, name, ns, business, colon in starts
    ]
    out: list[tuple[int, int, str, int, bool, str]] = []
    text = view.text
    for start, value_pos, name, ns, business, source in labelled:
        # `王某某、蔡某某`, `某甲公司和某乙公司`: one label, several parties
        for piece, offset in _co_parties(name, ns):
            out.append((start, value_pos, piece, offset, business, source))
        # `王某某 蔡某某`: people parted by a space alone
        at = ns + len(name)
        while _person(name) and (spaced := _SPACED_CO_PARTY.match(text, at)):
            second = spaced.group("name")
            if not _person(second) or _ANY_LABEL.match(second) or _NOT_A_SECOND_PERSON.search(second):
                break
            out.append((start, value_pos, second, spaced.start("name"), business, source))
            at = spaced.end("name")
        # `王某某（男，1970年生）、蔡某某（女，…）`: each name with its details in brackets
        at = ns + len(name)
        while (more := _CO_PARTY_AFTER_DETAILS.match(text, at)) and _is_name(more.group("name")):
            out.append((start, value_pos, more.group("name"), more.start("name"), business, source))
            at = more.end("name")
    if any(len(c[2]) >= 2 and not _NOT_A_NAME.search(c[2]) for c in out):
        return out
    found = []
    for start, vp, raw, ns, source in _fallbacks(view, region_end):
        role = _LITIGANT.match(raw)
        if role and len(raw) - role.end() >= 2:
            raw, ns = raw[role.end() :], ns + role.end()  # `原告某某置业有限公司,住所地…`
        name, business = _split_name(raw)  # `某某商行（个体工商户）：`
        found.append((start, vp, name, ns, business, source))
    return found


def extract_parties(view: View, region_end: int) -> list[Party]:
    """Parties named before `region_end` (the narrative); the line it falls in is read whole, since
    a segmenter may start the facts at a party line that runs straight into the story. Without a
    party label, the best of the fallbacks (table, addressee, name line, title, finding) names it,
    and each party says which source it came from and how far that source is trusted."""
    text = view.text
    line_end = text.find("\n", region_end)
    region_end = len(text) if line_end < 0 else line_end
    parties: list[Party] = []
    seen: set[str] = set()
    for label_start, value_pos, name, ns, business, source in _candidates(view, region_end):
        if (
            len(name) < 2
            or name in seen
            or _NOT_A_NAME.search(name)
            or re.match(r"^(?:的|对|未|已|因|涉嫌|应当?|是|为|于\d)", name)
        ):
            continue
        confidence = _CONFIDENCE[source]
        if source.startswith("label") and len(name) >= 6:
            read = _majority_reading(re.sub(r"\s", "", text), name)
            if read != name:
                name, confidence = read, 0.75
        seen.add(name)
        name_end = ns + len(name) + (1 if "\n" in text[ns : ns + len(name)] else 0)  # a wrapped name
        # a title, finding or table row has no party block after the name
        bend = _block_end(text, value_pos, region_end) if source not in ("title", "finding", "table") else value_pos
        block = text[label_start:bend]
        found: dict[str, str | None] = {}
        for key, lre in _LABEL_RES.items():
            lm = lre.search(text, value_pos + len(name), bend)
            if not lm:
                found[key] = None
            elif _blank_cell_below(text, lm):
                found[key] = None
            elif key == "credit_code":
                found[key] = _read_code(view.raw, lm.end())
            elif key == "id_number":
                idm = _ID.search(text, lm.end(), min(bend, lm.end() + 30))
                found[key] = idm.group(0) if idm else None
            elif key == "address":
                value, _ = _value(text, lm.end(), bend, _ADDRESS_END)
                found[key] = value or None
            else:
                value, _ = _value(text, lm.end(), bend)
                # `法定代表人（负责人）` cut by a table cell wrap leaves `(负` before the name
                value = re.sub(r"^[(（][负责人)）]*", "", value)
                if key == "legal_representative":
                    value = _OPEN_TAIL.sub("", value)  # `王某（总经理）`: the post is not the name
                    value = value.lstrip("·•・.。,，、")  # a speck OCR read before the name
                found[key] = value or None
        code = found["credit_code"]
        if code is None:
            loose = re.search(r"(?<![0-9A-Z*])[0-9A-HJ-NP-Y][0-9A-Z]{17}(?![0-9A-Z*])", view.raw[label_start:bend])
            if loose and not _ID.fullmatch(loose.group(0)):
                code = loose.group(0)
        id_number = found["id_number"]
        if id_number is None:
            idm = _ID.search(block)
            if idm and len(idm.group(0)) != 15 and (code is None or idm.group(0) not in code):
                id_number = idm.group(0)
        reg = found["registration_no"]
        if reg:
            digits = re.search(r"\d{13,15}", reg)
            reg = digits.group(0) if digits else reg
        valid = is_valid(code) if code else None
        parties.append(
            Party(
                name=name,
                # a name with a stock code after it is a listed company's, however short
                kind="organisation" if _STOCK_CODE.match(text, ns + len(name)) else _kind(
                    name, code if valid else None, block, business, id_number
                ),
                credit_code=code,
                credit_code_valid=valid,
                credit_code_suggestion=suggest_correction(code) if code and not valid else None,
                registration_no=reg,
                legal_representative=found["legal_representative"],
                # re-masked even when printed masked: some agencies print the birth date and star the rest
                id_number_masked=mask_id_number(id_number) if id_number else None,
                address=found["address"],
                evidence=view.evidence(ns, name_end),
                source="label" if source.startswith("label") else "addressee" if source == "name_line" else source,
                confidence=confidence,
            )
        )
    return parties
