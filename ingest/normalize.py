"""Character normalisation that remembers where every output character came from.

OCR engines and agencies write the same thing many ways: full-width digits, ideographic spaces,
`259，200` with a full-width comma, brackets from several code blocks. Fields are read from the
normalised text, but evidence must point back at the page, so each output character keeps the
index of the input character it was made from.

Mirror sites republish decisions converted to traditional characters (當事人, 統一社會信用代碼);
they are read as simplified, one character for one, so offsets hold. Only characters that simplified
text never uses are mapped (those outside GB 2312, plus 後 and 於): 乾, 著 or 徵 stay as they are,
since a simplified decision writes them too.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc

# NFKC leaves these alone; they stand for ASCII punctuation in numbers and quotes.
_EXTRA = {
    "\u3000": " ",
    "\u2014": "-",  # em dash used as a range or minus
    "\u2212": "-",
    "\u00a0": " ",
}
_DIGIT_SEPARATORS = {",": ",", "，": ","}
_DIGIT_DOTS = {"．": ".", "。": "."}


_ALSO_TRADITIONAL = {"後", "於"}


def _simplified_text_uses(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return ch not in _ALSO_TRADITIONAL


@lru_cache(maxsize=1)
def traditional_map() -> dict[str, str]:
    """Traditional-only CJK characters to their simplified form, from OpenCC's t2s tables."""
    converter = opencc.OpenCC("t2s")
    table: dict[str, str] = {}
    for cp in list(range(0x3400, 0x4DC0)) + list(range(0x4E00, 0xA000)) + list(range(0xF900, 0xFB00)):
        ch = chr(cp)
        simple = converter.convert(ch)
        if len(simple) == 1 and simple != ch and not _simplified_text_uses(ch):
            table[ch] = simple
    return table


def _nfkc(ch: str) -> str:
    if ch in _EXTRA:
        return _EXTRA[ch]
    out = unicodedata.normalize("NFKC", ch)
    if len(out) == 1:
        return traditional_map().get(out, out)
    return out


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
