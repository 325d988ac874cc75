"""The README's two-machine deployment, as processes: the web process (`lianfa serve --no-workers`)
and two `lianfa worker`s, each with its own data folder, sharing only PostgreSQL, Redis and the
store. A batch uploaded to the web process is read by the workers alone."""

from __future__ import annotations

import io
import os
import time
import zipfile

import httpx
import pytest
from celery_stack import FIXTURES, Stack, Worker, data_folder, decisions, pg_database, redis_server, workers
from live_server import Server, free_port, lianfa, login
from service_helpers import PASSWORD
from sqlalchemy import select

from lianfa.service.db.models import JobAttempt
from lianfa.service.db.session import Database

pytestmark = [pytest.mark.redis, pytest.mark.postgres]


def test_web_process_alone_and_two_worker_machines(tmp_path) -> None:
    files = decisions(tmp_path, 6) + [FIXTURES / "bad" / "truncated.pdf"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for p in files:
            zf.write(p, p.name)
    with pg_database() as url, redis_server(tmp_path / "redis.log") as redis:
        st = Stack(url, redis.url, tmp_path / "shared-store", lease=5.0, visibility=60.0)
        web_env = st.env(data_folder(tmp_path / "web"))
        lianfa(["users", "add", "clerk", "--role", "uploader", "--password-stdin"], web_env, stdin=PASSWORD + "\n")
        web = Server(web_env, free_port(), tmp_path / "web.log", args=("--no-workers",))
        logs = [tmp_path / f"worker{i}.log" for i in range(2)]
        machines = [Worker(st.env(data_folder(tmp_path / f"machine{i}")), logs[i]) for i in range(2)]
        web.start()
        try:
            with workers(*machines):
                clerk = login(web.url, "clerk", PASSWORD)
                r = httpx.post(f"{web.url}/api/batches", files=[("files", ("卷宗.zip", buf.getvalue(), "application/zip"))],
                               headers=clerk, timeout=120)
                assert r.status_code == 201, r.text
                batch_id = r.json()["id"]
                deadline = time.monotonic() + 240
                while time.monotonic() < deadline:
                    items = httpx.get(f"{web.url}/api/batches/{batch_id}", headers=clerk, timeout=30).json()["items"]
                    if all(it["status"] in ("done", "failed") for it in items):
                        break
                    time.sleep(0.5)
                pids = _attempt_pids(url)
                # every file was read by a child of one of the worker machines, none by the web process
                assert all(any(m.owns(pid) for m in machines) for pid in pids), pids
        finally:
            web.stop()
        statuses = {it["name"].split("/")[-1]: it["status"] for it in items}
        assert statuses == {**{p.name: "done" for p in files[:-1]}, "truncated.pdf": "failed"}, (
            logs[0].read_text()[-2000:], (tmp_path / "web.log").read_text()[-2000:])
        # each machine kept its own data folder; the originals are only in the shared store
        assert not (tmp_path / "machine0" / "store").exists() and not (tmp_path / "web" / "store").exists()


def _attempt_pids(url: str) -> set[int]:
    db = Database(url)
    try:
        with db.session() as s:
            return {int(a.worker.split(":")[0].rsplit("-", 1)[1]) for a in s.scalars(select(JobAttempt))}
    finally:
        db.dispose()


def test_serve_in_celery_mode_on_one_machine_runs_its_own_worker(tmp_path) -> None:
    files = decisions(tmp_path, 2)
    with pg_database() as url, redis_server(tmp_path / "redis.log") as redis:
        st = Stack(url, redis.url, tmp_path / "store", lease=5.0, visibility=60.0)
        env = st.env(data_folder(tmp_path / "data"), LIANFA_WORKERS="1")
        lianfa(["users", "add", "clerk", "--role", "uploader", "--password-stdin"], env, stdin=PASSWORD + "\n")
        server = Server(env, free_port(), tmp_path / "server.log")
        server.start()
        try:
            clerk = login(server.url, "clerk", PASSWORD)
            r = httpx.post(f"{server.url}/api/batches", headers=clerk, timeout=120,
                           files=[("files", (p.name, p.read_bytes(), "text/plain")) for p in files])
            assert r.status_code == 201, r.text
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                items = httpx.get(f"{server.url}/api/batches/{r.json()['id']}", headers=clerk, timeout=30).json()["items"]
                if all(it["status"] in ("done", "failed") for it in items):
                    break
                time.sleep(0.5)
            assert [it["status"] for it in items] == ["done", "done"], (tmp_path / "server.log").read_text()[-3000:]
            assert server.proc is not None
            # read by a `lianfa worker` child in the server's own process group, not by the web process
            pids = _attempt_pids(url)
            assert server.proc.pid not in pids and all(os.getpgid(pid) == server.proc.pid for pid in pids)
        finally:
            server.stop()
