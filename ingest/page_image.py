"""A stored original's page as the review screen shows it: read the way ingest reads it (a PDF page
rendered with its /Rotate, an image frame with its EXIF orientation applied), then righted with
the rotation and skew OCR applied, so evidence boxes (fractions of the righted page) land on their
words. Pages read before that geometry was recorded are righted again with `upright`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from lianfa.ingest.errors import CorruptFile, UnsupportedType
from lianfa.ingest.geometry import righten, upright

_EXIF_ROTATION = {3: 180, 6: 90, 8: 270}  # as ingest.image reads EXIF orientation
_EXIF_ORIENTATION_TAG = 0x0112


class PageNotFound(LookupError):
    pass


@dataclass(frozen=True)
class PageGeometry:
    """What ingest applied to right a page: clockwise degrees in all (EXIF included), and skew."""

    rotation: int = 0
    skew: float = 0.0


def _pdf_page(path: Path, page: int, dpi: int) -> tuple[Image.Image, int]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise CorruptFile(path.name, f"PDF 无法打开（{exc}），无法显示页面") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise PageNotFound(f"第 {page} 页不存在：该文件共 {len(pdf)} 页")
        return pdf[page - 1].render(scale=dpi / 72).to_pil().convert("RGB"), 0
    finally:
        pdf.close()


def _image_frame(path: Path, page: int, dpi: int) -> tuple[Image.Image, int]:
    try:
        with Image.open(path) as img:
            count = 0
            for count, frame in enumerate(ImageSequence.Iterator(img), start=1):
                if count != page:
                    continue
                exif = _EXIF_ROTATION.get(frame.getexif().get(_EXIF_ORIENTATION_TAG, 1), 0)
                righted = ImageOps.exif_transpose(frame).convert("RGB")
                # scans keep their own resolution; shrink them to the requested dpi for the screen
                scan_dpi = float((img.info.get("dpi") or (200, 200))[0]) or 200.0
                scale = dpi / scan_dpi
                if scale < 1:
                    righted = righted.resize((max(1, int(righted.width * scale)), max(1, int(righted.height * scale))))
                return righted, exif
            raise PageNotFound(f"第 {page} 页不存在：该图像共 {count} 页")
    except UnidentifiedImageError as exc:
        raise UnsupportedType(path.name, "该文件是文本或其他非页面格式，没有页面图像") from exc


def page_image(path: Path, page: int, dpi: int, geometry: PageGeometry | None = None) -> Image.Image:
    """Page `page` (1-based) of the original at `path`, righted as OCR righted it (`geometry`, when
    recorded; otherwise found again)."""
    with open(path, "rb") as fh:
        is_pdf = fh.read(8).startswith(b"%PDF")
    image, applied = _pdf_page(path, page, dpi) if is_pdf else _image_frame(path, page, dpi)
    if geometry is None:
        return upright(image)[0]
    return righten(image, (geometry.rotation - applied) % 360, geometry.skew)
