"""Hostile and unlucky requests get a 4xx that says what to change, never a 500: ids, offsets and
limits beyond the database's integers, long part headers, `filename*`, and page images whose
declared size ingest would refuse."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from service_helpers import auth, doc_bytes

pytestmark = pytest.mark.parametrize("db_url", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
                                     indirect=True)


@pytest.mark.parametrize(("role", "url"), [
    ("reviewer", "/api/cases?offset=9223372036854775808"),
    ("reviewer", "/api/cases?offset=-1"),
    ("reviewer", "/api/cases?limit=-1"),
    ("reviewer", "/api/cases?limit=0"),
    ("reviewer", "/api/cases?limit=100000"),
    ("reviewer", "/api/cases/2147483648"),
    ("reviewer", "/api/cases/0"),
    ("reviewer", "/api/cases/99999999999999999999/audit"),
    ("uploader", "/api/batches?limit=-1"),
    ("uploader", "/api/batches/2147483648"),
    ("uploader", "/api/batches/1/events?interval=0"),
    ("uploader", "/api/documents/2147483648/original"),
    ("uploader", "/api/documents/1/pages/0.png"),
    ("admin", "/api/documents/1/pages/99999999999.png"),
])
def test_out_of_range_numbers_are_422(client, tokens, role: str, url: str) -> None:
    r = client.get(url, headers=auth(tokens, role))
    assert r.status_code == 422, r.text
    assert "请求内容有误" in r.json()["detail"]


def test_out_of_range_numbers_in_bodies_are_422(client, tokens) -> None:
    r = client.post("/api/cases/1/review", json={"action": "confirm", "version": 2**40}, headers=auth(tokens, "reviewer"))
    assert r.status_code == 422
    r = client.post("/api/batches/1/retry", json={"item_ids": [2**40]}, headers=auth(tokens, "uploader"))
    assert r.status_code == 422


def _multipart(parts: list[tuple[bytes, bytes]]) -> tuple[bytes, str]:
    body = b""
    for disposition, data in parts:
        body += b"--XyZ\r\nContent-Disposition: " + disposition + b"\r\nContent-Type: application/json\r\n\r\n" + data + b"\r\n"
    return body + b"--XyZ--\r\n", "multipart/form-data; boundary=XyZ"


def test_a_long_cjk_file_name_does_not_lose_the_batch(client, tokens) -> None:
    from urllib.parse import quote

    long_name = "关于某某公司销售不合格产品的行政处罚决定书" * 25 + ".json"
    assert len(quote(long_name)) > 4096
    body, ctype = _multipart([
        (b'form-data; name="files"; filename="' + long_name.encode() + b'"', doc_bytes(doc_number="甲1")),
        (b"form-data; name=\"files\"; filename*=UTF-8''" + quote(long_name).encode(), doc_bytes(doc_number="甲2")),
        (b'form-data; name="files"; filename="short.json"', doc_bytes(doc_number="甲3")),
    ])
    r = client.post("/api/batches", content=body, headers={**auth(tokens, "uploader"), "Content-Type": ctype})
    assert r.status_code == 201, r.text
    items = r.json()["items"]
    assert [it["status"] for it in items] == ["queued", "queued", "queued"]
    assert items[0]["name"].startswith("关于某某公司") and items[1]["name"].startswith("关于某某公司")


def test_a_part_header_past_every_limit_is_a_clear_400(client, tokens) -> None:
    body, ctype = _multipart([(b'form-data; name="files"; filename="' + b"x" * 100_000 + b'"', b"{}")])
    r = client.post("/api/batches", content=body, headers={**auth(tokens, "uploader"), "Content-Type": ctype})
    assert r.status_code == 400 and "文件名过长" in r.json()["detail"]


def test_filename_star_alone_is_honoured(client, tokens) -> None:
    body, ctype = _multipart([(b"form-data; name=\"files\"; filename*=utf-8''%E5%BC%A0%E4%B8%89.json", doc_bytes())])
    r = client.post("/api/batches", content=body, headers={**auth(tokens, "uploader"), "Content-Type": ctype})
    assert r.status_code == 201, r.text
    assert [it["name"] for it in r.json()["items"]] == ["张三.json"]


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width`×`height` pixels."""
    buf = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buf, format="PNG")
    data = bytearray(buf.getvalue())
    ihdr = bytearray(data[12:29])
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)))
    return bytes(data)


def _bilevel_png(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("1", (width, height), 1).save(buf, format="PNG")
    return buf.getvalue()


@pytest.mark.parametrize("png", [_png_declaring(40000, 40000), _bilevel_png(8000, 11000)], ids=["bomb", "over-limit"])
def test_page_images_apply_ingests_pixel_limit(client, tokens, png: bytes) -> None:
    up = client.post("/api/batches", files=[("files", ("scan.png", png, "image/png"))], headers=auth(tokens, "uploader"))
    assert up.status_code == 201, up.text
    doc = up.json()["items"][0]["document_id"]
    r = client.get(f"/api/documents/{doc}/pages/1.png", headers=auth(tokens, "reviewer"))
    assert r.status_code == 422, r.text[:300]
    assert "像素" in r.json()["detail"]
