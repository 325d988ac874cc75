"""What a decision's text says that the threshold rules ask about and the field extractors do not
read: fact elements (禁渔期, 暗管, 危险废物...), earlier administrative penalties, pollutants over
their standard, the conduct date, outcomes (deaths, injuries, losses), and whether the police have
already declined the case.

Every signal keeps the Evidence it was read from. Quoted law is skipped: an article recited in
the decision describes the law, not the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from corpora.rules import RuleBook
from extractors.amounts import quoted_spans
from extractors.dates import FoundDate, find_dates
from extractors.numbers import NUMBER, parse_number
from extractors.view import View, build_view
from ingest.document import Document, Evidence

_NEGATION = re.compile(r"(?:未|没有|无|不存在|并非|不属于|未发现|排除)[^，。；\n]{0,3}$")
_SENTENCE = re.compile(r"[^。；;\n]+")
# A month without a day (2021年8月起): extractors.dates reads only whole dates.
_MONTH = re.compile(r"(?P<y>(?:19|20)\d{2})\s?年\s?(?P<m>\d{1,2})\s?月(?!\s?\d{1,2}\s?[日号])")
# Dates of the procedure, not of the conduct.
_PROCEDURE = re.compile(
    r"检查|立案|调查|询问|告知|听证|送达|移送|受理|审查|核查|抽检|抽样|检测|检验|监测|举报|投诉|决定|复议|诉讼|出具|作出|签收|报告"
)
_PRIOR = re.compile(
    r"(?:曾|此前|之前|先前|前期|已|近|先后|累计|分别)[^。；\n]{0,60}?"
    r"(?:(?P<n1>[一二两三四五六七八九十\d]+)\s?次[^。；\n]{0,20}?(?:行政处罚|处罚)"
    r"|(?:行政处罚|处罚)[^。；\n]{0,6}?(?P<n2>[一二两三四五六七八九十\d]+)\s?次)"
)
_YEARS = re.compile(r"(?P<n>[一二两三四五六七八九十\d]+)\s?年(?:内|以内|之内)")
_TIMES = re.compile(
    rf"(?:超标|超过[^，。；\n]{{0,20}}?(?:标准|限值)[^，。；\n]{{0,25}}?)(?P<n>{NUMBER})\s?(?:余|多)?\s?倍"
    rf"|超标倍数为?\s?(?P<m>{NUMBER})"
)
_DECLINED = re.compile(
    r"不予立案|决定不立案|作出不立案|不予追究刑事责任|不构成犯罪|不涉嫌犯罪|反向移送|移送回|移交回|退回|交回|退还"
)
_POLICE = re.compile(r"公安|侦查|检察|移送|立案")
_OUTCOME_COUNT = re.compile(
    rf"(?P<n>{NUMBER})\s?(?:人|名)[^，。；、\n]{{0,4}}?(?P<what>死亡|重伤|轻伤|受伤|中毒)"
)
_OUTCOME_WORD = re.compile(r"造成[^，。；\n]{0,12}?(?:死亡|重伤|伤亡|中毒|残疾|经济损失|财产损失)")


@dataclass(frozen=True)
class Signal:
    evidence: Evidence
    value: float | None = None
    detail: str = ""


@dataclass(frozen=True)
class PriorPenalties:
    count: int
    within_years: float | None  # None when the text gives neither a period nor dates
    evidence: Evidence


@dataclass
class TextSignals:
    facts: dict[str, Signal] = field(default_factory=dict)  # fact id -> where it is stated
    prior: PriorPenalties | None = None
    exceedance: list[tuple[str, Signal]] = field(default_factory=list)  # (pollutant, times over)
    conduct_date: date | None = None
    outcomes: list[Signal] = field(default_factory=list)  # deaths/injuries/losses stated
    declined: Signal | None = None
    ruled_out: set[str] = field(default_factory=set)  # fact ids the text states the contrary of


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
    shares: tuple[tuple[str, float, re.Pattern[str]], ...]  # (fact id, minimum %, stated share)


_compiled: dict[int, tuple[RuleBook, _FactPatterns]] = {}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(words, key=len, reverse=True))


def _share_pattern(of: list[str]) -> re.Pattern[str]:
    # 占同期应纳税额的比例为31.57% / 占应纳税总额百分之十二
    return re.compile(
        rf"占[^。；;\n]{{0,12}}?(?:{_alternation(of)})[^。；;\n\d]{{0,12}}?"
        rf"(?:(?P<pct>{NUMBER})\s?[%％]|百分之(?P<cn>[零一二两三四五六七八九十百点\d.]+))"
    )


def _fact_patterns(book: RuleBook) -> _FactPatterns:
    """One alternation per fact, longest phrase first (compiled once per rule book)."""
    cached = _compiled.get(id(book))
    if cached is None or cached[0] is not book:
        patterns = _FactPatterns(
            tuple((f.id, re.compile(_alternation(f.phrases))) for f in book.facts if f.phrases),
            tuple((f.id, f.share.min_percent, _share_pattern(f.share.of)) for f in book.facts if f.share),
        )
        cached = _compiled[id(book)] = (book, patterns)
    return cached[1]


def _facts(view: View, masked: str, book: RuleBook, ruled_out: set[str]) -> dict[str, Signal]:
    found: dict[str, Signal] = {}
    patterns = _fact_patterns(book)
    for fact_id, pattern in patterns.phrases:
        for m in pattern.finditer(masked):
            if not _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]):
                found[fact_id] = Signal(view.evidence(m.start(), m.end()), detail=m.group())
                break
    for fact_id, minimum, pattern in patterns.shares:
        _stated_share(view, masked, fact_id, minimum, pattern, found, ruled_out)
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
        if m is None:
            continue
        n = _number(m["n1"] or m["n2"])
        if n is None or n < 1:
            continue
        years: float | None = None
        ym = _YEARS.search(sentence)
        if ym and _number(ym["n"]):
            years = _number(ym["n"])
        else:
            days = _dates(sentence)
            if days and decided is not None:
                years = (decided - min(days)).days / 365.25
        found = PriorPenalties(int(n), years, view.evidence(s.start() + m.start(), s.start() + m.end()))
        if best is None or found.count > best.count:
            best = found
    return best


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
    named = re.compile("|".join(map(re.escape, pollutants)))
    out: list[tuple[str, Signal]] = []
    for s in _SENTENCE.finditer(masked):
        sentence = s.group()
        for m in _TIMES.finditer(sentence):
            times = _number(m["n"] or m["m"])
            before = list(named.finditer(sentence[: m.start()]))
            if times is None or not before:
                continue
            pollutant = before[-1].group()
            ev = view.evidence(s.start() + before[-1].start(), s.start() + m.end())
            out.append((pollutant, Signal(ev, value=times, detail=pollutant)))
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
            if _PROCEDURE.search(tail) or _PROCEDURE.search(head):
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
            out.append(Signal(view.evidence(m.start(), m.end()), value=_number(m["n"]), detail=m["what"]))
    if out:
        return out
    for m in _OUTCOME_WORD.finditer(masked):
        if not _NEGATION.search(masked[max(0, m.start() - 8) : m.start()]):
            out.append(Signal(view.evidence(m.start(), m.end()), detail=m.group()))
    return out


def _declined(view: View, masked: str) -> Signal | None:
    for s in _SENTENCE.finditer(masked):
        sentence = s.group()
        m = _DECLINED.search(sentence)
        if m and _POLICE.search(sentence):
            return Signal(view.evidence(s.start() + m.start(), s.start() + m.end()), detail=m.group())
    return None


def read_signals(document: Document, book: RuleBook, decided: date | None) -> TextSignals:
    view = build_view(document)
    masked = _masked(view.text)
    ruled_out: set[str] = set()
    return TextSignals(
        facts=_facts(view, masked, book, ruled_out),
        prior=_prior(view, masked, decided),
        exceedance=_exceedance(view, masked, book),
        conduct_date=_conduct_date(view, masked, decided),
        outcomes=_outcomes(view, masked),
        declined=_declined(view, masked),
        ruled_out=ruled_out,
    )
