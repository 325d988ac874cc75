"""Long scanned PDFs that cost nothing to OCR, for the fan-out tests, and `lianfa worker` reading them.

Each page is a blank scan whose width says which page it is (300 + n pixels); PageSizeEngine "reads"
that width back as one line of text, so sixty pages take milliseconds and every page's text is
its own. The real page path runs around it: the PDF reader, the embedded JPEG, the righting step,
layout. Run as a module, this is the real worker (run_worker) whose children's Pipeline has that
engine; LIANFA_TEST_FAIL_WIDTHS names page widths the engine fails on.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from PIL import Image

from lianfa.ingest.document import Line
from lianfa.ingest.errors import OcrError
from lianfa.service.cli.worker_cmd import run_worker
from lianfa.service.config import ServiceSettings, get_service_settings
from lianfa.service.jobs.runner import PipelineProcessor, Processor

BASE_WIDTH = 300


def page_line(n: int) -> str:
    return f"第{n}页经查当事人某某商贸有限公司于二〇二三年{n % 12 + 1}月销售不合格产品{n}批次"


class PageSizeEngine:
    name = "page-size"

    def __init__(self, fail_widths: frozenset[int] = frozenset(), delay: float = 0.0) -> None:
        self.fail_widths = fail_widths
        self.delay = delay

    def recognize(self, image: Image.Image) -> list[Line]:
        w, h = image.size
        time.sleep(self.delay)  # a page that takes a moment, so that both workers get pages
        if w in self.fail_widths:
            raise OcrError("page", "识别失败 / recognition failed")
        # mid-page, where layout never takes a line for a running header
        quad = ((0.05 * w, 0.45 * h), (0.95 * w, 0.45 * h), (0.95 * w, 0.55 * h), (0.05 * w, 0.55 * h))
        return [Line(page_line(w - BASE_WIDTH), 0.97, quad)]


def long_pdf(path: Path, pages: int, first: int = 1) -> Path:
    """A scanned PDF of `pages` blank pages (one JPEG a page), its first page read as `page_line(first)`,
    the next as `page_line(first + 1)`..."""
    images = [Image.new("RGB", (BASE_WIDTH + n, 120), "white") for n in range(first, first + pages)]
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=72.0)
    return path


def scanned_pdf(path: Path, pages: list[list[str]], dpi: int = 150) -> Path:
    """A small scanned PDF for real OCR: each page's lines drawn, rendered at `dpi` and put back as a
    JPEG filling the page, as a scanner makes it. Short pages, so OCR takes a fraction of a second."""
    import io

    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from lianfa.corpora.render.fonts import text_layer_font

    size = (300.0, 40.0 + 26.0 * max(len(p) for p in pages))
    font = text_layer_font()
    out = canvas.Canvas(str(path), pagesize=size)
    for lines in pages:
        buf = io.BytesIO()
        page = canvas.Canvas(buf, pagesize=size)
        page.setFont(font, 14)
        for i, line in enumerate(lines):
            page.drawString(20, size[1] - 34 - 26 * i, line)
        page.save()
        doc = pdfium.PdfDocument(buf.getvalue())
        image = doc[0].render(scale=dpi / 72).to_pil().convert("L")
        doc.close()
        jpeg = io.BytesIO()
        image.save(jpeg, "JPEG", quality=85)
        out.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, *size)
        out.showPage()
    out.save()
    return path


def fail_widths_from_env() -> frozenset[int]:
    raw = os.environ.get("LIANFA_TEST_FAIL_WIDTHS", "")
    return frozenset(int(w) for w in raw.split(",") if w)


def page_size_factory(settings: ServiceSettings) -> Processor:
    from lianfa.pipeline import Pipeline

    engine = PageSizeEngine(fail_widths_from_env(), float(os.environ.get("LIANFA_TEST_DELAY", "0")))
    return PipelineProcessor(settings, Pipeline(settings, engine=engine))


if __name__ == "__main__":
    args = argparse.ArgumentParser()
    args.add_argument("--concurrency", type=int, default=1)
    args.add_argument("--log-level", default="info")
    opts = args.parse_args()
    run_worker(get_service_settings().model_copy(update={"workers": opts.concurrency}), log_level=opts.log_level,
               processor_factory=page_size_factory)
