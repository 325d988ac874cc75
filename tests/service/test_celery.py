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
from lianfa.service.storage import open_storage
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
