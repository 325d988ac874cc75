"""A job delivered twice (a broker redelivery, a duplicate dispatch, a worker that died) makes one
result and one case; the unique constraints hold on SQLite and PostgreSQL; a transient fault gives
the job back without spending the file's attempts, and a bad file is never retried."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from service_helpers import doc_bytes, fake_processor
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from lianfa.ingest.errors import IngestError
from lianfa.service.db.migrate import upgrade
from lianfa.service.db.models import Case, Document, Job, JobAttempt, Result
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.runner import run_job
from lianfa.service.jobs.transient import StoreUnreachable, is_transient
from lianfa.service.storage import LocalStorage, Storage


@pytest.fixture
def env(settings):  # -> (db, storage, settings)
    db = Database(settings.db_url)
    upgrade(db.engine)
    yield db, LocalStorage(settings.store_dir), settings
    db.dispose()


def _job(db: Database, storage: Storage, tmp: Path, data: bytes | None = None) -> int:
    src = tmp / "in.json"
    src.write_bytes(data or doc_bytes())
    stored = storage.put_file(src, src.name, 10_000_000)
    with db.session() as s:
        doc = Document(sha256=stored.sha256, size=stored.size, name=src.name)
        s.add(doc)
        s.flush()
        return queue.enqueue(s, doc.id, max_attempts=3).id


def _counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(Result)) or 0,
                s.scalar(select(func.count()).select_from(Case)) or 0)


def test_two_deliveries_at_once_make_one_result_and_one_case(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, tmp_path)
    started = threading.Event()

    def slow(path: Path, name: str):  # type: ignore[no-untyped-def]
        started.set()
        time.sleep(1.0)
        return fake_processor(path, name)

    outcomes: list[str] = []
    first = threading.Thread(target=lambda: outcomes.append(
        run_job(job_id, db=db, storage=storage, processor=slow, settings=settings, worker="A")))
    first.start()
    assert started.wait(10)
    # the redelivery meets a live lease: it is told to come back, not to process the file again
    second = run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings, worker="B")
    first.join()
    assert (outcomes, second) == (["done"], "busy")
    assert run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings, worker="B") == "skipped"
    assert _counts(db) == (1, 1)


def test_a_redelivery_after_the_worker_died_finishes_the_job_once(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, tmp_path)
    dead = queue.claim(db, job_id, "dead-worker", lease_seconds=60)  # claimed, then the process died
    assert dead is not None
    assert run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings) == "busy"
    # the dead worker's lease runs out (set in the past, not waited for: a loaded machine may take
    # longer than any short lease between the claim and the first redelivery)
    with db.session() as s:
        s.execute(update(Job).where(Job.id == job_id).values(lease_expires=time.time() - 1))
        s.commit()
    assert run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings) == "done"
    # the dead worker's late write is fenced off
    assert not queue.finish(db, job_id, dead, {"status": "ok"}, None, None)
    assert _counts(db) == (1, 1)
    with db.session() as s:
        job = s.get(Job, job_id)
        assert job is not None and (job.status, job.attempts) == ("done", 2)
        assert sorted(a.outcome for a in s.scalars(select(JobAttempt))) == ["done", "lost"]


def test_the_unique_constraints_refuse_a_second_result_or_case(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, tmp_path)
    assert run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings) == "done"
    with db.session() as s:
        job = s.get(Job, job_id)
        assert job is not None
        doc_id = job.document_id
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Result(job_id=job_id, document_id=doc_id, status="ok", payload={}))
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Case(document_id=doc_id, job_id=job_id, file_name="again", fields={}))
    assert _counts(db) == (1, 1)


def test_a_transient_fault_gives_the_job_back_without_spending_an_attempt(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, tmp_path)

    def database_away(path: Path, name: str):  # type: ignore[no-untyped-def]
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))

    with pytest.raises(OperationalError):
        run_job(job_id, db=db, storage=storage, processor=database_away, settings=settings)
    with db.session() as s:
        job = s.get(Job, job_id)
        assert job is not None and (job.status, job.attempts, job.lease_owner) == ("queued", 0, None)
    assert _counts(db) == (0, 0)
    assert run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings) == "done"
    with db.session() as s:
        assert sorted(a.outcome for a in s.scalars(select(JobAttempt))) == ["done", "transient"]


def test_an_unreachable_store_is_transient_and_a_bad_file_is_not(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, tmp_path)
    originals = storage.root / "originals"
    away = originals.with_name("originals.away")
    originals.rename(away)  # the shared path unmounted under the worker
    with pytest.raises(StoreUnreachable):
        run_job(job_id, db=db, storage=storage, processor=fake_processor, settings=settings)
    away.rename(originals)

    def bad_file(path: Path, name: str):  # type: ignore[no-untyped-def]
        raise IngestError(name, "不是 PDF / not a PDF")

    assert run_job(job_id, db=db, storage=storage, processor=bad_file, settings=settings) == "failed"
    with db.session() as s:
        job = s.get(Job, job_id)
        assert job is not None and (job.status, job.attempts) == ("failed", 1)
    assert not is_transient(IngestError("x.pdf", "damaged"))
    assert is_transient(TimeoutError("read timed out"))
