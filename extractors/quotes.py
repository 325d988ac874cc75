"""Quoted law inside a decision: an article recited in quotes or in brackets states the law's ranges
and thresholds (`处五万元以上二十万元以下罚款`, `不足一万元的，按一万元计算`), never what was decided."""

from __future__ import annotations

import re

_QUOTED_ARTICLE = re.compile(
    r"[(（]\s?《[^》]{2,40}》(?:\s?[(（][^()（）]{0,16}[)）])?[^()（）:：]{0,30}[:：][^()（）]*[)）]"
)


# A news page quoting the decision itself (`处罚内容为“责令停止违法行为；罚款人民币10万元。”`): what the
# quotes hold was decided, not recited law
_QUOTES_DECISION = re.compile(r"(?:处罚|决定)(?:的)?(?:内容|结果|事项)(?:为|是)?\s?[:：]?\s?$")
# ...or quoting the penalty it gave between the verb and its 处罚 (`作出“责令限期改正，处4万元罚款”的行政处罚`)
# (or the verb before the party it gives it to: `给予该诊所“警告，并处罚款2000元”的处罚`)
_GIVEN_BEFORE = re.compile(r"(?:作出|给予|予以)[^。，,；;：:\n“”]{0,16}$")
_PENALTY_AFTER = re.compile(r"\s?的?\s?(?:行政)?处罚")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted law, whose amounts are law, not decision: text inside quotes, and an article
    recited in brackets (`（《医师法》第59条：…按一万元计算）`)."""
    spans: list[tuple[int, int]] = [(m.start(), m.end()) for m in _QUOTED_ARTICLE.finditer(text)]
    depth_start: int | None = None
    for i, ch in enumerate(text):
        if ch in "“「『" and depth_start is None:
            depth_start = i
        elif ch in "”」』" and depth_start is not None:
            decided = _QUOTES_DECISION.search(text, max(0, depth_start - 12), depth_start) or (
                _GIVEN_BEFORE.search(text, max(0, depth_start - 20), depth_start) and _PENALTY_AFTER.match(text, i + 1)
            )
            if not decided:
                spans.append((depth_start, i))
            depth_start = None
    return spans
