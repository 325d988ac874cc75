"""Word segmentation with jieba and the project's legal dictionary.

A `jieba.Tokenizer` of our own (never jieba's global one, which other code may reconfigure) is
built once per cache folder: its words are immutable data, so callers share it. jieba caches its
prefix dictionary on disk; the cache goes under the data directory (`jieba_cache_dir`), not the
system temp directory, so it survives reboots on an air-gapped server and is not shared with other
users. Whoever builds the classifier (lianfa.Pipeline, training) names the folder.

The project's words come from `corpora.laws.jieba_words()` (law names, agency names, legal terms,
from corpora/data/*.yaml): they stay whole tokens ("食品安全法实施条例", "统一社会信用代码")
instead of being cut into common words.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import jieba

# Above any frequency in jieba's bundled dictionary: a project word is never cut into parts.
_WORD_FREQ = 100_000


def build_tokenizer(words: Iterable[str], cache_dir: Path) -> jieba.Tokenizer:
    """A ready tokenizer: jieba's bundled dictionary (prefix cache in `cache_dir`) plus `words`."""
    # jieba logs every dictionary load at DEBUG through its own stderr handler
    jieba.setLogLevel(logging.WARNING)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(cache_dir)
    tk.initialize()
    for word in words:
        if tokenizable(word):
            tk.add_word(word, freq=_WORD_FREQ, tag="nz")
    return tk


def tokenizable(word: str) -> bool:
    """jieba cuts text into blocks at every character outside CJK, ASCII letters, digits and
    +#&._%- before it looks words up, so a word holding a bracket or a space can never come out
    whole: adding it would only mislead."""
    return bool(jieba.re_han_default.fullmatch(word))


def jieba_cache_dir(data_dir: Path) -> Path:
    return data_dir / "cache" / "jieba"


@lru_cache(maxsize=4)
def get_tokenizer(cache_dir: Path) -> jieba.Tokenizer:
    """The tokenizer with the project's words, its prefix cache in `cache_dir`; built once per folder."""
    from lianfa.corpora.laws import jieba_words

    return build_tokenizer(jieba_words(), cache_dir)


def tokens_with_offsets(text: str, tokenizer: jieba.Tokenizer) -> list[tuple[str, int, int]]:
    """(token, start, end) with text[start:end] == token; whitespace-only tokens are left out."""
    return [(w, a, b) for w, a, b in tokenizer.tokenize(text) if w.strip()]


def tokenize(text: str, tokenizer: jieba.Tokenizer) -> list[str]:
    return [w for w, _, _ in tokens_with_offsets(text, tokenizer)]
