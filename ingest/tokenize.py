"""Word segmentation with jieba and the project's legal dictionary.

One `jieba.Tokenizer` instance (never jieba's global one, which other code may reconfigure) is
built lazily on first use and kept for the process. jieba caches its prefix dictionary on disk;
the cache goes under the data directory (`LIANFA_DATA_DIR/cache/jieba`), not the system temp
directory, so it survives reboots on an air-gapped server and is not shared with other users.

The project's words come from `corpora.laws.jieba_words()` (law names, agency names, legal terms,
from corpora/data/*.yaml): they stay whole tokens ("食品安全法实施条例", "统一社会信用代码")
instead of being cut into common words.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from pathlib import Path

import jieba

from lianfa.ingest.config import get_settings

# Above any frequency in jieba's bundled dictionary: a project word is never cut into parts.
_WORD_FREQ = 100_000

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


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


def get_tokenizer() -> jieba.Tokenizer:
    """The process-wide tokenizer with the project's words; built on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                from lianfa.corpora.laws import jieba_words

                _tokenizer = build_tokenizer(jieba_words(), get_settings().data_dir / "cache" / "jieba")
    return _tokenizer


def tokens_with_offsets(text: str, tokenizer: jieba.Tokenizer | None = None) -> list[tuple[str, int, int]]:
    """(token, start, end) with text[start:end] == token; whitespace-only tokens are left out."""
    tk = tokenizer or get_tokenizer()
    return [(w, a, b) for w, a, b in tk.tokenize(text) if w.strip()]


def tokenize(text: str, tokenizer: jieba.Tokenizer | None = None) -> list[str]:
    return [w for w, _, _ in tokens_with_offsets(text, tokenizer)]
