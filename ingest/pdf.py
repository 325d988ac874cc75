"""PDF pages → text-layer pages or page images to OCR, one page at a time.

Per page, the text layer is read with pypdfium2 (pdfium's C text API: ~20 ms for a dense page
here, where pdfplumber's own extract_text takes 45–90 ms; bench/text_layer.py). Where pdfium
cannot give it — a page turned by /Rotate, whose character boxes pdfium reports unturned, or a
font it maps to mojibake — pdfplumber (pdfminer) reads that page instead. Where neither holds
real text (a scan, text drawn as outlines, a font without a Unicode map) the page becomes an
image — the scanner's own JPEG when the page is exactly one upright JPEG covering it, else a
rendering — and is OCR'd. Characters from either reader are pdfplumber-style dicts (text, x0, x1,
top, bottom in points from the top-left, size, upright), what ingest.layout reads.

Pages are yielded lazily and each page's objects are released after it, so a 300-page scan never
holds more than one page image.

pdfium is not thread-safe, not even across different documents: every call into it here holds
PDFIUM_LOCK (held per page, never across a yield, so OCR of one page overlaps reading the next
file in another thread). Other modules that call pdfium in a threaded server take it too.
"""

from __future__ import annotations

import ctypes
import io
import logging
import math
import threading
import unicodedata
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
from PIL import Image

from lianfa.ingest.config import IngestSettings
from lianfa.ingest.errors import CorruptFile, EncryptedPdf, TooLarge
from lianfa.ingest.image import DECODE_ERRORS, to_rgb
from lianfa.ingest.intake import Source
from lianfa.ingest.pages import FailedPage, ImagePage, RawPage, TextLayerPage

log = logging.getLogger(__name__)

# --- When a page's text layer is used ------------------------------------------------------------
# A page's text layer holds real text when
#   1. it has at least MIN_TEXT_CHARS non-space characters (fewer: a blank page, or text drawn as
#      outlines with a stray page number — OCR reads what is drawn), and
#   2. at most MAX_BAD_SHARE of them are mojibake: glyphs without a Unicode map (pdfminer's
#      "(cid:N)", pdfium's map errors), U+FFFD/U+FFFE, private-use code points, control
#      characters, or Latin-1 letters (GBK bytes read as Latin-1 come out as "Ð¹ú¼Ò"), and
#   3. if an image covers at least SCAN_COVER of the page (a scan carrying a thin overlay such as
#      a page number or an invisible OCR layer from the scanner), at least MIN_CJK_OVER_SCAN CJK
#      characters: a thinner overlay is not the page's text, and
#   4. at least MIN_UPRIGHT_SHARE of them stand upright as the page is shown: a page whose text
#      runs sideways (drawn for a landscape sheet, shown portrait) would come out of layout as
#      one character a line; rendered, it is turned upright and OCR'd.
MIN_TEXT_CHARS = 8
MAX_BAD_SHARE = 0.05
SCAN_COVER = 0.5
MIN_CJK_OVER_SCAN = 20
MIN_UPRIGHT_SHARE = 0.5
# The scanner's JPEG is used as it is when it alone covers this much of the page.
EMBEDDED_JPEG_COVER = 0.9
# Above this multiple of the raster dpi an embedded JPEG is scaled down to it: OCR of a 600 dpi
# page costs more and reads no better.
EMBEDDED_OVERSAMPLE = 1.5
# A glyph turned more than this (radians) is not upright text: a vector seal's ring or a watermark.
_UPRIGHT_TOLERANCE = 0.05

PDFIUM_LOCK = threading.RLock()

_PDF_ERRORS = (PdfminerException, MalformedPDFException, PDFException, PSException, pdfium.PdfiumError)
_UNMAPPED = "\ufffd"


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
    upright: int

    @property
    def bad_share(self) -> float:
        return self.bad / self.chars if self.chars else 0.0

    @property
    def cover_matters(self) -> bool:
        """Whether rule 3 could change the verdict (measuring image cover costs a pass over the page)."""
        return self.cjk < MIN_CJK_OVER_SCAN

    def holds_text(self, image_cover: float) -> bool:
        if self.chars < MIN_TEXT_CHARS or self.bad_share > MAX_BAD_SHARE:
            return False
        if self.upright < MIN_UPRIGHT_SHARE * self.chars:
            return False
        return image_cover < SCAN_COVER or self.cjk >= MIN_CJK_OVER_SCAN


def text_layer_quality(chars: list[dict[str, Any]]) -> TextLayerQuality:
    n = cjk = bad = upright = 0
    for c in chars:
        text = c.get("text", "")
        if not text or text.isspace():
            continue
        n += 1
        upright += bool(c.get("upright", True))
        if _is_bad(text):
            bad += 1
        elif _is_cjk(text[0]):
            cjk += 1
    return TextLayerQuality(chars=n, cjk=cjk, bad=bad, upright=upright)


def _covered_share(boxes: list[tuple[float, float, float, float]], width: float, height: float) -> float:
    """The largest share of the page one box (x0, top, x1, bottom) covers."""
    if width * height <= 0:
        return 0.0
    best = 0.0
    for x0, top, x1, bottom in boxes:
        w = max(0.0, min(x1, width) - max(x0, 0.0))
        h = max(0.0, min(bottom, height) - max(top, 0.0))
        best = max(best, w * h)
    return best / (width * height)


# --- the two text readers -------------------------------------------------------------------


def _pdfium_chars(page: pdfium.PdfPage) -> list[dict[str, Any]]:
    # pdfium's boxes are in PDF user space; the page as shown is the CropBox, whose corner need
    # not be the origin (a shifted MediaBox, a cropped scan).
    left, _, _, top = page.get_cropbox()
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        rect = pdfium_c.FS_RECTF()
        chars = []
        for i in range(pdfium_c.FPDFText_CountChars(raw)):
            cp = pdfium_c.FPDFText_GetUnicode(raw, i)
            if cp < 32 or pdfium_c.FPDFText_IsGenerated(raw, i):
                continue
            text = _UNMAPPED if pdfium_c.FPDFText_HasUnicodeMapError(raw, i) == 1 else chr(cp)
            if text.isspace():
                continue
            # Loose boxes span the font's ascent to descent, like pdfplumber's: tight glyph boxes
            # would make a flat "一" a row of its own.
            pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(rect))
            angle = pdfium_c.FPDFText_GetCharAngle(raw, i)
            chars.append(
                {
                    "text": text,
                    "x0": rect.left - left,
                    "x1": rect.right - left,
                    "top": top - rect.top,
                    "bottom": top - rect.bottom,
                    "size": pdfium_c.FPDFText_GetFontSize(raw, i),
                    "upright": angle < _UPRIGHT_TOLERANCE or angle > 2 * math.pi - _UPRIGHT_TOLERANCE,
                }
            )
        return chars
    finally:
        textpage.close()


def _image_boxes(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """Image boxes as (x0, top, x1, bottom) on the page as shown (see _pdfium_chars)."""
    crop_left, _, _, crop_top = page.get_cropbox()
    boxes = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        boxes.append((left - crop_left, crop_top - top, right - crop_left, crop_top - bottom))
    return boxes


class _Plumber:
    """pdfplumber, opened on the first page pdfium cannot read: most PDFs never load it."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._pdf: pdfplumber.PDF | None = None
        self._failed = False

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def page(self, index: int) -> TextLayerPage | None:
        """The page's text layer when it holds text by the rule, else None."""
        if self._pdf is None and not self._failed:
            try:
                # A path lets pdfplumber own the file handle and close it with the PDF.
                src = self._source
                self._pdf = pdfplumber.open(src.openable(), password="")
            except (*_PDF_ERRORS, *DECODE_ERRORS) as exc:
                log.info("%s: pdfminer cannot open it (%s)", self._source.name, exc)
                self._failed = True
        if self._pdf is None:
            return None
        page = self._pdf.pages[index]
        try:
            width, height = float(page.width), float(page.height)
            chars = page.chars
            quality = text_layer_quality(chars)
            boxes = [(im["x0"], im["top"], im["x1"], im["bottom"]) for im in page.images]
            if quality.holds_text(_covered_share(boxes, width, height)):
                return TextLayerPage(index + 1, width, height, chars)
            return None
        finally:
            page.close()


# --- page images --------------------------------------------------------------------------


def _embedded_jpeg(page: pdfium.PdfPage, dpi: int, max_pixels: int) -> Image.Image | None:
    # counted first: a page of outlined text holds thousands of objects not worth wrapping
    if pdfium_c.FPDFPage_CountObjects(page.raw) != 1:
        return None
    (img_obj,) = page.get_objects(max_depth=0)
    if img_obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return None
    # Scanners write DCTDecode alone; some writers wrap it in ASCII85/Flate, which pdfium undoes.
    if img_obj.get_filters(skip_simple=True) != ["DCTDecode"]:
        return None
    a, b, c, d, _, _ = img_obj.get_matrix().get()
    if b or c or a <= 0 or d <= 0:
        return None  # rotated or mirrored on the page: let pdfium draw it the way it is shown
    pw, ph = page.get_size()
    ((x0, top, x1, bottom),) = _image_boxes(page)
    shown = _covered_share([(x0, top, x1, bottom)], pw, ph) * pw * ph
    # it must fill the page and be shown (nearly) whole: a cropped scan is rendered as cropped
    if shown < EMBEDDED_JPEG_COVER * pw * ph or shown < EMBEDDED_JPEG_COVER * (x1 - x0) * (bottom - top):
        return None
    px_w, px_h = img_obj.get_px_size()
    if px_w * px_h > max_pixels:
        return None
    image: Image.Image = Image.open(io.BytesIO(bytes(img_obj.get_data(decode_simple=True))))
    if image.mode not in {"L", "RGB"}:
        return None  # CMYK/inverted JPEGs depend on the PDF's /Decode: pdfium renders them right
    target = (max(1, round(pw / 72 * dpi)), max(1, round(ph / 72 * dpi)))
    if px_w > target[0] * EMBEDDED_OVERSAMPLE:
        image.draft(image.mode, target)  # decodes at 1/2, 1/4 or 1/8 scale: far cheaper than full size
        image = image.resize(target, Image.Resampling.LANCZOS)
    return to_rgb(image)


def _render(page: pdfium.PdfPage, dpi: int, max_pixels: int) -> Image.Image:
    """The page as an RGB image, turned by its /Rotate the way a viewer shows it."""
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


# --- the page stream ---------------------------------------------------------------------------


def _encrypted(name: str) -> EncryptedPdf:
    return EncryptedPdf(
        name,
        "PDF 设有打开密码 / PDF is password-protected: "
        "请去除密码后重新导出再上传 / remove the password, re-export and upload",
    )


def open_pdf(source: Source) -> pdfium.PdfDocument:
    """Open with pdfium and the empty password (PDFs with only an owner password open that way).

    pdfium rebuilds a broken cross-reference table itself; what it cannot open is damaged.
    """
    try:
        return pdfium.PdfDocument(source.data if source.data is not None else source.path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise _encrypted(source.name) from exc
        raise CorruptFile(
            source.name,
            f"PDF 已损坏，无法打开 / damaged PDF ({exc}): 请重新导出或扫描 / re-export or rescan it",
        ) from exc


def iter_pdf_pages(
    source: Source, settings: IngestSettings, only: int | None = None
) -> Generator[RawPage, None, None]:
    """Yield each page (or only page number `only`) as a TextLayerPage, an ImagePage to OCR, or a FailedPage.

    File-level problems (encrypted, damaged beyond repair, too many pages) raise before the first page.
    """
    with PDFIUM_LOCK:
        doc = open_pdf(source)
        count = len(doc)
    plumber = _Plumber(source)
    try:
        if count == 0:
            raise CorruptFile(source.name, "PDF 没有任何页面 / PDF has no pages: 请重新导出 / re-export it")
        if count > settings.max_pages:
            raise TooLarge(
                source.name,
                f"共 {count} 页，超过上限 {settings.max_pages} 页 / too many pages: 请拆分 / split the file",
            )
        for index in range(count) if only is None else range(max(0, only - 1), min(only, count)):
            number = index + 1
            try:
                with PDFIUM_LOCK:
                    page: RawPage = _read_page(doc, plumber, index, settings)
            except (*_PDF_ERRORS, *DECODE_ERRORS) as exc:
                log.warning("%s page %d unreadable", source.name, number, exc_info=True)
                page = FailedPage(
                    number, f"第 {number} 页无法读取 / page {number} unreadable ({type(exc).__name__}: {exc})"
                )
            yield page
    finally:
        plumber.close()
        with PDFIUM_LOCK:
            doc.close()


def _read_page(doc: pdfium.PdfDocument, plumber: _Plumber, index: int, settings: IngestSettings) -> RawPage:
    number = index + 1
    page = doc[index]
    try:
        width, height = page.get_size()
        ask_plumber = True
        if page.get_rotation() % 360 == 0:
            chars = _pdfium_chars(page)
            quality = text_layer_quality(chars)
            cover = _covered_share(_image_boxes(page), width, height) if quality.cover_matters else 0.0
            if quality.holds_text(cover):
                return TextLayerPage(number, width, height, chars)
            # pdfminer maps some fonts pdfium cannot: worth asking only when pdfium saw mojibake
            ask_plumber = quality.bad_share > MAX_BAD_SHARE
        if ask_plumber and (text_page := plumber.page(index)) is not None:
            return text_page
        image = (
            _embedded_jpeg(page, settings.pdf_raster_dpi, settings.max_page_pixels)
            if not page.get_rotation()
            else None
        )
        if image is None:
            image = _render(page, settings.pdf_raster_dpi, settings.max_page_pixels)
        return ImagePage(number, image)
    finally:
        page.close()
