from __future__ import annotations

import io

import pytest
from ingest_inputs import BAD, DECISION, LINES, jpeg, pdf_pages, text_pdf
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from lianfa.ingest.errors import CorruptFile, EncryptedPdf, TooLarge
from lianfa.ingest.intake import source_from_bytes, source_from_path
from lianfa.ingest.pages import ImagePage, TextLayerPage
from lianfa.ingest.pdf import MIN_CJK_OVER_SCAN, MIN_TEXT_CHARS, iter_pdf_pages, text_layer_quality

A4_200DPI = (1654, 2339)


def _chars(text: str) -> list[dict]:
    return [{"text": ch, "x0": i, "x1": i + 1, "top": 0, "bottom": 1} for i, ch in enumerate(text)]


def _pages(data: bytes, settings) -> list:
    return list(iter_pdf_pages(source_from_bytes(data, "d.pdf", settings), settings))


# --- the text-layer rule ----------------------------------------------------------------------


def test_real_chinese_text_holds_text() -> None:
    assert text_layer_quality(_chars(DECISION)).holds_text(image_cover=0.0)


@pytest.mark.parametrize(
    "chars",
    [
        [{"text": f"(cid:{i})"} for i in range(200)],  # font without a Unicode map
        _chars("Ð¹ÕþÕä¹ÜÀí¾Ö ÐÐÕþ´¦·£¾ö¶¨Êé"),  # GBK bytes read as Latin-1
        _chars("\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009"),  # private-use glyph codes
        _chars("第1页"),  # too little to be the page's text
    ],
)
def test_mojibake_or_thin_layers_do_not(chars: list[dict]) -> None:
    assert not text_layer_quality(chars).holds_text(image_cover=0.0)


def test_sideways_text_does_not() -> None:
    chars = [dict(c, upright=False) for c in _chars(DECISION)]
    assert not text_layer_quality(chars).holds_text(image_cover=0.0)
    chars[: len(chars) * 2 // 3] = _chars(DECISION)[: len(chars) * 2 // 3]  # a sideways stamp or margin note
    assert text_layer_quality(chars).holds_text(image_cover=0.0)


def test_a_few_bad_glyphs_in_real_text_are_tolerated() -> None:
    chars = _chars(DECISION) + [{"text": "(cid:7)"}]
    assert text_layer_quality(chars).holds_text(image_cover=0.0)


def test_over_a_scan_the_layer_must_be_substantial() -> None:
    thin = _chars("某市市场监督管理局行政处罚专用章")
    assert MIN_TEXT_CHARS <= len(thin) and text_layer_quality(thin).cjk < MIN_CJK_OVER_SCAN
    assert text_layer_quality(thin).holds_text(image_cover=0.2)
    assert not text_layer_quality(thin).holds_text(image_cover=1.0)
    assert text_layer_quality(_chars(DECISION)).holds_text(image_cover=1.0)  # a scanner's OCR layer


# --- pages --------------------------------------------------------------------------------------


def test_text_pdf_pages_are_text_layer_pages(settings) -> None:
    pages = _pages(text_pdf(pages=2), settings)
    assert [type(p).__name__ for p in pages] == ["TextLayerPage", "TextLayerPage"]
    assert [p.number for p in pages] == [1, 2]
    text = "".join(c["text"] for c in pages[0].chars)
    assert "行政处罚决定书" in text and "91310000MA1FL0XX3B" in text
    assert round(pages[0].width) == 595 and round(pages[0].height) == 842


def test_glyphs_carry_their_uprightness(settings) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 12)
    c.drawString(60, 780, LINES[3])
    c.rotate(30)  # a vector seal's ring of text
    c.drawString(500, 300, "某某市市场监督管理局行政处罚专用章")
    c.showPage()
    c.save()
    (page,) = _pages(buf.getvalue(), settings)
    flags = {c["text"]: c["upright"] for c in page.chars}
    assert flags["当"] is True and flags["章"] is False


def test_boxes_are_on_the_page_as_shown_when_it_is_cropped(settings) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setCropBox((100, 100, 495, 741))
    c.setFont("STSong-Light", 12)
    c.drawString(150, 700, LINES[3])
    c.showPage()
    c.save()
    (page,) = _pages(buf.getvalue(), settings)
    assert (round(page.width), round(page.height)) == (395, 641)
    first = page.chars[0]
    assert (
        first["text"] == "当" and abs(first["x0"] - 50) < 1 and 25 < first["top"] < 41 < first["bottom"] < 50
    )


def test_a_cropped_scan_is_rendered_as_cropped(settings) -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setCropBox((0, 0, A4[0], A4[1] / 2))  # only the lower half of the scan is shown
    c.drawImage(ImageReader(io.BytesIO(jpeg((1240, 1754)))), 0, 0, A4[0], A4[1])
    c.showPage()
    c.save()
    (page,) = _pages(buf.getvalue(), settings)
    assert isinstance(page, ImagePage)
    assert abs(page.image.width - A4_200DPI[0]) <= 2 and abs(page.image.height - A4_200DPI[1] / 2) <= 2


def test_a_turned_page_is_read_in_the_orientation_shown(settings) -> None:
    # a landscape sheet shown portrait by /Rotate 90, its text drawn to stand upright when shown:
    # pdfium gives such boxes unturned, so pdfplumber reads this page
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setPageRotation(90)
    c.setFont("STSong-Light", 12)
    c.rotate(90)
    for i, line in enumerate(LINES):
        c.drawString(60, -60 - 22 * i, line)
    c.showPage()
    c.save()
    (page,) = _pages(buf.getvalue(), settings)
    assert isinstance(page, TextLayerPage) and round(page.width) == 595 and round(page.height) == 842
    first = min(page.chars, key=lambda ch: (round(ch["top"]), ch["x0"]))
    assert first["text"] == "某" and first["upright"]


def test_text_shown_sideways_is_rendered_for_ocr(settings) -> None:
    (page,) = _pages(pdf_pages([DECISION], rotate=90), settings)
    assert isinstance(page, ImagePage)


def test_scanned_page_uses_the_scanners_jpeg(settings) -> None:
    (page,) = _pages(pdf_pages([jpeg((1240, 1754))]), settings)  # 150 dpi scan
    assert isinstance(page, ImagePage) and page.image.size == (1240, 1754)


def test_a_600_dpi_scan_is_brought_down_near_the_raster_dpi(settings) -> None:
    (page,) = _pages(pdf_pages([jpeg((4961, 7016))]), settings)
    assert isinstance(page, ImagePage)
    assert abs(page.image.width - A4_200DPI[0]) <= 2 and abs(page.image.height - A4_200DPI[1]) <= 2


def test_a_page_with_rotate_is_rendered_the_way_it_is_shown(settings) -> None:
    # reportlab turns the MediaBox to landscape and sets /Rotate 90: a viewer shows portrait A4.
    # The scanner's JPEG would come out unturned, so the page is rendered instead.
    (page,) = _pages(pdf_pages([jpeg((1240, 1754))], rotate=90), settings)
    assert isinstance(page, ImagePage)
    assert abs(page.image.width - A4_200DPI[0]) <= 2 and abs(page.image.height - A4_200DPI[1]) <= 2


def test_a_page_without_a_scan_or_real_text_is_rendered_at_the_raster_dpi(settings) -> None:
    outlines = pdf_pages(["第1页"])  # text drawn as outlines leaves only a page number as text
    (page,) = _pages(outlines, settings)
    assert isinstance(page, ImagePage)
    assert abs(page.image.width - A4_200DPI[0]) <= 2
    dpi = settings.model_copy(update={"pdf_raster_dpi": 100})
    (page,) = _pages(outlines, dpi)
    assert abs(page.image.width - A4_200DPI[0] / 2) <= 2


def test_mixed_pdf_page_by_page(settings) -> None:
    pages = _pages(pdf_pages([DECISION, jpeg((1240, 1754)), DECISION]), settings)
    assert [type(p).__name__ for p in pages] == ["TextLayerPage", "ImagePage", "TextLayerPage"]
    assert [p.number for p in pages] == [1, 2, 3]


def test_poster_page_is_rendered_under_the_pixel_cap(settings) -> None:
    a0 = (2384, 3370)  # points: A0 at 200 dpi would be 62 Mpx
    capped = settings.model_copy(update={"max_page_pixels": 4_000_000})
    (page,) = _pages(pdf_pages(["第1页"], pagesize=a0), capped)
    w, h = page.image.size
    assert 3_800_000 < w * h <= 4_000_000


def test_pages_come_one_at_a_time(settings) -> None:
    pages = iter_pdf_pages(source_from_bytes(pdf_pages([jpeg((620, 877))] * 3), "d.pdf", settings), settings)
    first = next(pages)
    assert first.number == 1 and isinstance(first.image, Image.Image)
    assert [p.number for p in pages] == [2, 3]


def test_page_limit(settings) -> None:
    with pytest.raises(TooLarge, match="3"):
        _pages(text_pdf(pages=3), settings.model_copy(update={"max_pages": 2}))


def test_user_password_pdf_is_refused(settings) -> None:
    with pytest.raises(EncryptedPdf, match="password"):
        list(iter_pdf_pages(source_from_path(BAD / "encrypted_user.pdf", settings), settings))


def test_owner_password_only_pdf_opens_and_reads(settings) -> None:
    # (pdfminer would decrypt this CID font's text to (cid:N) glyphs; pdfium reads it right)
    pages = list(iter_pdf_pages(source_from_path(BAD / "encrypted_owner.pdf", settings), settings))
    assert isinstance(pages[0], TextLayerPage)
    assert "行政处罚决定书" in "".join(c["text"] for c in pages[0].chars)


def test_broken_xref_is_repaired(settings) -> None:
    # real behaviour: pdfium (and pdfminer) rebuild the cross-reference table from the objects
    pages = list(iter_pdf_pages(source_from_path(BAD / "broken_xref.pdf", settings), settings))
    assert [type(p).__name__ for p in pages] == ["TextLayerPage", "TextLayerPage"]


def test_truncated_pdf_is_corrupt(settings) -> None:
    with pytest.raises(CorruptFile, match="damaged PDF"):
        list(iter_pdf_pages(source_from_path(BAD / "truncated.pdf", settings), settings))


def test_threads_read_pdfs_at_once(settings) -> None:
    # pdfium is not thread-safe: a web server's worker threads share it through PDFIUM_LOCK
    from concurrent.futures import ThreadPoolExecutor

    files = [pdf_pages([DECISION, jpeg((620, 877)), "第1页"]), text_pdf(pages=3)] * 4

    def summary(data: bytes) -> list[tuple[str, int]]:
        return [
            (type(p).__name__, len(p.chars) if isinstance(p, TextLayerPage) else p.image.width)
            for p in _pages(data, settings)
        ]

    serial = [summary(d) for d in files]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(summary, files)) == serial
