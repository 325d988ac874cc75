"""The Celery backend on the real stack: PostgreSQL, a redis-server, the shared store, and
`lianfa worker` processes. A batch runs through two workers; a worker SIGKILLed mid-task and a
broker restarted mid-batch both leave every file done exactly once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from celery_stack import FIXTURES, Stack, Worker, data_folder, decisions, pg_database, redis_server, workers
from sqlalchemy import func, select

from lianfa.service.db.migrate import upgrade
from lianfa.service.db.models import Case, Document, Job, JobAttempt, Result
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.celery_backend import Dispatcher, dispatch_pending, make_celery
from lianfa.service.storage import LocalStorage

pytestmark = [pytest.mark.redis, pytest.mark.postgres]
SLOW_WORKER = "tests.service.slow_worker"


@pytest.fixture
def stack(tmp_path):  # -> (Stack, Database, RedisServer)
    with pg_database() as url, redis_server(tmp_path / "redis.log") as redis:
        st = Stack(url, redis.url, tmp_path / "store")
        db = Database(url)
        try:
            upgrade(db.engine)
            yield st, db, redis
        finally:
            db.dispose()


def _enqueue(db: Database, store: Path, paths: list[Path]) -> dict[int, str]:
    storage = LocalStorage(store)
    jobs = {}
    for p in paths:
        stored = storage.put_file(p, p.name, 10_000_000)
        with db.session() as s:
            doc = Document(sha256=stored.sha256, size=stored.size, name=p.name)
            s.add(doc)
            s.flush()
            jobs[queue.enqueue(s, doc.id, 3).id] = p.name
    return jobs


def _wait(db: Database, ids: list[int], logs: list[Path], timeout: float = 180) -> dict[int, Job]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db.session() as s:
            jobs = {j.id: j for j in s.scalars(select(Job).where(Job.id.in_(ids)))}
        if all(j.status in ("done", "failed") for j in jobs.values()):
            return jobs
        time.sleep(0.3)
    tails = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in logs if p.exists())
    raise AssertionError(f"jobs not finished: {[(j.id, j.status) for j in jobs.values()]}\n{tails}")


def _wait_for(cond, timeout: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if got := cond():
            return got
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _exactly_once(db: Database, ids: list[int]) -> None:
    with db.session() as s:
        per_job = dict(s.execute(select(Result.job_id, func.count()).group_by(Result.job_id)).all())
        assert per_job == {i: 1 for i in ids}
        docs = list(s.scalars(select(Case.document_id)))
        assert len(docs) == len(set(docs)) == s.scalar(select(func.count()).select_from(Job).where(Job.status == "done"))


def _dispatch(st: Stack, db: Database, data: Path, **over: object) -> None:
    settings = st.settings(data, **over)
    app = make_celery(settings)
    assert dispatch_pending(db, app, 60, settings=settings, storage=LocalStorage(st.store)) > 0


def test_a_batch_runs_through_two_lianfa_worker_processes(tmp_path, stack) -> None:
    st, db, _ = stack
    bad = [FIXTURES / "bad" / "truncated.pdf", FIXTURES / "bad" / "unsupported.docx"]
    jobs = _enqueue(db, st.store, decisions(tmp_path, 6) + bad)
    logs = [tmp_path / f"w{i}.log" for i in range(2)]
    ws = [Worker(st.env(data_folder(tmp_path / f"machine{i}")), logs[i]) for i in range(2)]
    with workers(*ws):
        _dispatch(st, db, tmp_path / "machine0")
        done = _wait(db, list(jobs), logs)
    by_name = {jobs[i]: j for i, j in done.items()}
    assert {n for n, j in by_name.items() if j.status == "failed"} == {"truncated.pdf", "unsupported.docx"}
    assert {n for n, j in by_name.items() if j.status == "done"} == {f"d{i:03d}.txt" for i in range(6)}
    # a bad file is its own result at the first attempt: never retried
    assert all(j.attempts == 1 for j in done.values())
    _exactly_once(db, list(jobs))
    with db.session() as s:
        assert {r.status for r in s.scalars(select(Result).where(Result.error.is_not(None)))} == {"error"}


def test_a_worker_sigkilled_mid_task_loses_nothing(tmp_path, stack) -> None:
    st, db, _ = stack
    marks = tmp_path / "marks"
    marks.mkdir()
    jobs = _enqueue(db, st.store, decisions(tmp_path, 4))
    logs = [tmp_path / f"w{i}.log" for i in range(2)]
    extra = {"LIANFA_TEST_MARKS": str(marks), "LIANFA_TEST_DELAY": "2"}
    ws = [Worker(st.env(data_folder(tmp_path / f"machine{i}"), **extra), logs[i], module=SLOW_WORKER)
          for i in range(2)]
    with workers(*ws):
        _dispatch(st, db, tmp_path / "machine0")
        first = _wait_for(lambda: sorted(marks.iterdir()), 120, "a worker to start a file")[0]
        pid, name = first.name.split("-", 1)
        [victim] = [w for w in ws if w.owns(int(pid))]
        victim.kill()
        # no dispatcher runs here: only Celery's own redelivery (visibility timeout) can save the file
        done = _wait(db, list(jobs), logs)
    assert {j.status for j in done.values()} == {"done"}
    _exactly_once(db, list(jobs))
    [killed] = [i for i, n in jobs.items() if n == name]
    with db.session() as s:
        outcomes = sorted(a.outcome for a in s.scalars(select(JobAttempt).where(JobAttempt.job_id == killed)))
    assert outcomes == ["done", "lost"]
    assert done[killed].attempts == 2
    # started twice, in two processes: the second start was the redelivery
    assert len([m for m in marks.iterdir() if m.name.endswith(f"-{name}")]) == 2


def test_the_broker_restarted_mid_batch_loses_nothing(tmp_path, stack) -> None:
    st, db, redis = stack
    marks = tmp_path / "marks"
    marks.mkdir()
    jobs = _enqueue(db, st.store, decisions(tmp_path, 8))
    logs = [tmp_path / f"w{i}.log" for i in range(2)]
    extra = {"LIANFA_TEST_MARKS": str(marks), "LIANFA_TEST_DELAY": "1"}
    ws = [Worker(st.env(data_folder(tmp_path / f"machine{i}"), **extra), logs[i], module=SLOW_WORKER)
          for i in range(2)]
    # the web process's dispatcher: the database, not the broker, is the record of what is left to do
    dispatcher = Dispatcher(st.settings(tmp_path / "machine0"))
    with workers(*ws):
        dispatcher.start()
        try:
            _wait_for(lambda: any(marks.iterdir()), 120, "a worker to start a file")
            redis.stop()  # every queued message is gone with it (no persistence)
            time.sleep(1.0)
            redis.start()
            done = _wait(db, list(jobs), logs)
        finally:
            dispatcher.stop()
    assert {j.status for j in done.values()} == {"done"}
    _exactly_once(db, list(jobs))


def test_a_text_file_over_its_time_limit_fails_with_the_reason_of_its_kind(tmp_path, stack) -> None:
    st, db, _ = stack
    marks = tmp_path / "marks"
    marks.mkdir()
    jobs = _enqueue(db, st.store, decisions(tmp_path, 1))
    log = tmp_path / "w.log"
    extra = {"LIANFA_TEST_MARKS": str(marks), "LIANFA_TEST_DELAY": "120"}
    with workers(Worker(st.env(data_folder(tmp_path / "machine"), **extra), log, module=SLOW_WORKER)):
        # the dispatcher gives each task its file's limits: 2 s for a text export here, 600 s for a PDF
        _dispatch(st, db, tmp_path / "machine", job_timeout_text_seconds=2.0, job_timeout_grace_seconds=5.0)
        [job] = _wait(db, list(jobs), [log], timeout=120).values()
    assert job.status == "failed" and job.attempts == 1
    assert job.error is not None and job.error.startswith("处理超时：文本文件") and "2 秒" in job.error
    with db.session() as s:
        assert [a.outcome for a in s.scalars(select(JobAttempt))] == ["timeout"]
        assert s.scalar(select(func.count()).select_from(Result)) == 1
