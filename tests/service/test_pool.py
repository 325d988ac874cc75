"""The local pool of worker processes: jobs run in other processes, workers are recycled, and a
job over the time limit is failed and its worker replaced."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from service_helpers import slow_processor
from sqlalchemy import select

from lianfa.service.db.migrate import upgrade
from lianfa.service.db.models import Document, Job, JobAttempt
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.pool import LocalPool
from lianfa.service.storage import open_storage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# The same real decision, with a different 文号 per copy so each is its own document.
DECISION = (FIXTURES / "extract" / "market_product.txt").read_text(encoding="utf-8")


@pytest.fixture
def env(tmp_path, install_model):  # -> (db, settings)
    from lianfa.service.config import ServiceSettings

    install_model(tmp_path)  # the workers run the real pipeline, which judges with the data folder's model

    settings = ServiceSettings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'p.db'}", workers=1,
                               worker_poll_seconds=0.1)
    db = Database(settings.db_url)
    upgrade(db.engine)
    yield db, settings
    db.dispose()


def _enqueue(db: Database, settings, tmp_path: Path, n: int) -> list[int]:  # type: ignore[no-untyped-def]
    storage = open_storage(settings)
    ids = []
    for i in range(n):
        src = tmp_path / f"d{i}.txt"
        src.write_text(DECISION + f"\n（副本 {i}）\n", encoding="utf-8")
        stored = storage.put_file(src, src.name, 10_000_000)
        with db.session() as s:
            doc = Document(sha256=stored.sha256, size=stored.size, name=src.name)
            s.add(doc)
            s.flush()
            ids.append(queue.enqueue(s, doc.id, settings.job_max_attempts).id)
    return ids


def _wait(db: Database, ids: list[int], timeout: float = 120) -> dict[int, Job]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db.session() as s:
            jobs = {j.id: j for j in s.scalars(select(Job).where(Job.id.in_(ids)))}
        if all(j.status in ("done", "failed") for j in jobs.values()):
            return jobs
        time.sleep(0.2)
    raise AssertionError(f"jobs not finished: {[(j.id, j.status) for j in jobs.values()]}")


def test_workers_are_recycled_after_n_jobs(env, tmp_path) -> None:
    db, settings = env
    settings = settings.model_copy(update={"worker_recycle_after": 1})
    ids = _enqueue(db, settings, tmp_path, 3)
    pool = LocalPool(settings)
    pool.start()
    try:
        jobs = _wait(db, ids)
    finally:
        pool.stop()
    assert {j.status for j in jobs.values()} == {"done"}
    with db.session() as s:
        workers = [a.worker.split(":")[0] for a in s.scalars(select(JobAttempt))]
    assert len(workers) == 3 and len(set(workers)) == 3, "each job ran in a fresh worker process"


def test_job_over_the_time_limit_is_failed_and_its_worker_replaced(env, tmp_path) -> None:
    db, settings = env
    # A text file gets the text limit, not the scans' (left at 600 s), and a message about text.
    settings = settings.model_copy(update={"job_timeout_text_seconds": 1.0, "job_timeout_seconds": 600.0})
    ids = _enqueue(db, settings, tmp_path, 1)
    pool = LocalPool(settings, processor=slow_processor)
    pool.start()
    first = list(pool.pids)
    try:
        jobs = _wait(db, ids, timeout=60)
        deadline = time.monotonic() + 10
        while pool.pids == first and time.monotonic() < deadline:
            time.sleep(0.1)
        replaced = list(pool.pids)
    finally:
        pool.stop()
    job = jobs[ids[0]]
    assert job.status == "failed" and "处理超时" in (job.error or "")
    assert "文本处理时限 1 秒" in job.error and "扫描" not in job.error
    assert replaced != first
    with db.session() as s:
        assert [a.outcome for a in s.scalars(select(JobAttempt))] == ["timeout"]
