"""Character error rate, the measure the OCR tests and bench/ocr_engines.py report."""

from __future__ import annotations

import unicodedata

import numpy as np


def _squeeze(text: str, nfkc: bool) -> str:
    if nfkc:
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one row at a time in numpy (a page is ~1,500 characters)."""
    if not a or not b:
        return max(len(a), len(b))
    codes_b = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(b) + 1)
    row = idx.copy()
    for i, ch in enumerate(a, start=1):
        sub = row[:-1] + (codes_b != ord(ch))
        best = np.empty_like(row)
        best[0] = i
        best[1:] = np.minimum(row[1:] + 1, sub)
        # an insertion chains along the row: row[j] = min(best[j], row[j-1] + 1) is a running minimum
        row = np.minimum.accumulate(best - idx) + idx
    return int(row[-1])


def cer(reference: str, hypothesis: str, nfkc: bool = False) -> float:
    """Edits per reference character, whitespace ignored (CJK text has none that matters)."""
    ref = _squeeze(reference, nfkc)
    hyp = _squeeze(hypothesis, nfkc)
    return edit_distance(ref, hyp) / max(len(ref), 1)
