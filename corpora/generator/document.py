"""Assembling one decision: header, 文号, parties, the body sections in some order, signature.

Sections are built as named groups of blocks, then ordered by a layout drawn from the style's
bank, sometimes merged into one paragraph, sometimes headed, and sometimes left out on purpose
(recorded in `missing_elements` with the names of 行政处罚法 第五十九条).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date

import cn2an

from lianfa.corpora.elements import AUTHORITY as SIGNATURE_ELEMENT
from lianfa.corpora.elements import FACTS as FACTS_ELEMENT
from lianfa.corpora.elements import PARTY as PARTY_ELEMENT
from lianfa.corpora.elements import PERFORMANCE as PAYMENT_ELEMENT
from lianfa.corpora.elements import REMEDY as REMEDY_ELEMENT
from lianfa.corpora.generator import phrasing as ph
from lianfa.corpora.generator.agency import Agency, related_number
from lianfa.corpora.generator.categories.base import PenaltyItem, Story
from lianfa.corpora.generator.dates import SIGNATURE_DATE_FORMATS, BodyDates, write_date
from lianfa.corpora.generator.numbers import AmountWriter, write_amount
from lianfa.corpora.generator.parties import Party
from lianfa.corpora.generator.party_block import party_blocks
from lianfa.corpora.generator.penalties import number_item
from lianfa.corpora.generator.style import Bank, Style, pick
from lianfa.corpora.gold import Block

# Body orders. Names: opening, police, facts, evidence, hearing, reasoning, decision, payment, remedy.
ORDERS: Bank[tuple[str, ...]] = {
    "default": (
        ("opening", "police", "facts", "evidence", "reasoning", "hearing", "decision", "payment", "remedy"),
        ("opening", "facts", "police", "evidence", "hearing", "reasoning", "decision", "remedy", "payment"),
        ("opening", "facts", "evidence", "hearing", "police", "reasoning", "decision", "payment", "remedy"),
    ),
    "holdout": (
        ("opening", "evidence", "facts", "police", "hearing", "reasoning", "decision", "remedy", "payment"),
        ("police", "opening", "facts", "reasoning", "evidence", "hearing", "decision", "payment", "remedy"),
        ("opening", "hearing", "police", "facts", "evidence", "reasoning", "decision", "remedy", "payment"),
    ),
}
CAUSE_LINES: Bank[str] = {
    "default": ("案由：{cause_short}", "案由：涉嫌{cause_short}案"),
    "holdout": ("违法行为：{cause_short}", "案件名称：{cause_short}一案"),
}
HEADER_LAYOUTS: Bank[str] = {"default": ("separate", "separate", "separate_spaced"), "holdout": ("combined", "combined_left")}
NUMBER_ALIGN: Bank[str] = {"default": ("right", "right", "center"), "holdout": ("left",)}
EVIDENCE_LAYOUTS: Bank[str] = {"default": ("inline", "lines", "inline"), "holdout": ("lines_joined_intro", "inline_semicolon")}
DECISION_LAYOUTS: Bank[str] = {"default": ("inline", "lines"), "holdout": ("lines_joined_intro", "inline_colon")}
SIGNATURE_LAYOUTS: Bank[str] = {"default": ("name_date", "name_seal_date"), "holdout": ("date_name", "name_date_same_line")}


@dataclass
class Decision:
    """Everything the document needs, decided before any sentence is written."""

    style: Style
    agency: Agency
    doc_number: str
    decision_date: date
    filed: date
    found: date
    notice: date  # 告知书 served
    hearing_date: date  # 陈述申辩 or 听证
    police_dates: tuple[date, date] | None  # sent to the police, sent back
    dates: BodyDates
    money: AmountWriter
    party: Party
    story: Story
    violated: str  # written citation of the violated provisions ("" when none)
    basis: str  # written citation of the penalty provisions
    quote: str  # a quoted penalty clause ("" when none)
    penalties: list[PenaltyItem]
    police_returned: bool
    prosecutor_returned: bool
    missing: list[str]
    gov: str  # 复议 body
    court: str
    discretion: bool
    hearing: bool
    footer: bool
    headings: bool
    extra_paragraphs: list[str] = field(default_factory=list)


class _Fields(dict[str, str]):
    """Template fields that remember which of them were written (read through `str.format_map`), so
    the gold 案由 follows how this decision named its cause: by name, by the act alone, or not at all."""

    def __init__(self, values: dict[str, str], used: set[str] | None = None) -> None:
        super().__init__(values)
        self.used = set() if used is None else used

    def __getitem__(self, key: str) -> str:
        self.used.add(key)
        return super().__getitem__(key)

    def plus(self, **extra: str) -> _Fields:
        return _Fields({**self, **extra}, self.used)


def _fields(rng: random.Random, d: Decision) -> _Fields:
    return _Fields({
        "self": d.agency.self_ref,
        "agency": d.agency.name,
        "cause_short": d.story.cause_short,
        "act": d.story.act,
        "d1": d.dates(d.found),
        "d2": d.dates(d.filed),
        "gov": d.gov,
        "court": d.court,
    })


# how often a decision cites another paper of the case by its number
_CITES_PAPER = 0.3
# the reasoning names another act whose fine it reckons and then waives
P_WAIVED = 0.04


def _para(text: str) -> Block:
    return Block(kind="paragraph", text=text)


def _opening(rng: random.Random, d: Decision, f: _Fields) -> list[Block]:
    source = pick(rng, ph.CASE_SOURCES, d.style)
    text = pick(rng, ph.CASE_OPENINGS, d.style).format_map(f.plus(source=source))
    if rng.random() < _CITES_PAPER:
        # real decisions cite the notices and orders served during the case by their own numbers
        template, mark = pick(rng, ph.CITED_PAPERS, d.style)
        text += template.format(number=related_number(rng, d.agency, d.found.year, mark), **f)
    return [_para(text)]


def _police(rng: random.Random, d: Decision, f: _Fields) -> list[Block]:
    if not (d.police_returned or d.prosecutor_returned):
        return []
    assert d.police_dates is not None
    f = f.plus(d1=d.dates(d.police_dates[0]), d2=d.dates(d.police_dates[1]))
    if d.prosecutor_returned:
        place = d.agency.place
        prosecutor = f"{place.district}人民检察院" if rng.random() < 0.6 else f"{place.short_city}市人民检察院"
        return [_para(pick(rng, ph.PROSECUTOR_RETURNS, d.style).format(prosecutor=prosecutor, **f))]
    police = f"{d.agency.place.short_city}市公安局" if rng.random() < 0.5 else f"{d.agency.place.district}公安局"
    if d.agency.place.municipality:
        police = f"{d.agency.place.city}公安局{d.agency.place.district}分局"
    reason = pick(rng, ph.POLICE_REASONS, d.style)
    return [_para(pick(rng, ph.POLICE_RETURNS, d.style).format(police=police, reason=reason, **f))]


_QUOTES_STANDARD_TABLE = 0.1
_STORES_GOODS = ("emergency_management", "fire_rescue")
# the party's earlier penalty cited in the finding with its number (the ninth survey's customs 知识产权
# decisions): a number of the same letters, a year before
_CITES_EARLIER_PENALTY = 0.04
_EARLIER_NUMBER = re.compile(
    r"^(?P<prefix>[\u4e00-\u9fff]{2,12})(?P<open>[〔\[(（【［])(?P<year>\d{4})(?P<close>[〕\])）】］])(?P<di>第?)(?P<n>\d{1,6})号$"
)


def _facts(rng: random.Random, d: Decision, f: _Fields) -> list[Block]:
    intro = pick(rng, ph.FACT_INTROS, d.style).format(**f)
    sentences = list(d.story.sentences)
    # one draw decides the admission and, where there is none, the earlier penalty: the random stream
    # (and every decision written after this one) stays as it was before the earlier penalty was added
    draw = rng.random()
    if draw < 0.25:
        sentences.append(pick(rng, ph.ADMISSIONS, d.style))
    if d.agency.type_id in _STORES_GOODS and rng.random() < _QUOTES_STANDARD_TABLE:
        sentences.append(pick(rng, ph.STANDARD_TABLE_QUOTES, d.style))
    earlier = _EARLIER_NUMBER.match(d.doc_number)
    if earlier and 0.25 <= draw < 0.25 + _CITES_EARLIER_PENALTY:
        number = (
            f"{earlier['prefix']}{earlier['open']}{int(earlier['year']) - 1}{earlier['close']}"
            f"{earlier['di']}{int(earlier['n']) // 2 + 1}号"
        )
        phrases = ph.EARLIER_PENALTIES[d.style]
        sentences.append(phrases[int(draw * 1000) % len(phrases)].format(number=number))
    if len(sentences) > 3 and rng.random() < 0.4:
        cut = rng.randint(2, len(sentences) - 1)
        return [_para(intro + "".join(sentences[:cut])), _para("".join(sentences[cut:]))]
    return [_para(intro + "".join(sentences))]


def _evidence(rng: random.Random, d: Decision, f: _Fields) -> list[Block]:
    pool = [e for e in ph.EVIDENCE_ITEMS[d.style] if e not in d.story.evidence]
    if d.party.kind == "individual":
        pool = [e for e in pool if "营业执照" not in e and "法定代表人" not in e and "主体资格" not in e]
    items = list(d.story.evidence) + rng.sample(pool, k=rng.randint(3, min(13, len(pool))))
    rng.shuffle(items)
    intro = pick(rng, ph.EVIDENCE_INTROS, d.style)
    numbering = pick(rng, ph.EVIDENCE_NUMBERING, d.style)
    numbered = [number_item(numbering, i + 1, item) for i, item in enumerate(items)]
    layout = pick(rng, EVIDENCE_LAYOUTS, d.style)
    numbered[-1] = numbered[-1].rstrip("；。") + "。"
    if layout == "lines":
        return [_para(intro)] + [_para(x) for x in numbered]
    if layout == "lines_joined_intro":
        return [_para(intro + numbered[0])] + [_para(x) for x in numbered[1:]]
    if layout == "inline_semicolon":
        return [_para(intro + "；".join(items) + "。")]
    return [_para(intro + "".join(numbered))]


def _hearing(rng: random.Random, d: Decision, f: _Fields) -> list[Block]:
    if not d.hearing:
        return []
    f = f.plus(d1=d.dates(d.notice), d2=d.dates(d.hearing_date))
    plea = pick(rng, ph.PLEAS, d.style)
    reply = pick(rng, ph.REPLIES, d.style)
    text = pick(rng, ph.HEARINGS, d.style).format(plea=plea, reply=reply, **f)
    if "告知书》" in text and rng.random() < _CITES_PAPER:
        number = related_number(rng, d.agency, d.notice.year, pick(rng, ph.NOTICE_MARKS, d.style))
        text = text.replace("告知书》", f"告知书》（{number}）", 1)
    return [_para(text)]


def _reasoning(rng: random.Random, d: Decision, f: _Fields) -> list[Block]:
    out = []
    if d.violated:
        out.append(pick(rng, ph.REASONINGS, d.style).format_map(f.plus(violated=d.violated)))
    if d.quote:
        out.append(d.quote)
    if d.discretion:
        out.append(pick(rng, ph.DISCRETION, d.style))
    if out and rng.random() < P_WAIVED:
        # another act whose fine is reckoned and then not imposed: no amount of the decision
        waived = rng.choice((200, 300, 500, 800, 1000))
        out.append(pick(rng, ph.WAIVED_FINES, d.style).format(
            act=pick(rng, ph.WAIVED_ACTS, d.style), amount=write_amount(waived, "plain"),
            base=write_amount(waived / 2, "plain"),
        ))
    if not out:
        return []
    if len(out) > 1 and rng.random() < 0.5:
        return [_para(out[0]), _para("".join(out[1:]))]
    return [_para("".join(out))]


# a decision worded as a proposal, written only where its payment clause follows
P_PROPOSAL_WORDED = 0.02


def _decision(rng: random.Random, d: Decision, f: _Fields) -> list[Block]:
    pays = PAYMENT_ELEMENT not in d.missing and any(p.yuan for p in d.penalties)
    if d.basis and pays and rng.random() < P_PROPOSAL_WORDED:
        intro = pick(rng, ph.PROPOSAL_WORDED_INTROS, d.style).format(basis=d.basis, **f)
    elif d.basis:
        intro = pick(rng, ph.DECISION_INTROS, d.style).format(basis=d.basis, **f)
    else:
        intro = f"{d.agency.self_ref}决定对当事人作出如下行政处罚："
    layout = pick(rng, DECISION_LAYOUTS, d.style)
    texts = [p.text for p in d.penalties]
    blocks: list[Block]
    if layout in ("lines", "lines_joined_intro") and len(texts) > 1:
        numbering = pick(rng, ph.DECISION_ITEM_NUMBERING, d.style)
        lines = [number_item(numbering, i + 1, t) for i, t in enumerate(texts)]
        lines[-1] = lines[-1].rstrip("；。") + "。"
        if layout == "lines":
            blocks = [_para(intro)] + [_para(x) for x in lines]
        else:
            blocks = [_para(intro + lines[0])] + [_para(x) for x in lines[1:]]
    else:
        joined = "，".join(texts) if layout != "inline_colon" else "；".join(texts)
        blocks = [_para(intro + joined + "。")]
    money = [p.yuan for p in d.penalties if p.kind in ("fine", "confiscate_income") and p.yuan]
    if len(money) > 1 and rng.random() < 0.6:
        total = d.money(round(sum(money), 2))
        blocks.append(_para(pick(rng, ph.TOTALS, d.style).format(total=total)))
    return blocks


def _payment(rng: random.Random, d: Decision, f: _Fields) -> list[Block]:
    if PAYMENT_ELEMENT in d.missing or not any(p.yuan for p in d.penalties):
        return []
    city = d.agency.place.short_city
    bank = pick(rng, ph.BANKS, d.style).format(city=city)
    account = "".join(rng.choice("0123456789") for _ in range(19))
    text = pick(rng, ph.PAYMENTS, d.style).format(
        bank=bank, account=account, account_name=f"{d.agency.name}罚没款专户",
        app=pick(rng, ph.PAY_APPS, d.style), **f,
    )
    return [_para(text)]


def _remedy(rng: random.Random, d: Decision, f: _Fields) -> list[Block]:
    if REMEDY_ELEMENT in d.missing:
        return []
    text = pick(rng, ph.REMEDIES, d.style).format(**f)
    if rng.random() < 0.3:
        text += pick(rng, ph.NO_SUSPENSION, d.style)
    return [_para(text)]


_BUILDERS = {
    "opening": _opening,
    "police": _police,
    "facts": _facts,
    "evidence": _evidence,
    "hearing": _hearing,
    "reasoning": _reasoning,
    "decision": _decision,
    "payment": _payment,
    "remedy": _remedy,
}
_HEADED = ("facts", "evidence", "decision", "payment", "remedy")


def _header(rng: random.Random, d: Decision) -> list[Block]:
    layout = pick(rng, HEADER_LAYOUTS, d.style)
    title = pick(rng, ph.TITLES, d.style)
    number = Block(kind="doc_number", text=d.doc_number, align=pick(rng, NUMBER_ALIGN, d.style))
    if layout == "separate":
        return [Block(kind="header", text=d.agency.name, align="center"), Block(kind="title", text=title, align="center"), number]
    if layout == "separate_spaced":
        return [Block(kind="header", text=" ".join(d.agency.name), align="center"), Block(kind="title", text=title, align="center"), number]
    align = "center" if layout == "combined" else "left"
    return [Block(kind="title", text=d.agency.name + title.replace(" ", ""), align=align), number]


def _signature(rng: random.Random, d: Decision) -> list[Block]:
    if SIGNATURE_ELEMENT in d.missing:
        return []
    date_text = write_date(d.decision_date, pick(rng, SIGNATURE_DATE_FORMATS, d.style))
    layout = pick(rng, SIGNATURE_LAYOUTS, d.style)
    name = Block(kind="signature", text=d.agency.name, align="right")
    when = Block(kind="date", text=date_text, align="right")
    if layout == "name_seal_date":
        return [name, Block(kind="signature", text=pick(rng, ph.SEAL_NOTES, d.style), align="right"), when]
    if layout == "date_name":
        return [when, name]
    if layout == "name_date_same_line":
        return [Block(kind="date", text=f"{d.agency.name}　{date_text}", align="right")]
    return [name, when]


def _footer(rng: random.Random, d: Decision) -> list[Block]:
    if not d.footer:
        return []
    return [Block(kind="footer", text=pick(rng, ph.FOOTERS, d.style).format(gov=d.gov))]


@dataclass(frozen=True)
class Written:
    blocks: list[Block]
    # 案由 as a reader files it: the cause where the decision names it (案由 line, 涉嫌…, 构成/属于…),
    # else the act the finding states (当事人未经批准占用土地的事实成立 -> 未经批准占用土地案), else none
    case_cause: str | None


def blocks_for(rng: random.Random, d: Decision) -> Written:
    f = _fields(rng, d)
    blocks = _header(rng, d)
    blocks += party_blocks(rng, d.party, d.style, with_address=PARTY_ELEMENT not in d.missing)
    if rng.random() < 0.25:
        blocks.append(_para(pick(rng, CAUSE_LINES, d.style).format_map(f)))
    order = pick(rng, ORDERS, d.style)
    headings = pick(rng, ph.HEADINGS, d.style) if d.headings else None
    heading_format = pick(rng, ph.HEADING_NUMBERS, d.style)
    headed = 0
    for name in order:
        if name == "evidence" and FACTS_ELEMENT in d.missing:
            continue
        section = _BUILDERS[name](rng, d, f)
        if not section:
            continue
        if headings and name in _HEADED:
            headed += 1
            title = headings[_HEADED.index(name)]
            blocks.append(Block(kind="heading", text=heading_format.format(cn=cn2an.an2cn(headed, "low"), title=title)))
        elif len(section) == 1 and blocks[-1].kind == "paragraph" and rng.random() < 0.12:
            # agencies often run two sections into one paragraph
            blocks[-1] = _para(blocks[-1].text + section[0].text)
            continue
        blocks.extend(section)
    blocks += _signature(rng, d)
    blocks += _footer(rng, d)
    if "cause_short" in f.used:
        cause: str | None = d.story.cause_short + "案"
    elif "act" in f.used:
        cause = d.story.act + "案"
    else:
        cause = None
    return Written(blocks, cause)
