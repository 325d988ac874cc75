"""What reading order costs per page, against the naive order.

    .venv/bin/python bench/layout_speed.py [--repeat 50]

Baseline ("naive"): OCR lines sorted by their top edge, then x, each added as its own line, as
a pipeline without ingest.layout would do. Measured in the same process on the committed
real-OCR pages (tests/fixtures/layout) and the corpus text-layer PDF (tests/fixtures/corpus).
A dense synthetic text-layer page (3,000 glyphs) shows the worst case.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from lianfa.ingest.document import Box, DocumentBuilder, Line  # noqa: E402
from lianfa.ingest.layout import add_ocr_page, add_text_layer_page  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def _ocr_pages() -> list[tuple[list[Line], float, float]]:
    pages = []
    for name in ("market", "environment"):
        data = json.loads((FIXTURES / "layout" / f"{name}.json").read_text(encoding="utf-8"))
        for p in data["pages"]:
            lines = [Line(x["text"], x["confidence"], tuple(tuple(q) for q in x["quad"])) for x in p["lines"]]
            pages.append((lines, float(p["width"]), float(p["height"])))
    return pages


def _naive(lines: list[Line], width: float, height: float) -> None:
    b = DocumentBuilder()
    for ln in sorted(lines, key=lambda x: (x.bbox[1], x.bbox[0])):
        x0, y0, x1, y1 = ln.bbox
        b.add_line(ln.text, 1, Box(x0 / width, y0 / height, x1 / width, y1 / height))


def _timed(fn: Callable[[], None], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    pages = _ocr_pages()
    naive = _timed(lambda: [_naive(*p) for p in pages], args.repeat) / len(pages)
    ours = _timed(lambda: [add_ocr_page(DocumentBuilder(), lines, 1, w, h) for lines, w, h in pages], args.repeat) / len(pages)
    print(f"OCR pages ({len(pages)}, {sum(len(p[0]) for p in pages)} lines): naive {naive:.2f} ms/page, "
          f"layout {ours:.2f} ms/page, ratio {ours / naive:.1f}x")
    with pdfplumber.open(FIXTURES / "corpus" / "textpdf" / "h0007-000001.pdf") as pdf:
        text_pages = [(p.chars, float(p.width), float(p.height)) for p in pdf.pages]
    text_ms = _timed(
        lambda: [add_text_layer_page(DocumentBuilder(), c, 1, w, h) for c, w, h in text_pages], args.repeat
    ) / len(text_pages)
    glyphs = sum(len(c) for c, _, _ in text_pages) / len(text_pages)
    print(f"text-layer pages ({len(text_pages)}, {glyphs:.0f} glyphs/page): layout {text_ms:.2f} ms/page")
    dense = [
        {"text": "字", "x0": 40 + k * 10.5, "x1": 50 + k * 10.5, "top": 40 + r * 12.5, "bottom": 50 + r * 12.5}
        for r in range(60)
        for k in range(50)
    ]
    dense_ms = _timed(lambda: add_text_layer_page(DocumentBuilder(), dense, 1, 595.0, 842.0), max(args.repeat // 10, 1))
    print(f"dense synthetic text-layer page (3,000 glyphs): layout {dense_ms:.1f} ms, "
          f"{dense_ms / text_ms:.1f}x the corpus page")


if __name__ == "__main__":
    main()
