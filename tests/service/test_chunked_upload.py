"""Resumable chunked uploads: a dropped connection resumes from the offset the server reports."""

from __future__ import annotations

import hashlib

from service_helpers import auth, doc_bytes


def test_a_file_sent_in_chunks_resumes_after_an_interruption_and_becomes_a_batch(client, tokens) -> None:
    h = auth(tokens, "uploader")
    data = doc_bytes() * 40
    opened = client.post("/api/uploads", json={"name": "卷宗/大文件.json", "size": len(data)}, headers=h)
    assert opened.status_code == 201, opened.text
    uid = opened.json()["id"]
    half = len(data) // 2
    assert client.put(f"/api/uploads/{uid}", params={"offset": 0}, content=data[:half], headers=h).json()["offset"] == half
    # the connection dropped after this chunk: the client asks where it stands
    assert client.get(f"/api/uploads/{uid}", headers=h).json()["offset"] == half
    stale = client.put(f"/api/uploads/{uid}", params={"offset": 0}, content=data[:10], headers=h)
    assert stale.status_code == 409 and f"已收到 {half} 字节" in stale.json()["detail"]
    early = client.post("/api/uploads/batch", json={"uploads": [uid]}, headers=h)
    assert early.status_code == 409 and "继续上传" in early.json()["detail"]
    assert client.put(f"/api/uploads/{uid}", params={"offset": half}, content=data[half:], headers=h).json()["offset"] == len(data)
    batch = client.post("/api/uploads/batch", json={"uploads": [uid], "name": "分块"}, headers=h)
    assert batch.status_code == 201, batch.text
    item = batch.json()["items"][0]
    assert batch.json()["name"] == "分块" and item["name"] == "卷宗/大文件.json"
    assert item["sha256"] == hashlib.sha256(data).hexdigest() and item["status"] == "queued"
    assert client.get(f"/api/uploads/{uid}", headers=h).status_code == 404  # the session is used up


def test_an_upload_answers_only_its_owner(client, tokens) -> None:
    opened = client.post("/api/uploads", json={"name": "a.txt", "size": 3}, headers=auth(tokens, "uploader")).json()
    other = client.put(f"/api/uploads/{opened['id']}", params={"offset": 0}, content=b"abc", headers=auth(tokens, "admin"))
    assert other.status_code == 404 and "不是您上传的" in other.json()["detail"]
