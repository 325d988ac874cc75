"""`run_job(job_id)`: process one stored original and record its outcome exactly once.

Independent of what runs it: a local worker process, a Celery task, or a test calling it directly.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from lianfa.contract import ExtractResult
from lianfa.errors import LianfaError
from lianfa.service.cases import case_from_result
from lianfa.service.config import ServiceSettings, get_service_settings
from lianfa.service.db.models import BatchItem, Document, Job
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.limits import job_file, timeout_reason
from lianfa.service.jobs.transient import StoreUnreachable, is_transient
from lianfa.service.metrics import record_worker
from lianfa.service.storage import Storage, StoreError, open_storage

log = logging.getLogger(__name__)

Processor = Callable[[Path, str], Any]  # (stored original, display name) -> ExtractResult (or its dict)


class PipelineProcessor:
    """The worker's Processor: its own Pipeline, whose OCR engine and model load on the first job
    that needs them and stay for the next ones. Nothing trains in a worker: with no model the job
    fails with the ConfigError saying to run `lianfa setup` (which `lianfa serve` runs first)."""

    def __init__(self, settings: ServiceSettings) -> None:
        from lianfa.pipeline import Pipeline

        self.pipeline = Pipeline(settings)

    def __call__(self, path: Path, display_name: str) -> ExtractResult:
        # The text is kept with the case: full-text search, and the training data the classifiers learn from.
        return self.pipeline.process_file(path, display_name, with_text=True)


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
) -> str:
    """Claim the job, process its file, write result + case. Returns the outcome:
    `done`, `failed`, `stale` (lost the lease meanwhile: nothing written), `busy` (another worker
    holds a live lease on it), `skipped` (over, or not claimable) or `timeout` (one of `interrupts`,
    a time limit signalled inside the job, stopped it: the job fails with the reason).

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
            return _run_claimed(db, storage, processor, settings, job_id, owner, interrupts, time_limit)
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
) -> str:
    with db.session() as s:
        job = s.get(Job, job_id)
        assert job is not None
    sha, name = _display_name(db, job)
    if not storage.exists(sha) and (problem := storage.problem()):
        # the store itself is away (a shared path unmounted, a bucket unreachable), not this one
        # file: worth a retry, unlike an original missing from a store that is there
        raise StoreUnreachable(f"{name}: {problem}")
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(db, job_id, owner, settings.job_lease_seconds, stop), daemon=True)
    beat.start()
    try:
        with storage.local_path(sha) as path:
            payload, error = _process(processor, path, name, interrupts)
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


def _give_back(db: Database, job_id: int, owner: str) -> None:
    try:
        queue.release(db, job_id, owner)
    except Exception:  # the database itself is away: the lease expires and the job is claimable again
        log.warning("job %s: could not give the job back after a transient fault", job_id, exc_info=True)


def _process(
    processor: Processor, path: Path, name: str, passthrough: tuple[type[BaseException], ...] = ()
) -> tuple[dict[str, Any], str | None]:
    try:
        payload = _as_dict(processor(path, name))
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
