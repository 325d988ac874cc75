"""The service with its originals in an S3 bucket (a real S3 server on loopback): an upload through
the API lands in the bucket, is processed from it, and is served back from it."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from service_helpers import auth, doc_bytes, fake_processor

from lianfa.service.jobs.runner import run_pending
from lianfa.service.storage import S3Storage


@pytest.fixture
def s3_client(s3_settings):  # -> TestClient
    from fastapi.testclient import TestClient

    from lianfa.service.app import create_app

    app = create_app(s3_settings)
    with TestClient(app) as c:
        yield c
    app.state.db.dispose()


def test_an_upload_lands_in_the_bucket_and_is_processed_from_it(s3_client, password_hash) -> None:
    app = s3_client.app
    storage = app.state.storage
    assert isinstance(storage, S3Storage)
    tokens = _tokens(s3_client, password_hash)
    a = doc_bytes(doc_number="罚〔2024〕7号")
    b = doc_bytes(doc_number="罚〔2024〕8号")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("卷宗/b.json", b)
    r = s3_client.post("/api/batches", headers=auth(tokens, "uploader"),
                       files=[("files", ("a.json", a, "application/json")), ("files", ("卷宗.zip", buf.getvalue(), "application/zip"))])
    assert r.status_code == 201, r.text
    items = {it["name"]: it for it in r.json()["items"]}
    assert {it["status"] for it in items.values()} == {"queued"}

    keys = {o["Key"] for o in storage._s3.list_objects_v2(Bucket=storage.bucket)["Contents"]}
    for data in (a, b, buf.getvalue()):
        assert storage.key(hashlib.sha256(data).hexdigest()) in keys
    assert all(k.startswith("lianfa/originals/") for k in keys)
    assert not any((s3_client.app.state.settings.store_dir / "originals").glob("**/*"))  # nothing kept locally

    assert run_pending(db=app.state.db, storage=storage, processor=fake_processor, settings=app.state.settings) == 2
    batch = s3_client.get(f"/api/batches/{r.json()['id']}", headers=auth(tokens, "uploader")).json()
    assert {it["status"] for it in batch["items"]} == {"done"}
    cases = s3_client.get("/api/cases", headers=auth(tokens, "reviewer")).json()
    assert sorted(c["doc_number"] for c in cases["items"]) == ["罚〔2024〕7号", "罚〔2024〕8号"]

    original = s3_client.get(f"/api/documents/{items['a.json']['document_id']}/original", headers=auth(tokens, "uploader"))
    assert original.status_code == 200 and original.content == a
    assert list(storage.tmp_dir.iterdir()) == []  # downloaded copies are gone once used


def _tokens(client, password_hash: str) -> dict[str, str]:
    from service_helpers import role_tokens

    return {role: tok for role, (_, tok) in role_tokens(client.app, password_hash, "bearer").items()}


def test_page_images_render_from_the_bucket(s3_client, password_hash) -> None:
    from PIL import Image

    tokens = _tokens(s3_client, password_hash)
    buf = io.BytesIO()
    Image.new("L", (200, 280), 255).save(buf, format="PNG", dpi=(100, 100))
    r = s3_client.post("/api/batches", headers=auth(tokens, "uploader"), files=[("files", ("scan.png", buf.getvalue(), "image/png"))])
    doc_id = r.json()["items"][0]["document_id"]
    page = s3_client.get(f"/api/documents/{doc_id}/pages/1.png", headers=auth(tokens, "reviewer"))
    assert page.status_code == 200 and page.content.startswith(b"\x89PNG")
    assert list(s3_client.app.state.storage.tmp_dir.iterdir()) == []


def test_an_original_gone_from_the_bucket_fails_its_job_naming_the_file(s3_client, password_hash) -> None:
    app = s3_client.app
    storage = app.state.storage
    tokens = _tokens(s3_client, password_hash)
    data = doc_bytes(doc_number="罚〔2024〕9号")
    r = s3_client.post("/api/batches", headers=auth(tokens, "uploader"), files=[("files", ("丢失.json", data, "application/json"))])
    storage._s3.delete_object(Bucket=storage.bucket, Key=storage.key(hashlib.sha256(data).hexdigest()))
    assert run_pending(db=app.state.db, storage=storage, processor=fake_processor, settings=app.state.settings) == 1
    item = s3_client.get(f"/api/batches/{r.json()['id']}", headers=auth(tokens, "uploader")).json()["items"][0]
    assert item["status"] == "failed" and item["error"].startswith("丢失.json: 存储中找不到原件")
    metrics = s3_client.get("/api/metrics", headers=auth(tokens, "admin")).text
    assert 'lianfa_failures_total{reason="unreadable_original",stage="storage"} 1.0' in metrics


def test_a_resumable_upload_lands_in_the_bucket(s3_client, password_hash) -> None:
    storage = s3_client.app.state.storage
    h = auth(_tokens(s3_client, password_hash), "uploader")
    data = doc_bytes(doc_number="罚〔2024〕10号") * 3
    uid = s3_client.post("/api/uploads", json={"name": "分块.json", "size": len(data)}, headers=h).json()["id"]
    half = len(data) // 2
    for offset, part in ((0, data[:half]), (half, data[half:])):
        assert s3_client.put(f"/api/uploads/{uid}", params={"offset": offset}, content=part, headers=h).status_code == 200
    batch = s3_client.post("/api/uploads/batch", json={"uploads": [uid]}, headers=h)
    assert batch.status_code == 201, batch.text
    sha = hashlib.sha256(data).hexdigest()
    assert batch.json()["items"][0]["sha256"] == sha and storage.exists(sha)
    assert list((storage.tmp_dir / "chunked").iterdir()) == []  # the session's local parts are gone


def test_health_names_a_bucket_it_cannot_reach(s3_settings) -> None:
    from fastapi.testclient import TestClient

    from lianfa.service.app import create_app

    app = create_app(s3_settings.model_copy(update={"store_url": "s3://no-such-bucket-here/x"}))
    with TestClient(app) as c:
        problems = c.get("/api/health").json()["problems"]
    app.state.db.dispose()
    assert "no-such-bucket-here" in problems["storage"] and "LIANFA_STORE_URL" in problems["storage"]


def test_a_bucket_refusing_writes_answers_503_naming_the_file(s3_client, password_hash) -> None:
    from botocore.exceptions import ClientError

    storage = s3_client.app.state.storage

    def refuse(**_: object) -> None:
        raise ClientError({"Error": {"Code": "ServiceUnavailable", "Message": "slow down"}}, "PutObject")

    storage._s3.meta.events.register("provide-client-params.s3.PutObject", refuse)
    r = s3_client.post("/api/batches", headers=auth(_tokens(s3_client, password_hash), "uploader"),
                       files=[("files", ("待存.json", doc_bytes(), "application/json"))])
    assert r.status_code == 503 and r.headers["retry-after"] == "60"
    assert r.json()["detail"].startswith("待存.json: 存储暂时无法写入")
    assert storage._s3.list_objects_v2(Bucket=storage.bucket).get("KeyCount") == 0
    assert list(storage.tmp_dir.iterdir()) == []
