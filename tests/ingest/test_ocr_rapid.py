"""The default engine (rapidocr, models from its wheel) on one rendered page."""

from __future__ import annotations

import pytest
from ocr_pages import DECISION_LINES, draw_page

from lianfa.ingest.document import Line
from lianfa.ingest.ocr import Engine, get_engine
from lianfa.ingest.ocr.quality import cer

pytestmark = pytest.mark.ocr


@pytest.fixture(scope="module")
def page_and_lines() -> tuple:
    page = draw_page(DECISION_LINES, height=1300)
    return page, get_engine("rapidocr").recognize(page.image)


def test_one_instance_per_process() -> None:
    engine = get_engine("rapidocr")
    assert isinstance(engine, Engine)
    assert engine.name == "rapidocr"
    assert get_engine("RapidOCR") is engine


def test_reads_a_clean_page(page_and_lines: tuple) -> None:
    page, lines = page_and_lines
    text = "".join(line.text for line in lines)
    assert cer(page.text, text, nfkc=True) <= 0.01
    assert "违法经营额为人民币259,200元" in text
    assert "91310115MA1K4LXX3B" in text
    assert "〔2024〕318号" in text


def test_lines_carry_quads_in_image_pixels(page_and_lines: tuple) -> None:
    page, lines = page_and_lines
    assert len(lines) == len(DECISION_LINES)
    w, h = page.image.size
    tops = []
    for line in lines:
        assert isinstance(line, Line)
        assert 0.5 < line.confidence <= 1.0
        x0, y0, x1, y1 = line.bbox
        assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h
        tops.append(y0)
    # the first line is drawn at y=150 with a 40 px font
    assert abs(tops[0] - 150) < 30
    assert tops == sorted(tops)
