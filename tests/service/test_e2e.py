"""End to end through HTTP: a real `lianfa serve` (uvicorn + worker processes + the real pipeline).

Inputs are made at test time by the corpus generator and renderer: text files, text-layer PDFs,
two OCR'd page scans (the only OCR cost), a duplicate, and three bad files from tests/fixtures/bad.
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import time
import zipfile
from pathlib import Path

import httpx
import pytest
from live_server import Server, free_port, lianfa, login, service_env

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BAD = ("truncated.pdf", "html.png", "encrypted_user.pdf")
PASSWORD = "e2e-password-1"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    """name in the ZIP -> file: 24 txt, 20 text-layer PDFs, 2 scanned pages, 1 duplicate, 3 bad = 50."""
    root = tmp_path_factory.mktemp("e2e-inputs")
    env = service_env(root / "unused")
    lianfa(["corpus", "generate", "--n", "46", "--seed", "11", "--out", str(root / "gen")], env)
    lianfa(["corpus", "render", "--corpus", str(root / "gen"), "--out", str(root / "textpdf"), "--format", "textpdf",
            "--limit", "20", "--damage", "none", "--seed", "11"], env)
    lianfa(["corpus", "render", "--corpus", str(root / "gen"), "--out", str(root / "scan"), "--format", "jpeg",
            "--limit", "1", "--damage", "light", "--seed", "11"], env)
    files: dict[str, Path] = {}
    for pdf in sorted((root / "textpdf").glob("*.pdf")):
        files[f"pdf/{pdf.name}"] = pdf
    rendered = {p.stem for p in files.values()}
    txts = [t for t in sorted((root / "gen" / "docs").glob("*.txt")) if t.stem not in rendered][:24]
    for t in txts:
        files[f"txt/{t.name}"] = t
    for page in sorted((root / "scan").glob("*.jpg"))[:2]:
        files[f"scan/{page.name}"] = page
    files["txt/再次提交/copy.txt"] = txts[0]
    for bad in BAD:
        files[f"bad/{bad}"] = FIXTURES / "bad" / bad
    assert len(files) == 50
    return files


def _zip(files: dict[str, Path]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, path in files.items():
            zf.write(path, name)
    return buf.getvalue()


def _server(tmp_path: Path, **env: str) -> Server:
    data = tmp_path / "data"
    e = service_env(data, **env)
    lianfa(["users", "add", "clerk", "--role", "uploader", "--password-stdin"], e, stdin=PASSWORD + "\n")
    lianfa(["users", "add", "judge", "--role", "reviewer", "--password-stdin"], e, stdin=PASSWORD + "\n")
    return Server(e, free_port(), tmp_path / "server.log")


def _wait_events(url: str, batch_id: int, headers: dict[str, str], timeout: float) -> dict:
    """Follow the batch's server-sent events until `done`."""
    with httpx.stream("GET", f"{url}/api/batches/{batch_id}/events", headers=headers,
                      timeout=httpx.Timeout(timeout, connect=10)) as r:
        event = None
        for line in r.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "done":
                return json.loads(line[6:])
    raise AssertionError("event stream ended without `done`")


def test_bulk_zip_upload_end_to_end(tmp_path, inputs) -> None:
    server = _server(tmp_path, LIANFA_WORKERS="2")
    server.start()
    try:
        clerk, judge = login(server.url, "clerk", PASSWORD), login(server.url, "judge", PASSWORD)
        r = httpx.post(f"{server.url}/api/batches", files=[("files", ("卷宗.zip", _zip(inputs), "application/zip"))],
                       headers=clerk, timeout=120)
        assert r.status_code == 201, r.text
        batch = r.json()
        final = _wait_events(server.url, batch["id"], clerk, timeout=400)
        # the two scanned pages are one decision's (d…-p001.jpg, d…-p002.jpg): one document
        assert final == {"total": 49, "queued": 0, "processing": 0, "done": 45, "failed": 3, "duplicate": 1,
                         "cancelled": 0, "finished": True}

        items = {it["name"]: it for it in httpx.get(f"{server.url}/api/batches/{batch['id']}", headers=clerk).json()["items"]}
        pages = sorted(f"卷宗.zip/{n}" for n in inputs if n.startswith("scan/"))
        [grouped] = [it for it in items.values() if it["pages"]]
        assert grouped["pages"] == pages and grouped["status"] == "done" and grouped["name"].endswith("（2 页）")
        assert set(items) == {f"卷宗.zip/{n}" for n in inputs if not n.startswith("scan/")} | {grouped["name"]}
        for name, path in inputs.items():
            if name.startswith("scan/"):
                continue
            it = items[f"卷宗.zip/{name}"]
            if name.startswith("bad/"):
                assert it["status"] == "failed" and Path(name).name in it["error"], it
                continue
            assert it["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
            assert it["status"] == ("duplicate" if "再次提交" in name else "done"), it
            assert it["case_id"] is not None
        dup = items["卷宗.zip/txt/再次提交/copy.txt"]
        assert dup["case_id"] == items[f"卷宗.zip/txt/{inputs['txt/再次提交/copy.txt'].name}"]["case_id"]

        cases = httpx.get(f"{server.url}/api/cases", params={"limit": 100}, headers=judge).json()
        assert cases["total"] == 45
        details = [httpx.get(f"{server.url}/api/cases/{c['id']}", headers=judge).json() for c in cases["items"]]
        scan = [d for d in details if d["file_name"].startswith("卷宗.zip/scan/")]
        assert len(scan) == 1 and scan[0]["fields"]["text_source"] == "ocr" and len(scan[0]["pages"]) == 2
        png = httpx.get(scan[0]["pages"][0]["image_url"], headers=judge)
        assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
        assert sum(d["fields"]["text_source"] == "text_layer" for d in details) == 20
        with_doc_number = sum(bool(d["doc_number"]) for d in details if d["fields"]["text_source"] != "ocr")
        assert with_doc_number >= 40, "extraction ran on the stored originals"

        # Flagged cases are exactly those the pipeline judged high/review risk, highest first.
        expected = {d["id"] for d in details if d["risk_level"] in ("high", "review")}
        flagged = httpx.get(f"{server.url}/api/cases", params={"flagged": "true", "limit": 100}, headers=judge).json()
        assert {c["id"] for c in flagged["items"]} == expected
        ranks = [{"high": 2, "review": 1}[c["risk_level"]] for c in flagged["items"]]
        assert ranks == sorted(ranks, reverse=True)

        top = cases["items"][0]
        r = httpx.post(f"{server.url}/api/cases/{top['id']}/review", headers=judge,
                       json={"action": "confirm", "version": top["version"], "suspected_crime": "销售伪劣产品罪"})
        assert r.status_code == 200 and r.json()["review_state"] == "confirmed"
        [entry] = httpx.get(f"{server.url}/api/cases/{top['id']}/audit", headers=judge).json()
        assert (entry["user_name"], entry["action"]) == ("judge", "review.confirm")
        assert (entry["before"]["review_state"], entry["after"]["review_state"]) == ("pending", "confirmed")
        letter = httpx.get(f"{server.url}/api/cases/{top['id']}/letter.docx", headers=judge)
        assert letter.status_code == 200 and letter.content.startswith(b"PK")
    finally:
        server.stop()


def test_killed_server_resumes_and_processes_every_file_exactly_once(tmp_path, inputs) -> None:
    files = {n: p for n, p in inputs.items() if n.startswith(("pdf/", "txt/")) and "再次提交" not in n}
    server = _server(tmp_path, LIANFA_WORKERS="1", LIANFA_JOB_LEASE_SECONDS="2")
    server.start()
    try:
        clerk = login(server.url, "clerk", PASSWORD)
        batch = httpx.post(f"{server.url}/api/batches", files=[("files", ("b.zip", _zip(files), "application/zip"))],
                           headers=clerk, timeout=120).json()
        deadline = time.monotonic() + 180
        while True:
            prog = httpx.get(f"{server.url}/api/batches/{batch['id']}", headers=clerk).json()["progress"]
            if prog["done"] >= 3:
                break
            assert time.monotonic() < deadline, prog
            time.sleep(0.05)
        server.kill()
        assert prog["done"] < len(files), "the batch must still be running when the server is killed"

        server.start()
        clerk = login(server.url, "clerk", PASSWORD)
        final = _wait_events(server.url, batch["id"], clerk, timeout=300)
        assert final["done"] == len(files) and final["finished"]
    finally:
        server.stop()

    db = sqlite3.connect(tmp_path / "data" / "lianfa.db")
    jobs = db.execute("SELECT id, status FROM jobs").fetchall()
    assert len(jobs) == len(files) and {s for _, s in jobs} == {"done"}
    per_job = dict(db.execute("SELECT job_id, COUNT(*) FROM results GROUP BY job_id").fetchall())
    assert per_job == {j: 1 for j, _ in jobs}, "one result write per job"
    done_attempts = dict(db.execute("SELECT job_id, COUNT(*) FROM job_attempts WHERE outcome='done' GROUP BY job_id").fetchall())
    assert done_attempts == {j: 1 for j, _ in jobs}, "one completed processing per job"
    assert db.execute("SELECT COUNT(*), COUNT(DISTINCT document_id) FROM cases").fetchone() == (len(files), len(files))
    assert db.execute("SELECT COUNT(*) FROM job_attempts WHERE outcome='running'").fetchone() == (0,)
