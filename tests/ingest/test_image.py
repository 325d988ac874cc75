from __future__ import annotations

import io

import numpy as np
import pytest
from ingest_inputs import BAD
from PIL import Image

from lianfa.ingest.errors import CorruptFile, TooLarge
from lianfa.ingest.image import iter_image_pages, to_rgb
from lianfa.ingest.intake import source_from_bytes, source_from_path
from lianfa.ingest.pages import FailedPage, ImagePage


def _bytes(image: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **kw)
    return buf.getvalue()


def _pages(data: bytes, settings, name: str = "scan") -> list[ImagePage | FailedPage]:
    return list(iter_image_pages(source_from_bytes(data, name, settings), settings))


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "BMP", "WEBP", "TIFF"])
def test_each_format_gives_one_rgb_page(fmt: str, settings) -> None:
    pages = _pages(_bytes(Image.new("L", (120, 80), 200), fmt), settings)
    assert len(pages) == 1 and isinstance(pages[0], ImagePage)
    assert (pages[0].number, pages[0].image.mode, pages[0].image.size) == (1, "RGB", (120, 80))


def test_multi_page_tiff_in_order(settings) -> None:
    frames = [Image.new("1", (100 + 10 * i, 50), 1) for i in range(3)]  # fax-style 1-bit pages
    data = _bytes(frames[0], "TIFF", save_all=True, append_images=frames[1:], compression="group4")
    pages = _pages(data, settings)
    assert [(p.number, p.image.size) for p in pages] == [(1, (100, 50)), (2, (110, 50)), (3, (120, 50))]


def test_transparent_pixels_become_white_paper() -> None:
    im = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    im.putpixel((0, 0), (0, 0, 0, 255))
    rgb = to_rgb(im)
    assert rgb.getpixel((1, 1)) == (255, 255, 255) and rgb.getpixel((0, 0)) == (0, 0, 0)


def test_16_bit_scans_are_scaled_not_clipped() -> None:
    arr = np.array([[1000, 3000], [5000, 7000]], dtype=np.uint16)
    rgb = to_rgb(Image.fromarray(arr))
    assert Image.fromarray(arr).mode.startswith("I;16")
    values = sorted(np.asarray(rgb)[..., 0].ravel().tolist())
    assert values[0] == 0 and values[-1] == 255 and len(set(values)) == 4


def test_exif_orientation_is_applied_and_recorded(settings) -> None:
    im = Image.new("RGB", (300, 100), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held turned: rotate 90° clockwise to view
    (page,) = _pages(_bytes(im, "JPEG", exif=exif), settings)
    assert page.image.size == (100, 300) and page.rotation == 90


def test_pixel_limit_refuses_a_single_image(settings) -> None:
    small = settings.model_copy(update={"max_page_pixels": 100 * 100})
    with pytest.raises(TooLarge, match="101×100"):
        _pages(_bytes(Image.new("L", (101, 100)), "PNG"), small)


def test_pixel_limit_fails_only_the_big_tiff_page(settings) -> None:
    frames = [Image.new("L", (50, 50)), Image.new("L", (200, 200)), Image.new("L", (50, 50))]
    data = _bytes(frames[0], "TIFF", save_all=True, append_images=frames[1:])
    small = settings.model_copy(update={"max_page_pixels": 100 * 100})
    pages = _pages(data, small)
    assert [type(p).__name__ for p in pages] == ["ImagePage", "FailedPage", "ImagePage"]
    assert pages[1].number == 2 and "200×200" in pages[1].error


def test_too_many_frames(settings) -> None:
    frames = [Image.new("L", (20, 20)) for _ in range(4)]
    data = _bytes(frames[0], "TIFF", save_all=True, append_images=frames[1:])
    with pytest.raises(TooLarge, match="4"):
        _pages(data, settings.model_copy(update={"max_pages": 3}))


def test_huge_declared_header_is_refused_without_decoding(settings) -> None:
    source = source_from_path(BAD / "huge_header.png", settings)
    with pytest.raises(TooLarge, match="rescan"):
        list(iter_image_pages(source, settings))


def test_truncated_jpeg_is_a_failed_page(settings) -> None:
    rng = np.random.default_rng(0)
    data = _bytes(Image.fromarray(rng.integers(0, 255, (200, 200, 3), dtype=np.uint8)), "JPEG")
    (page,) = _pages(data[: len(data) // 2], settings)
    assert isinstance(page, FailedPage) and "damaged" in page.error


def test_garbage_after_a_png_signature(settings) -> None:
    with pytest.raises(CorruptFile, match="damaged image"):
        _pages(b"\x89PNG\r\n\x1a\n" + b"\x13" * 200, settings)
