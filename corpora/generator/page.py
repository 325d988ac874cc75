"""A decision as a reader meets it on a government site: the page's furniture around it (发布时间/来源/
阅读次数 lines, an 索引号 table, print and close links), a `关于…的处罚决定书` title, a 文号 the page
printed without its brackets and 号 or with its serial masked, and mirror sites' traditional
characters. Forms from corpora/data/real_forms/*.yaml; each bank has disjoint default and holdout
options, so the holdout meets page forms the default never writes.

Drawn from a random stream of its own, so adding a page form never changes the decision inside it.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import opencc
from pydantic import BaseModel, ConfigDict

from lianfa.corpora.datafile import DATA_DIR, load_model
from lianfa.corpora.generator.credit_code import make_credit_code
from lianfa.corpora.generator.numbers import write_amount, write_number
from lianfa.corpora.generator.parties import Party
from lianfa.corpora.generator.style import Bank, Style, pick
from lianfa.corpora.gold import Block
from lianfa.ingest.normalize import normalize

P_FURNITURE = 0.3
P_ABOUT_TITLE = 0.12
P_BARE_NUMBER = 0.06
P_MASKED_SERIAL = 0.03
P_SUFFIXED_SERIAL = 0.03
P_TRADITIONAL = 0.06
# a page title that repeats the 文号 with a 第 the decision's header does not print
P_TITLE_WITH_DI = 0.03
TITLES_WITH_DI: Bank[str] = {"default": ("{agency}行政处罚决定书{number}",), "holdout": ("{agency}行政处罚决定书（{number}）",)}
_NO_DI = re.compile(r"〕(?=\d)")
# ...of those, a headline that files the year and serial under the case file's letters instead of the
# header's penalty word (the tenth survey's 醴陵 market regulator: `…行处字〔2023〕第060号` over `…处罚字〔2023〕060号`)
P_TITLE_LETTERS = 0.4
TITLE_LETTERS: Bank[str] = {"default": ("行处字",), "holdout": ("处字",)}
# of traditional pages, those whose mirror site also prints a character's pinyin after it
P_READINGS = 0.5

FURNITURE: Bank[str] = {
    "default": (
        "发布时间：{day}　来源：{agency}　阅读次数：{reads}",
        "首页 > 政务公开 > 行政执法公示 > 行政处罚\n发布时间：{day}　来源：{agency}",
        "来源：{agency}　发布时间：{day} 09:{minute}　【字体：大 中 小】",
        "索引号: {index} 发布机构: {agency}\n名称: 【以案释法】{agency}行政处罚案件 文号:",
    ),
    "holdout": (
        "| 索引号 | {index} | 发布机构 | {agency} |\n| 公开目录 | 行政处罚 | 发布日期 | {day} |",
        "信息来源：{agency}　发布日期：{day}　浏览次数：{reads}次",
        "索引号：{index}\n发文机关：{agency}\n成文日期：{day}",
        # the index table's 名称 is the page's headline, no party's name
        "索 引 号：{index}　发布机构：{agency}\n名　　称：【执法公示】{agency}行政处罚信息　文　　号：",
    ),
}
PAGE_TAILS: Bank[str] = {
    "default": ("【打印本页】【关闭窗口】", "打印本页　关闭窗口"),
    "holdout": ("扫一扫在手机打开当前页", "【我要纠错】　【打印】　【关闭】"),
}
ABOUT_TITLES: Bank[str] = {
    "default": ("关于{name}{act}的处罚决定书",),
    "holdout": ("关于对{name}{act}案的行政处罚决定书", "关于{name}{act}一案的处罚决定"),
}
# 某环罚〔2024〕12号 printed as the page lost its brackets and 号
BARE_NUMBERS: Bank[str] = {"default": ("{prefix}{year}-{n}", "{prefix}{year}{n}"), "holdout": ("{prefix}{year} {n}", "{prefix}{year}—{n}号")}
MASKED_SERIALS: Bank[str] = {"default": ("xxx", "XX"), "holdout": ("**", "***")}
# ...or the issuer's first letters masked instead, one number in ISSUER_MASKED_IN of those masked
MASKED_ISSUERS: Bank[str] = {"default": ("*",), "holdout": ("**",)}
ISSUER_MASKED_IN = 3
# a category in brackets after the serial, spaces inside the year's brackets and before 号
SUFFIXED_NUMBERS: Bank[str] = {"default": ("{prefix}〔{year}〕{n}({tag})号",), "holdout": ("{prefix}〔 {year}〕{n}({tag}) 号",)}
SERIAL_TAGS: Bank[str] = {"default": ("简", "一般"), "holdout": ("非", "普")}
# both year brackets printed and only 号 lost, the serial led by a dash of its own, filed with it; a
# form's issuer blank whose opening bracket the page lost leaves its closing one before the letters
P_NO_HAO = 0.02
NO_HAO_NUMBERS: Bank[str] = {
    "default": ("{prefix}〔{year}〕-{n}", "）{prefix}〔{year}〕-{n}"),
    "holdout": ("{prefix}〔 {year} 〕-{n}", ") {prefix}〔{year}〕-{n}"),
}
# a space typed between the issuer's letters and the penalty word (`某市监 处罚〔2025〕8号`)
P_SPACED_ISSUER = 0.02
ISSUER_GAPS: Bank[str] = {"default": (" ",), "holdout": ("　", "  ")}
_PENALTY_TAIL = re.compile(r"(?:处罚|罚)决?字?$")
# a year printed with no brackets, the 第 after it ending it (the eighth survey's 鹤山 forestry table):
# filed as printed
P_UNBRACKETED_YEAR = 0.02
UNBRACKETED_YEAR_NUMBERS: Bank[str] = {"default": ("{prefix}{year}第{n}号",), "holdout": ("{prefix}{year}第0{n}号",)}
# a county's one letter set apart by spaces before the rest of the number (the ninth survey's 醴陵
# forestry page: `决定书 醴 林罚决字〔2024〕第045号`): filed with the letter joined
P_LONE_ISSUER = 0.02
# the year's closing bracket lost, the serial run on after the year (the ninth survey's scans of
# customs titles: `某关知字(20250017号`): filed with both brackets
P_OPEN_ONLY = 0.01
OPEN_ONLY_NUMBERS: Bank[str] = {"default": ("{prefix}({year}{n}号",), "holdout": ("{prefix}〔{year}{n}号",)}

_PLAIN_NUMBER = re.compile(r"^(?P<prefix>[\u4e00-\u9fff]{2,12})[〔\[(（【［](?P<year>\d{4})[〕\])）】］](?P<n>\d{1,6})号$")


# 當(dāng) / 當（dāng）: the reading in half- or full-width brackets
READING_BRACKETS: Bank[str] = {"default": ("({})",), "holdout": ("（{}）",)}


class _MirrorReadings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    seen: int
    characters: dict[str, str]


class _PartiesSurvey(BaseModel):
    model_config = ConfigDict(extra="ignore")

    mirror_readings: _MirrorReadings


@lru_cache(maxsize=1)
def mirror_readings() -> dict[str, str]:
    """Traditional characters mirror sites were seen to print with their pinyin, and that pinyin
    (corpora/data/real_forms/parties.yaml)."""
    return load_model(DATA_DIR / "real_forms" / "parties.yaml", _PartiesSurvey).mirror_readings.characters


def _with_readings(text: str, bracket: str) -> str:
    readings = mirror_readings()
    return "".join(ch + bracket.format(readings[ch]) if ch in readings else ch for ch in text)


@dataclass(frozen=True)
class Published:
    blocks: list[Block]
    doc_number: str  # as the page's reader files it (a masked serial stays masked)


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _traditional(blocks: list[Block], reading: str | None) -> list[Block] | None:
    """The blocks in traditional characters, with the pinyin readings a mirror site adds when
    `reading` gives their brackets; None when one would not read back to the same simplified text
    (a character whose traditional form stands for two simplified ones)."""
    converter = _to_traditional()

    def convert(x: str) -> str:
        text = converter.convert(x)
        return _with_readings(text, reading) if reading else text

    out = []
    for b in blocks:
        text = convert(b.text)
        if normalize(text) != normalize(b.text):
            return None
        rows = [[convert(c) for c in row] for row in b.rows] if b.rows else b.rows
        out.append(b.model_copy(update={"text": text, "rows": rows}))
    return out


def _number(rng: random.Random, style: Style, printed: str) -> tuple[str, str]:
    """(as printed, as filed) for the decision's 文号."""
    m = _PLAIN_NUMBER.match(printed)
    if not m or "罚" not in m.group("prefix"):
        return printed, printed
    draw = rng.random()
    if draw < P_BARE_NUMBER:
        return pick(rng, BARE_NUMBERS, style).format(**m.groupdict()), printed
    if draw < P_BARE_NUMBER + P_MASKED_SERIAL:
        prefix = m.group("prefix")
        stars = MASKED_ISSUERS[style][0]
        # (chosen by the number's checksum, so the random stream is the one it was)
        if zlib.crc32(printed.encode()) % ISSUER_MASKED_IN == 0 and len(prefix) > len(stars) + 1:
            # the issuer's letters masked and the serial kept (`*税稽处〔2025〕107号`: the thirteenth survey)
            masked = f"{stars}{prefix[len(stars):]}〔{m.group('year')}〕{m.group('n')}号"
            return masked, masked
        masked = f"{prefix}〔{m.group('year')}〕{pick(rng, MASKED_SERIALS, style)}号"
        return masked, masked
    if draw < P_BARE_NUMBER + P_MASKED_SERIAL + P_SUFFIXED_SERIAL:
        tag = pick(rng, SERIAL_TAGS, style)
        shown = pick(rng, SUFFIXED_NUMBERS, style).format(tag=tag, **m.groupdict())
        return shown, f"{m.group('prefix')}〔{m.group('year')}〕{m.group('n')}({tag})号"
    draw -= P_BARE_NUMBER + P_MASKED_SERIAL + P_SUFFIXED_SERIAL
    if draw < P_NO_HAO:
        shown = pick(rng, NO_HAO_NUMBERS, style).format(**m.groupdict())
        return shown, f"{m.group('prefix')}〔{m.group('year')}〕-{m.group('n')}号"
    tail = _PENALTY_TAIL.search(m.group("prefix"))
    if draw < P_NO_HAO + P_SPACED_ISSUER and tail and tail.start() > 0:
        cut = tail.start()
        return printed[:cut] + pick(rng, ISSUER_GAPS, style) + printed[cut:], printed
    if P_NO_HAO + P_SPACED_ISSUER <= draw < P_NO_HAO + P_SPACED_ISSUER + P_UNBRACKETED_YEAR:
        shown = pick(rng, UNBRACKETED_YEAR_NUMBERS, style).format(**m.groupdict())
        return shown, shown
    draw -= P_NO_HAO + P_SPACED_ISSUER + P_UNBRACKETED_YEAR
    if 0 <= draw < P_LONE_ISSUER and len(m.group("prefix")) >= 3:
        return printed[0] + pick(rng, ISSUER_GAPS, style) + printed[1:], printed
    if P_LONE_ISSUER <= draw < P_LONE_ISSUER + P_OPEN_ONLY:
        return pick(rng, OPEN_ONLY_NUMBERS, style).format(**m.groupdict()), printed
    return printed, printed


def publish(
    rng: random.Random, style: Style, blocks: list[Block], *, agency: str, party: str, act: str, decided: date
) -> Published:
    """The decision's blocks as a web page prints them, and its 文号 as filed from that page."""
    out = list(blocks)
    filed = next((b.text for b in out if b.kind == "doc_number"), "")
    for i, b in enumerate(out):
        if b.kind == "doc_number":
            shown, filed = _number(rng, style, b.text)
            out[i] = b.model_copy(update={"text": shown})
    if rng.random() < P_ABOUT_TITLE and act:
        about = pick(rng, ABOUT_TITLES, style).format(name=party, act=act)
        for i, b in enumerate(out):
            if b.kind == "title":
                # a combined header keeps the agency's name before the title
                head = agency if b.text.startswith(agency) else ""
                out[i] = b.model_copy(update={"text": head + about})
                break
    number_now = next((b.text for b in out if b.kind == "doc_number"), "")
    if rng.random() < P_TITLE_WITH_DI and number_now == filed and _NO_DI.search(filed) and "第" not in filed:
        number = _NO_DI.sub("〕第", filed, count=1)
        tail = _PENALTY_TAIL.search(filed.split("〔", 1)[0])
        if tail and tail.start() > 0 and rng.random() < P_TITLE_LETTERS:
            number = filed[: tail.start()] + pick(rng, TITLE_LETTERS, style) + number[len(filed.split("〔", 1)[0]) :]
        titled = pick(rng, TITLES_WITH_DI, style).format(agency=agency, number=number)
        out = [Block(kind="header", text=titled, align="left"), *out]
    if rng.random() < P_FURNITURE:
        day = date.fromordinal(decided.toordinal() + rng.randint(1, 20)).isoformat()
        furniture = pick(rng, FURNITURE, style).format(
            day=day, agency=agency, reads=rng.randint(12, 4800), minute=f"{rng.randint(0, 59):02d}",
            index=f"{rng.randint(10**8, 10**9 - 1)}/{decided.year}-{rng.randint(1, 999):05d}",
        )
        out = [Block(kind="header", text=furniture, align="left"), *out, Block(kind="footer", text=pick(rng, PAGE_TAILS, style))]
    if rng.random() < P_TRADITIONAL:
        reading = pick(rng, READING_BRACKETS, style) if rng.random() < P_READINGS else None
        out = _traditional(out, reading) or out
    return Published(out, filed)


P_UNLABELLED_PARTY = 0.08
# No 当事人 block: the party is named only in a title line above the document's kind, only in the
# finding's first sentence, only in a news lead above the decision (`某某局对某某公司作出行政处罚`,
# `某某公司因…被某某局罚款7万元`), or only in a 信息公开 table's row that also holds the 文号
# (organisations only: a person's name alone does not say who it is).
# (a news list's case heading: its number and the agency that 查处 the case, `案例1.某某局查处…案`)
# (a page telling one case heads it with no number, `案例：某某餐吧未经批准…案`)
PARTY_TITLES: Bank[str] = {
    "default": ("{name}{act}案", "案名：{name}{act}案", "案例一：{agency}查处{name}{act}案", "案例：{name}{act}案"),
    "holdout": ("案件名称：{name}{act}案", "案 名：{name}{act}案", "案例3.{agency}查处{name}{act}案", "案件:{name}{act}案"),
}
# (a news page's bracketed part label before the name, `【事件】某某公司在…`; a clause that describes
# the name before it, `对群众举报的某某公司进行检查`)
PARTY_FINDINGS: Bank[str] = {
    "default": (
        "经查，当事人{name}存在{act}的行为。", "执法人员依法对位于**路{no}号的{name}进行检查，发现其存在{act}的行为。",
        "【事件】{name}在经营中存在{act}的行为。", "执法人员对举报线索指向的{name}开展检查，发现其存在{act}的行为。",
        # the name in quotes; the registered name a page gives beside the trading one
        "执法人员对“{name}”经营情况进行检查，发现其存在{act}的行为。",
        "涉事门店被群众举报，经查当事人营业执照名称为“{name}”，存在{act}的行为。",
        # the business running the project inspected (the ninth survey's 水务 record)
        "执法人员依法对{name}负责施工的某某道路改扩建工程项目进行执法检查，发现其存在{act}的行为。",
        # the fifteenth survey's news cases: the first sentence led by its date, the inspection without 进行,
        # what the staff found after a comma
        "{year} 年 3 月，{name}在未经许可的情况下存在{act}的行为。",
        "监督员在对{name}监督检查时发现，当事人存在{act}的行为。",
        "工作人员在核查时发现，{name}已存在{act}的问题。",
    ),
    "holdout": (
        "{year}年以来，{name}在经营中存在{act}的违法行为。",
        "{year}年，我局对位于XX街道XX路{no}号的{name}开展检查，发现该单位存在{act}的问题。",
        "【案情】{name}于{year}年起在经营中存在{act}的违法行为。", "执法人员对群众反映的{name}进行检查，发现该单位存在{act}的违法行为。",
        "执法人员随即对“{name}”举报情况进行核实，查明其{act}。",
        "经核实，该店工商登记名称为“{name}”，其{act}的行为属实。",
        "我局执法人员对{name}承建的XX片区综合整治工程建设项目开展执法检查，发现该单位存在{act}的违法行为。",
        "今年6月，{name}在未办理相关手续的情况下，存在{act}的问题。",
        "执法人员对{name}日常检查时发现其存在{act}的问题。",
        "执法人员巡查时发现：{name}已超出许可范围经营，存在{act}的问题。",
    ),
}
# a title line the page broke inside its act, before the 案 (`某某公司未取得公共场所` / `卫生许可证…案`)
P_WRAPPED_TITLE = 0.3
# a disclosure record printed one cell a line between border lines, the party's field after the facts
# (its labels: 文号, facts, party)
RECORD_LABELS: Bank[tuple[str, str, str]] = {
    "default": (("行政处罚决定书文号：", "违法事实：", "行政相对人名称："),),
    "holdout": (("处罚决定书文号:", "主要违法事实:", "行政处罚相对人名称:"),),
}
RECORD_FACTS: Bank[str] = {"default": ("经查，当事人存在{act}的违法行为。",), "holdout": ("经查实，当事人有{act}的行为。",)}
# {fine} is the decided fine as news write it (7万元), or the lead leaves it out
# (a lead may describe the party before its name, `辖区企业某某公司`, or refer back to it, `该单位`)
NEWS_LEADS: Bank[str] = {
    "default": (
        "据信用中国网站消息，近日，{agency}对{name}作出行政处罚。", "{agency}依法对{name}{act}的行为作出罚款{fine}的行政处罚。",
        "近日，{agency}对辖区企业{name}依法作出行政处罚决定。",
        "据报道，{name}因{act}被{agency}查处。针对该单位上述行为，{agency}依法作出行政处罚决定。",
        # the penalty sentence naming it, a code in brackets after the name, a short name introduced for
        # it ({brief}), a news list's heading naming it alone on its line
        "{agency}决定对{name}处{fine}罚款，涉事地点位于老旧居民住宅区。",
        "据公示信息，{name}（统一社会信用代码：{code}）因{act}被{agency}查处。",
        "{agency}向{name}（简称“{brief}”）送达行政处罚决定书。此前执法人员对{brief}进行了现场检查。",
        "通报如下：\n一、{name}\n违法行为：存在{act}的问题。",
        # the agency handing the decision to the party (`某支队向某某作出《行政处罚决定书》`)
        "{agency}向{name}作出《行政处罚决定书》，给予罚款{fine}的行政处罚。",
        # the confiscation in the lead's one sentence, no decision section around it
        "{agency}对{name}作出警告、没收违法所得{confiscated}、罚款{fine}的行政处罚。",
        # a headline the agency speaks, the party only in what the inspectors found
        "{agency}发布典型案例\n执法人员检查时发现{name}组织{act}的活动。",
        # the eleventh survey's: 给予 before the name in the penalty sentence, the full name printed once
        # and then the business by its bare kind ({kind}), a list's numeral before the agency that 查处
        "{agency}现决定给予{name}处罚款{fine}的行政处罚。",
        "{name}受他人委托从事经营活动。经查，{agency}对{kind}作出罚款{fine}的处罚。",
        "一、{agency}查处{name}{act}案\n{agency}依法作出行政处罚决定。",
        # (the ninth survey's 水利 news: 并处以 right before the sum, the income confiscated with no figure)
        "{agency}依法对{name}作出没收相关违法所得并处以{fine}的行政处罚。",
        # (the twelfth survey's 安监 news: the fine called an 经济处罚)
        "{agency}对{name}给予罚款{fine}的经济处罚决定。",
        # the twelfth survey's: a short name with no business ending ({short}), the fine given to it
        "{name}（简称“{short}”）发布公告称，{short}收到《行政处罚决定书》。{agency}决定给予{short}人民币{fine}罚款。",
        # a news lead that says whom the decision penalised, its first line the agency's report; and the
        # finding's comma after 发现
        "{agency}近日通报一起违法案件，被处罚的企业为{name}，该企业存在{act}的问题。",
        "执法人员在检查中发现，{name}存在{act}的行为，{agency}依法对其罚款{fine}。",
        # the lead opening with the decision the business received; what a record shows of it
        "{name}近日收到{agency}送达的《行政处罚决定书》，被罚款{fine}。",
        "行政处罚信息显示，{name}存在{act}的违法行为，被处罚款{fine}。",
        # a listed company's notice that its subsidiary received the decision, the parent named first
        "关于子公司收到《行政处罚决定书》的公告\n本公司于近日收到子公司{name}（以下简称“{brief}”）关于收到{agency}下发的《行政处罚决定书》的报告。",
        # (the fourteenth survey's 应急 news: the penalty quoted between its verb and its 处罚)
        "{agency}依法对{name}作出“责令限期改正，处{fine}罚款”的行政处罚。",
        # (the fourteenth survey's 复议 decisions over a penalty: the party is the one who appeals it)
        "行政复议决定书\n申请人：{name}。\n被申请人：{agency}。\n申请人不服被申请人作出的行政处罚决定，申请行政复议。",
        # the fifteenth survey's: a 通报's case heading under its number on the line above, a tax story's
        # 涉案企业, a short name printed without quotes then fined after its 违法违规行为, the ticket the
        # business received, the business after 被处罚的, a fine named for its field, a ticket for the fine
        "通报如下：\n案例一\n{name}{act}案\n执法人员对该单位检查时发现其存在违法行为。",
        "涉案企业{name}在经营中存在{act}的问题，{agency}依法对其作出罚款{fine}的处理决定。",
        "因{name}（以下简称{short}）存在{act}的问题，{agency}对{short}违法违规行为进行了调查处理，依法给予警告、罚款{fine}的行政处罚。",
        "近日，{name}收到了{agency}的罚单，被罚款{fine}。",
        "据通报，被处罚的{name}存在{act}的问题，{agency}依法处罚款{fine}。",
        "{agency}依法对{name}处以{fine}的林业行政罚款。",
        "{agency}对{name}开出{fine}“罚单”。",
        # the thirteenth survey's: the case the agency 查处, a decision reprinted under its 关于 heading, a
        # court's judgment on the penalty (its plaintiff), a list of cases numbered, an agent 当事人委托
        "{agency}依法查处{name}{act}案件。",
        "关于{name}违反海关监管规定行政处罚决定书\n{agency}依法作出行政处罚决定。",
        "原告{name}，住所地某市，不服{agency}作出的行政处罚决定，提起行政诉讼。",
        "1、{name}{act}案。{agency}依法作出行政处罚决定。",
        "{agency}对{name}作出行政处罚决定。经查，当事人委托某某报关有限公司向海关申报进口货物一批。",
    ),
    "holdout": (
        "近日，{name}因{act}，被{agency}罚款{fine}。", "日前，{name}因{act}被{agency}依法查处。",
        "日前，{agency}对区内企业{name}依法作出行政处罚决定，罚款{fine}。",
        "{name}因{act}，被{agency}依法处理。对该企业上述行为，{agency}已依法作出处罚。",
        "经调查，{agency}依法对当事人{name}作出罚款{fine}的处罚。",
        "通报显示，{name}（社会信用代码：{code}）存在{act}的问题。",
        "{agency}对{name}（下称“{brief}”）立案调查，并对{brief}实施了现场检查。",
        "现将查处情况通报如下：\n（一）{name}2项违法案例\n违法行为：{act}。",
        "{agency}日前向{name}下达了《行政处罚决定书》。",
        "据通报，{agency}已责令{name}改正，没收其违法所得{confiscated}，并处罚款{fine}。",
        "{agency}公布一批指导案例\n经查，执法人员发现{name}招徕旅游者并{act}。",
        "{agency}对{name}给予人民币{fine}的处罚。",
        "{name}近日被群众举报。{agency}经查实，对{kind}给予警告并处罚款{fine}。",
        "二、{agency}查处{name}{act}案\n该案已办结。",
        # a headline's 被罚 with no 款
        "{name}因{act}被罚{fine}",
        # (the twelfth survey's mirror headline: the fine in square brackets, 万 with no 元)
        "{name}因{act}被查处【罚款{headline}】",
        # the decision's content quoted, and a line the page broke after 的
        "{agency}对{name}作出《行政处罚决定书》，处罚内容为“责令改正违法行为；罚款{fine}。”",
        "{agency}依法对{name}作出罚款{fine}的\n行政处罚决定。",
        # the penalty sentence wrapped inside its words, as a scan's line ends fall
        "{agency}决定对{name}作出如\n下行政处罚：罚款{fine}。",
        "据企业信息平台显示，{name}（以下简称“{short}”）新增一则行政处罚。{short}因{act}，被{agency}罚款{fine}。",
        "{agency}日前通报典型案例\n处罚对象是{name}，违法事实为{act}。",
        "{agency}在检查中发现：{name}存在{act}的问题，依法给予警告。",
        "涉事企业为{name}，该企业存在{act}的问题，{agency}依法对其罚款{fine}。",
        "{agency}公布了对{name}的行政处罚决定，罚款{fine}。",
        "{agency}对{name}{act}一案立案调查，并依法作出罚款{fine}的行政处罚。",
        # (the fourteenth survey's: the penalty quoted after the verb that gives it; a court's judgment over
        # the penalty, the party its plaintiff)
        "{agency}对{name}依法给予“警告，并处罚款{fine}”的行政处罚。",
        "行 政 判 决 书\n原告{name}，住所地某某市某某路。\n被告{agency}，住所地某某市某某大道。\n原告不服被告作出的行政处罚，提起行政诉讼。",
        "现通报如下：\n（二）{name}{act}案\n该案已依法办结。",
        "涉事企业{name}通过隐匿收入等方式{act}，{agency}依法对其作出罚款{fine}的处理决定。",
        "{name}（下称{short}）存在{act}的问题，{agency}对{short}违法违规行为依法处理，给予罚款{fine}的处罚。",
        "{name}日前收到{agency}开出的罚单，罚款{fine}。",
        "通报显示，被处罚单位为{name}，其存在{act}的问题。",
        "{agency}依法对{name}处以{fine}的水行政罚款。",
        # a headline's fine of 万 with no 元, a space and the headline's next words after it
        "{name}因{act}被罚{headline} 违规经营受处罚",
        # the thirteenth survey's: a short name after the case's business, a gang of firms, a 涉证 heading,
        # an appellant, a case list under a numeral, the fine named by the forestry field, an agent
        "{agency}联合公安部门依法查处{name}（以下简称“{brief}”）{act}案件。",
        "{agency}依法查处{name}等5户企业{act}团伙案件。",
        "近日，{agency}发布关于{name}涉证行政处罚决定书。",
        "上诉人（原审原告）{name}，住所地某市。",
        "一、{name}{act}案。该案已办结。",
        "经审理，{agency}决定对{name}处以{fine}的林政行政罚款。",
        "经查，当事人委托某某货运代理有限公司以一般贸易方式申报出口货物一批。{agency}决定对{name}给予警告，并处人民币{fine}罚款。",
    ),
}
# a person named only in a news or inspection summary, by what they are (`居民某某`, `个体经营户某某`)
# (the name run into what the person did: `对某某的环境违法行为进行了查处`)
# (the penalty sentence saying what the person is, the sum right after the name: `对导游某某罚款…`)
PERSON_FINDINGS: Bank[str] = {
    "default": (
        "经现场检查，系居民{name}在经营中{act}所致。", "据通报，涉事村民{name}未经许可，存在{act}的行为。",
        "县执法部门依法对{name}的环境违法行为进行了查处。", "处罚结果：对导游{name}罚款{fine}，并责令改正。",
        # (the ninth survey's 林业 and customs news: the masked name, then where or how the act was done)
        "经调查，当事人{name}在未经许可的情况下{act}。",
        # (the fifteenth survey's 林业 news: the person dealt with, the penalty told after)
        "县林业局以{act}案对{name}予以查处，并处罚款{fine}。",
    ),
    "holdout": (
        "涉事人员为个体经营户{name}，因{act}被依法查处。", "经查，网络主播{name}（网名“{name}”）因{act}被依法处理。",
        "执法人员随即对{name}的上述违法行为开展调查。", "执法部门依法对领队{name}罚款{fine}。",
        "据悉，当事人{name}驾驶车辆途经检查站时被查获，经查其存在{act}的行为。",
        "执法部门对{name}予以立案查处，处罚款{fine}。",
    ),
}
_MASKED_NAME = re.compile(r"[某*＊×xX]")
# the decision's number cited after its title in a notice or news lead that names the party, no
# header printing it ({number} as the page printed it)
NOTICE_LEADS: Bank[str] = {
    "default": (
        "{agency}对{name}下达了《行政处罚决定书》（{number}），对其{act}的行为作出处罚。",
        # (the eleventh survey's 消防 news: `并下发了…号《当场处罚决定书》`)
        "{agency}对{name}{act}的行为作出处罚决定，并下发了{number}《行政处罚决定书》。",
    ),
    "holdout": ("近日，{name}因{act}被{agency}处罚，{agency}送达了《行政处罚决定书》（{number}）。",),
}
# a 信息公开 table: its header, and the row's cells in the header's order ({wan}: the fine in 万元, as
# 信用中国 tables state it)
DISCLOSURE_TABLES: Bank[tuple[str, str]] = {
    "default": (
        ("序号 | 行政处罚决定书文号 | 案件名称 | 违法企业名称或违法自然人姓名 | 处罚类别 |", "1 | {number} | {name}{act}案 | {name} | 罚款 |"),
        # a record's row of two fields, the 文号 in the cell after its label's
        ("决定书名称 | 行政处罚决定书 | 决定书文号 | {number} |", "行政相对人名称 | {name} | 处罚类别 | 罚款 |"),
        # a 公示 table a page printed one cell a line, the header's cells and then the row's
        ("序号\n处罚决定书文号\n行政相对人名称\n违法事实", "1\n{number}\n{name}\n{act}"),
    ),
    "holdout": (
        (
            "行政相对人名称 | 行政处罚决定书文号 | 违法行为类型 | 罚款金额（万元） | 处罚机关 |",
            "{name} | {number} | {act} | {wan} | {agency} |",
        ),
        ("序号 | 文号 | 当事人名称 | 违法事实 |", "1 | {number} | {name} | {act} |"),
        # key | value rows, a 万元 key cell keeping its colon
        ("行政相对人名称 | {name} |", "行政处罚决定书文号 | {number} |"),
        ("行政相对人名称 | {name} | 决定书文号 | {number} |", "罚款金额(万元): | {wan} |"),
        # a 海事 公示表: header cells printed over two lines (their words run apart), the 文号 without its 号
        ("序号 | 行政处罚 决定书文号 | 案件名称 | 被处罚人 姓名或名称 |", "1 | {bare} | {name}{act}案 | {name} |"),
        ("行政处罚决定书文号\n行政相对人名称\n违法行为类型\n处罚机关", "{number}\n{name}\n{act}\n{agency}"),
    ),
}
# a listed company's announcement, by its short name and stock code: {short} {code}, {fine} as above
LISTED_LEADS: Bank[str] = {
    "default": ("{short}（{code}）发布公告称，公司收到{agency}出具的《行政处罚决定书》，被处罚款{fine}。",
                "{short}（{code}）发布公告称，公司于近日收到{agency}出具的《行政处罚决定书》。"),
    "holdout": ("{short}（股票代码：{code}）披露，公司近日收到{agency}送达的《行政处罚决定书》，被罚款{fine}。",
                "{short}（股票代码：{code}）晚间公告，公司收到{agency}的《行政处罚决定书》。"),
}
# where the name goes instead: each form has each style's own wording above
UNLABELLED_FORMS = ("title", "finding", "news", "table", "listed", "notice", "record")


@dataclass(frozen=True)
class Unlabelled:
    blocks: list[Block]
    form: str | None  # title | finding | news | table | listed | notice | record | person, or None when the party block stays
    name: str = ""  # the party's name as printed (a listed company's short name)


_LATIN_INITIAL = re.compile(r"[A-Z]")


def unlabelled_party(
    rng: random.Random, style: Style, blocks: list[Block], *, name: str, act: str, year: int, agency: str,
    fine: float | None, short: str | None = None, fine_total: float = 0.0, person: bool = False,
    confiscated: float | None = None,
) -> Unlabelled:
    """Blocks without the party block, the name moved to a title line, the finding, a news lead, a
    listed company's announcement under its `short` name, or a disclosure table's row (which takes
    the 文号 line's place too). `act` names the case as the rest of the decision does, so the title
    and the 案由 agree."""
    if rng.random() >= P_UNLABELLED_PARTY or not act or not any(b.kind == "parties" for b in blocks):
        return Unlabelled(blocks, None)
    out = [b for b in blocks if b.kind != "parties"]
    at = next((i for i, b in enumerate(out) if b.kind == "doc_number"), 0) + 1
    if person:
        # a person's name is told by what the summary calls them; the other forms name businesses
        # (`当事人某某在…` is read after a masked name only: a bare one runs into the verb after it)
        forms = [
            x for x in PERSON_FINDINGS[style]
            # (`对某某予以查处` is read after a masked name only, like `当事人某某在…`)
            if (fine or "{fine}" not in x)
            and (("当事人{name}" not in x and "予以" not in x) or _MASKED_NAME.search(name))
        ]
        finding = rng.choice(forms).format(name=name, act=act, fine=write_amount(fine or 0, "plain"))
        out.insert(at, Block(kind="paragraph", text=_as_page(out, finding)))
        return Unlabelled(out, "person", name)
    if _LATIN_INITIAL.search(name):
        # a firm masked with a Latin initial (`福建L贸易有限公司`) is printed by decisions, under a label or
        # as the addressee, never by the news and tables these forms copy
        return Unlabelled(blocks, None)
    form = rng.choice(UNLABELLED_FORMS)
    if form == "notice":
        number = next((b.text for b in out if b.kind == "doc_number"), "")
        if not _BRACKETED_NUMBER.search(number):
            return Unlabelled(blocks, None)
        lead = pick(rng, NOTICE_LEADS, style).format(agency=agency, name=name, act=act, number=number)
        out = [b for b in out if b.kind != "doc_number"]
        out.insert(0, Block(kind="paragraph", text=_as_page(out, lead)))
        return Unlabelled(out, form, name)
    if form == "listed":
        if not short:
            return Unlabelled(blocks, None)
        leads = [x for x in LISTED_LEADS[style] if fine or "{fine}" not in x]
        code = f"{rng.choice(('00', '30', '60', '68'))}{rng.randint(0, 9999):04d}"
        lead = rng.choice(leads).format(short=short, code=code, agency=agency, fine=write_amount(fine or 0, "wan"))
        out.insert(0, Block(kind="paragraph", text=_as_page(out, lead)))
        return Unlabelled(out, form, short)
    if form == "title":
        title_at = next((i for i, b in enumerate(out) if b.kind == "title"), 0)
        title = pick(rng, PARTY_TITLES, style).format(name=name, act=act, agency=agency)
        act_at = title.rfind(act)
        if rng.random() < P_WRAPPED_TITLE and len(act) >= 6 and act_at > 0:
            cut = act_at + rng.randint(2, len(act) - 2)
            title = title[:cut] + "\n" + title[cut:]
        out.insert(title_at, Block(kind="title", text=title, align="center"))
    elif form == "finding":
        finding = pick(rng, PARTY_FINDINGS, style).format(name=name, act=act, year=year, no=rng.randint(1, 999))
        out.insert(at, Block(kind="paragraph", text=finding))
    elif form == "record":
        number = next((b.text for b in out if b.kind == "doc_number"), "")
        if not _BRACKETED_NUMBER.search(number):
            return Unlabelled(blocks, None)
        number_label, facts_label, party_label = pick(rng, RECORD_LABELS, style)
        facts = pick(rng, RECORD_FACTS, style).format(act=act)
        lines = [number_label, "|", number, "|", facts_label, "|", facts, "|", party_label, "|", name, "|"]
        out = [b for b in out if b.kind != "doc_number"]
        out[at - 1 : at - 1] = [Block(kind="paragraph", text=_as_page(out, x)) for x in lines]
    elif form == "news":
        brief = _brief_name(name)
        kind = _bare_kind(name)
        # (the short name with no business ending a listed company's notice uses: `某某` of `某某科技有限公司`)
        short = brief.removesuffix("公司")
        wan = write_amount(fine or 0, "wan")
        # a headline drops the 元 only after a sum of 万 (`罚款8万`)
        headline = wan.removesuffix("元") if fine and re.fullmatch(r"\d+(?:\.\d+)?万元", wan) else ""
        leads = [
            x for x in NEWS_LEADS[style]
            if (fine or "{fine}" not in x) and (brief or "{brief}" not in x) and (confiscated or "{confiscated}" not in x)
            and (kind or "{kind}" not in x) and (short or "{short}" not in x) and (headline or "{headline}" not in x)
        ]
        lead = rng.choice(leads).format(
            agency=agency, name=name, act=act, fine=wan, brief=brief, kind=kind, short=short, headline=headline,
            code=make_credit_code(rng, "110000", "organisation"), confiscated=write_amount(confiscated or 0, "plain"),
        )
        out.insert(0, Block(kind="paragraph", text=_as_page(out, lead)))
    else:
        number = next((b.text for b in out if b.kind == "doc_number"), "")
        if not _BRACKETED_NUMBER.search(number):
            # a number the page printed bare is read only on a line of its own, never in a cell
            return Unlabelled(blocks, None)
        header, row = rng.choice(DISCLOSURE_TABLES[style])
        header = header.format(number=number, name=name)
        cells = row.format(
            number=number, name=name, act=act, agency=agency, wan=write_number(fine_total / 10000, places=4),
            bare=number.removesuffix("号"),
        )
        table = [Block(kind="paragraph", text=_as_page(out, header)), Block(kind="paragraph", text=_as_page(out, cells))]
        out = [b for b in out if b.kind != "doc_number"]
        out[at - 1 : at - 1] = table
    return Unlabelled(out, form, name)


def _brief_name(name: str) -> str:
    """The short name a news page introduces for a company (`某某重型机械有限公司` as `某某重型公司`), or ''."""
    if not name.endswith("公司") or len(name) < 8:
        return ""
    return name[:4] + "公司"


# the kinds of business a news page calls one by after printing its full name once
_BARE_KINDS = ("广告公司", "加工厂", "便利店", "经营部", "门市部", "服务部", "养殖场", "合作社", "商店", "药店")


def _bare_kind(name: str) -> str:
    """The business's kind a news page calls it by after its full name (`某某县某某加工厂` as `加工厂`),
    or '' for a name of no such kind."""
    kind = next((k for k in _BARE_KINDS if name.endswith(k)), "")
    return kind if len(name) >= len(kind) + 3 else ""


_BRACKETED_NUMBER = re.compile(r"[〔\[(（【［]\s*\d{4}\s*[〕\])）】］].*号$")
_TRADITIONAL_MARKS = re.compile(r"[處罰當書號關]")


def _as_page(blocks: list[Block], text: str) -> str:
    """`text` in the page's characters: traditional where a mirror site converted the page."""
    if any(_TRADITIONAL_MARKS.search(b.text) for b in blocks):
        return _to_traditional().convert(text)
    return text


# Two parties penalised together, named under one label with nothing else printed of them: joined by
# 、, by 和 or 与, or each followed by details in brackets ({da}, {db}: a person's sex and birth year).
P_SUMMARY_LEAD = 0.05
# A tax case summed in a news line: tax, late fee and fine in one figure, which is no fine ({sum})
TAX_SUM_LEADS: Bank[str] = {
    "default": ("据悉，{agency}依法对{name}追缴税款、加收滞纳金并处罚款共计{sum}。",),
    "holdout": ("经查实，{agency}对{name}追缴税费款、加收滞纳金并处以罚款，合计{sum}。",),
}
# a page's tally over the cases it counts, this one among them: no fine ({n} cases, {tally} in 万元)
TALLY_LEADS: Bank[str] = {
    "default": ("今年以来，{agency}共办理行政处罚案件{n}件，罚款{tally}。",),
    "holdout": ("据统计，{agency}全年查处违法案件{n}起，罚款{tally}，现选取典型案例予以公布。",),
}
P_TALLY = 0.3
# the fine as a disclosure's field in 万元 ({wan}) or in 元 ({yuan}), the unit in the field's name,
# fields run together or spaced
WAN_FIELD_LEADS: Bank[str] = {
    "default": ("处罚类别：罚款罚款金额(万元)：{wan}暂扣或吊销证照名称及编号：", "处罚类别：罚款　罚款金额（元）：{yuan}"),
    "holdout": ("罚款金额（万元）：{wan}　处罚类别：罚款　处罚机关：{agency}", "处罚金额(元):{yuan}　处罚机关：{agency}"),
}


def summary_lead(
    rng: random.Random, style: Style, blocks: list[Block], *, name: str, agency: str, tax_sum: float, fine: float
) -> list[Block]:
    """The blocks with, now and then, a line above them that restates the case's money: a tax case's
    sum of tax, late fee and fine (`tax_sum`, 0 for none), a tally over all the cases the agency
    counted, or the fine in 万元 as a disclosure field."""
    if rng.random() >= P_SUMMARY_LEAD or fine <= 0:
        return blocks
    if tax_sum > 0 and rng.random() < 0.5:
        line = pick(rng, TAX_SUM_LEADS, style).format(agency=agency, name=name, sum=write_amount(tax_sum, "plain"))
    elif rng.random() < P_TALLY:
        tally = write_amount(round(fine * rng.randint(30, 400), -2), "wan")
        line = pick(rng, TALLY_LEADS, style).format(agency=agency, n=rng.randint(20, 900), tally=tally)
    else:
        line = pick(rng, WAN_FIELD_LEADS, style).format(
            agency=agency, wan=write_number(fine / 10000, places=6), yuan=write_number(fine, places=2)
        )
    return [Block(kind="paragraph", text=_as_page(blocks, line)), *blocks]


P_EARLIER_DECISION = 0.03
# A decision that recounts an earlier one for the same conduct, by its number, and the fine that one
# imposed and the party paid ({other}, {amount}): that fine is no fine of this decision.
EARLIER_DECISIONS: Bank[str] = {
    "default": ("经查，该单位曾因同类行为受到处罚：{agency}送达《行政处罚决定书》（{other}），作出罚款{amount}的行政处罚，该单位已缴纳{amount}罚款。",),
    "holdout": ("此前，{agency}曾以《行政处罚决定书》（{other}）对其作出罚款{amount}的处罚，当事人已履行{amount}罚款。",),
}
_SERIAL = re.compile(r"(\d+)(号)$")


def earlier_decision(rng: random.Random, style: Style, blocks: list[Block], *, agency: str, fine: float) -> list[Block]:
    """The blocks with, now and then, a sentence after the party block that recounts an earlier
    decision's number and paid fine (a number like the decision's own, its serial changed)."""
    if rng.random() >= P_EARLIER_DECISION or fine <= 0:
        return blocks
    number = next((b.text for b in blocks if b.kind == "doc_number"), "")
    at = max((i for i, b in enumerate(blocks) if b.kind == "parties"), default=None)
    serial = _SERIAL.search(number)
    if at is None or not serial or not _BRACKETED_NUMBER.search(number):
        return blocks
    other = number[: serial.start()] + str(int(serial.group(1)) + rng.randint(1, 40)) + "号"
    earlier = max(1000.0, round(fine / 2000) * 1000)
    if earlier == fine:
        earlier += 1000
    line = pick(rng, EARLIER_DECISIONS, style).format(agency=agency, other=other, amount=write_amount(earlier, "plain"))
    return [*blocks[: at + 1], Block(kind="paragraph", text=_as_page(blocks, line)), *blocks[at + 1 :]]


# Two people may be parted by a space alone (`当事人：王某某 蔡某某`); businesses never are.
CO_PARTY_LINES: Bank[str] = {
    "default": ("当事人：{a}、{b}", "当事人姓名或者单位名称：{a}、{b}", "当事人：{a} {b}"),
    "holdout": ("被处罚人：{a}和{b}", "当事人：{a}与{b}", "当事人：{a}（{da}）、{b}（{db}）", "被处罚人：{a}　{b}"),
}
_SPACED = re.compile(r"\{a\}[ 　]\{b\}")


P_PER_PERSON_FINE = 0.5
# Two people fined alike: the fine each pays, then their total, which is no party's fine ({amount},
# {total}); the fine item is printed this way instead.
PER_PERSON_FINES: Bank[str] = {
    "default": ("对二人每人处罚款{amount}，合计{total}",),
    "holdout": ("对上述当事人每人各罚款{amount}，共计{total}",),
}


def per_person_fine(rng: random.Random, style: Style, blocks: list[Block], printed: str, yuan: float) -> list[Block]:
    """The blocks with the fine item `printed` restated as the fine each of two people pays, and
    their total."""
    if rng.random() >= P_PER_PERSON_FINE or not any(printed in b.text for b in blocks):
        return blocks
    line = pick(rng, PER_PERSON_FINES, style).format(amount=write_amount(yuan, "plain"), total=write_amount(yuan * 2, "plain"))
    return [b.model_copy(update={"text": b.text.replace(printed, line, 1)}) if printed in b.text else b for b in blocks]


def _details(p: Party) -> str:
    return f"{p.gender}，{p.birth_year}年生" if p.gender and p.birth_year else ""


def co_party_blocks(rng: random.Random, style: Style, blocks: list[Block], a: Party, b: Party) -> list[Block]:
    """The blocks with the party block replaced by one line naming both parties."""
    people = a.kind == b.kind == "individual"
    lines = [
        x for x in CO_PARTY_LINES[style]
        if ("{da}" not in x or (_details(a) and _details(b))) and (people or not _SPACED.search(x))
    ]
    line = rng.choice(lines).format(a=a.name, b=b.name, da=_details(a), db=_details(b))
    at = next(i for i, x in enumerate(blocks) if x.kind == "parties")
    rest = [x for x in blocks if x.kind != "parties"]
    return [*rest[:at], Block(kind="parties", text=_as_page(rest, line)), *rest[at:]]
