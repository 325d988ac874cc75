"""PDF output: scanned pages (one embedded JPEG a page, as a scanner writes them), pages with a real
text layer (born-digital, as an agency's own system exports them), or a mix of both in one file.

Pages are added one at a time; only the current page's pixels are decoded in memory.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from lianfa.corpora.render.fonts import text_layer_font
from lianfa.corpora.render.layout import PageLayout, Run
from lianfa.corpora.render.seal import Seal


class PdfWriter:
    def __init__(self, path: Path, title: str, dpi: int) -> None:
        # invariant: no creation date or random file id, so the same seed gives the same bytes
        self._canvas = Canvas(str(path), invariant=1, pageCompression=1)
        self._canvas.setTitle(title)
        self._k = 72.0 / dpi
        self._dpi = dpi

    def scanned_page(self, image: Image.Image, quality: int) -> None:
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=quality, dpi=(self._dpi, self._dpi))
        buf.seek(0)
        w, h = image.width * self._k, image.height * self._k
        c = self._canvas
        c.setPageSize((w, h))
        c.drawImage(ImageReader(buf), 0, 0, w, h)
        c.showPage()

    def text_page(self, page: PageLayout, seal: Seal | None) -> None:
        k = self._k
        c = self._canvas
        height = page.height * k
        c.setPageSize((page.width * k, height))
        for rule in page.rules:
            c.setLineWidth(rule.width * k)
            c.line(rule.x0 * k, height - rule.y0 * k, rule.x1 * k, height - rule.y1 * k)
        font = text_layer_font()
        for run in page.runs + page.furniture:
            self._run(run, font, height)
        if seal is not None and page.seal is not None:
            d = seal.mask.width * k
            x = page.seal.cx * k - d / 2
            y = height - page.seal.cy * k - d / 2
            c.drawImage(ImageReader(seal.rgba()), x, y, d, d, mask="auto")
        c.showPage()

    def _run(self, run: Run, font: str, height: float) -> None:
        k = self._k
        c = self._canvas
        size = run.font.size * k
        color = [v / 255 for v in run.color]
        c.setFillColorRGB(*color)
        # The text-layer font's widths differ from the page font's: anchor where the layout anchors.
        natural = stringWidth(run.text, font, size) + run.tracking * k * len(run.text)
        if run.align == "center":
            x = (run.x + run.width / 2) * k - natural / 2
        elif run.align == "right":
            x = (run.x + run.width) * k - natural
        else:
            x = run.x * k
        text = c.beginText(x, height - run.baseline * k)
        text.setFont(font, size)
        text.setCharSpace(run.tracking * k)
        if run.font.weight == "bold":
            # the embeddable CJK faces have no bold: stroke the outlines as well as filling them
            c.setStrokeColorRGB(*color)
            c.setLineWidth(size * 0.035)
            text.setTextRenderMode(2)
        text.textOut(run.text)
        c.drawText(text)

    def close(self) -> None:
        self._canvas.save()
