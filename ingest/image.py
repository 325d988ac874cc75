"""Image files (PNG, JPEG, TIFF incl. multi-page fax/scanner TIFFs, BMP, WebP) → page images to OCR.

The pixel limit is checked on the size the header declares, before anything is decoded: a
40000×40000 header on a 1 KB file must not allocate 4.8 GB.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from lianfa.ingest.config import IngestSettings
from lianfa.ingest.errors import CorruptFile, TooLarge
from lianfa.ingest.intake import Source
from lianfa.ingest.pages import FailedPage, ImagePage

# EXIF Orientation values that are pure rotations, as degrees clockwise to right the image.
_EXIF_ROTATION = {3: 180, 6: 90, 8: 270}
_EXIF_ORIENTATION_TAG = 0x0112
# Pillow's own errors for a damaged image: they describe the input, not a bug in lianfa.
DECODE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, IndexError, KeyError, TypeError)


def too_many_pixels(width: int, height: int, settings: IngestSettings) -> str | None:
    if width * height <= settings.max_page_pixels:
        return None
    return (
        f"图像 {width}×{height} 像素，超过每页上限 {settings.max_page_pixels / 1e6:.0f} 百万像素 / "
        f"image too large ({width * height / 1e6:.0f} Mpx); 请以 200–300 dpi 重新扫描 / rescan at 200–300 dpi"
    )


def to_rgb(image: Image.Image) -> Image.Image:
    """An 8-bit RGB copy; transparency becomes white paper, 16-bit scans are scaled, not clipped."""
    if image.mode in {"I;16", "I;16B", "I;16L", "I", "F"}:
        arr = np.asarray(image, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        scaled = (arr - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(arr)
        return Image.fromarray(scaled.astype(np.uint8), "L").convert("RGB")
    if image.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or (
        image.mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("RGB")
    return image.convert("RGB")


def _open(source: Source, settings: IngestSettings) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb guard: the limit that applies is ours, checked by the caller.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # A path lets Pillow own (and close) the file; a multi-page TIFF keeps it open between frames.
            return Image.open(source.openable())
    except Image.DecompressionBombError as exc:
        # Pillow refuses before our own check can run: past ~179 Mpx, far over any page limit.
        raise TooLarge(
            source.name,
            f"图像声明的像素数超过 {2 * (Image.MAX_IMAGE_PIXELS or 0) / 1e6:.0f} 百万，远超每页上限 "
            f"{settings.max_page_pixels / 1e6:.0f} 百万 / image declares far too many pixels: "
            "请以 200–300 dpi 重新扫描 / rescan at 200–300 dpi",
        ) from exc
    except UnidentifiedImageError as exc:
        raise CorruptFile(
            source.name, "图像文件已损坏，无法解码 / damaged image: 请重新扫描或导出 / rescan or re-export it"
        ) from exc
    except DECODE_ERRORS as exc:
        raise CorruptFile(
            source.name, f"图像文件已损坏 / damaged image ({exc}): 请重新扫描或导出 / rescan or re-export it"
        ) from exc


def _frame(image: Image.Image, number: int) -> ImagePage:
    orientation = image.getexif().get(_EXIF_ORIENTATION_TAG, 1)
    righted = ImageOps.exif_transpose(image)
    return ImagePage(number=number, image=to_rgb(righted), rotation=_EXIF_ROTATION.get(orientation, 0))


def iter_image_pages(source: Source, settings: IngestSettings) -> Iterator[ImagePage | FailedPage]:
    """Yield each frame as an RGB page. File-level problems raise before the first page."""
    image = _open(source, settings)
    try:
        try:
            frames = getattr(image, "n_frames", 1)  # a TIFF counts its pages by walking them
        except DECODE_ERRORS as exc:
            raise CorruptFile(
                source.name, f"多页图像已损坏 / damaged multi-page image ({exc}): 请重新扫描 / rescan it"
            ) from exc
        if frames > settings.max_pages:
            raise TooLarge(
                source.name,
                f"共 {frames} 页，超过上限 {settings.max_pages} 页 / too many pages: 请拆分 / split the file",
            )
        if frames == 1 and (msg := too_many_pixels(*image.size, settings)):
            raise TooLarge(source.name, msg)
        for index in range(frames):
            number = index + 1
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                    image.seek(index)
                if msg := too_many_pixels(*image.size, settings):
                    yield FailedPage(number, msg)
                    continue
                page = _frame(image, number)
            except Image.DecompressionBombError:
                yield FailedPage(
                    number, f"第 {number} 页图像像素数过大 / page image declares far too many pixels"
                )
                continue
            except DECODE_ERRORS as exc:
                yield FailedPage(number, f"第 {number} 页图像已损坏 / page image damaged ({exc})")
                continue
            yield page
    finally:
        image.close()
