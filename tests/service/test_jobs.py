"""Durable jobs: claims, leases, fencing, attempt budgets, exactly-once result writes."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from service_helpers import doc_bytes, fake_processor
from sqlalchemy import func, select

from lianfa.service.db.migrate import upgrade
from lianfa.service.db.models import Case, Document, Job, JobAttempt, Result
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.runner import run_job, run_pending
from lianfa.service.storage import Storage, open_storage


@pytest.fixture
def env(settings):  # -> (db, storage, settings)
    db = Database(settings.db_url)
    upgrade(db.engine)
    yield db, open_storage(settings), settings
    db.dispose()


def _add_docs(db: Database, storage: Storage, tmp: Path, payloads: list[bytes]) -> list[int]:
    ids = []
    for i, data in enumerate(payloads):
        src = tmp / f"in{i}.json"
        src.write_bytes(data)
        stored = storage.put_file(src, src.name, 10_000_000)
        with db.session() as s:
            doc = Document(sha256=stored.sha256, size=stored.size, name=src.name)
            s.add(doc)
            s.flush()
            ids.append(queue.enqueue(s, doc.id, max_attempts=2).id)
    return ids


def _count(db: Database, model, *where) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_run_job_writes_result_and_case(env, tmp_path) -> None:
    db, storage, settings = env
    [job_id] = _add_docs(db, storage, tmp_path, [doc_bytes()])
    assert run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings) == "done"
    assert run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings) == "skipped"
    with db.session() as s:
        case = s.scalar(select(Case))
        assert case.risk_level == "high" and case.category == "product_quality"
        assert case.decision_month == "2024-03" and "某某商贸有限公司" in case.search_text
        job = s.get(Job, job_id)
        assert (job.status, job.attempts) == ("done", 1)
    assert _count(db, Result) == 1


def test_error_result_fails_job_without_case(env, tmp_path) -> None:
    db, storage, settings = env
    [job_id] = _add_docs(db, storage, tmp_path, [b"\x89PNG not json"])
    assert run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings) == "failed"
    with db.session() as s:
        job = s.get(Job, job_id)
        assert job.status == "failed" and "无法识别" in job.error
    assert _count(db, Case) == 0 and _count(db, Result) == 1


def test_processor_crash_is_recorded_as_internal_error(env, tmp_path) -> None:
    db, storage, settings = env
    [job_id] = _add_docs(db, storage, tmp_path, [doc_bytes()])

    def broken(path: Path, name: str) -> dict:
        raise KeyError("boom")

    assert run_job(job_id, db=db, storage=storage, processor=broken, settings=settings) == "failed"
    with db.session() as s:
        assert "内部错误" in s.get(Job, job_id).error


def test_stale_worker_cannot_write_after_takeover(env, tmp_path) -> None:
    """Worker A's lease expires mid-job, B takes over and finishes; A's late write is refused."""
    db, storage, settings = env
    [job_id] = _add_docs(db, storage, tmp_path, [doc_bytes()])
    owner_a = queue.claim(db, job_id, "A", lease_seconds=0.01)
    assert owner_a is not None
    time.sleep(0.05)
    assert run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings, worker="B") == "done"
    assert queue.finish(db, job_id, owner_a, {"status": "ok"}, None, None) is False
    assert _count(db, Result, Result.job_id == job_id) == 1
    with db.session() as s:
        outcomes = sorted(a.outcome for a in s.scalars(select(JobAttempt).where(JobAttempt.job_id == job_id)))
        assert outcomes == ["done", "lost"]
        assert s.get(Job, job_id).attempts == 2


def test_attempt_budget_stops_a_job_that_keeps_dying(env, tmp_path) -> None:
    db, storage, settings = env
    [job_id] = _add_docs(db, storage, tmp_path, [doc_bytes()])  # budget: 2 attempts
    for worker in ("A", "B"):
        assert queue.claim(db, job_id, worker, lease_seconds=0.01) is not None
        time.sleep(0.03)  # the worker "dies": no heartbeat, no finish
    assert queue.claim(db, job_id, "C", lease_seconds=30) is None
    with db.session() as s:
        job = s.get(Job, job_id)
        assert job.status == "failed" and job.error == queue.INTERRUPTED


def test_heartbeat_keeps_a_long_job(env, tmp_path) -> None:
    db, storage, _ = env
    settings = env[2].model_copy(update={"job_lease_seconds": 0.3})
    [job_id] = _add_docs(db, storage, tmp_path, [doc_bytes()])
    stolen: list[str | None] = []

    def slow(path: Path, name: str) -> dict:
        time.sleep(0.9)  # three lease lengths: only heartbeats keep it
        stolen.append(queue.claim(db, job_id, "thief", lease_seconds=30))
        return fake_processor(path, name)

    assert run_job(job_id, db=db, storage=storage, processor=slow, settings=settings) == "done"
    assert stolen == [None]


def test_concurrent_workers_process_each_job_exactly_once(env, tmp_path) -> None:
    db, storage, settings = env
    job_ids = _add_docs(db, storage, tmp_path, [doc_bytes(doc_number=f"罚〔2024〕{i}号") for i in range(12)])
    calls: list[str] = []
    lock = threading.Lock()

    def counting(path: Path, name: str) -> dict:
        with lock:
            calls.append(name)
        time.sleep(0.01)
        return fake_processor(path, name)

    threads = [
        threading.Thread(
            target=run_pending, kwargs=dict(db=db, storage=storage, processor=counting, settings=settings, worker=f"w{i}")
        )
        for i in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(calls) == sorted(f"in{i}.json" for i in range(12))
    assert _count(db, Result) == len(job_ids) == _count(db, Case)
    assert _count(db, JobAttempt, JobAttempt.outcome == "done") == len(job_ids)
