"""Turn an engine's raw line text into text that numbers and document numbers can be read from.

PP-OCR recognisers are trained on mixed full-width/half-width text and write `259，200`,
`（一）`, or the year brackets of a 文号 as whichever of 〔〕【】［］[] looked closest. Field
extractors should see one spelling: NFKC plus the digit-separator rules of ingest.normalize, and
the official 六角括号 〔〕 around a year in a document number. Recognisers also emit spaces
between Chinese characters (and after a bracket) where the page has none: Chinese is written
without spaces, so whitespace touching a CJK character or CJK punctuation is dropped, while the
space in "Co. Ltd" stays.
"""

from __future__ import annotations

import re

from lianfa.ingest.normalize import normalize

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef《》〔〕【】"
_SPACE_NEXT_TO_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
# 〔2023〕 is how GB/T 9704 prints the year of a 文号; OCR and typists substitute look-alikes.
_YEAR_BRACKETS = re.compile(r"[\[【〔(]\s*((?:19|20)\d{2})\s*[\]】〕)](?=\s*第?\s*\d{1,6}\s*号)")


def clean_text(raw: str) -> str:
    text = _YEAR_BRACKETS.sub(r"〔\1〕", normalize(raw).strip())
    return _SPACE_NEXT_TO_CJK.sub("", text)
