"""Which part of the decision a position is in: the segmenter's sections when the Document has
them, otherwise the same names found from the cue phrases every decision uses.

Roles depend on it: an amount after 决定如下 is what was decided, the same words in the facts or in
a quoted article are not.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from lianfa.extractors.quotes import quoted_spans
from lianfa.extractors.view import View

_FACTS = re.compile(r"经查|查明|违法事实|调查发现|经调查|检查发现|存在以下违法|执法人员|立案调查|依法对当事人|进行(?:了)?(?:现场)?检查")
_FINDING = re.compile(r"(?:本局|本机关|我局|本委|本厅|我委|本分局|本所|本队|我队)认为|综上所述|上述行为")
_DECISION = re.compile(
    r"(?:决定|处罚|处理)(?:内容)?如下|作出(?:如下|以下)[^。\n]{0,12}(?:处罚|决定)|"
    r"(?:决定|处罚|处理)(?:内容)?[：:]|(?:现|依法|本局|我局|本机关)决定(?!立案)|决定(?:对当事人|给予|处以|责令|没收)"
)
_PAYMENT = re.compile(
    r"(?:当事人)?(?:应当?|须)?(?:自|在)?(?:收到|接到)本(?:行政)?(?:处罚)?决定书之日起|"
    r"(?:罚款|罚没款)[^。\n]{0,20}(?:缴至|缴入|缴纳至|上缴|缴到)|逾期不(?:缴纳|履行)|到期不缴纳"
)
_REMEDY = re.compile(r"如不服|不服本(?:行政)?(?:处罚)?决定|可(?:以)?在[^。\n]{0,20}(?:申请行政复议|提起行政诉讼)")
_DATE_LINE = re.compile(r"^\s*[\d一二三四五六七八九〇○零O]{4}\s*[年.\-/]")


@dataclass(frozen=True)
class Regions:
    """Sections of the view text, in view offsets; a name may recur when a decision is out of order.

    `decision` is the decided items themselves, found from the phrase that introduces them, since
    everything that was decided must come from there and nowhere else."""

    spans: list[tuple[str, int, int]]
    decision: tuple[int, int] | None = None

    def name_at(self, pos: int) -> str | None:
        if self.decision and self.decision[0] <= pos < self.decision[1]:
            return "decision"
        for name, s, e in self.spans:
            if s <= pos < e:
                return name
        return None

    def get(self, name: str) -> tuple[int, int] | None:
        """The first span of `name` with any later contiguous spans of it, or None."""
        if name == "decision" and self.decision:
            return self.decision
        found = [(s, e) for n, s, e in self.spans if n == name]
        if not found:
            return None
        return found[0][0], found[-1][1]


_ANCHOR = re.compile(
    r"(?:处罚|处理|决定)(?:内容)?如下|(?:以下|如下)(?:行政)?(?:处罚|处理)|作出(?:如下|以下)[^。\n:：]{0,12}?(?:处罚|处理|决定)(?:决定)?|"
    r"处罚决定\s?[:：]|(?:本局|我局|本机关|本行政机关|本厅|本委|本队|海关|本所)?(?:现|依法)?决定(?:对(?:当事人|你单位|你|其))?"
    r"(?=给予|处以|处|罚款|责令|没收|警告|吊销|[:：]|作出)"
)
_ITEM = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、.]|\d+[、.)]|[(（][一二三四五六七八九十\d]+[)）]|[①-⑩]|第[一二三四五六七八九十]+[，,、]|"
    r"\d{1,2}(?=[\u4e00-\u9fff]))"  # NFKC made ① a bare 1
)


def _enumerator_family(mark: str) -> str:
    mark = mark.strip()
    if mark[:1] in "(（":
        return "paren"
    if mark[:1] == "第":
        return "ordinal"
    if mark[:1] in "一二三四五六七八九十":
        return "cn"
    return "digit" if mark[-1:].isdigit() or mark[-1:] in "、.)" else "other"


# A decision worded as a proposal (`拟对该单位作出如下行政处罚：…`) orders the payment under itself after
# its items (`自收到本处罚决定书之日起十五日内…缴纳`); a 告知书's proposal orders none.
_PAY_UNDER_THIS_DECISION = re.compile(
    r"(?:(?:收到|接到)本(?:行政)?(?:处罚)?决定书之日起|本?(?:处罚)?决定书送达(?:之日起|后))[^。]{0,80}?(?:缴纳|缴款|缴至|交纳)"
    r"|罚没款缴纳[:：]"
)
_PAY_REACH = 400
# (the decision's verb, not the remedy clause's `如对本处罚决定不服` the page may print before the payment)
_DECIDES_ANOTHER = re.compile(r"决定(?:对|给予|处以?|作出|如下|[:：])")


def ordered_to_pay(text: str, start: int) -> bool:
    """True where a payment under this decision is ordered after `start` with no other 决定 between:
    what a 拟 proposed there was decided."""
    pay = _PAY_UNDER_THIS_DECISION.search(text, start, start + _PAY_REACH)
    return pay is not None and _DECIDES_ANOTHER.search(text, start, pay.start()) is None


def decision_items(text: str, after: int = 0) -> tuple[int, int] | None:
    """The decided items: after the phrase that introduces them (not a 拟 proposal), either the
    rest of that sentence or the numbered lines that follow it. What the sentence says before the
    phrase (`现责令当事人改正…，并作出如下处罚决定：`) is its preamble, not an item."""
    quoted = quoted_spans(text)
    for m in _ANCHOR.finditer(text, after):
        if any(s <= m.start() < e for s, e in quoted):
            continue
        sentence_start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        sentence_start = max([sentence_start] + [e for _, e in quoted if e <= m.start()])
        if "拟" in text[sentence_start : m.start()] and not ordered_to_pay(text, m.end()):
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        # `决定对当事人作出如下处理：` holds two cues: the items follow the last one
        anchor_end = m.end()
        for later in _ANCHOR.finditer(text, m.end(), line_end):
            if "。" in text[anchor_end : later.start()]:
                break
            anchor_end = later.end()
        rest = text[anchor_end:line_end]
        first_item = _ITEM.match(rest.lstrip(" :：")) is not None
        if (rest.strip(" :：") and not first_item) or line_end == len(text):
            stop = text.find("。", anchor_end, line_end)
            return anchor_end, (stop + 1 if stop >= 0 else line_end)
        end = line_end
        family: str | None = None
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            item = _ITEM.match(text, end + 1)
            if not item:
                break
            # `(3)并处罚款…` then `四、罚款的履行方式`: a heading of another numbering ends the list
            kind = _enumerator_family(item.group(0))
            if family is not None and kind != family:
                break
            family = kind
            end = nxt
        if family is None:
            # `我局决定：` over unnumbered paragraphs (`对当事人一…；` / `对当事人二…。`): one sentence
            stop = text.find("。", anchor_end)
            return anchor_end, (stop + 1 if stop >= 0 else len(text))
        # the last item's line may run on into the payment or remedy notice
        last_line = text.rfind("\n", 0, end) + 1
        stop = text.find("。", max(last_line, anchor_end), end)
        return anchor_end, (stop + 1 if stop >= 0 else end)
    return None


def _first_after(pattern: re.Pattern[str], text: str, start: int) -> int | None:
    m = pattern.search(text, start)
    return m.start() if m else None


def _from_document(view: View) -> Regions:
    spans: list[tuple[str, int, int]] = []
    for sec in view.doc.sections:
        lo = bisect_left(view.origin, sec.start)
        hi = bisect_left(view.origin, sec.end)
        if hi > lo:
            spans.append((sec.name, lo, hi))
    return Regions(spans)


def _signature_start(text: str, end: int) -> int:
    """The 落款 starts a few short lines above the last date: agency name, then the date."""
    lines_before = text[:end].split("\n")
    pos = end
    taken = 0
    for line in reversed(lines_before):
        pos -= len(line) + 1
        if line.strip():
            taken += 1
        if taken >= 4 or len(line.strip()) > 40:
            break
    return max(pos + 1, 0)


def _from_cues(view: View) -> Regions:
    text = view.text
    n = len(text)
    spans: dict[str, tuple[int, int]] = {}
    facts = _first_after(_FACTS, text, 0)
    decision = None
    search_from = facts or 0
    for m in _DECISION.finditer(text, search_from):
        decision = m.start()
        break
    remedy = _first_after(_REMEDY, text, decision or search_from)
    payment = _first_after(_PAYMENT, text, decision) if decision is not None else None
    if payment is not None and remedy is not None and payment > remedy:
        payment = None
    last_date = None
    for m in re.finditer(r"(?m)" + _DATE_LINE.pattern, text):
        last_date = m.start()
    tail_end = n
    signature = _signature_start(text, tail_end) if last_date is None else _signature_start(text, last_date)
    if remedy is not None and signature < remedy:
        signature = n
    head_end = facts if facts is not None else (decision if decision is not None else n)
    spans["header"] = (0, head_end)
    if facts is not None:
        finding = _first_after(_FINDING, text, facts)
        facts_end = min(x for x in (finding, decision, n) if x is not None)
        spans["facts"] = (facts, facts_end)
        if finding is not None and (decision is None or finding < decision):
            spans["finding"] = (finding, decision if decision is not None else n)
    if decision is not None:
        dec_end = min(x for x in (payment, remedy, signature, n) if x is not None and x > decision)
        spans["decision"] = (decision, dec_end)
        if payment is not None:
            spans["payment"] = (payment, min(x for x in (remedy, signature, n) if x is not None and x > payment))
    if remedy is not None:
        spans["remedy"] = (remedy, max(remedy, signature) if signature > remedy else n)
    if signature < n:
        spans["signature"] = (signature, n)
    return Regions([(name, s, e) for name, (s, e) in spans.items()])


def find_regions(view: View) -> Regions:
    regions = _from_document(view) if view.doc.sections else _from_cues(view)
    decided = [(s, e) for name, s, e in regions.spans if name == "decision"] if view.doc.sections else []
    after = 0
    while (items := decision_items(view.text, after)) is not None:
        # `存在违法事实及处罚决定如下：` opens the whole body, its items are headings (`一、违法事实`):
        # the decided items are the ones inside what the segmenter found to be the decision
        if not decided or any(s < items[1] and items[0] < e for s, e in decided):
            return Regions(regions.spans, items)
        after = items[1]
    return regions
