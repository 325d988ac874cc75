"""Inputs for the ingest tests, made at test time (a few KB each, in milliseconds).

The PDF builders of the bad-input fixture script (tests/fixtures/bad/make.py) are reused so the
good files and the bad ones derived from them are the same documents.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from lianfa.ingest.document import Line
from lianfa.ingest.errors import OcrError

FIXTURES = Path(__file__).parent.parent / "fixtures"
_spec = importlib.util.spec_from_file_location("bad_fixture_make", FIXTURES / "bad" / "make.py")
assert _spec and _spec.loader
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)

BAD = FIXTURES / "bad"
LINES: list[str] = make.LINES
text_pdf: Callable[..., bytes] = make.text_pdf


def jpeg(size: tuple[int, int], colour: str = "white", quality: int = 80) -> bytes:
    im = Image.new("RGB", size, colour)
    ImageDraw.Draw(im).rectangle((size[0] // 10, size[1] // 10, size[0] // 2, size[1] // 8), fill="black")
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def pdf_pages(pages: list[str | bytes], rotate: int = 0, pagesize: tuple[float, float] = A4) -> bytes:
    """A PDF with one page per item: a str is drawn as a text layer, bytes (a JPEG) fill the page
    as a scanner does."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=pagesize, invariant=1)
    for item in pages:
        if rotate:
            c.setPageRotation(rotate)
        if isinstance(item, bytes):
            c.drawImage(ImageReader(io.BytesIO(item)), 0, 0, pagesize[0], pagesize[1])
        else:
            c.setFont("STSong-Light", 12)
            for i, line in enumerate(item.splitlines()):
                c.drawString(60, pagesize[1] - 60 - 22 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


DECISION = "\n".join(LINES)


class FakeEngine:
    """Returns one known line per page, in the image's own pixel coordinates; records what it saw."""

    name = "fake"

    def __init__(
        self,
        text: str = "经查当事人销售假冒注册商标的商品",
        fail_on: set[int] | None = None,
        crash: bool = False,
    ) -> None:
        self.text = text
        self.fail_on = fail_on or set()
        self.crash = crash
        self.seen: list[tuple[int, int]] = []

    def recognize(self, image: Image.Image) -> list[Line]:
        self.seen.append(image.size)
        if self.crash:
            raise RuntimeError("engine bug")
        if len(self.seen) in self.fail_on:
            raise OcrError("page", "识别失败 / recognition failed")
        w, h = image.size
        return [
            Line(
                self.text,
                0.98,
                ((0.1 * w, 0.1 * h), (0.9 * w, 0.1 * h), (0.9 * w, 0.13 * h), (0.1 * w, 0.13 * h)),
            )
        ]
