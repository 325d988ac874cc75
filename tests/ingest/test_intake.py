from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from ingest_inputs import DECISION, text_pdf
from PIL import Image

from lianfa.ingest.errors import CorruptFile, EmptyFile, MissingFile, TooLarge, UnsupportedType
from lianfa.ingest.intake import sniff, source_from_bytes, source_from_path
from lianfa.ingest.text import decode_text


def _image(fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buf, fmt, **kw)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (_image("PNG"), "png"),
        (_image("JPEG"), "jpeg"),
        (_image("TIFF"), "tiff"),
        (_image("TIFF", compression="tiff_lzw"), "tiff"),
        (_image("BMP"), "bmp"),
        (_image("WEBP"), "webp"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        (b"\r\n\x00junk before the header\n%PDF-1.7\n", "pdf"),  # Acrobat tolerates leading bytes
        (DECISION.encode("utf-8"), "text"),
        (DECISION.encode("gb18030"), "text"),
        (b"\xef\xbb\xbf" + DECISION.encode("utf-8"), "text"),
        (DECISION.encode("utf-16"), "text"),
        (b"BMW 320i, 2023 \xe5\xb9\xb4", "text"),  # starts with "BM" but has no BMP header
    ],
)
def test_kind_comes_from_the_bytes(data: bytes, kind: str) -> None:
    assert sniff(data[:65536], "upload.bin", full=True) == kind


def test_the_name_does_not_decide_the_kind(tmp_path, settings) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_image("PNG"))
    assert source_from_path(path, settings).kind == "png"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Office"),
        (b"GIF89a" + b"\x00" * 20, "GIF"),
        (b"Rar!\x1a\x07\x00", "RAR"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", "HEIC"),
        ("  \n<!DOCTYPE html><html><body>登录超时</body></html>".encode(), "HTML"),
        (b"<?xml version='1.0'?><root/>", "HTML/XML"),
        (bytes(range(256)) * 4, "unrecognised"),
    ],
)
def test_formats_not_read_are_refused_by_name(data: bytes, words: str) -> None:
    with pytest.raises(UnsupportedType) as err:
        sniff(data, "某局/决定书.png", full=True)
    assert err.value.file == "某局/决定书.png"
    assert words in err.value.reason
    assert str(err.value).startswith("某局/决定书.png: ")


def test_sha256_is_of_the_whole_file_read_in_chunks(tmp_path, settings) -> None:
    # larger than the 1 MiB read chunk and the 64 KiB head kept for sniffing
    data = DECISION.encode() * 40_000
    path = tmp_path / "long.txt"
    path.write_bytes(data)
    source = source_from_path(path, settings.model_copy(update={"max_text_bytes": len(data)}))
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.size == len(data)
    assert source.read_bytes() == data


def test_bytes_and_path_give_the_same_identity(tmp_path, settings) -> None:
    data = text_pdf()
    path = tmp_path / "a.pdf"
    path.write_bytes(data)
    a, b = source_from_path(path, settings), source_from_bytes(data, "a.pdf", settings)
    assert (a.kind, a.sha256, a.size) == (b.kind, b.sha256, b.size)


def test_size_limit_applies_before_reading(tmp_path, settings) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 2000)
    small = settings.model_copy(update={"max_file_bytes": 1000})
    with pytest.raises(TooLarge, match="big.pdf"):
        source_from_path(path, small)
    with pytest.raises(TooLarge):
        source_from_bytes(path.read_bytes(), "big.pdf", small)


def test_empty_missing_and_folder(tmp_path, settings) -> None:
    (tmp_path / "empty.jpg").write_bytes(b"")
    with pytest.raises(EmptyFile, match="empty.jpg"):
        source_from_path(tmp_path / "empty.jpg", settings)
    with pytest.raises(MissingFile, match="not found"):
        source_from_path(tmp_path / "absent.pdf", settings)
    with pytest.raises(MissingFile, match="folder"):
        source_from_path(tmp_path, settings)


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("entries", "words"),
    [
        ({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}, "Excel"),
        ({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<d/>"}, "Word"),
        ({"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<d/>"}, "OFD"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<c/>"}, "ODF"),
    ],
)
def test_zip_based_documents_are_not_batches(entries: dict[str, bytes], words: str, settings) -> None:
    with pytest.raises(UnsupportedType, match=words):
        source_from_bytes(_zip(entries), "决定书.zip", settings)


def test_a_plain_zip_is_a_batch(settings) -> None:
    assert source_from_bytes(_zip({"a.pdf": text_pdf()}), "batch.zip", settings).kind == "zip"


def test_damaged_zip_directory(settings) -> None:
    data = _zip({"a.txt": DECISION.encode()})
    with pytest.raises(CorruptFile, match="ZIP"):
        source_from_bytes(data[: len(data) - 30], "batch.zip", settings)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_exports_decode(codec: str) -> None:
    raw = (DECISION + "\r\n（完）\r\n").encode(codec)
    assert decode_text(raw, "a.txt") == DECISION + "\n（完）\n"


def test_text_that_is_neither_utf8_nor_gb18030_is_refused() -> None:
    with pytest.raises(CorruptFile, match="UTF-8"):
        decode_text("行政处罚".encode() + b"\x80\xff\xfe\x81", "a.txt")


def test_text_has_a_size_limit_of_its_own(tmp_path) -> None:
    from lianfa.ingest.config import IngestSettings

    settings = IngestSettings(max_text_bytes=64 * 1024)
    big = (DECISION * (1 + 70 * 1024 // len(DECISION.encode()))).encode("utf-8")
    path = tmp_path / "log.txt"
    path.write_bytes(big)
    for read in (lambda: source_from_path(path, settings), lambda: source_from_bytes(big, "log.txt", settings)):
        with pytest.raises(TooLarge, match="文本上限"):
            read()
    small = (DECISION * (60 * 1024 // len(DECISION.encode()))).encode("utf-8")
    assert source_from_bytes(small, "ok.txt", settings).kind == "text"
    assert IngestSettings().max_text_bytes < IngestSettings().max_file_bytes
