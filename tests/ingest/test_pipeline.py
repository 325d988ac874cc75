from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from ingest_inputs import DECISION, FakeEngine, jpeg, pdf_pages, text_pdf
from PIL import Image

import lianfa.ingest.pipeline as pipeline
from lianfa.errors import ConfigError
from lianfa.ingest.normalize import normalize
from lianfa.ingest.ocr.quality import cer
from lianfa.ingest.pipeline import ingest_bytes, ingest_file, ingest_many, ingest_path


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def no_engine_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(name=None, settings=None):
        raise AssertionError("the OCR engine must not be loaded for this input")

    monkeypatch.setattr(pipeline, "get_engine", refuse)


def test_text_layer_pdf(tmp_path, settings, no_engine_needed) -> None:
    data = text_pdf(pages=2)
    result = ingest_file(_write(tmp_path, "决定书.pdf", data), settings)
    assert (result.status, result.kind, result.error, result.page_errors) == ("ok", "pdf", None, [])
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    doc = result.document
    assert doc.text_source == "text_layer" and [p.source for p in doc.pages] == ["text_layer", "text_layer"]
    assert "91310000MA1FL0XX3B" in doc.text
    start = doc.text.index("行政处罚决定书")
    ev = doc.evidence(start, start + 7)
    assert ev.page == 1 and ev.box is not None and 0 <= ev.box.x0 < ev.box.x1 <= 1
    assert doc.page_of(doc.text.rindex("经查")) == 2  # (layout drops the title repeated atop page 2)
    assert doc.sections and doc.sections[0].start == 0


def test_scanned_pdf_goes_to_ocr(tmp_path, settings, no_upright) -> None:
    engine = FakeEngine()
    result = ingest_file(
        _write(tmp_path, "scan.pdf", pdf_pages([jpeg((1240, 1754))] * 2)), settings, engine=engine
    )
    assert result.status == "ok" and result.document.text_source == "ocr"
    assert engine.seen == [(1240, 1754), (1240, 1754)]
    page = result.document.pages[0]
    assert (page.source, page.engine, page.width, page.height) == ("ocr", "fake", 1240.0, 1754.0)
    assert result.document.text.count(engine.text) == 2


def test_mixed_pdf(tmp_path, settings, no_upright) -> None:
    engine = FakeEngine()
    result = ingest_file(
        _write(tmp_path, "m.pdf", pdf_pages([DECISION, jpeg((620, 877))])), settings, engine=engine
    )
    doc = result.document
    assert doc.text_source == "mixed" and [p.source for p in doc.pages] == ["text_layer", "ocr"]
    assert doc.text.index("行政处罚决定书") < doc.text.index(engine.text)
    assert doc.page_of(doc.text.index(engine.text)) == 2


def test_rotation_from_upright_and_exif_add_up(tmp_path, settings, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "upright", lambda im: (im.rotate(180), 180, 1.2))
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    Image.new("RGB", (300, 100), "white").save(buf, "JPEG", exif=exif)
    result = ingest_bytes(buf.getvalue(), "photo.jpg", settings, engine=FakeEngine())
    page = result.document.pages[0]
    assert (page.rotation, page.skew, page.width, page.height) == (270, 1.2, 100.0, 300.0)


def test_gb18030_text_export(tmp_path, settings, no_engine_needed) -> None:
    result = ingest_file(_write(tmp_path, "export.txt", DECISION.encode("gb18030")), settings)
    assert result.status == "ok" and result.kind == "text" and result.document.text_source == "text"
    assert "当事人:某某食品有限公司" in result.document.text  # normalised full-width colon
    assert result.document.sections


def test_a_text_file_of_blanks_is_empty(tmp_path, settings) -> None:
    result = ingest_file(_write(tmp_path, "blank.txt", " \r\n\u3000\n".encode()), settings)
    assert result.status == "error" and "only blanks" in result.error


def test_a_bad_page_leaves_the_rest(tmp_path, settings, no_upright) -> None:
    engine = FakeEngine(fail_on={2})
    result = ingest_bytes(pdf_pages([jpeg((620, 877))] * 3), "scan.pdf", settings, engine=engine)
    assert result.status == "partial" and result.document is not None
    assert [(e.page, "recognition failed" in e.error) for e in result.page_errors] == [(2, True)]
    assert [p.error is None for p in result.document.pages] == [True, False, True]
    assert result.document.text.count(engine.text) == 2


def test_every_page_bad_is_an_error(settings, no_upright) -> None:
    result = ingest_bytes(pdf_pages([jpeg((620, 877))]), "scan.pdf", settings, engine=FakeEngine(fail_on={1}))
    assert result.status == "error" and result.document is None
    assert result.error.startswith("scan.pdf: ") and "recognition failed" in result.error


def test_a_zip_given_as_one_file_points_to_the_batch_reader(tmp_path, settings) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", DECISION)
    result = ingest_file(_write(tmp_path, "batch.zip", buf.getvalue()), settings)
    assert result.status == "error" and result.kind == "zip" and "ingest_many" in result.error


def test_batch_expands_zips_in_place(tmp_path, settings, no_upright) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("一.pdf", text_pdf())
        zf.writestr("二.png", b"<html></html>")
        zf.writestr("三.jpg", jpeg((620, 877)))
    paths = [
        _write(tmp_path, "a.txt", DECISION.encode()),
        _write(tmp_path, "b.zip", buf.getvalue()),
        _write(tmp_path, "c.txt", DECISION.encode()),
    ]
    results = list(ingest_many(paths, settings, engine=FakeEngine()))
    names = [r.file.removeprefix(str(tmp_path) + "/") for r in results]
    assert names == ["a.txt", "b.zip/一.pdf", "b.zip/二.png", "b.zip/三.jpg", "c.txt"]
    assert [r.status for r in results] == ["ok", "ok", "error", "ok", "ok"]
    assert results[2].error.startswith(f"{tmp_path}/b.zip/二.png: ")


def test_ingest_path_matches_ingest_file_for_one_file(tmp_path, settings) -> None:
    path = _write(tmp_path, "a.txt", DECISION.encode())
    (only,) = ingest_path(path, settings)
    assert only.document.text == ingest_file(path, settings).document.text


def test_a_bug_is_reported_as_internal_and_the_batch_goes_on(tmp_path, settings, no_upright) -> None:
    scan = _write(tmp_path, "scan.pdf", pdf_pages([jpeg((620, 877))]))
    text = _write(tmp_path, "a.txt", DECISION.encode())
    results = list(ingest_many([scan, text], settings, engine=FakeEngine(crash=True)))
    assert [r.status for r in results] == ["error", "ok"]
    assert "internal error" in results[0].error and "RuntimeError" in results[0].error
    with pytest.raises(RuntimeError):  # a single-file caller sees the bug itself
        ingest_file(scan, settings, engine=FakeEngine(crash=True))


def test_a_deployment_problem_stops_the_batch(tmp_path, settings, no_upright, monkeypatch) -> None:
    def missing(name=None, settings=None):
        raise ConfigError("no OCR model")

    monkeypatch.setattr(pipeline, "get_engine", missing)
    scan = _write(tmp_path, "scan.pdf", pdf_pages([jpeg((620, 877))]))
    with pytest.raises(ConfigError):
        list(ingest_many([scan, scan], settings))


def test_record_for_machines(tmp_path, settings) -> None:
    record = ingest_file(_write(tmp_path, "a.pdf", text_pdf()), settings).to_record()
    assert record["status"] == "ok" and record["text_source"] == "text_layer"
    assert record["pages"][0]["source"] == "text_layer" and record["sections"][0]["start"] == 0
    assert "行政处罚决定书" in record["text"]


@pytest.mark.ocr
def test_real_ocr_on_a_scanned_pdf_page(tmp_path, settings) -> None:
    from ocr_pages import DECISION_LINES, draw_page

    page = draw_page(DECISION_LINES[:8])
    buf = io.BytesIO()
    page.image.convert("RGB").save(buf, "JPEG", quality=85)
    result = ingest_file(_write(tmp_path, "scan.pdf", pdf_pages([buf.getvalue()])), settings)
    assert result.status == "ok" and result.document.text_source == "ocr"
    assert result.document.pages[0].engine == settings.ocr_engine
    compact = result.document.text.replace(" ", "").replace("\n", "")
    # every line's opening words are read (one slip allowed: OCR, not this pipeline, is judged elsewhere)
    hits = sum(normalize(line).replace(" ", "")[:10] in compact for line in page.lines)
    assert hits >= len(page.lines) - 1


# --- the renderer's corpus fixtures (tests/fixtures/corpus, made by `lianfa corpus fixtures`) ------

CORPUS = Path(__file__).parent.parent / "fixtures" / "corpus"


def _truth(stem: str) -> tuple[list[dict], str]:
    """Per-page truth, and the text of the text-layer pages without page furniture."""
    pages = json.loads((CORPUS / f"{stem}.pages.json").read_text(encoding="utf-8"))["pages"]
    text = "".join(p["text"] for p in pages if p["text_layer"])
    for furniture in (f for p in pages for f in p["furniture"]):
        text = text.replace(furniture, "")
    return pages, text


@pytest.mark.parametrize("stem", ["textpdf/h0007-000001", "mixed/d0007-000002", "pdf/h0007-000000"])
def test_rendered_pdfs_read_page_by_page(stem: str, settings, no_upright) -> None:
    pages, text = _truth(stem)
    engine = FakeEngine(text="")
    result = ingest_file(CORPUS / f"{stem}.pdf", settings, engine=engine)
    assert result.status == "ok"
    assert [p.source for p in result.document.pages] == [
        "text_layer" if p["text_layer"] else "ocr" for p in pages
    ]
    # a scanner-style page is its own embedded JPEG (the fixtures are drawn at 150 dpi), not re-rendered
    assert engine.seen == [(1240, 1754)] * sum(not p["text_layer"] for p in pages)
    if text:
        assert cer(text, result.document.text, nfkc=True) < 0.005
