"""A PDF read one page at a time (ingest_page), each page stored as a record and the pages laid out
together afterwards (assemble): the same Document as reading the file whole. This is what lets a
long PDF's pages be read by many workers."""

from __future__ import annotations

import json

import pytest
from ingest_inputs import DECISION, jpeg, pdf_pages
from PIL import Image

from lianfa.ingest.document import Line
from lianfa.ingest.errors import EncryptedPdf, OcrError
from lianfa.ingest.intake import source_from_bytes, source_from_path
from lianfa.ingest.pages import PageRead
from lianfa.ingest.pipeline import assemble, ingest_page, ingest_source

BAD_PAGE_WIDTH = 503


class PageSizeEngine:
    """Reads, from each page image, the line its width stands for: a page 400 + k pixels wide says
    it is scan number k. Fails on the page BAD_PAGE_WIDTH wide."""

    name = "page-size"

    def recognize(self, image: Image.Image) -> list[Line]:
        w, h = image.size
        if w == BAD_PAGE_WIDTH:
            raise OcrError("page", "识别失败 / recognition failed")
        quad = ((0.1 * w, 0.1 * h), (0.9 * w, 0.1 * h), (0.9 * w, 0.14 * h), (0.1 * w, 0.14 * h))
        return [Line(f"第{w - 400}份扫描件：当事人某某贸易有限公司销售假冒商品", 0.97, quad)]


def _mixed_pdf() -> bytes:
    """A text-layer page, then scans 1 and 2, one the engine cannot read, and scan 4."""
    scans = [jpeg((400 + k, 560)) for k in (1, 2, BAD_PAGE_WIDTH - 400, 4)]
    return pdf_pages([DECISION, scans[0], scans[1], scans[2], scans[3]])


def test_pages_read_one_by_one_in_any_order_join_into_the_whole_file_s_document(settings, no_upright) -> None:
    data = _mixed_pdf()
    source = source_from_bytes(data, "long.pdf", settings)
    whole = ingest_source(source, settings, engine=PageSizeEngine())
    assert whole.status == "partial" and [e.page for e in whole.page_errors] == [4]

    # read last page first, each stored as JSON as a worker stores it, then laid out in page order
    stored = {n: json.dumps(ingest_page(source, n, settings, engine=PageSizeEngine()).to_record())
              for n in (5, 3, 1, 4, 2)}
    reads = [PageRead.from_record(json.loads(stored[n])) for n in sorted(stored)]
    joined = assemble(source.name, source.sha256, source.kind, reads)

    assert (joined.status, joined.page_errors) == (whole.status, whole.page_errors)
    assert joined.document is not None and whole.document is not None
    assert joined.document.text == whole.document.text
    assert joined.document.pages == whole.document.pages
    assert joined.document.sections == whole.document.sections
    assert [p.source for p in joined.document.pages] == ["text_layer", "ocr", "ocr", "ocr", "ocr"]
    text = joined.document.text
    assert text.index("行政处罚决定书") < text.index("第1份") < text.index("第2份") < text.index("第4份")


def test_a_known_sha256_is_trusted_and_the_file_not_hashed_again(tmp_path, settings, no_upright) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_pages([jpeg((401, 560))]))
    source = source_from_path(path, settings, "scan.pdf", sha256="ab" * 32)
    assert (source.sha256, source.kind, source.size) == ("ab" * 32, "pdf", path.stat().st_size)
    read = ingest_page(source, 1, settings, engine=PageSizeEngine())
    assert read.info.error is None and read.lines[0].text.startswith("第1份")


def test_a_problem_with_the_whole_file_stops_each_page(settings) -> None:
    from ingest_inputs import BAD

    source = source_from_path(BAD / "encrypted_user.pdf", settings)
    with pytest.raises(EncryptedPdf):
        ingest_page(source, 1, settings, engine=PageSizeEngine())


def test_a_page_past_the_end_is_a_caller_s_mistake(settings, no_upright) -> None:
    source = source_from_bytes(pdf_pages([jpeg((401, 560))]), "one.pdf", settings)
    with pytest.raises(ValueError, match="no page 2"):
        ingest_page(source, 2, settings, engine=PageSizeEngine())
