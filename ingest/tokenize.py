"""Word segmentation with jieba and the project's legal dictionary.

One `jieba.Tokenizer` instance (never jieba's global one, which other code may reconfigure) is
built lazily on first use and kept for the process. jieba caches its prefix dictionary on disk;
the cache goes under the data directory (`LIANFA_DATA_DIR/cache/jieba`), not the system temp
directory, so it survives reboots on an air-gapped server and is not shared with other users.

The project dictionary is `corpora/data/jieba_dict.txt` (jieba's user-dictionary format: `word
[freq] [tag]` per line). Law names, agency names and legal terms in it stay whole tokens
("食品安全法", "统一社会信用代码") instead of being cut into common words.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import jieba

from ingest.config import get_settings
from ingest.errors import DataFileError

PROJECT_DICT = Path(__file__).resolve().parent.parent / "corpora" / "data" / "jieba_dict.txt"

_lock = threading.Lock()


def build_tokenizer(user_dict: Path | None, cache_dir: Path) -> jieba.Tokenizer:
    """A ready tokenizer: jieba's bundled dictionary (prefix cache in `cache_dir`) plus
    `user_dict` if given. A malformed user dictionary raises DataFileError naming the line."""
    # jieba logs every dictionary load at DEBUG through its own stderr handler
    jieba.setLogLevel(logging.WARNING)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(cache_dir)
    tk.initialize()
    if user_dict is not None:
        _load_user_dict(tk, user_dict)
    return tk


def _load_user_dict(tk: jieba.Tokenizer, path: Path) -> None:
    try:
        tk.load_userdict(str(path))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataFileError(
            f"{path}: cannot load the jieba dictionary ({exc}); each line must be 'word [frequency] [tag]' in UTF-8"
        ) from exc


_tokenizer: jieba.Tokenizer | None = None


def get_tokenizer() -> jieba.Tokenizer:
    """The process-wide tokenizer with the project dictionary (when it is installed)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                cache_dir = get_settings().data_dir / "cache" / "jieba"
                _tokenizer = build_tokenizer(PROJECT_DICT if PROJECT_DICT.is_file() else None, cache_dir)
    return _tokenizer


def tokens_with_offsets(text: str, tokenizer: jieba.Tokenizer | None = None) -> list[tuple[str, int, int]]:
    """(token, start, end) with text[start:end] == token; whitespace-only tokens are left out."""
    tk = tokenizer or get_tokenizer()
    return [(w, a, b) for w, a, b in tk.tokenize(text) if w.strip()]


def tokenize(text: str, tokenizer: jieba.Tokenizer | None = None) -> list[str]:
    return [w for w, _, _ in tokens_with_offsets(text, tokenizer)]
