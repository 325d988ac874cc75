"""PDF pages → text-layer pages or page images to OCR, one page at a time.

Per page: the text layer is read with pdfplumber; where it does not hold real text (a scan, text
drawn as outlines, a font without a Unicode map) the page becomes an image — the scanner's own
JPEG when the page is exactly one upright JPEG covering it, else a pypdfium2 rendering — and is
OCR'd. Pages are yielded lazily and each page's parsed objects are dropped after it, so a 300-page
scan never holds more than one page image.
"""

from __future__ import annotations

import io
import logging
import math
import unicodedata
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
from PIL import Image

from ingest.config import IngestSettings
from ingest.errors import CorruptFile, EncryptedPdf, TooLarge
from ingest.image import DECODE_ERRORS, to_rgb
from ingest.intake import Source
from ingest.pages import FailedPage, ImagePage, RawPage, TextLayerPage

log = logging.getLogger(__name__)

# --- When a page's text layer is used ------------------------------------------------------------
# A page's text layer holds real text when
#   1. it has at least MIN_TEXT_CHARS non-space characters (fewer: a blank page, or text drawn as
#      outlines with a stray page number — OCR reads what is drawn), and
#   2. at most MAX_BAD_SHARE of them are mojibake: pdfminer's "(cid:N)" for glyphs without a
#      Unicode map, U+FFFD/U+FFFE, private-use code points, control characters, or Latin-1 letters
#      (GBK bytes read as Latin-1 come out as "Ð¹ú¼Ò"), and
#   3. if an image covers at least SCAN_COVER of the page (a scan carrying a thin overlay such as
#      a page number or an invisible OCR layer from the scanner), at least MIN_CJK_OVER_SCAN CJK
#      characters: a thinner overlay is not the page's text.
MIN_TEXT_CHARS = 8
MAX_BAD_SHARE = 0.05
SCAN_COVER = 0.5
MIN_CJK_OVER_SCAN = 20
# The scanner's JPEG is used as it is when it alone covers this much of the page.
EMBEDDED_JPEG_COVER = 0.9
# Above this multiple of the raster dpi an embedded JPEG is scaled down: OCR at 600 dpi costs
# several times 200 dpi and reads no better.
EMBEDDED_OVERSAMPLE = 1.5

_PDF_ERRORS = (PdfminerException, MalformedPDFException, PDFException, PSException, pdfium.PdfiumError)


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2FA1F or 0xF900 <= cp <= 0xFAFF
    )


def _is_bad(text: str) -> bool:
    if text.startswith("(cid:"):
        return True
    for ch in text:
        cp = ord(ch)
        if ch in "\ufffd\ufffe" or unicodedata.category(ch) in {"Co", "Cc", "Cs"}:
            return True
        if 0xC0 <= cp <= 0xFF and ch not in "×÷":
            return True
    return False


@dataclass(frozen=True)
class TextLayerQuality:
    chars: int
    cjk: int
    bad: int

    @property
    def bad_share(self) -> float:
        return self.bad / self.chars if self.chars else 0.0

    def holds_text(self, image_cover: float) -> bool:
        if self.chars < MIN_TEXT_CHARS or self.bad_share > MAX_BAD_SHARE:
            return False
        return image_cover < SCAN_COVER or self.cjk >= MIN_CJK_OVER_SCAN


def text_layer_quality(chars: list[dict[str, Any]]) -> TextLayerQuality:
    n = cjk = bad = 0
    for c in chars:
        text = c.get("text", "")
        if not text or text.isspace():
            continue
        n += 1
        if _is_bad(text):
            bad += 1
        elif _is_cjk(text[0]):
            cjk += 1
    return TextLayerQuality(chars=n, cjk=cjk, bad=bad)


def _image_cover(images: list[dict[str, Any]], width: float, height: float) -> float:
    area = width * height
    if area <= 0:
        return 0.0
    biggest = 0.0
    for im in images:
        w = max(0.0, min(im["x1"], width) - max(im["x0"], 0.0))
        h = max(0.0, min(im["bottom"], height) - max(im["top"], 0.0))
        biggest = max(biggest, w * h)
    return biggest / area


# --- pypdfium2: rendering, the scanner's JPEG, and a second text reader -------------------------


class _Pdfium:
    """pypdfium2 opened on first need: a PDF whose pages all have a text layer never loads it."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._doc: pdfium.PdfDocument | None = None

    @property
    def doc(self) -> pdfium.PdfDocument:
        if self._doc is None:
            self._doc = open_pdfium(self._source)
        return self._doc

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()

    def text_chars(self, index: int) -> tuple[list[dict[str, Any]], float, float] | None:
        """The page's characters as pdfplumber-style dicts (text, x0, x1, top, bottom, size), or None
        for a rotated page, whose character boxes pdfium gives in unrotated space."""
        page = self.doc[index]
        try:
            if page.get_rotation():
                return None
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                chars = []
                raw = textpage.raw
                for i in range(textpage.count_chars()):
                    if pdfium_c.FPDFText_IsGenerated(raw, i):
                        continue
                    ch = chr(pdfium_c.FPDFText_GetUnicode(raw, i))
                    if ch in "\r\n":
                        continue
                    # Loose boxes span the font's ascent to descent, like pdfplumber's: tight glyph
                    # boxes make a flat "一" a row of its own.
                    left, bottom, right, top = textpage.get_charbox(i, loose=True)
                    chars.append(
                        {
                            "text": ch,
                            "x0": left,
                            "x1": right,
                            "top": height - top,
                            "bottom": height - bottom,
                            "size": pdfium_c.FPDFText_GetFontSize(raw, i),
                            "upright": True,
                        }
                    )
                return chars, width, height
            finally:
                textpage.close()
        finally:
            page.close()

    def page_image(self, index: int, dpi: int, max_pixels: int) -> Image.Image:
        """The page as an RGB image, turned by its /Rotate the way a viewer shows it."""
        page = self.doc[index]
        try:
            embedded = None if page.get_rotation() % 360 else _embedded_jpeg(page, dpi, max_pixels)
            if embedded is not None:
                return embedded
            width, height = page.get_size()
            scale = dpi / 72.0
            # A poster-sized page is read at the resolution the pixel cap allows, not refused.
            while math.ceil(width * scale) * math.ceil(height * scale) > max_pixels:
                scale = min(scale * 0.99, (max_pixels / (width * height)) ** 0.5)
            bitmap = page.render(scale=scale)
            try:
                return bitmap.to_pil().convert("RGB")
            finally:
                bitmap.close()
        finally:
            page.close()


def _embedded_jpeg(page: pdfium.PdfPage, dpi: int, max_pixels: int) -> Image.Image | None:
    objects = list(page.get_objects())
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return None
    img_obj = objects[0]
    # Scanners write DCTDecode alone; some writers wrap it in ASCII85/Flate, which pdfium undoes.
    if img_obj.get_filters(skip_simple=True) != ["DCTDecode"]:
        return None
    a, b, c, d, _, _ = img_obj.get_matrix().get()
    if b or c or a <= 0 or d <= 0:
        return None  # rotated or mirrored on the page: let pdfium draw it the way it is shown
    left, bottom, right, top = img_obj.get_bounds()
    pw, ph = page.get_size()
    covered = max(0.0, min(right, pw) - max(left, 0.0)) * max(0.0, min(top, ph) - max(bottom, 0.0))
    if pw * ph <= 0 or covered / (pw * ph) < EMBEDDED_JPEG_COVER:
        return None
    px_w, px_h = img_obj.get_px_size()
    if px_w * px_h > max_pixels:
        return None
    image = Image.open(io.BytesIO(bytes(img_obj.get_data(decode_simple=True))))
    if image.mode not in {"L", "RGB"}:
        return None  # CMYK/inverted JPEGs depend on the PDF's /Decode: pdfium renders them right
    target = (max(1, round(pw / 72 * dpi)), max(1, round(ph / 72 * dpi)))
    if px_w > target[0] * EMBEDDED_OVERSAMPLE:
        image.draft(image.mode, target)  # decodes at 1/2, 1/4 or 1/8 scale: far cheaper than full size
        image = image.resize(target, Image.Resampling.LANCZOS)
    return to_rgb(image)


def open_pdfium(source: Source) -> pdfium.PdfDocument:
    """Open with pdfium, with the empty password (owner-password-only PDFs open that way)."""
    try:
        return pdfium.PdfDocument(source.data if source.data is not None else source.path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise _encrypted(source.name) from exc
        raise CorruptFile(
            source.name,
            f"PDF 已损坏，无法打开 / damaged PDF ({exc}): 请重新导出或扫描 / re-export or rescan it",
        ) from exc


def _encrypted(name: str) -> EncryptedPdf:
    return EncryptedPdf(
        name,
        "PDF 设有打开密码 / PDF is password-protected: "
        "请去除密码后重新导出再上传 / remove the password, re-export and upload",
    )


# --- the page stream ---------------------------------------------------------------------------


def _open_plumber(source: Source) -> pdfplumber.PDF:
    try:
        # A path lets pdfplumber own the file handle and close it with the PDF.
        pdf = pdfplumber.open(source.path if source.data is None else io.BytesIO(source.data), password="")
        pdf.pages  # noqa: B018  (reads the page tree now, so a broken one fails here, not mid-batch)
        return pdf
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise _encrypted(source.name) from exc
        raise
    except (PDFException, PSException) as exc:
        raise PdfminerException(exc) from exc


def iter_pdf_pages(source: Source, settings: IngestSettings) -> Iterator[RawPage]:
    """Yield each page as a TextLayerPage, an ImagePage to OCR, or a FailedPage.

    File-level problems (encrypted, damaged beyond repair, too many pages) raise before the first
    page. When pdfminer cannot parse the file at all, pdfium (which repairs more) reads it alone.
    """
    with ExitStack() as stack:
        pdfium_doc = _Pdfium(source)
        stack.callback(pdfium_doc.close)
        try:
            plumber: pdfplumber.PDF | None = _open_plumber(source)
        except PdfminerException as exc:
            log.info("%s: pdfminer cannot parse (%s); reading with pdfium alone", source.name, exc)
            plumber = None
        if plumber is not None:
            stack.callback(plumber.close)
            count = len(plumber.pages)
        else:
            count = len(pdfium_doc.doc)
        if count == 0:
            raise CorruptFile(source.name, "PDF 没有任何页面 / PDF has no pages: 请重新导出 / re-export it")
        if count > settings.max_pages:
            raise TooLarge(
                source.name,
                f"共 {count} 页，超过上限 {settings.max_pages} 页 / too many pages: 请拆分 / split the file",
            )
        for index in range(count):
            number = index + 1
            try:
                yield _read_page(plumber, pdfium_doc, index, settings)
            except EncryptedPdf:
                raise
            except (*_PDF_ERRORS, *DECODE_ERRORS) as exc:
                log.warning("%s page %d unreadable", source.name, number, exc_info=True)
                yield FailedPage(
                    number, f"第 {number} 页无法读取 / page {number} unreadable ({type(exc).__name__}: {exc})"
                )


def _read_page(
    plumber: pdfplumber.PDF | None, pdfium_doc: _Pdfium, index: int, settings: IngestSettings
) -> RawPage:
    number = index + 1
    cover = 0.0
    if plumber is not None:
        page = plumber.pages[index]
        try:
            chars, images = page.chars, page.images
            width, height = float(page.width), float(page.height)
            cover = _image_cover(images, width, height)
            quality = text_layer_quality(chars)
            if quality.holds_text(cover):
                return TextLayerPage(number, width, height, chars)
            mojibake = quality.bad_share > MAX_BAD_SHARE
        finally:
            page.close()
    else:
        mojibake = True
    if mojibake:
        # pdfminer lacks some CID maps (and decrypts some encrypted CJK fonts wrongly) where pdfium
        # reads the same text fine: ask it before paying for OCR.
        read = pdfium_doc.text_chars(index)
        if read is not None and text_layer_quality(read[0]).holds_text(cover):
            return TextLayerPage(number, read[1], read[2], read[0])
    return ImagePage(number, pdfium_doc.page_image(index, settings.pdf_raster_dpi, settings.max_page_pixels))
