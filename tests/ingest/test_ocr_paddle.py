"""PaddleOCR (onnxruntime, local PP-OCRv6 folders built from the rapidocr wheel) on one rendered page."""

from __future__ import annotations

import pytest
from ocr_pages import DECISION_LINES, draw_page

from lianfa.ingest.config import IngestSettings
from lianfa.ingest.ocr import get_engine
from lianfa.ingest.ocr.models import DET_MODEL, model_root
from lianfa.ingest.ocr.quality import cer

pytestmark = pytest.mark.ocr


def test_reads_a_clean_page() -> None:
    page = draw_page(DECISION_LINES, height=1300)
    engine = get_engine("paddleocr")
    assert engine.name == "paddleocr"
    lines = engine.recognize(page.image)
    # built lazily on first use, inside the data directory
    assert (model_root(IngestSettings()) / DET_MODEL / "inference.onnx").is_file()
    text = "".join(line.text for line in lines)
    assert cer(page.text, text, nfkc=True) <= 0.01
    # the full-width comma PP-OCR writes inside numbers is normalised
    assert "违法经营额为人民币259,200元" in text
    assert "〔2024〕318号" in text
    assert len(lines) == len(DECISION_LINES)
    for line, expected in zip(lines, DECISION_LINES, strict=True):
        x0, y0, x1, y1 = line.bbox
        assert 0 <= x0 < x1 <= page.image.width and 0 <= y0 < y1 <= page.image.height
        assert line.confidence > 0.5
        assert cer(expected, line.text, nfkc=True) < 0.1  # lines come back in page order
