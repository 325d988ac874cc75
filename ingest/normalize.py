"""Character normalisation that remembers where every output character came from.

OCR engines and agencies write the same thing many ways: full-width digits, ideographic spaces,
`259，200` with a full-width comma, brackets from several code blocks. Fields are read from the
normalised text, but evidence must point back at the page, so each output character keeps the
index of the input character it was made from.

Mirror sites republish decisions converted to traditional characters (當事人, 統一社會信用代碼);
they are read as simplified, one character for one, so offsets hold. Only characters that simplified
text never uses are mapped (those outside GB 2312, plus 後 and 於): 乾, 著 or 徵 stay as they are,
since a simplified decision writes them too.

Some mirror sites also print a character's pinyin in brackets after it (`當(dāng)事人`, `號(hào)`);
the reading goes, as no decision writes pinyin there, so the label and the 文号 read whole again.
"""

from __future__ import annotations

import re
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


# (OCR reads a third tone's caron as a breve now and then: ă for ǎ)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜăĕĭŏŭ"
# one syllable: an initial (or none) and a final; the tone marks on the final's vowel, or none where
# OCR lost them
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|iao|ian|ing|uai|uan|üan|ang|eng|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|üe|ün|ue|a|o|e|i|u|ü|v)"
)
_FOLD_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜăĕĭŏŭ", "aaaaeeeeiiiioooouuuuüüüüaeiou")
_SYLLABLE_RE = re.compile(f"^{_SYLLABLE}$")
# a bracketed reading right after a Chinese character: toned, or at least three letters that spell a
# syllable (a scan may drop the tone marks; `(a)` or `(ce)` after a word may be an item or a unit)
_READING = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?P<py>[a-zü{_TONED}]{{1,6}})[)）]")


def reading_indices(raw: str) -> set[int]:
    """Indices of `raw` that are a pinyin reading a mirror site set after a character."""
    drop: set[int] = set()
    for m in _READING.finditer(raw):
        py = m.group("py")
        toned = any(c in _TONED for c in py)
        if (toned or len(py) >= 3) and _SYLLABLE_RE.match(py.translate(_FOLD_TONES)):
            drop.update(range(m.start(), m.end()))
    return drop


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
    readings = reading_indices(raw) if "(" in raw or "（" in raw else set()
    for i, ch in enumerate(raw):
        if i in readings:
            continue
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
