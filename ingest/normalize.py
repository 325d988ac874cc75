"""Character normalisation that remembers where every output character came from.

OCR engines and agencies write the same thing many ways: full-width digits, ideographic spaces,
`259，200` with a full-width comma, brackets from several code blocks. Fields are read from the
normalised text, but evidence must point back at the page, so each output character keeps the
index of the input character it was made from.
"""

from __future__ import annotations

import unicodedata

# NFKC leaves these alone; they stand for ASCII punctuation in numbers and quotes.
_EXTRA = {
    "\u3000": " ",
    "\u2014": "-",  # em dash used as a range or minus
    "\u2212": "-",
    "\u00a0": " ",
}
_DIGIT_SEPARATORS = {",": ",", "，": ","}
_DIGIT_DOTS = {"．": ".", "。": "."}


def _nfkc(ch: str) -> str:
    if ch in _EXTRA:
        return _EXTRA[ch]
    return unicodedata.normalize("NFKC", ch)


def normalize_with_offsets(raw: str) -> tuple[str, list[int]]:
    """Return (text, origin) where origin[i] is the index in `raw` that produced text[i]."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(raw):
        for piece in _nfkc(ch):
            out.append(piece)
            origin.append(i)
    # A comma or full stop between digits is a thousands separator or a decimal point: OCR and
    # typists write it full-width, which would otherwise split one number into two.
    for i in range(1, len(out) - 1):
        if out[i - 1].isdigit() and out[i + 1].isdigit():
            if out[i] in _DIGIT_SEPARATORS:
                out[i] = ","
            elif out[i] in _DIGIT_DOTS:
                out[i] = "."
    return "".join(out), origin


def normalize(raw: str) -> str:
    return normalize_with_offsets(raw)[0]
