"""The Celery backend (LIANFA_QUEUE=celery, broker LIANFA_REDIS_URL): the same jobs, run by Celery workers.

The database stays the source of truth. A dispatcher thread in `lianfa serve` sends a task for
each claimable job; the task is `run_job(job_id)`, whose lease-based claim makes a job sent twice
(after a broker redelivery or a re-dispatch of an expired lease) still run once.

Start workers with:  celery -A service.jobs.celery_backend worker --concurrency 1
"""

from __future__ import annotations

import logging
import threading
import time
from functools import lru_cache

from celery import Celery
from sqlalchemy import and_, or_, select, update

from lianfa.ingest.ocr import offline_environment
from lianfa.service.config import ServiceSettings, get_service_settings
from lianfa.service.db.models import Job
from lianfa.service.db.session import Database
from lianfa.service.jobs.runner import run_job

log = logging.getLogger(__name__)
# `celery -A service.jobs.celery_backend worker` starts here, not through the lianfa CLI
offline_environment(get_service_settings())
TASK = "lianfa.run_job"


def make_celery(settings: ServiceSettings) -> Celery:
    app = Celery("lianfa", broker=settings.redis_url)
    app.conf.update(
        task_acks_late=True,  # a worker that dies mid-task leaves the message for another
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        worker_max_tasks_per_child=settings.worker_recycle_after,
        task_time_limit=settings.job_timeout_seconds,
        broker_connection_retry_on_startup=True,
        task_ignore_result=True,
        worker_send_task_events=True,  # Flower (and celery events) see tasks start, succeed, fail
        task_send_sent_event=True,
    )

    @app.task(name=TASK)
    def _run(job_id: int) -> str:
        return run_job(job_id, settings=settings)

    return app


def dispatch_pending(db: Database, celery: Celery, redispatch_after: float) -> int:
    """Send a task for each queued job not yet sent (or sent long ago), and for expired leases."""
    now = time.time()
    sent = 0
    with db.session() as s:
        ids = list(
            s.scalars(
                select(Job.id).where(
                    or_(
                        and_(
                            Job.status == "queued",
                            or_(Job.dispatched_at.is_(None), Job.dispatched_at < now - redispatch_after),
                        ),
                        and_(
                            Job.status == "running",
                            Job.lease_expires < now,
                            or_(Job.dispatched_at.is_(None), Job.dispatched_at < now - redispatch_after),
                        ),
                    )
                ).order_by(Job.id).limit(500)
            )
        )
        for job_id in ids:
            celery.send_task(TASK, args=[job_id])
            s.execute(update(Job).where(Job.id == job_id).values(dispatched_at=now))
            sent += 1
    return sent


class Dispatcher:
    """The thread `lianfa serve` runs in celery mode."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self.celery = make_celery(settings)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="lianfa-dispatch", daemon=True)

    def _loop(self) -> None:
        db = Database(self.settings.db_url)
        try:
            while not self._stop.wait(self.settings.worker_poll_seconds):
                try:
                    dispatch_pending(db, self.celery, 4 * self.settings.job_lease_seconds)
                except Exception:  # Redis briefly away: jobs stay queued in the database, try again
                    log.exception("dispatching jobs to celery failed")
        finally:
            db.dispose()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


@lru_cache(maxsize=1)
def _default_app() -> Celery:
    return make_celery(get_service_settings())


def __getattr__(name: str) -> Celery:
    # `celery -A service.jobs.celery_backend` looks up `app`; built from settings on first use only.
    if name in ("app", "celery"):
        return _default_app()
    raise AttributeError(name)
