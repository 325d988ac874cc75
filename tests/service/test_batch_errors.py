"""For big batches: a name, a CSV of the failures, and a re-uploaded failed file that points to its
failure and can be retried."""

from __future__ import annotations

import csv
import io
import zipfile

from service_helpers import auth, doc_bytes, fake_processor

from lianfa.service.jobs.runner import run_pending


def _run(app) -> None:  # type: ignore[no-untyped-def]
    run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor, settings=app.state.settings)


def test_a_reupload_of_a_failed_file_points_to_the_failure_and_retry_requeues_it(app, client, tokens) -> None:
    h = auth(tokens, "uploader")
    broken = b"\x00 not a decision \x00"
    first = client.post("/api/batches", files=[("files", ("坏.pdf", broken, "application/pdf"))], headers=h).json()
    _run(app)
    failed = client.get(f"/api/batches/{first['id']}", headers=h).json()["items"][0]
    assert failed["status"] == "failed"

    again = client.post("/api/batches", params={"name": "重传"}, headers=h,
                        files=[("files", ("坏-重传.pdf", broken, "application/pdf"))]).json()
    assert again["name"] == "重传"
    item = again["items"][0]
    assert item["status"] == "failed" and item["earlier_item"] == failed["id"]
    assert f"批次 #{first['id']} 的 坏.pdf" in item["error"]
    retry = client.post(f"/api/batches/{again['id']}/retry", headers=h).json()
    assert retry["affected"] == 1
    assert client.get(f"/api/batches/{again['id']}", headers=h).json()["items"][0]["status"] == "queued"


def test_error_report_csv_and_zip_name(app, client, tokens) -> None:
    h = auth(tokens, "uploader")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("好.json", doc_bytes())
        zf.writestr("坏.txt", "无法识别".encode())
    batch = client.post("/api/batches", files=[("files", ("十月.zip", buf.getvalue(), "application/zip"))], headers=h).json()
    assert batch["name"] == "十月.zip"
    _run(app)
    assert [b["name"] for b in client.get("/api/batches", headers=h).json()] == ["十月.zip"]
    r = client.get(f"/api/batches/{batch['id']}/errors.csv", headers=h)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == ["序号", "文件", "状态", "错误", "处理次数"]
    assert len(rows) == 2 and rows[1][1] == "十月.zip/坏.txt" and rows[1][3]
