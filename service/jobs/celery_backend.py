"""The Celery backend (LIANFA_QUEUE=celery, broker LIANFA_REDIS_URL): the same jobs, run by Celery workers.

The database stays the source of truth. A dispatcher thread in `lianfa serve` sends a task for
each claimable job; the task is `run_job(job_id)`, whose lease-based claim makes a job sent twice
(after a broker redelivery or a re-dispatch of an expired lease) still run once. A broker that
lost its messages (restarted without persistence) loses nothing either: the dispatcher sends
again every job still queued, or whose lease ran out, after `4 × job_lease_seconds`.

Start workers with `lianfa worker` (prefork children, one processor each, recycled after
`worker_recycle_after` tasks; see service/cli/worker_cmd.py).

A PDF of at least `fanout_min_pages` pages is read page by page: `run_job` sends `run_page(job_id,
page)` tasks, each with one page's time limits, so the pages of one long scan spread over every
worker; the page stored last sends `run_job` again, which joins them (runner.py). A page task
delivered twice stores its page once. Should the page tasks be lost (a broker restarted empty), the
dispatcher sends the job again once none of its pages progressed within a page's hard limit, and
only the pages still missing go out again.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from celery import Celery, Task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_init
from sqlalchemy import and_, or_, select, update

from lianfa.ingest.ocr import offline_environment
from lianfa.service.config import ServiceSettings, get_service_settings
from lianfa.service.db.models import Job
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.limits import file_time_limit, job_file
from lianfa.service.jobs.runner import PageProcessor, PipelineProcessor, Processor, run_job, run_page
from lianfa.service.jobs.transient import backoff, is_transient
from lianfa.service.storage import Storage, open_storage

log = logging.getLogger(__name__)
# `celery -A lianfa.service.jobs.celery_backend worker` starts here, not through the lianfa CLI
offline_environment(get_service_settings())
TASK = "lianfa.run_job"
PAGE_TASK = "lianfa.run_page"
_BUSY_POLL_CAP = 60.0  # a duplicate waiting for a long job re-checks at least this often

ProcessorFactory = Callable[[ServiceSettings], Processor]


def build_processor(settings: ServiceSettings) -> Processor:
    """What one worker child processes files with: its own Pipeline, built once per child, the
    only place a worker decides how a file is read."""
    return PipelineProcessor(settings)


@dataclass
class _Child:
    pid: int
    db: Database
    storage: Storage
    processor: Processor


def _child_state(holder: dict[str, _Child], settings: ServiceSettings, factory: ProcessorFactory) -> _Child:
    """This process's database engine, store and processor. Built in each prefork child at start
    (never inherited across fork: a shared database connection would be corrupted), or on the
    first task in a solo worker."""
    state = holder.get("state")
    if state is None or state.pid != os.getpid():
        state = _Child(os.getpid(), Database(settings.db_url), open_storage(settings), factory(settings))
        holder["state"] = state
    return state


class _Sender:
    """Sends a job's pages as tasks, each with one page's limits, and the job itself to join them."""

    def __init__(self, app: Celery, settings: ServiceSettings) -> None:
        self.app = app
        self.settings = settings

    def send_pages(self, job_id: int, pages: list[int]) -> None:
        limit = self.settings.job_timeout_page_seconds
        for page in pages:
            self.app.send_task(PAGE_TASK, args=[job_id, page], soft_time_limit=limit,
                               time_limit=limit + self.settings.job_timeout_grace_seconds)

    def send_join(self, job_id: int) -> None:
        self.app.send_task(TASK, args=[job_id])


def make_celery(settings: ServiceSettings, processor_factory: ProcessorFactory = build_processor) -> Celery:
    app = Celery("lianfa", broker=settings.redis_url, set_as_current=False)
    holder: dict[str, _Child] = {}
    app.conf.update(
        task_default_queue=settings.celery_queue,
        task_acks_late=True,  # a worker that dies mid-task leaves the message for another
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        worker_max_tasks_per_child=settings.worker_recycle_after,
        worker_concurrency=settings.workers,
        # defaults for a task sent without its file's own limits (dispatch_pending sends them)
        task_soft_time_limit=settings.job_timeout_seconds,
        task_time_limit=settings.job_timeout_seconds + settings.job_timeout_grace_seconds,
        broker_transport_options={
            "visibility_timeout": settings.celery_visibility_timeout,
            # sweep for messages of dead workers often enough to notice them soon after the timeout
            # (kombu's default sweeps every 100 s); one ZRANGE on Redis per sweep
            "unacked_restore_interval": max(1, min(10, int(settings.celery_visibility_timeout / 4))),
            "unacked_restore_throttle": 1,
        },
        broker_connection_retry=True,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,  # a broker restart is waited out, never fatal
        worker_cancel_long_running_tasks_on_connection_loss=False,
        task_ignore_result=True,
        worker_send_task_events=True,  # Flower (and celery events) see tasks start, succeed, fail
        task_send_sent_event=True,
        worker_hijack_root_logger=False,
    )

    sender = _Sender(app, settings)

    @worker_process_init.connect(weak=False)
    def _init_child(**_: object) -> None:
        _child_state(holder, settings, processor_factory)

    # shared=False: the task closes over this app's settings; a shared task would be copied into
    # every Celery app made later in the process, each then running another's settings
    @app.task(name=TASK, bind=True, shared=False, max_retries=settings.task_max_retries,
              acks_on_failure_or_timeout=True)
    def _run(self: Task, job_id: int, time_limit: float | None = None) -> str:
        child = _child_state(holder, settings, processor_factory)
        try:
            outcome = run_job(
                job_id,
                db=child.db,
                storage=child.storage,
                processor=child.processor,
                settings=settings,
                interrupts=(SoftTimeLimitExceeded,),
                time_limit=time_limit,
                pages=sender if settings.fanout_min_pages else None,
            )
        except Exception as exc:
            if not is_transient(exc):
                raise
            log.warning("job %s: transient fault (%s), retry %d", job_id, exc, self.request.retries + 1)
            raise self.retry(exc=exc, countdown=backoff(self.request.retries, settings.task_retry_backoff_max)) from exc
        if outcome == "busy":
            # A redelivery while the first delivery still runs, or after its worker died with the
            # lease: look again once the lease would have run out (a dead worker's does).
            left = queue.lease_remaining(child.db, job_id) or 0.0
            raise self.retry(countdown=min(_BUSY_POLL_CAP, left + 1.0), max_retries=None)
        return outcome

    @app.task(name=PAGE_TASK, bind=True, shared=False, max_retries=settings.task_max_retries,
              acks_on_failure_or_timeout=True)
    def _page(self: Task, job_id: int, page: int) -> str:
        child = _child_state(holder, settings, processor_factory)
        if not isinstance(child.processor, PageProcessor):
            raise TypeError(f"this worker's processor cannot read single pages (page {page} of job {job_id})")
        try:
            return run_page(job_id, page, db=child.db, storage=child.storage, processor=child.processor,
                            settings=settings, sender=sender, interrupts=(SoftTimeLimitExceeded,))
        except Exception as exc:
            if not is_transient(exc):
                raise
            log.warning("job %s page %d: transient fault (%s), retry %d", job_id, page, exc, self.request.retries + 1)
            raise self.retry(exc=exc, countdown=backoff(self.request.retries, settings.task_retry_backoff_max)) from exc

    return app


def dispatch_pending(
    db: Database,
    celery: Celery,
    redispatch_after: float,
    *,
    settings: ServiceSettings | None = None,
    storage: Storage | None = None,
) -> int:
    """Send a task for each queued job not yet sent (or sent long ago), and for expired leases.

    Given `settings` and `storage`, each task carries its file's own time limits (a text export
    is stopped sooner than a 300-page scan)."""
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
                            # a lease run out, or pages that stalled (sent again: runner._send_pages)
                            Job.status.in_(("running", "paging")),
                            Job.lease_expires < now,
                            or_(Job.dispatched_at.is_(None), Job.dispatched_at < now - redispatch_after),
                        ),
                    )
                ).order_by(Job.id).limit(500)
            )
        )
    for job_id in ids:
        if settings is not None and storage is not None:
            limit = file_time_limit(job_file(db, storage, job_id), settings)
            celery.send_task(TASK, args=[job_id], kwargs={"time_limit": limit}, soft_time_limit=limit,
                             time_limit=limit + settings.job_timeout_grace_seconds)
        else:
            celery.send_task(TASK, args=[job_id])
        with db.session() as s:
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
        storage = open_storage(self.settings)
        try:
            while not self._stop.wait(self.settings.worker_poll_seconds):
                try:
                    dispatch_pending(db, self.celery, 4 * self.settings.job_lease_seconds,
                                     settings=self.settings, storage=storage)
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
    # `celery -A lianfa.service.jobs.celery_backend` looks up `app`; built from settings on first use only.
    if name in ("app", "celery"):
        return _default_app()
    raise AttributeError(name)
