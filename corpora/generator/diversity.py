"""How varied a corpus is, measured on its text.

- `ngram_share`: distinct character 5-grams / total character 5-grams, counted inside sentences
  (a sentence is a run of text between 。；！？ or a line break; 5-grams do not cross sentences).
  1.0 means no 5-gram repeats anywhere; a one-template corpus falls towards 0.
- `sentence_overlap`: the share of distinct sentences of corpus B that also occur verbatim in
  corpus A. Between the default and holdout styles it should be near zero: boilerplate shared by
  both would show up here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPLIT = re.compile(r"[。；！？\n]")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SPLIT.split(text) if s.strip()]


def ngram_share(texts: Iterable[str], n: int = 5) -> float:
    seen: set[str] = set()
    total = 0
    for text in texts:
        for sentence in sentences(text):
            for i in range(len(sentence) - n + 1):
                seen.add(sentence[i : i + n])
                total += 1
    return len(seen) / total if total else 0.0


def sentence_overlap(a: Iterable[str], b: Iterable[str]) -> float:
    in_a = {s for text in a for s in sentences(text)}
    in_b = {s for text in b for s in sentences(text)}
    return len(in_a & in_b) / len(in_b) if in_b else 0.0
