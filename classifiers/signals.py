"""What a decision's text says that the threshold rules ask about and the field extractors do not
read: fact elements (禁渔期, 暗管, 危险废物...), earlier administrative penalties, pollutants over
their standard (as a multiple, or as a concentration against a limit), the conduct date, outcomes
(deaths, injuries, losses), the measures written in forms no amount role names (票面金额 and 税额 of
invoices, a volume × unit price), the rules whose own cue words the facts use, and who already
decided: the police declining the case (a 立案监督 lead) or a prosecutor's 不起诉 sending it back.

Every signal keeps the Evidence it was read from. Quoted law is skipped: an article recited in
the decision describes the law, not the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from lianfa.corpora.rules import RuleBook
from lianfa.extractors.dates import FoundDate, find_dates
from lianfa.extractors.numbers import NUMBER, parse_number
from lianfa.extractors.quotes import quoted_spans
from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence

_NEGATION = re.compile(r"(?:未|没有|无|不存在|并非|不属于|未发现|排除)[^，。；\n]{0,3}$")
_SENTENCE = re.compile(r"[^。；;\n]+")
# A month without a day (2021年8月起): extractors.dates reads only whole dates.
_MONTH = re.compile(r"(?P<y>(?:19|20)\d{2})\s?年\s?(?P<m>\d{1,2})\s?月(?!\s?\d{1,2}\s?[日号])")
# The end of a span of months in one year: `2022年1月至12月` ends in 2022年12月.
_MONTH_SPAN_END = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s?年\s?\d{1,2}\s?月(?:份)?\s?(?:至|到|—|-|~)\s?(?P<m>\d{1,2})\s?月(?!\s?\d{1,2}\s?[日号])"
)
# Dates of the procedure, not of the conduct.
_PROCEDURE = re.compile(
    r"检查|立案|调查|询问|告知|听证|送达|移送|受理|审查|核查|抽检|抽样|检测|检验|监测|举报|投诉|决定|复议|诉讼|出具|作出|签收|报告"
    r"|检察|起诉|侦查|抓获|归案|到案|投案|传唤|羁押|拘留"
)
# A date whose clause has the agency for its subject (2022.04.26，本行政机关就当事人涉嫌…一事立案) is
# the procedure's, however far the clause runs before its verb.
_AGENCY_CLAUSE = re.compile(r"^[，,:：\s]*(?:本行政机关|本机关|我机关|本局|我局|本厅|本委|本所|本队|我队|执法人员|执法机关)")
# A penalty as courts name it too: a 罚款 is a 行政处罚 (`先后三次被县卫生局处以罚款`).
_PENALTY = r"(?:行政处罚|处罚|罚款)"
_PRIOR = re.compile(
    r"(?:曾|此前|之前|先前|前期|已|近|先后|累计|分别|受过|受到|被给予|年内)[^。；\n]{0,60}?"
    rf"(?:(?P<n1>[一二两三四五六七八九十\d]+)\s?次(?:以上)?[^。；\n]{{0,40}}?{_PENALTY}"
    rf"|{_PENALTY}[^。；\n]{{0,6}}?(?P<n2>[一二两三四五六七八九十\d]+)\s?次)"
    # the count opening the clause: `两次被卫生行政部门给予行政处罚后`, `两次因非法行医被罚款`
    rf"|(?<![\d一二两三四五六七八九十分])(?P<n3>[二两三四五六七八九十\d]+)\s?次(?:以上)?(?:因[^。；\n被]{{0,20}}?)?被"
    rf"[^。；\n]{{0,20}}?{_PENALTY}"
    # the agency for subject: `卫生行政部门…三次对其行政处罚`
    rf"|(?<![\d一二两三四五六七八九十分])(?P<n4>[二两三四五六七八九十\d]+)\s?次对[^。；\n]{{0,12}}?(?:给予|作出|进行|予以|处以)?{_PENALTY}"
)
# paying a fine in instalments (`已分两次缴纳罚款`) counts no penalties
_PAYMENT = re.compile(r"缴|交纳|支付|分期")
# each date of a list is one penalty: `分别于2014年3月和2015年6月被行政处罚`
_PRIOR_DATES = re.compile(
    rf"分别(?:于|在)(?P<list>[^。；\n被]{{4,60}}?)(?:因[^。；\n]{{0,30}}?)?(?:被|受到?)[^。；\n]{{0,16}}?{_PENALTY}"
)
# Each earlier penalty told with its own date, no count given: `2009年7月24日，某局以…号对其作出行政
#处罚，2010年5月17日某局再次对其作出行政处罚，但其仍继续行医`.
_PENALTY_TOLD = re.compile(
    rf"(?:作出|给予|处以|予以)[^，,。；\n]{{0,6}}?(?:行政处罚|罚款)(?!决定书)|被[^，,。；\n]{{0,20}}?{_PENALTY}"
)
# One earlier penalty, with the conduct going on after it: `曾因无证采砂被处以罚款，其后仍继续开采`.
_PRIOR_ONCE = re.compile(
    r"(?:曾|此前|之前|先前|已|于[^。；\n]{0,14}?)(?:因[^。；\n]{0,30}?)?"
    r"(?:被[^。；\n]{0,16}?(?:行政处罚|处罚|罚款)|受到?过?[^。；\n]{0,10}?(?:行政处罚|处罚))"
)
_CONTINUED = re.compile(r"(?:后|之后|以后)?[^。\n]{0,20}?(?:仍|又|再次|继续|依然|仍然|拒不停止)[^。；\n]{0,6}?"
                        r"(?:开采|采砂|采挖|盗采|实施|从事|经营|生产|销售|排放|倾倒|行医|捕捞|运输)")
_YEARS = re.compile(r"(?P<n>[一二两三四五六七八九十\d]+)\s?年(?:内|以内|之内)")
_TIMES = re.compile(
    # courts also write a bare 超 before the standard: `超国家污染物排放标准373倍`
    rf"(?:超标|(?:超过|超出|超)[^，。；\n]{{0,20}}?(?:标准|限值)[^，。；\n]{{0,25}}?|浓度超出了?|浓度超过了?)"
    rf"(?P<n>{NUMBER})\s?(?:余|多)?\s?倍"
    rf"|超标倍数为?\s?(?P<m>{NUMBER})"
)
_DECLINED = re.compile(
    r"不予立案|决定不立案|作出不立案|不立案|撤销案件|撤案|终止侦查|不予追究刑事责任|不构成犯罪|不涉嫌犯罪|"
    r"不需要追究刑事责任|不符合立案条件|移送回|移交回|退回|交回|退还"
)
_POLICE = re.compile(r"公安|侦查|移送|立案")
# A prosecutor who decided not to prosecute and sent the case back for an administrative penalty
# (不起诉 + 检察意见, 反向移送): the criminal question is settled, not a lead.
_PROSECUTOR_DECIDED = re.compile(r"不起诉|不予起诉|检察意见|反向移送|反向衔接")
_PROSECUTOR = re.compile(r"检察院|检察机关|人民检察|检察")
# A court hearing the case speaks (关于上诉理由及检察意见, 出庭检察员的意见): the prosecutor prosecuted.
_COURT_HEARING = re.compile(r"本院|上诉|出庭|公诉机关|辩护")
# A concentration and the limit it is held to: `总砷浓度为4.2mg/L`, `标准限值为0.5mg/L`.
_CONC_UNIT = r"(?:mg\s?/\s?[Ll]|毫克\s?/\s?升|mg\s?/\s?m3|mg\s?/\s?m³|毫克\s?/\s?立方米|μg\s?/\s?L|ug\s?/\s?L)"
_CONCENTRATION = re.compile(rf"(?:浓度|含量|检测值|监测值|实测值)?\s?(?:为|是|达|达到|:|：)?\s?(?P<v>{NUMBER})\s?(?P<u>{_CONC_UNIT})")
_CONC_HINT = re.compile(r"mg|毫克|μg|ug", re.IGNORECASE)
_LIMIT_BEFORE = re.compile(r"(?:标准|限值|限量|≤|<=|不得超过|不超过|排放限值|标准值|执行)[^，。；\n\d]{0,10}$")
# The measures rules ask for that no contract amount role names.
# Courts write a bare 金额 in a sentence about invoices (`虚开普通发票52份，金额共计…`), and 余/多
# before the unit (`税款31.4万余元`).
_FACE_VALUE = re.compile(
    rf"(?:票面金额|发票金额|开票金额|价税合计|票面额|虚开金额|开具金额|金额合计|合计金额|金额共计|总金额|涉及金额|涉案金额"
    rf"|(?<!罚款)(?<!罚没)(?<![税罚])金额)[^，,。；;\n\d]{{0,8}}?(?P<v>{NUMBER})\s?(?:余|多)?\s?(?P<u>万元|亿元|元)"
)
_INVOICE_TAX = re.compile(
    rf"(?:税额|税款额|抵扣税款额?|抵扣税额|进项税额|销项税额|税款)[^，,。；;\n\d]{{0,8}}?(?P<v>{NUMBER})\s?(?:余|多)?\s?(?P<u>万元|亿元|元)"
)
_INVOICE = re.compile(r"发票|缴款书")
_SPECIAL_INVOICE = re.compile(r"专用发票|专用缴款书|抵扣税款发票|用于抵扣|出口退税")
# `5.811万m3×矿石价格65.00元/m3=3777150.00元`, `开采量2.3万立方米，按每立方米48元计算`
_VOLUME_PRICE = re.compile(
    rf"(?P<q>{NUMBER})\s?(?P<qu>万立方米|万方|万m3|万m³|立方米|方|m3|m³|吨|万吨)[^，,。；;\n\d]{{0,8}}?(?:[×xX*]|乘以)[^，,。；;\n\d]{{0,10}}?"
    rf"(?P<p>{NUMBER})\s?元\s?/\s?(?:立方米|方|m3|m³|吨)(?:\s?=\s?(?P<t>{NUMBER})\s?(?P<tu>万元|元))?"
    rf"|(?P<q2>{NUMBER})\s?(?P<qu2>万立方米|万方|立方米|方|吨|万吨)[，,]?\s?(?:按|以)(?:每(?:立方米|方|吨))?[^，,。；;\n\d]{{0,8}}?(?P<p2>{NUMBER})\s?元(?:\s?/\s?(?:立方米|方|吨)|每(?:立方米|方|吨))?"
)
_MINED = re.compile(r"开采|采挖|盗采|采砂|采矿|矿产|矿石|砂石|石料|河砂|黏土|花岗岩")
_MONEY_UNIT = {"元": 1.0, "万元": 1e4, "亿元": 1e8}
_OUTCOME_COUNT = re.compile(
    rf"(?P<n>{NUMBER})\s?(?:人|名)[^，。；、\n]{{0,4}}?(?P<what>死亡|重伤|轻伤|受伤|中毒|遇难|身亡)"
)
_OUTCOME_WORD = re.compile(r"造成[^，。；\n]{0,12}?(?:死亡|重伤|伤亡|中毒|残疾|经济损失|财产损失)")
# A death stated of a named person, not counted (`致被害人某某当场死亡`, `经抢救无效死亡`): one death.
# Accident reports also write the death as established (经120急救人员确认已死亡, 不幸身亡, 遇难).
_ONE_DEATH = re.compile(
    r"(?:致|造成|导致)[^，。；\n]{0,12}?(?:当场)?死亡|(?:经医院|经)?抢救无效死亡|当场死亡"
    r"|(?:确认|证实|宣布|宣告)[^，。；\n]{0,6}?(?:已经|已)?死亡|(?:不幸)?身亡|(?<![无未])遇难"
)
_DEATH_WORD = re.compile(r"死亡|身亡|遇难")
# Judgments name each dead victim with their age at death (`致被害人甲（殁年27岁）、乙（殁年2岁）死亡`):
# one death for each 殁年 between the verb and 死亡.
_NAMED_DEATHS = re.compile(r"(?:致|造成|导致)(?P<who>[^。；\n]{0,80}?殁年[^。；\n]{0,80}?)死亡")
# Court-style figures the field extractor reads under no role: `出售价值人民币51万元的假冒卷烟`,
# `销售…皮包共计人民币20万元`, `诈骗被害人…人民币共计10万元`.
_COURT_SALES = re.compile(
    rf"(?<![无未])(?:销售|出售|售卖)[^，,。；;\n]{{0,40}}?(?:价值|金额|货款|共计|合计|[，,](?:销售)?金额(?:共计|合计|总计)?)"
    rf"[^，,。；;\n\d]{{0,6}}?(?P<v>{NUMBER})\s?(?:余|多)?\s?(?P<u>万元|亿元|元)"
)
# money received for what was sold: the business's takings (`先后五次收到某某汇款87100元`)
# A crime the text itself names for the conduct: `涉嫌非法经营罪`, `犯虚开增值税专用发票罪`.
_CRIME_NAMED = re.compile(
    r"(?<![不未])(?:涉嫌|犯有|犯|构成|触犯)(?P<name>(?:[\u4e00-\u9fff、]{2,30}?罪[、和及]?)+)"
)
# The grade of an amount in the statutes' own words (骗取…财物，数额特别巨大): the entry grade of the
# amount crimes, stated by whoever wrote the text, not a figure to compare.
_GRADE = re.compile(r"(?:数额|金额)(?:特别巨大|巨大|较大)")
_NOT_FACTS = frozenset({"procedure", "basis", "decision", "payment", "remedy", "signature"})
_GRADE_DENIED = re.compile(r"(?:未|没有|不|尚未|并非)[^，。；\n]{0,4}$")
# `不构成合同诈骗犯罪`, `并非非法经营犯罪`: the offence named to deny it
_CRIME_DENIED = re.compile(r"(?:不|未|并非|没有|无)(?:构成|涉嫌|属于|认定为?|是|成立)?$")
_CRIME_NOUN_MIN = 4
_COURT_TAKINGS = re.compile(
    rf"(?:收到|收取|收受)[^，,。；;\n]{{0,12}}?(?:汇款|货款|款项|价款)[^，,。；;\n\d]{{0,4}}?(?P<v>{NUMBER})\s?(?:余|多)?\s?(?P<u>万元|亿元|元)"
)
_COURT_LOSS = re.compile(
    rf"(?:诈骗|骗取|骗得)[^，,。；;\n]{{0,24}}?(?:人民币|财物|款)[^，,。；;\n\d]{{0,6}}?(?P<v>{NUMBER})\s?(?:余|多)?\s?(?P<u>万元|亿元|元)"
    # money borrowed on a false pretext and never repaid is what the lender lost: `借款10万元,到期后拒不归还`
    rf"|借(?:款|得|走)(?:共计|合计|共)?(?:人民币)?(?P<bv>{NUMBER})\s?(?:余|多)?\s?(?P<bu>万元|亿元|元)"
    rf"[，,]?(?:借款)?(?:到期后?|后)?(?:拒不(?:归还|偿还|还款)|一直未(?:归还|偿还)|逃匿|失去联系)"
)


@dataclass(frozen=True)
class Signal:
    evidence: Evidence
    value: float | None = None
    detail: str = ""
    supplied: bool = False  # the figure rests on data the text does not state (a standard's limit)


@dataclass(frozen=True)
class PriorPenalties:
    count: int
    within_years: float | None  # None when the text gives neither a period nor dates
    evidence: Evidence
    continued: bool = False  # the text says the conduct went on after the penalty


@dataclass
class TextSignals:
    facts: dict[str, Signal] = field(default_factory=dict)  # fact id -> where it is stated
    prior: PriorPenalties | None = None
    exceedance: list[tuple[str, Signal]] = field(default_factory=list)  # (pollutant, times over)
    conduct_date: date | None = None
    outcomes: list[Signal] = field(default_factory=list)  # deaths/injuries/losses stated
    declined: Signal | None = None  # the police declined or dropped the case
    prosecutor: Signal | None = None  # a prosecutor's 不起诉 with 检察意见 / 反向移送
    ruled_out: set[str] = field(default_factory=set)  # fact ids the text states the contrary of
    measures: dict[str, Signal] = field(default_factory=dict)  # rule-only amount role -> largest stated
    cued: dict[str, Signal] = field(default_factory=dict)  # rule id -> its cue word in the text
    crime_named: tuple[str, Signal] | None = None  # a rules' crime the text names for the conduct
    grade: Signal | None = None  # an amount's grade stated in the statutes' words (数额巨大)


def _masked(text: str) -> str:
    """Quoted law blanked (same length), so offsets still map through the view."""
    chars = list(text)
    for a, b in quoted_spans(text):
        chars[a:b] = "□" * (b - a)
    return "".join(chars)


def _number(s: str | None) -> float | None:
    if not s:
        return None
    return parse_number(s)


@dataclass(frozen=True)
class _FactPatterns:
    phrases: tuple[tuple[str, re.Pattern[str]], ...]
    # fact id -> words that make a following phrase another thing; 非 does so for every fact
    # (非危险废物, 非国家重点保护野生动物)
    not_after: dict[str, tuple[str, ...]]
    shares: tuple[tuple[str, float, re.Pattern[str]], ...]  # (fact id, minimum %, stated share)
    contrary: tuple[tuple[str, re.Pattern[str]], ...]  # (fact id, wordings that rule it out)
    residues: tuple[tuple[str, float, str, re.Pattern[str]], ...]  # (fact id, limit mg/kg, standard, content stated)


_compiled: dict[int, tuple[RuleBook, _FactPatterns]] = {}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(words, key=len, reverse=True))


def _share_pattern(of: list[str]) -> re.Pattern[str]:
    # 占同期应纳税额的比例为31.57% / 占应纳税总额百分之十二
    return re.compile(
        rf"占[^。；;\n]{{0,12}}?(?:{_alternation(of)})[^。；;\n\d]{{0,12}}?"
        rf"(?:(?P<pct>{NUMBER})\s?[%％]|百分之(?P<cn>[零一二两三四五六七八九十百点\d.]+))"
    )


_LICENCE = re.compile(r"许可证|证书|执照|资格证")


def _bracketed_alternation(words: list[str]) -> str:
    """Phrases that still match with a document's name in title marks inside them: 未取得采矿许可证
    as written 未取得《采矿许可证》."""
    def one(word: str) -> str:
        if not _LICENCE.search(word):
            return re.escape(word)
        return "[《〈]?".join(re.escape(ch) for ch in word)

    return "|".join(one(w) for w in sorted(words, key=len, reverse=True))


def _residue_pattern(names: list[str]) -> re.Pattern[str]:
    return re.compile(
        rf"(?:{_alternation(names)})[^，,。；;\n\d]{{0,10}}?(?P<v>{NUMBER})\s?(?:mg|毫克)\s?/\s?(?:kg|Kg|KG|千克|公斤)"
    )


def _fact_patterns(book: RuleBook) -> _FactPatterns:
    """One alternation per fact, longest phrase first (compiled once per rule book)."""
    cached = _compiled.get(id(book))
    if cached is None or cached[0] is not book:
        patterns = _FactPatterns(
            tuple((f.id, re.compile(_bracketed_alternation(f.phrases))) for f in book.facts if f.phrases),
            {f.id: tuple(f.not_after) for f in book.facts if f.not_after},
            tuple((f.id, f.share.min_percent, _share_pattern(f.share.of)) for f in book.facts if f.share),
            tuple((f.id, re.compile(_bracketed_alternation(f.contrary))) for f in book.facts if f.contrary),
            tuple((f.id, r.limit, r.standard, _residue_pattern(r.names)) for f in book.facts for r in f.residues),
        )
        cached = _compiled[id(book)] = (book, patterns)
    return cached[1]


def _facts(view: View, masked: str, book: RuleBook, ruled_out: set[str]) -> dict[str, Signal]:
    found: dict[str, Signal] = {}
    patterns = _fact_patterns(book)
    for fact_id, pattern in patterns.phrases:
        for m in pattern.finditer(masked):
            before = masked[max(0, m.start() - 5) : m.start()]
            if before.endswith("非") or before.rstrip("的了着").endswith(patterns.not_after.get(fact_id, ())):
                continue
            if not _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]):
                found[fact_id] = Signal(view.evidence(m.start(), m.end()), detail=m.group())
                break
    for fact_id, limit, standard, pattern in patterns.residues:
        if fact_id in found:
            continue
        for m in pattern.finditer(masked):
            value = _number(m["v"])
            if value is not None and value > limit and not _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]):
                detail = f"{m.group()}，超过{standard}限量{limit:g}mg/kg"
                found[fact_id] = Signal(view.evidence(m.start(), m.end()), value=value / limit, detail=detail)
                break
    for fact_id, minimum, pattern in patterns.shares:
        _stated_share(view, masked, fact_id, minimum, pattern, found, ruled_out)
    for fact_id, pattern in patterns.contrary:
        if fact_id not in found and any(
            not _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]) for m in pattern.finditer(masked)
        ):
            ruled_out.add(fact_id)
    return found


def _found_dates(sentence: str) -> list[FoundDate]:
    """Dates in every written form (2021年8月25日, 2021.08.25, 2021/8/25, 二〇二一年八月二十五日), and
    months (2021年8月, read as its first day), in text order."""
    out = find_dates(sentence)
    for m in _MONTH.finditer(sentence):
        try:
            out.append(FoundDate(date(int(m["y"]), int(m["m"]), 1), m.start(), m.end()))
        except ValueError:
            continue
    for m in _MONTH_SPAN_END.finditer(sentence):
        try:
            out.append(FoundDate(date(int(m["y"]), int(m["m"]), 1), m.start("m"), m.end()))
        except ValueError:
            continue
    return sorted(out, key=lambda d: d.start)


def _stated_share(
    view: View,
    masked: str,
    fact_id: str,
    minimum: float,
    pattern: re.Pattern[str],
    found: dict[str, Signal],
    ruled_out: set[str],
) -> None:
    """Sets or clears a share fact from the first percentage stated for it."""
    for m in pattern.finditer(masked):
        share = _number(m["pct"] or m["cn"])
        if share is None or _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]):
            continue
        if share >= minimum:
            found[fact_id] = Signal(view.evidence(m.start(), m.end()), value=share, detail=m.group())
            return
        found.pop(fact_id, None)
        ruled_out.add(fact_id)
        return


def _dates(sentence: str) -> list[date]:
    return [d.value for d in _found_dates(sentence)]


def _prior(view: View, masked: str, decided: date | None) -> PriorPenalties | None:
    best: PriorPenalties | None = None
    for s in _SENTENCE.finditer(masked):
        sentence = s.group()
        m = _PRIOR.search(sentence)
        if m is not None and _PAYMENT.search(m.group()):
            m = None
        n = _number(m["n1"] or m["n2"] or m["n3"] or m["n4"]) if m is not None else None
        # `分别于A、B被…处罚一次` is once on each date: the list counts, not its 一次
        listed = _PRIOR_DATES.search(sentence)
        dates = float(len(_found_dates(listed["list"]))) if listed is not None else None
        if dates is not None and (n is None or dates > n):
            m, n = listed, dates
        if m is None or n is None or n < 1:
            continue
        years: float | None = None
        ym = _YEARS.search(sentence)
        if ym and _number(ym["n"]):
            years = _number(ym["n"])
        else:
            days = _dates(sentence)
            if days and decided is not None:
                years = (decided - min(days)).days / 365.25
        continued = bool(_CONTINUED.search(sentence, m.end()))
        found = PriorPenalties(
            int(n), years, view.evidence(s.start() + m.start(), s.start() + m.end()), continued
        )
        if best is None or found.count > best.count:
            best = found
    dated = _prior_dated(view, masked, decided)
    if dated is not None and (best is None or dated.count > best.count):
        best = dated
    if best is None:
        best = _prior_once(view, masked, decided)
    return best


def _prior_dated(view: View, masked: str, decided: date | None) -> PriorPenalties | None:
    """Penalties told one by one, each after a date of its own, counted where the conduct is said
    to go on after the last: a decision's own procedure (立案, 告知, 作出处罚) never says so."""
    for s in _SENTENCE.finditer(masked):
        sentence = s.group()
        days = _found_dates(sentence)
        told: list[tuple[re.Match[str], date]] = []
        since = 0
        for m in _PENALTY_TOLD.finditer(sentence):
            own = [d for d in days if since <= d.start and d.end <= m.start()]
            since = m.end()
            if own and (decided is None or own[-1].value < decided):
                told.append((m, own[-1].value))
        if len(told) < 2 or not _CONTINUED.search(sentence, told[-1][0].end()):
            continue
        first = min(day for _m, day in told)
        years = (decided - first).days / 365.25 if decided is not None else None
        ev = view.evidence(s.start() + told[0][0].start(), s.start() + told[-1][0].end())
        return PriorPenalties(len(told), years, ev, True)
    return None


def _prior_once(view: View, masked: str, decided: date | None) -> PriorPenalties | None:
    """One earlier penalty, counted only where the text says the conduct went on after it (the
    clause after the penalty or the next sentence): a penalty merely recalled is not a repeat."""
    for s in _SENTENCE.finditer(masked):
        sentence = s.group()
        m = _PRIOR_ONCE.search(sentence)
        if m is None:
            continue
        rest = masked[s.start() + m.end() : s.end() + 40]
        if not _CONTINUED.search(rest):
            continue
        days = _dates(sentence[: m.end()])
        years = (decided - min(days)).days / 365.25 if days and decided is not None else None
        return PriorPenalties(1, years, view.evidence(s.start() + m.start(), s.start() + m.end()), True)
    return None


def _exceedance(view: View, masked: str, book: RuleBook) -> list[tuple[str, Signal]]:
    pollutants = sorted(
        {
            p
            for r in book.rules
            for v in r.versions
            for c in v.criteria
            if c.exceedance
            for p in c.exceedance.pollutants
        },
        key=len,
        reverse=True,
    )
    if not pollutants:
        return []
    # a limit's own names first (总铬 before 铬): the longer name is the one its limit is kept under
    names = {n for lim in book.discharge_limits for n in lim.names} | set(pollutants)
    named = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    out: list[tuple[str, Signal]] = []
    for s in _SENTENCE.finditer(masked):
        sentence = s.group()
        stated: set[str] = set()
        for m in _TIMES.finditer(sentence):
            times = _number(m["n"] or m["m"])
            before = list(named.finditer(sentence[: m.start()]))
            if times is None or not before:
                continue
            written = before[-1].group()
            lim = book.limit_for(written)
            pollutant = lim.pollutant if lim else written
            ev = view.evidence(s.start() + before[-1].start(), s.start() + m.end())
            out.append((pollutant, Signal(ev, value=times, detail=pollutant)))
            stated.add(pollutant)
        # a multiple the sentence states wins over one computed from its concentrations
        if _CONC_HINT.search(sentence):
            out.extend(c for c in _concentrations(view, s.start(), sentence, named, book) if c[0] not in stated)
    return out


def _concentrations(
    view: View, offset: int, sentence: str, named: re.Pattern[str], book: RuleBook
) -> list[tuple[str, Signal]]:
    """`总砷浓度为4.2mg/L … 排放标准限值为0.5mg/L`: the measured figure as a multiple over its limit,
    (C − S) / S as monitoring reports count 超标倍数. The limit is the one the sentence states after
    the pollutant, else the discharge limit kept as data (detail says which; the rules engine asks
    only for review on a limit it supplied)."""
    out: list[tuple[str, Signal]] = []
    readings: list[tuple[str, float, str, int, int, bool]] = []  # pollutant, value, unit, start, end, is_limit
    for m in _CONCENTRATION.finditer(sentence):
        value = _number(m["v"])
        before = list(named.finditer(sentence[: m.start()]))
        if value is None or not before:
            continue
        is_limit = bool(_LIMIT_BEFORE.search(sentence[max(0, m.start() - 14) : m.start()]))
        unit = re.sub(r"\s", "", m["u"])
        readings.append((before[-1].group(), value, unit, before[-1].start(), m.end(), is_limit))
    for i, (pollutant, value, unit, start, end, is_limit) in enumerate(readings):
        if is_limit:
            continue
        stated = next((r for r in readings[i + 1 :] if r[5] and r[2].lower() == unit.lower()), None)
        limit = stated[1] if stated else None
        lim = book.limit_for(pollutant)
        source = "文书所载限值"
        if limit is None:
            if lim is None or lim.unit.lower() != unit.lower():
                continue
            limit, source = lim.limit, f"{lim.standard}限值"
        written = pollutant
        pollutant = lim.pollutant if lim else pollutant
        if limit <= 0 or value <= limit:
            continue
        times = (value - limit) / limit
        ev = view.evidence(offset + start, offset + (stated[4] if stated else end))
        detail = f"{written}浓度 {value:g} {unit}，{source} {limit:g} {unit}"
        out.append((pollutant, Signal(ev, value=round(times, 2), detail=detail, supplied=stated is None)))
    return out


def _conduct_date(view: View, masked: str, decided: date | None) -> date | None:
    """The last date the conduct is said to happen on: dates in sentences about the conduct,
    leaving out the procedure's own dates (inspection, 立案, notices)."""
    latest: date | None = None
    for s in _SENTENCE.finditer(masked):
        sentence = s.group()
        section = view.section_of(s.start())
        if section not in (None, "facts", "finding", "evidence"):
            continue
        found = _found_dates(sentence)
        for i, m in enumerate(found):
            # what happened on that date: the words up to the next date, at most a clause
            stop = found[i + 1].start if i + 1 < len(found) else len(sentence)
            tail = sentence[m.end : min(stop, m.end + 16)]
            # what leads to it, in its own clause: 经调查核实，2022/5/8，… opens the finding
            head = re.split(r"[，,]", sentence[max(0, m.start - 6) : m.start])[-1]
            if _PROCEDURE.search(tail) or _PROCEDURE.search(head) or _AGENCY_CLAUSE.match(tail):
                continue
            day = m.value
            # the decision's own date (its 落款) is not when the conduct happened
            if decided is not None and day >= decided:
                continue
            if latest is None or day > latest:
                latest = day
    return latest


def _outcomes(view: View, masked: str) -> list[Signal]:
    """Counted outcomes (2人死亡) first; a bare statement (造成人员伤亡) only when nothing was counted."""
    out = []
    for m in _OUTCOME_COUNT.finditer(masked):
        if not _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]):
            what = "死亡" if m["what"] in ("遇难", "身亡") else m["what"]
            out.append(Signal(view.evidence(m.start(), m.end()), value=_number(m["n"]), detail=what))
    if out:
        return out
    named = _NAMED_DEATHS.search(masked) if "殁年" in masked else None
    if named:
        return [Signal(view.evidence(named.start(), named.end()), value=float(named["who"].count("殁年")), detail="死亡")]
    for m in _ONE_DEATH.finditer(masked) if _DEATH_WORD.search(masked) else ():
        if not _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]):
            return [Signal(view.evidence(m.start(), m.end()), value=1.0, detail="死亡")]
    for m in _OUTCOME_WORD.finditer(masked):
        if not _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]):
            out.append(Signal(view.evidence(m.start(), m.end()), detail=m.group()))
    return out


def _declined(view: View, masked: str) -> tuple[Signal | None, Signal | None]:
    """(the police declined or dropped the case, a prosecutor did not prosecute it). A sentence
    naming the procuratorate speaks of the prosecutor's decision, whatever else it mentions."""
    police: Signal | None = None
    prosecutor: Signal | None = None
    for s in _SENTENCE.finditer(masked):
        sentence = s.group()
        if prosecutor is None and _PROSECUTOR.search(sentence) and not _COURT_HEARING.search(sentence):
            m = _PROSECUTOR_DECIDED.search(sentence)
            if m:
                prosecutor = Signal(view.evidence(s.start() + m.start(), s.start() + m.end()), detail=m.group())
                continue
        m = next((d for d in _DECLINED.finditer(sentence) if _case_sent_back(d, sentence)), None)
        if police is None and m and _POLICE.search(sentence) and not _PROSECUTOR.search(sentence):
            police = Signal(view.evidence(s.start() + m.start(), s.start() + m.end()), detail=m.group())
    return police, prosecutor


# 退回/交回/退还 is the case sent back only with the case for its object: 责令退还非法占用的土地
# returns land, not a file
_SENT_BACK = frozenset({"退回", "交回", "退还"})
_CASE_OBJECT = re.compile(r"^[^，,。；;\n]{0,8}?(?:案|卷|材料|本局|我局|本机关|行政机关|我单位|本单位)")


def _case_sent_back(m: re.Match[str], sentence: str) -> bool:
    return m.group() not in _SENT_BACK or bool(_CASE_OBJECT.match(sentence[m.end() :]))


def _money(value: str, unit: str) -> float | None:
    number = _number(value)
    return None if number is None else number * _MONEY_UNIT[unit]


def _keep_largest(found: dict[str, Signal], role: str, signal: Signal) -> None:
    if role not in found or (signal.value or 0) > (found[role].value or 0):
        found[role] = signal


def _sentence_around(text: str, start: int, end: int) -> str:
    a = max(text.rfind(ch, 0, start) for ch in "。；;\n") + 1
    stops = [i for i in (text.find(ch, end) for ch in "。；;\n") if i >= 0]
    return text[a : min(stops) if stops else len(text)]


def _measures(view: View, masked: str) -> dict[str, Signal]:
    """Invoice face values and taxes (in a sentence about invoices), a mined volume times its unit
    price as the value of the minerals (goods_value), and the court's way of stating sales and what
    a fraud took. They stand in only for a role the field extractor did not read (risk.case_facts).
    The largest figure of each is kept: a total is stated after its parts, never below them."""
    found: dict[str, Signal] = {}

    def keep(role: str, m: re.Match[str], yuan: float | None) -> None:
        if yuan:
            _keep_largest(found, role, Signal(view.evidence(m.start(), m.end()), value=yuan, detail=m.group()))

    invoices = _INVOICE.search(masked) is not None
    for role, pattern in (("invoice_face_value", _FACE_VALUE), ("invoice_tax", _INVOICE_TAX)):
        for m in pattern.finditer(masked) if invoices else ():
            sentence = _sentence_around(masked, m.start(), m.end())
            # the face value of 增值税专用发票 is no measure of 虚开发票罪 (其他发票); their tax is 205's
            if _INVOICE.search(sentence) and not (role == "invoice_face_value" and _SPECIAL_INVOICE.search(sentence)):
                keep(role, m, _money(m["v"], m["u"]))
    for role, pattern in (("sales", _COURT_SALES), ("loss", _COURT_LOSS), ("illegal_revenue", _COURT_TAKINGS)):
        for m in pattern.finditer(masked):
            # only _COURT_LOSS has a second figure (money borrowed and never repaid)
            value, unit = (m["v"], m["u"]) if m["v"] else (m["bv"], m["bu"])
            keep(role, m, _money(value, unit))
    for m in _VOLUME_PRICE.finditer(masked) if _MINED.search(masked) else ():
        if _MINED.search(_sentence_around(masked, m.start(), m.end())):
            keep("goods_value", m, _mined_value(m))
    return found


def _mined_value(m: re.Match[str]) -> float | None:
    if m["t"]:
        return _money(m["t"], m["tu"])
    qty, unit, price = (m["q"], m["qu"], m["p"]) if m["q"] else (m["q2"], m["qu2"], m["p2"])
    q, p = _number(qty), _number(price)
    if q is None or p is None:
        return None
    return round(q * (1e4 if unit.startswith("万") else 1.0) * p, 2)


def _norm_crime(name: str) -> str:
    return re.sub(r"[、，,\s]|罪$", "", name)


_crime_nouns: dict[int, tuple[RuleBook, re.Pattern[str], dict[str, str]]] = {}


def _crime_noun_pattern(book: RuleBook) -> tuple[re.Pattern[str], dict[str, str]]:
    """The rules' crimes as a court names the offence without a verb (`合同诈骗犯罪数额`,
    `非法吸收公众存款犯罪事实`): each name of CRIME_NOUN_MIN characters or more (诈骗 is every
    fraud's), its 、 optional, before 犯罪."""
    cached = _crime_nouns.get(id(book))
    if cached is None or cached[0] is not book:
        names = {_norm_crime(r.crime): r.crime for r in book.rules}
        names = {n: c for n, c in names.items() if len(n) >= _CRIME_NOUN_MIN}
        by_length = sorted({r.crime.removesuffix("罪") for r in book.rules if _norm_crime(r.crime) in names},
                           key=len, reverse=True)
        alternation = "|".join(re.escape(n).replace("、", "、?") for n in by_length)
        cached = _crime_nouns[id(book)] = (book, re.compile(rf"(?P<name>{alternation})犯罪"), names)
    return cached[1], cached[2]


def _crime_named(view: View, masked: str, book: RuleBook) -> tuple[str, Signal] | None:
    """The first crime of the rules book the text names (涉嫌/犯/构成 …罪, or …犯罪 as a noun),
    not denied (不构成)."""
    if "罪" not in masked:
        return None
    crimes = {_norm_crime(r.crime): r.crime for r in book.rules}
    for m in _CRIME_NAMED.finditer(masked):
        for part in re.split(r"罪[、和及]?", m["name"]):
            named = _norm_crime(part)
            if len(named) < 4:
                continue
            crime = next((c for n, c in crimes.items() if named in n or n in named), None)
            if crime is not None:
                return crime, Signal(view.evidence(m.start(), m.end()), detail=m.group())
    pattern, nouns = _crime_noun_pattern(book)
    for m in pattern.finditer(masked):
        if not _CRIME_DENIED.search(masked[max(0, m.start() - 6) : m.start()]):
            return nouns[_norm_crime(m["name"])], Signal(view.evidence(m.start(), m.end()), detail=m.group())
    return None


_cue_patterns: dict[int, tuple[RuleBook, re.Pattern[str], dict[str, list[str]]]] = {}


def _cued(view: View, masked: str, book: RuleBook) -> dict[str, Signal]:
    """Rules whose cue words the text uses (not negated): the first use of each. One pass over the
    text with every rule's words, longest first; a word holding another rule's word counts for both
    (假冒注册商标 holds 假冒)."""
    cached = _cue_patterns.get(id(book))
    if cached is None or cached[0] is not book:
        by_word: dict[str, list[str]] = {}
        for r in book.rules:
            for w in r.cues:
                by_word.setdefault(w, []).append(r.id)
        rules_of = {w: [rid for c in by_word if c in w for rid in by_word[c]] for w in by_word}
        cached = _cue_patterns[id(book)] = (book, re.compile(_alternation(list(by_word))), rules_of)
    _book, pattern, rules_of = cached
    found: dict[str, Signal] = {}
    for m in pattern.finditer(masked):
        # 未取得…许可证 is the conduct itself, not a denial of it
        if not _LICENCE.search(m.group()) and _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]):
            continue
        for rule_id in rules_of[m.group()]:
            if rule_id not in found:
                found[rule_id] = Signal(view.evidence(m.start(), m.end()), detail=m.group())
    return found


def read_signals(view: View, book: RuleBook, decided: date | None) -> TextSignals:
    masked = _masked(view.text)
    ruled_out: set[str] = set()
    police, prosecutor = _declined(view, masked)
    exceedance = _exceedance(view, masked, book)
    return TextSignals(
        facts=_facts(view, masked, book, ruled_out),
        prior=_prior(view, masked, decided),
        exceedance=exceedance,
        conduct_date=_conduct_date(view, masked, decided),
        outcomes=_outcomes(view, masked),
        declined=police,
        prosecutor=prosecutor,
        ruled_out=ruled_out,
        measures=_measures(view, masked),
        cued=_measured_cues(_cued(view, masked, book), exceedance, book),
        crime_named=_crime_named(view, masked, book),
        grade=_grade(view, masked),
    )


def _grade(view: View, masked: str) -> Signal | None:
    for m in _GRADE.finditer(masked):
        # the law applied and the penalty quote the statutes' grades; the facts state them
        if view.section_of(m.start()) in _NOT_FACTS:
            continue
        if not _GRADE_DENIED.search(masked[max(0, m.start() - 8) : m.start()]):
            return Signal(view.evidence(m.start(), m.end()), detail=m.group())
    return None


def _measured_cues(cued: dict[str, Signal], exceedance: list[tuple[str, Signal]], book: RuleBook) -> dict[str, Signal]:
    """A rule's own measure stated in the text cues it as its words do: a heavy metal's
    concentration over its standard (`废液中镍含量为236mg/L`) brings in the exceedance rule of a
    decision or judgment that never writes 超标."""
    stated = {p: sig for p, sig in exceedance}
    for rule in book.rules:
        if rule.id in cued:
            continue
        for version in rule.versions:
            hit = next(
                (stated[p] for c in version.criteria if c.exceedance for p in c.exceedance.pollutants if p in stated),
                None,
            )
            if hit is not None:
                cued[rule.id] = Signal(hit.evidence, detail=hit.evidence.text)
                break
    return cued
