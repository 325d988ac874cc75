"""`run_job(job_id)`: process one stored original and record its outcome exactly once.

Independent of what runs it: a local worker process, a Celery task, or a test calling it directly.

Given a PageSender (the Celery backend gives one), a PDF of at least `fanout_min_pages` pages is not
read whole: run_job records the page count, sends a task per page (`run_page`, each storing its page
once) and lets go of the job, which waits in status `paging`. The page stored last sends the job
again, and run_job then joins the pages in page order into the file's result, extracted and judged
once. A page that fails is in the result's page_errors; the other pages still make the document.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from sqlalchemy import select

from lianfa.contract import ExtractResult
from lianfa.errors import LianfaError, internal_error
from lianfa.service.cases import case_from_result
from lianfa.service.config import ServiceSettings, get_service_settings
from lianfa.service.db.models import BatchItem, Document, Job
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.limits import (
    describe,
    job_file,
    page_interrupted_reason,
    page_timeout_reason,
    timeout_reason,
)
from lianfa.service.jobs.original_cache import OriginalCache, cache_dir
from lianfa.service.jobs.transient import StoreUnreachable, is_transient
from lianfa.service.metrics import record_worker
from lianfa.service.storage import Storage, StoreError, open_storage

if TYPE_CHECKING:
    from lianfa.pipeline import Pipeline

log = logging.getLogger(__name__)

Processor = Callable[[Path, str], Any]  # (stored original, display name) -> ExtractResult (or its dict)
PageOutcome = tuple[int, dict[str, Any] | None, str | None]  # (page, its record, or why it could not be read)


@runtime_checkable
class PageProcessor(Protocol):
    """A Processor that also reads one page of a PDF and joins pages read so (PipelineProcessor)."""

    def __call__(self, path: Path, display_name: str) -> Any: ...

    def read_page(self, path: Path, number: int, display_name: str, sha256: str) -> dict[str, Any]: ...

    def join(self, pages: list[PageOutcome], display_name: str, sha256: str) -> Any: ...


class PageSender(Protocol):
    """How run_job sends a job's pages out as tasks, and the job itself again once they are in."""

    def send_pages(self, job_id: int, pages: list[int]) -> None: ...

    def send_join(self, job_id: int) -> None: ...


class PipelineProcessor:
    """The worker's Processor: its own Pipeline, whose OCR engine and model load on the first job
    that needs them and stay for the next ones. Nothing trains in a worker: with no model the job
    fails with the ConfigError saying to run `lianfa setup` (which `lianfa serve` runs first)."""

    def __init__(self, settings: ServiceSettings, pipeline: Pipeline | None = None) -> None:
        from lianfa.pipeline import Pipeline

        self.pipeline = pipeline if pipeline is not None else Pipeline(settings)

    def __call__(self, path: Path, display_name: str) -> ExtractResult:
        # The text is kept with the case: full-text search, and the training data the classifiers learn from.
        return self.pipeline.process_file(path, display_name, with_text=True)

    def read_page(self, path: Path, number: int, display_name: str, sha256: str) -> dict[str, Any]:
        return self.pipeline.read_page(path, number, display_name, sha256=sha256).to_record()

    def join(self, pages: list[PageOutcome], display_name: str, sha256: str) -> ExtractResult:
        from lianfa.ingest.pages import PageRead

        reads = [PageRead.from_record(record) if record is not None else PageRead.failed(page, error or "")
                 for page, record, error in pages]
        return self.pipeline.join(reads, file=display_name, sha256=sha256, with_text=True)


# A worker process runs many jobs with one configuration: one Pipeline for it, not one per job.
_processors: dict[str, PipelineProcessor] = {}


def default_processor(settings: ServiceSettings) -> PipelineProcessor:
    key = settings.model_dump_json()
    if key not in _processors:
        _processors[key] = PipelineProcessor(settings)
    return _processors[key]


def worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


def _display_name(db: Database, job: Job) -> tuple[str, str]:
    with db.session() as s:
        doc = s.get(Document, job.document_id)
        assert doc is not None
        # The name this job's own batch item gave the file, else the name it was first stored under.
        item_name = s.scalar(select(BatchItem.name).where(BatchItem.job_id == job.id).limit(1))
        return doc.sha256, item_name or doc.name


def _as_dict(result: Any) -> dict[str, Any]:
    if isinstance(result, dict):
        return result
    return result.model_dump(mode="json")


def run_job(
    job_id: int,
    *,
    db: Database | None = None,
    storage: Storage | None = None,
    processor: Processor | None = None,
    settings: ServiceSettings | None = None,
    worker: str | None = None,
    interrupts: tuple[type[BaseException], ...] = (),
    time_limit: float | None = None,
    pages: PageSender | None = None,
) -> str:
    """Claim the job, process its file, write result + case. Returns the outcome:
    `done`, `failed`, `stale` (lost the lease meanwhile: nothing written), `busy` (another worker
    holds a live lease on it), `skipped` (over, or not claimable), `timeout` (one of `interrupts`,
    a time limit signalled inside the job, stopped it: the job fails with the reason) or `paged`
    (its pages went out as tasks through `pages`: see the module's docstring).

    A transient fault (see transient.py) gives the job back to the queue and is raised again, for
    the caller to retry; any other fault is the file's result."""
    settings = settings or get_service_settings()
    own_db = db is None
    db = db or Database(settings.db_url)
    storage = storage or open_storage(settings)
    processor = processor or default_processor(settings)
    try:
        owner = queue.claim(db, job_id, worker or worker_name(), settings.job_lease_seconds)
        if owner is None:
            return "busy" if queue.lease_remaining(db, job_id) is not None else "skipped"
        try:
            return _run_claimed(db, storage, processor, settings, job_id, owner, interrupts, time_limit, pages)
        except Exception as exc:
            if is_transient(exc):
                _give_back(db, job_id, owner)
            raise
        finally:
            record_worker(db, worker or worker_name())
    finally:
        if own_db:
            db.dispose()


def _run_claimed(
    db: Database,
    storage: Storage,
    processor: Processor,
    settings: ServiceSettings,
    job_id: int,
    owner: str,
    interrupts: tuple[type[BaseException], ...],
    time_limit: float | None,
    pages: PageSender | None,
) -> str:
    with db.session() as s:
        job = s.get(Job, job_id)
        assert job is not None
    sha, name = _display_name(db, job)
    if not storage.exists(sha) and (problem := storage.problem()):
        # the store itself is away (a shared path unmounted, a bucket unreachable), not this one
        # file: worth a retry, unlike an original missing from a store that is there
        raise StoreUnreachable(f"{name}: {problem}")
    # the pages of a long PDF are read as tasks of their own where the caller can send them
    reader = processor if pages is not None and isinstance(processor, PageProcessor) else None
    # its pages went out before: send those still missing, else join them below
    if pages is not None and reader is not None and job.fanout_pages:
        if missing := _missing_pages(db, job_id, job.fanout_pages):
            return _send_pages(db, job, owner, job.fanout_pages, missing, pages, settings)
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(db, job_id, owner, settings.job_lease_seconds, stop), daemon=True)
    beat.start()
    try:
        if reader is not None and job.fanout_pages:
            outcomes = queue.page_outcomes(db, job_id)
            payload, error = _process(lambda: reader.join(outcomes, name, sha), name, interrupts)
        else:
            with storage.local_path(sha) as path:
                # counted here, where the original is at hand anyway (from a bucket: downloaded once)
                if pages is not None and reader is not None and (count := _fanout_count(path, name, settings)):
                    return _send_pages(db, job, owner, count, list(range(1, count + 1)), pages, settings)
                payload, error = _process(lambda: processor(path, name), name, interrupts)
    except StoreError as exc:  # the original is gone or damaged: no retry brings it back
        payload, error = {"file": name, "status": "error", "error": f"{name}: {exc}"}, f"{name}: {exc}"
    except interrupts:
        reason = timeout_reason(job_file(db, storage, job_id), time_limit or settings.job_timeout_seconds)
        queue.fail(db, job_id, owner, reason, outcome="timeout")
        log.warning("job %s (%s) stopped by its time limit", job_id, name)
        return "timeout"
    finally:
        stop.set()
        beat.join()
    case = case_from_result(payload, name) if error is None else None
    if not queue.finish(db, job_id, owner, payload, case, error):
        log.warning("job %s: lease lost while processing; another worker owns it, result discarded", job_id)
        return "stale"
    return "failed" if error else "done"


def _fanout_count(path: Path, name: str, settings: ServiceSettings) -> int | None:
    """The page count of a PDF long enough to read page by page, else None (read it whole). A PDF
    over the page limit is read whole too: that read refuses it with the limit's message."""
    if not settings.fanout_min_pages:
        return None
    f = describe(path, name, path.stat().st_size)
    if f.kind != "pdf" or not f.pages:
        return None
    return f.pages if settings.fanout_min_pages <= f.pages <= settings.max_pages else None


def _page_deadline(settings: ServiceSettings) -> float:
    # A page is stopped after its hard limit: when no page started or finished for that long, the
    # job's pages stalled (lost with a broker restarted empty) and it is taken back to resend them.
    return time.time() + settings.job_timeout_page_seconds + settings.job_timeout_grace_seconds


def _missing_pages(db: Database, job_id: int, count: int) -> list[int]:
    have = queue.pages_in(db, job_id)
    return [n for n in range(1, count + 1) if n not in have]


def _send_pages(
    db: Database, job: Job, owner: str, count: int, missing: list[int], sender: PageSender, settings: ServiceSettings
) -> str:
    """Send the job's `missing` pages as tasks and let go of the job, which waits for them."""
    if job.fanout_pages is None and not queue.plan_pages(db, job.id, owner, count):
        return "stale"
    sender.send_pages(job.id, missing)
    if not queue.park(db, job.id, owner, _page_deadline(settings)):
        return "stale"
    # the last page may have been stored before the job was parked, when it could not send the join
    if queue.ready_to_join(db, job.id):
        sender.send_join(job.id)
    log.info("job %s: %d of its %d pages sent as tasks", job.id, len(missing), count)
    return "paged"


def run_page(
    job_id: int,
    page: int,
    *,
    db: Database,
    storage: Storage,
    processor: PageProcessor,
    settings: ServiceSettings,
    sender: PageSender,
    worker: str | None = None,
    interrupts: tuple[type[BaseException], ...] = (),
) -> str:
    """Read page `page` of a job whose pages are read as separate tasks, and store it once; the page
    that completes the set sends the job to be joined. Returns `done` (stored now), `skipped` (stored
    by an earlier delivery, or the job is over) or `exhausted` (every try was killed: the page is
    stored as failed, the document will be partial).

    A transient fault is raised again (the try does not count), for the caller to retry; anything
    else wrong with the page is that page's error."""
    with db.session() as s:
        job = s.get(Job, job_id)
    if job is None or job.status not in ("running", "paging") or not job.fanout_pages:
        return "skipped"
    sha, name = _display_name(db, job)
    me = worker or worker_name()
    state = queue.start_page(db, job_id, page, job.attempt_budget, _page_deadline(settings))
    outcome = "skipped"
    if state == "read":
        started = time.monotonic()
        try:
            record, error = _read_page(storage, processor, settings, sha, name, page, interrupts)
        except Exception:
            queue.give_back_page(db, job_id, page)
            raise
        stored = queue.finish_page(db, job_id, page, record, error, seconds=time.monotonic() - started,
                                   worker=me, deadline=_page_deadline(settings))
        outcome = "done" if stored else "skipped"
        record_worker(db, me)
    elif state == "exhausted":
        queue.finish_page(db, job_id, page, None, page_interrupted_reason(page, job.attempt_budget), seconds=None,
                          worker=me, deadline=_page_deadline(settings))
        outcome = "exhausted"
    if queue.ready_to_join(db, job_id):
        sender.send_join(job_id)
    return outcome


def _read_page(
    storage: Storage, processor: PageProcessor, settings: ServiceSettings, sha: str, name: str, page: int,
    interrupts: tuple[type[BaseException], ...],
) -> tuple[dict[str, Any] | None, str | None]:
    if not storage.exists(sha) and (problem := storage.problem()):
        raise StoreUnreachable(f"{name}: {problem}")
    originals = OriginalCache(cache_dir(settings.data_dir), settings.original_cache_bytes)
    try:
        with originals.path(storage, sha) as path:
            return processor.read_page(path, page, name, sha), None
    except interrupts:
        log.warning("%s page %d stopped by its time limit", name, page)
        return None, page_timeout_reason(page, settings.job_timeout_page_seconds)
    except LianfaError as exc:  # the original gone or damaged, the file refused as a whole
        return None, str(exc)
    except Exception as exc:
        if is_transient(exc):
            raise
        log.exception("%s page %d crashed", name, page)
        return None, internal_error(exc)


def _give_back(db: Database, job_id: int, owner: str) -> None:
    try:
        queue.release(db, job_id, owner)
    except Exception:  # the database itself is away: the lease expires and the job is claimable again
        log.warning("job %s: could not give the job back after a transient fault", job_id, exc_info=True)


def _process(
    call: Callable[[], Any], name: str, passthrough: tuple[type[BaseException], ...] = ()
) -> tuple[dict[str, Any], str | None]:
    try:
        payload = _as_dict(call())
    except passthrough:
        raise
    except LianfaError as exc:
        return {"file": name, "status": "error", "error": str(exc)}, str(exc)
    except Exception as exc:  # a bug must not take the worker down; the job records it and can be retried
        if is_transient(exc):
            raise
        log.exception("job for %s crashed", name)
        msg = f"内部错误（{type(exc).__name__}: {exc}），请联系管理员；文件本身可能没有问题"
        return {"file": name, "status": "error", "error": msg}, msg
    if payload.get("status") == "error":
        return payload, str(payload.get("error") or "文件无法处理")
    return payload, None


def _heartbeat(db: Database, job_id: int, owner: str, lease: float, stop: threading.Event) -> None:
    while not stop.wait(lease / 3):
        try:
            if not queue.heartbeat(db, job_id, owner, lease):
                return
        except Exception:  # a missed beat only risks a takeover, which fencing makes safe
            log.exception("heartbeat for job %s failed", job_id)


def run_pending(
    *,
    db: Database,
    storage: Storage,
    processor: Processor | None = None,
    settings: ServiceSettings | None = None,
    worker: str | None = None,
) -> int:
    """Run every claimable job in this process until none is left; returns how many were run."""
    ran = 0
    while ids := queue.claimable(db):
        outcomes = [
            run_job(i, db=db, storage=storage, processor=processor, settings=settings, worker=worker) for i in ids
        ]
        ran += sum(o in ("done", "failed") for o in outcomes)
        if all(o in ("skipped", "busy") for o in outcomes):
            break
    return ran
