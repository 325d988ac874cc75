"""The storage contract, run against both implementations: the local folder and an S3 bucket on a
real S3 server (moto's, on loopback)."""

from __future__ import annotations

import hashlib
import io
import os
import uuid
from pathlib import Path

import pytest
from PIL import Image

from lianfa.service.errors import PageUnavailable, UploadTooLarge
from lianfa.service.storage import (
    LocalStorage,
    OriginalCorrupt,
    OriginalMissing,
    PageGeometry,
    S3Storage,
    Storage,
    StoreUnavailable,
)

MB = 1024 * 1024


def _client(endpoint: str):  # -> botocore S3 client
    import boto3

    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test",
                        aws_secret_access_key="test")


@pytest.fixture(params=["local", "s3"])
def st(request: pytest.FixtureRequest, tmp_path: Path) -> Storage:
    if request.param == "local":
        return LocalStorage(tmp_path / "store")
    client = _client(request.getfixturevalue("s3_endpoint"))
    bucket = f"lianfa-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket)
    return S3Storage(f"s3://{bucket}/office-7", tmp_path / "scratch", client)


def _objects(st: Storage) -> list[str]:
    """Every stored original, by name, as the backing store lists it."""
    if isinstance(st, LocalStorage):
        return sorted(p.name for p in (st.root / "originals").rglob("*") if p.is_file())
    assert isinstance(st, S3Storage)
    listed = st._s3.list_objects_v2(Bucket=st.bucket).get("Contents", [])
    return sorted(o["Key"].rsplit("/", 1)[-1] for o in listed)


def _pending_multipart(st: Storage) -> list[object]:
    if isinstance(st, S3Storage):
        return st._s3.list_multipart_uploads(Bucket=st.bucket).get("Uploads", [])
    return []


def _put(st: Storage, tmp_path: Path, name: str, data: bytes, limit: int = 40 * MB):  # -> StoredFile
    p = tmp_path / name
    p.write_bytes(data)
    return st.put_file(p, name, limit)


def _read(st: Storage, sha: str) -> bytes:
    with st.local_path(sha) as path:
        return path.read_bytes()


def test_the_same_content_twice_is_one_object(st: Storage, tmp_path: Path) -> None:
    data = "行政处罚决定书".encode()
    first = _put(st, tmp_path, "a.txt", data)
    again = _put(st, tmp_path, "copy.txt", data)
    assert first.sha256 == again.sha256 == hashlib.sha256(data).hexdigest()
    assert (first.created, again.created, first.size) == (True, False, len(data))
    assert _objects(st) == [first.sha256]
    assert _read(st, first.sha256) == data and st.exists(first.sha256)
    assert os.listdir(st.tmp_dir) == []


def test_a_file_over_the_limit_names_the_file_and_stores_nothing(st: Storage) -> None:
    w = st.writer("卷宗/大扫描件.pdf", limit=10)
    w.write(b"12345")
    with pytest.raises(UploadTooLarge, match="大扫描件.pdf"):
        w.write(b"678901")
    assert _objects(st) == [] and os.listdir(st.tmp_dir) == []


def test_an_upload_cut_off_midway_leaves_nothing(st: Storage) -> None:
    w = st.writer("断开.pdf", limit=40 * MB)
    w.write(b"%PDF-1.7 " + b"x" * MB)
    w.abort()  # what the receiver does when the request body breaks off or cannot be parsed
    assert _objects(st) == [] and os.listdir(st.tmp_dir) == [] and _pending_multipart(st) == []


def test_a_big_file_goes_up_in_parts_and_reads_back_whole(st: Storage, tmp_path: Path) -> None:
    data = os.urandom(MB) * 17 + b"tail"  # three 8 MB parts in S3
    stored = _put(st, tmp_path, "big.tif", data)
    assert _read(st, stored.sha256) == data
    assert st.head(stored.sha256, 4) == data[:4]
    assert _pending_multipart(st) == [] and os.listdir(st.tmp_dir) == []


def test_reading_back_checks_the_hash(st: Storage, tmp_path: Path) -> None:
    stored = _put(st, tmp_path, "a.txt", b"original bytes")
    if isinstance(st, LocalStorage):
        path = st.root / "originals" / stored.sha256[:2] / stored.sha256
        path.chmod(0o644)
        path.write_bytes(b"tampered bytes")
    else:
        assert isinstance(st, S3Storage)
        st._s3.put_object(Bucket=st.bucket, Key=st.key(stored.sha256), Body=b"tampered bytes")
    with pytest.raises(OriginalCorrupt, match=stored.sha256[:12]):
        _read(st, stored.sha256)
    missing = hashlib.sha256(b"never stored").hexdigest()
    with pytest.raises(OriginalMissing, match=missing[:12]):
        _read(st, missing)
    with pytest.raises(OriginalMissing):
        st.head(missing, 4)
    assert not st.exists(missing)
    assert os.listdir(st.tmp_dir) == []  # a rejected download is not left on disk


def test_s3_a_failed_part_leaves_no_object_and_no_open_upload(tmp_path: Path, s3_endpoint: str) -> None:
    from botocore.exceptions import ClientError

    client = _client(s3_endpoint)
    bucket = f"lianfa-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket)
    st = S3Storage(f"s3://{bucket}", tmp_path / "scratch", client)
    sent: list[int] = []

    def refuse_second_part(params: dict, **_: object) -> None:
        sent.append(params["PartNumber"])
        if params["PartNumber"] == 2:
            raise ClientError({"Error": {"Code": "InternalError", "Message": "disk full"}}, "UploadPart")

    client.meta.events.register("provide-client-params.s3.UploadPart", refuse_second_part)
    with pytest.raises(StoreUnavailable, match="scan.pdf"):
        _put(st, tmp_path, "scan.pdf", b"y" * (20 * MB))
    assert 2 in sent  # the upload was under way in parts when it failed
    assert _objects(st) == [] and _pending_multipart(st) == [] and os.listdir(st.tmp_dir) == []


def test_a_store_url_that_is_not_s3_is_a_config_error(tmp_path: Path) -> None:
    from lianfa.errors import ConfigError

    with pytest.raises(ConfigError, match="s3://"):
        S3Storage("https://bucket/prefix", tmp_path, client=None)


def test_page_images_from_pdf_and_multipage_tiff_are_cached(st: Storage, tmp_path: Path) -> None:
    def pages() -> list[Image.Image]:  # fresh images per format: PIL's PDF writer leaves state on them
        return [Image.new("RGB", (400, 560), c) for c in ("white", "black")]

    pdf, tif = io.BytesIO(), io.BytesIO()
    first, *rest = pages()
    first.save(pdf, format="PDF", save_all=True, append_images=rest, resolution=72)
    first, *rest = pages()
    first.save(tif, format="TIFF", save_all=True, append_images=rest, dpi=(200, 200))
    pdf_sha = _put(st, tmp_path, "scan.pdf", pdf.getvalue()).sha256
    tif_sha = _put(st, tmp_path, "scan.tif", tif.getvalue()).sha256

    checked: list[Path] = []
    p2 = st.page_png(pdf_sha, 2, dpi=72, check=checked.append)
    with Image.open(p2) as im:
        assert im.size == (400, 560) and im.getpixel((10, 10)) == (0, 0, 0)
    assert st.page_png(pdf_sha, 2, dpi=72, check=checked.append) == p2
    assert len(checked) == 1  # the cached page is served without fetching the original again
    assert p2.stat().st_mtime_ns == st.page_png(pdf_sha, 2, dpi=72).stat().st_mtime_ns
    with Image.open(st.page_png(tif_sha, 2, dpi=100)) as im:
        assert im.size == (200, 280) and im.getpixel((5, 5)) == (0, 0, 0)
    with pytest.raises(PageUnavailable, match="共 2 页"):
        st.page_png(pdf_sha, 3, dpi=72)
    with pytest.raises(PageUnavailable, match="没有页面图像"):
        st.page_png(_put(st, tmp_path, "d.txt", "文本".encode()).sha256, 1, dpi=72)
    assert os.listdir(st.tmp_dir) == []


def test_page_images_are_righted_as_ocr_righted_them(st: Storage, tmp_path: Path) -> None:
    """Evidence boxes are fractions of the righted page: the page image must be righted the same way."""
    page = Image.new("RGB", (400, 600), "white")
    page.paste((0, 0, 0), (50, 40, 350, 90))  # a dark band near the top of the upright page
    buf = io.BytesIO()
    page.rotate(180).save(buf, format="PNG", dpi=(100, 100))
    sha = _put(st, tmp_path, "upside-down.png", buf.getvalue()).sha256
    with Image.open(st.page_png(sha, 1, dpi=100, geometry=PageGeometry(rotation=180))) as im:
        gray = im.convert("L")
        top, bottom = gray.crop((0, 0, 400, 100)), gray.crop((0, 500, 400, 600))
        assert top.getextrema()[0] < 50 and bottom.getextrema()[0] > 200
    with Image.open(st.page_png(sha, 1, dpi=100, geometry=PageGeometry(rotation=0, skew=5.0))) as levelled:
        assert levelled.width > 400 and levelled.height > 600  # levelling grows the canvas as OCR's does


def test_a_reachable_store_reports_no_problem(st: Storage) -> None:
    assert st.problem() is None
