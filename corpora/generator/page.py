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
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import opencc

from lianfa.corpora.generator.style import Bank, Style, pick
from lianfa.corpora.gold import Block
from lianfa.ingest.normalize import normalize

P_FURNITURE = 0.3
P_ABOUT_TITLE = 0.12
P_BARE_NUMBER = 0.06
P_MASKED_SERIAL = 0.03
P_SUFFIXED_SERIAL = 0.03
P_TRADITIONAL = 0.06

FURNITURE: Bank[str] = {
    "default": (
        "发布时间：{day}　来源：{agency}　阅读次数：{reads}",
        "首页 > 政务公开 > 行政执法公示 > 行政处罚\n发布时间：{day}　来源：{agency}",
        "来源：{agency}　发布时间：{day} 09:{minute}　【字体：大 中 小】",
    ),
    "holdout": (
        "| 索引号 | {index} | 发布机构 | {agency} |\n| 公开目录 | 行政处罚 | 发布日期 | {day} |",
        "信息来源：{agency}　发布日期：{day}　浏览次数：{reads}次",
        "索引号：{index}\n发文机关：{agency}\n成文日期：{day}",
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
# a category in brackets after the serial, spaces inside the year's brackets and before 号
SUFFIXED_NUMBERS: Bank[str] = {"default": ("{prefix}〔{year}〕{n}({tag})号",), "holdout": ("{prefix}〔 {year}〕{n}({tag}) 号",)}
SERIAL_TAGS: Bank[str] = {"default": ("简", "一般"), "holdout": ("非", "普")}

_PLAIN_NUMBER = re.compile(r"^(?P<prefix>[\u4e00-\u9fff]{2,12})[〔\[(（【［](?P<year>\d{4})[〕\])）】］](?P<n>\d{1,6})号$")


@dataclass(frozen=True)
class Published:
    blocks: list[Block]
    doc_number: str  # as the page's reader files it (a masked serial stays masked)


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _traditional(blocks: list[Block]) -> list[Block] | None:
    """The blocks in traditional characters, or None when one would not read back to the same
    simplified text (a character whose traditional form stands for two simplified ones)."""
    converter = _to_traditional()
    out = []
    for b in blocks:
        text = converter.convert(b.text)
        if normalize(text) != normalize(b.text):
            return None
        rows = [[converter.convert(c) for c in row] for row in b.rows] if b.rows else b.rows
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
        masked = f"{m.group('prefix')}〔{m.group('year')}〕{pick(rng, MASKED_SERIALS, style)}号"
        return masked, masked
    if draw < P_BARE_NUMBER + P_MASKED_SERIAL + P_SUFFIXED_SERIAL:
        tag = pick(rng, SERIAL_TAGS, style)
        shown = pick(rng, SUFFIXED_NUMBERS, style).format(tag=tag, **m.groupdict())
        return shown, f"{m.group('prefix')}〔{m.group('year')}〕{m.group('n')}({tag})号"
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
    if rng.random() < P_FURNITURE:
        day = date.fromordinal(decided.toordinal() + rng.randint(1, 20)).isoformat()
        furniture = pick(rng, FURNITURE, style).format(
            day=day, agency=agency, reads=rng.randint(12, 4800), minute=f"{rng.randint(0, 59):02d}",
            index=f"{rng.randint(10**8, 10**9 - 1)}/{decided.year}-{rng.randint(1, 999):05d}",
        )
        out = [Block(kind="header", text=furniture, align="left"), *out, Block(kind="footer", text=pick(rng, PAGE_TAILS, style))]
    if rng.random() < P_TRADITIONAL:
        out = _traditional(out) or out
    return Published(out, filed)


P_UNLABELLED_PARTY = 0.05
# No 当事人 block: the party is named only in a title line above the document's kind, or only in the
# finding's first sentence (organisations only: a person's name alone does not say who it is).
PARTY_TITLES: Bank[str] = {"default": ("{name}{act}案",), "holdout": ("案件名称：{name}{act}案",)}
PARTY_FINDINGS: Bank[str] = {
    "default": ("经查，当事人{name}存在{act}的行为。",),
    "holdout": ("{year}年以来，{name}在经营中存在{act}的违法行为。",),
}


def unlabelled_party(
    rng: random.Random, style: Style, blocks: list[Block], *, name: str, act: str, year: int
) -> tuple[list[Block], bool]:
    """Blocks without the party block, the name moved to a title line or the finding; True when so.
    `act` names the case as the rest of the decision does, so the title and the 案由 agree."""
    if rng.random() >= P_UNLABELLED_PARTY or not act or not any(b.kind == "parties" for b in blocks):
        return blocks, False
    out = [b for b in blocks if b.kind != "parties"]
    at = next((i for i, b in enumerate(out) if b.kind == "doc_number"), 0) + 1
    if rng.random() < 0.5:
        title_at = next((i for i, b in enumerate(out) if b.kind == "title"), 0)
        line = Block(kind="title", text=pick(rng, PARTY_TITLES, style).format(name=name, act=act), align="center")
        out.insert(title_at, line)
    else:
        out.insert(at, Block(kind="paragraph", text=pick(rng, PARTY_FINDINGS, style).format(name=name, act=act, year=year)))
    return out, True
