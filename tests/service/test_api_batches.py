"""Bulk upload: per-file items, ZIP expansion, duplicates, size limit, progress, SSE, retry, cancel."""

from __future__ import annotations

import io
import json
import zipfile

from service_helpers import auth, doc_bytes, fake_processor
from sqlalchemy import func, select

from lianfa.service.db.models import Document, Job
from lianfa.service.jobs.runner import run_pending


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _drain(app) -> int:
    return run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor, settings=app.state.settings)


def _upload(client, tokens, files):  # type: ignore[no-untyped-def]
    return client.post("/api/batches", files=[("files", f) for f in files], headers=auth(tokens, "uploader"))


def test_upload_expands_zips_links_duplicates_and_reports_every_file(app, client, tokens) -> None:
    a, b = doc_bytes(doc_number="罚〔2024〕1号"), doc_bytes(doc_number="罚〔2024〕2号")
    too_big = b"x" * (app.state.settings.upload_limit + 1)
    archive = _zip({"卷宗/b.json": b, "a-again.json": a, "../evil.txt": b"x", "not-a-doc.bin": b"\x00\x01\x02\x03" * 64})
    r = _upload(client, tokens, [("a.json", a, "application/json"), ("batch.zip", archive, "application/zip"),
                                 ("big.pdf", too_big, "application/pdf")])
    assert r.status_code == 201, r.text
    batch = r.json()
    by_name = {it["name"]: it for it in batch["items"]}
    assert set(by_name) == {"a.json", "batch.zip/卷宗/b.json", "batch.zip/a-again.json", "batch.zip/../evil.txt",
                            "batch.zip/not-a-doc.bin", "big.pdf"}
    assert by_name["a.json"]["status"] == "queued"
    assert by_name["batch.zip/a-again.json"]["status"] == "duplicate"
    assert by_name["batch.zip/a-again.json"]["duplicate_of"] == by_name["a.json"]["document_id"]
    assert by_name["batch.zip/../evil.txt"]["status"] == "failed" and ".." in by_name["batch.zip/../evil.txt"]["error"]
    assert by_name["batch.zip/not-a-doc.bin"]["status"] == "failed"
    assert by_name["big.pdf"]["status"] == "failed" and "上限" in by_name["big.pdf"]["error"]
    assert batch["progress"]["finished"] is False

    assert _drain(app) == 2
    done = client.get(f"/api/batches/{batch['id']}", headers=auth(tokens, "uploader")).json()
    assert done["progress"] == {"total": 6, "queued": 0, "processing": 0, "done": 2, "failed": 3, "duplicate": 1,
                                "cancelled": 0, "finished": True}
    assert all(it["case_id"] for it in done["items"] if it["status"] in ("done", "duplicate"))

    # The same bytes in a later batch: linked to the known document, never processed again.
    again = _upload(client, tokens, [("copy-of-b.json", b, "application/json")]).json()
    assert again["items"][0]["status"] == "duplicate" and again["progress"]["finished"] is True
    with app.state.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 2
        assert s.scalar(select(func.count()).select_from(Document)) == 2


def test_events_stream_reports_items_and_done(app, client, tokens) -> None:
    batch = _upload(client, tokens, [("a.json", doc_bytes(), "application/json"), ("bad.txt", b"garbage", "text/plain")]).json()
    _drain(app)
    with client.stream("GET", f"/api/batches/{batch['id']}/events", headers=auth(tokens, "uploader")) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        body = "".join(r.iter_text())
    events = [block.split("\n") for block in body.strip().split("\n\n") if block.startswith("event:")]
    kinds = [e[0].removeprefix("event: ") for e in events]
    assert kinds.count("item") == 2 and kinds[-1] == "done"
    final = json.loads(events[-1][1].removeprefix("data: "))
    assert (final["done"], final["failed"], final["finished"]) == (1, 1, True)


def test_retry_requeues_failed_items_with_a_stored_original(app, client, tokens) -> None:
    batch = _upload(client, tokens, [("bad.txt", b"garbage", "text/plain")]).json()
    _drain(app)
    item = client.get(f"/api/batches/{batch['id']}", headers=auth(tokens, "uploader")).json()["items"][0]
    assert item["status"] == "failed" and "无法识别" in item["error"]
    r = client.post(f"/api/batches/{batch['id']}/retry", headers=auth(tokens, "uploader"))
    assert r.json()["affected"] == 1
    assert client.get(f"/api/batches/{batch['id']}", headers=auth(tokens, "uploader")).json()["items"][0]["status"] == "queued"
    assert _drain(app) == 1


def test_cancel_stops_queued_items(app, client, tokens) -> None:
    batch = _upload(client, tokens, [(f"{i}.json", doc_bytes(doc_number=f"罚{i}号"), "application/json") for i in range(3)]).json()
    r = client.post(f"/api/batches/{batch['id']}/cancel", headers=auth(tokens, "uploader"))
    assert r.json()["affected"] == 3
    assert _drain(app) == 0
    prog = client.get(f"/api/batches/{batch['id']}", headers=auth(tokens, "uploader")).json()["progress"]
    assert (prog["cancelled"], prog["finished"]) == (3, True)
    # Uploading a cancelled file again processes it: there is nothing to link to.
    again = _upload(client, tokens, [("0.json", doc_bytes(doc_number="罚0号"), "application/json")]).json()
    assert again["items"][0]["status"] == "queued"


def test_bad_requests_get_actionable_messages(app, client, tokens) -> None:
    r = client.post("/api/batches", content=b"{}", headers={**auth(tokens, "uploader"), "content-type": "application/json"})
    assert r.status_code == 400 and "multipart/form-data" in r.json()["detail"]
    r = client.post("/api/batches", files=[("other", ("a.json", b"{}", "application/json"))], headers=auth(tokens, "uploader"))
    assert r.status_code == 400 and "files" in r.json()["detail"]
    assert client.get("/api/batches/999", headers=auth(tokens, "uploader")).json()["detail"].startswith("批次 999 不存在")


def test_full_queue_refuses_uploads(app, client, tokens) -> None:
    app.state.settings = app.state.settings.model_copy(update={"max_queued_jobs": 1})
    assert _upload(client, tokens, [("a.json", doc_bytes(), "application/json")]).status_code == 201
    r = _upload(client, tokens, [("b.json", doc_bytes(doc_number="x"), "application/json")])
    assert r.status_code == 503 and "队列已满" in r.json()["detail"]
