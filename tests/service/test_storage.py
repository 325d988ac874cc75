from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from lianfa.service.errors import PageUnavailable, UploadTooLarge
from lianfa.service.storage import Storage


def test_content_addressed_and_never_overwritten(tmp_path) -> None:
    st = Storage(tmp_path / "store")
    src = tmp_path / "a.txt"
    src.write_bytes("行政处罚决定书".encode())
    first = st.put_file(src, "a.txt", 1000)
    assert first.created and first.path == st.original_path(first.sha256) and first.path.read_bytes() == src.read_bytes()
    mtime = first.path.stat().st_mtime_ns
    again = st.put_file(src, "copy.txt", 1000)
    assert (again.sha256, again.path, again.created) == (first.sha256, first.path, False)
    assert first.path.stat().st_mtime_ns == mtime
    assert os.listdir(st.tmp_dir) == []


def test_size_limit_while_streaming_leaves_nothing_behind(tmp_path) -> None:
    st = Storage(tmp_path / "store")
    w = st.writer("big.pdf", limit=10)
    w.write(b"12345")
    with pytest.raises(UploadTooLarge, match="big.pdf"):
        w.write(b"678901")
    assert os.listdir(st.tmp_dir) == []


def _stored(st: Storage, tmp_path, name: str, data: bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    return st.put_file(p, name, 10_000_000).sha256


def test_page_images_from_pdf_and_multipage_tiff_are_cached(tmp_path) -> None:
    st = Storage(tmp_path / "store")
    def pages() -> list[Image.Image]:  # fresh images per format: PIL's PDF writer leaves state on them
        return [Image.new("RGB", (400, 560), c) for c in ("white", "black")]

    pdf, tif = io.BytesIO(), io.BytesIO()
    first, *rest = pages()
    first.save(pdf, format="PDF", save_all=True, append_images=rest, resolution=72)
    first, *rest = pages()
    first.save(tif, format="TIFF", save_all=True, append_images=rest, dpi=(200, 200))
    pdf_sha = _stored(st, tmp_path, "scan.pdf", pdf.getvalue())
    tif_sha = _stored(st, tmp_path, "scan.tif", tif.getvalue())

    p2 = st.page_png(pdf_sha, 2, dpi=72)
    with Image.open(p2) as im:
        assert im.size == (400, 560) and im.getpixel((10, 10)) == (0, 0, 0)
    assert st.page_png(pdf_sha, 2, dpi=72) == p2 and p2.stat().st_mtime_ns == st.page_png(pdf_sha, 2, dpi=72).stat().st_mtime_ns
    with Image.open(st.page_png(tif_sha, 2, dpi=100)) as im:
        assert im.size == (200, 280) and im.getpixel((5, 5)) == (0, 0, 0)
    with pytest.raises(PageUnavailable, match="共 2 页"):
        st.page_png(pdf_sha, 3, dpi=72)
    with pytest.raises(PageUnavailable, match="没有页面图像"):
        st.page_png(_stored(st, tmp_path, "d.txt", "文本".encode()), 1, dpi=72)


def test_page_images_are_righted_as_ocr_righted_them(tmp_path) -> None:
    """Evidence boxes are fractions of the righted page: the page image must be righted the same way."""
    from lianfa.service.storage import PageGeometry

    page = Image.new("RGB", (400, 600), "white")
    page.paste((0, 0, 0), (50, 40, 350, 90))  # a dark band near the top of the upright page
    buf = io.BytesIO()
    page.rotate(180).save(buf, format="PNG", dpi=(100, 100))
    st = Storage(tmp_path / "store")
    sha = _stored(st, tmp_path, "upside-down.png", buf.getvalue())
    with Image.open(st.page_png(sha, 1, dpi=100, geometry=PageGeometry(rotation=180))) as im:
        gray = im.convert("L")
        top, bottom = gray.crop((0, 0, 400, 100)), gray.crop((0, 500, 400, 600))
        assert top.getextrema()[0] < 50 and bottom.getextrema()[0] > 200
    with Image.open(st.page_png(sha, 1, dpi=100, geometry=PageGeometry(rotation=0, skew=5.0))) as levelled:
        assert levelled.width > 400 and levelled.height > 600  # levelling grows the canvas as OCR's does
