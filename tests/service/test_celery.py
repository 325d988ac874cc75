"""The Celery backend against the real Redis: jobs dispatched from the database go through Redis to
a Celery worker, which runs them with the real pipeline; a job delivered twice still runs once."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lianfa.service.db.migrate import upgrade
from lianfa.service.db.models import Document, Job, Result
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.celery_backend import TASK, dispatch_pending, make_celery
from lianfa.service.storage import LocalStorage, open_storage
from tests.conftest import unavailable

pytestmark = pytest.mark.redis
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_client():  # -> redis.Redis
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.ConnectionError:
        unavailable(f"Redis unreachable at {REDIS_URL}")
    yield client
    client.close()


def test_jobs_run_through_redis_and_a_celery_worker(tmp_path, redis_client, install_model) -> None:
    from celery.contrib.testing.worker import start_worker

    from lianfa.service.config import ServiceSettings

    # Workers never train the default model (setup does): the test's data folder gets it here.
    install_model(tmp_path)
    settings = ServiceSettings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'c.db'}", queue="celery",
                               redis_url=REDIS_URL)
    db = Database(settings.db_url)
    upgrade(db.engine)
    storage = open_storage(settings)
    ids = []
    for name in ("market_product.txt", "individual_gbk.txt"):
        stored = storage.put_file(FIXTURES / "extract" / name, name, 10_000_000)
        with db.session() as s:
            doc = Document(sha256=stored.sha256, size=stored.size, name=name)
            s.add(doc)
            s.flush()
            ids.append(queue.enqueue(s, doc.id, 3).id)

    app = make_celery(settings)
    qname = f"lianfa-test-{uuid.uuid4().hex[:8]}"  # a queue of our own on the shared Redis
    app.conf.task_default_queue = qname
    try:
        assert dispatch_pending(db, app, redispatch_after=60) == 2
        assert dispatch_pending(db, app, redispatch_after=60) == 0  # sent once, not again
        assert redis_client.llen(qname) == 2
        app.send_task(TASK, args=[ids[0]])  # a duplicate delivery

        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                with db.session() as s:
                    statuses = set(s.scalars(select(Job.status).where(Job.id.in_(ids))))
                if statuses == {"done"} and redis_client.llen(qname) == 0:
                    break
                time.sleep(0.3)
        with db.session() as s:
            assert set(s.scalars(select(Job.status))) == {"done"}, [j.error for j in s.scalars(select(Job))]
            assert s.scalar(select(func.count()).select_from(Result)) == 2
            assert [j.attempts for j in s.scalars(select(Job).order_by(Job.id))] == [1, 1]
    finally:
        redis_client.delete(qname)
        db.dispose()


def test_a_transient_fault_is_retried_by_celery_and_a_bad_file_is_not(tmp_path, redis_client) -> None:
    from celery.contrib.testing.worker import start_worker
    from service_helpers import doc_bytes, fake_processor
    from sqlalchemy.exc import OperationalError

    from lianfa.service.config import ServiceSettings
    from lianfa.service.db.models import JobAttempt

    settings = ServiceSettings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'c.db'}", queue="celery",
                               redis_url=REDIS_URL, celery_queue=f"lianfa-test-{uuid.uuid4().hex[:8]}",
                               task_retry_backoff_max=0.5)
    db = Database(settings.db_url)
    upgrade(db.engine)
    storage = LocalStorage(settings.store_dir)
    ids = {}
    for name, data in (("flaky.json", doc_bytes()), ("bad.json", b"{not json")):
        (tmp_path / name).write_bytes(data)
        stored = storage.put_file(tmp_path / name, name, 10_000_000)
        with db.session() as s:
            doc = Document(sha256=stored.sha256, size=stored.size, name=name)
            s.add(doc)
            s.flush()
            ids[name] = queue.enqueue(s, doc.id, 3).id
    failures = {"flaky.json": 2}

    def factory(_settings):  # type: ignore[no-untyped-def]
        def process(path: Path, name: str):  # type: ignore[no-untyped-def]
            if failures.get(name, 0) > 0:
                failures[name] -= 1
                raise OperationalError("UPDATE jobs", {}, Exception("the database restarted"))
            return fake_processor(path, name)

        return process

    app = make_celery(settings, factory)
    try:
        assert dispatch_pending(db, app, 60, settings=settings, storage=storage) == 2
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with db.session() as s:
                    if set(s.scalars(select(Job.status))) <= {"done", "failed"}:
                        break
                time.sleep(0.2)
        with db.session() as s:
            flaky, bad = s.get(Job, ids["flaky.json"]), s.get(Job, ids["bad.json"])
            assert flaky is not None and bad is not None
            assert (flaky.status, flaky.attempts) == ("done", 1)  # two transient faults cost no attempt
            assert (bad.status, bad.attempts) == ("failed", 1)
            outcomes = sorted(a.outcome for a in s.scalars(select(JobAttempt).where(JobAttempt.job_id == flaky.id)))
            assert outcomes == ["done", "transient", "transient"]
    finally:
        redis_client.delete(settings.celery_queue)
        db.dispose()
