"""The Tesseract baseline returns Lines like the other engines: one per Tesseract line, CJK spaces dropped."""

from __future__ import annotations

import pytest
from ocr_pages import draw_page

from lianfa.ingest.ocr import get_engine
from lianfa.ingest.ocr.quality import cer

pytestmark = pytest.mark.ocr


def test_reads_a_small_page_into_lines() -> None:
    lines_in = ["决定没收违法所得36,450.50元", "并处罚款人民币518,400元"]
    page = draw_page(lines_in, width=900, height=320, margin=60)
    lines = get_engine("tesseract").recognize(page.image)
    assert len(lines) == 2
    for line, expected in zip(lines, lines_in, strict=True):
        assert cer(expected, line.text, nfkc=True) < 0.15
        assert " " not in line.text
        x0, y0, x1, y1 = line.bbox
        assert 40 <= x0 < x1 <= 900 and 0 <= y0 < y1 <= 320
        assert 0 < line.confidence <= 1
    assert lines[0].bbox[1] < lines[1].bbox[1]
