"""Job state transitions, all in the database so a crash or restart loses nothing.

A worker claims a job by taking its lease (owner token + expiry), keeps it alive by heartbeats,
and finishes it only while it still holds the lease (fencing): a worker whose lease expired, and
whose job another worker took over, cannot write a second result. The result row is unique per job.

On Celery a long PDF's pages are read as tasks of their own (runner.run_page): the job is `paging`
meanwhile, each page is one PageResult row (unique per job and page), and the job is claimed again
to join them once all are in.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lianfa.service.db.models import BatchItem, Case, Job, JobAttempt, PageResult, Result, utcnow
from lianfa.service.db.session import Database, rows_changed

INTERRUPTED = "处理多次中断（进程崩溃或被终止），已停止重试；请检查文件后点击“重试”"


def enqueue(session: Session, document_id: int, max_attempts: int) -> Job:
    job = Job(document_id=document_id, status="queued", attempts=0, attempt_budget=max_attempts)
    session.add(job)
    session.flush()
    return job


def queued_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Job).where(Job.status == "queued")) or 0


def claimable(db: Database, limit: int = 8) -> list[int]:
    """Job ids a worker may try to claim: queued ones, and running ones whose lease has expired (and
    paging ones whose pages stalled, left by a Celery deployment: a local worker reads them whole)."""
    now = time.time()
    with db.session() as s:
        return list(
            s.scalars(
                select(Job.id)
                .where(or_(Job.status == "queued", and_(Job.status.in_(("running", "paging")), Job.lease_expires < now)))
                .order_by(Job.id)
                .limit(limit)
            )
        )


def claim(db: Database, job_id: int, worker: str, lease_seconds: float) -> str | None:
    """Take the job's lease; returns the owner token, or None if someone else has it or it is over.

    An expired lease means the previous attempt died: that attempt is recorded as lost, and once
    the attempt budget is spent the job fails instead of crashing workers forever.
    """
    owner = f"{worker}:{uuid.uuid4().hex[:12]}"
    now = time.time()
    with db.session() as s:
        job = s.get(Job, job_id)
        if job is None:
            return None
        if job.status == "paging":
            return _claim_paging(s, job, owner, now, lease_seconds)
        expired = job.status == "running" and (job.lease_expires or 0) < now
        if expired and job.attempts >= job.attempt_budget:
            done = rows_changed(s.execute(
                update(Job)
                .where(Job.id == job_id, Job.status == "running", Job.lease_owner == job.lease_owner)
                .values(status="failed", error=INTERRUPTED, finished_at=utcnow(), lease_owner=None)
            ))
            if done:
                _close_attempts(s, job_id, "lost")
            return None
        taken = rows_changed(s.execute(
            update(Job)
            .where(
                Job.id == job_id,
                or_(Job.status == "queued", and_(Job.status == "running", Job.lease_expires < now)),
            )
            .values(
                status="running",
                lease_owner=owner,
                lease_expires=now + lease_seconds,
                attempts=Job.attempts + 1,
                started_at=utcnow(),
            )
        ))
        if not taken:
            return None
        if expired:
            _close_attempts(s, job_id, "lost")
        s.add(JobAttempt(job_id=job_id, worker=owner))
    return owner


def _claim_paging(s: Session, job: Job, owner: str, now: float, lease_seconds: float) -> str | None:
    """A job whose pages are out as tasks is taken back once every page is in (to join them), or once
    they stalled (to send the missing ones again). It continues the attempt that sent them: the
    file's attempts are not spent on it (each page has its own, PageResult.tries)."""
    stalled = (job.lease_expires or 0) < now
    if not stalled and len(_pages_in(s, job.id)) < (job.fanout_pages or 0):
        return None  # its pages are still being read
    taken = rows_changed(s.execute(
        update(Job)
        .where(Job.id == job.id, Job.status == "paging")
        .values(status="running", lease_owner=owner, lease_expires=now + lease_seconds)
    ))
    if not taken:
        return None
    s.add(JobAttempt(job_id=job.id, worker=owner))
    return owner


def plan_pages(db: Database, job_id: int, owner: str, pages: int) -> bool:
    """Record that the job's `pages` pages are to be read as separate tasks (before any is sent, so
    the page that finishes last knows it is the last)."""
    with db.session() as s:
        return bool(rows_changed(s.execute(
            update(Job).where(Job.id == job_id, Job.lease_owner == owner, Job.status == "running")
            .values(fanout_pages=pages)
        )))


def park(db: Database, job_id: int, owner: str, deadline: float) -> bool:
    """The attempt that sent the job's pages out lets go of it: the job waits for its pages, and is
    taken back (see claim) when all are in, or when none progressed by `deadline`."""
    with db.session() as s:
        parked = rows_changed(s.execute(
            update(Job).where(Job.id == job_id, Job.lease_owner == owner, Job.status == "running")
            .values(status="paging", lease_owner=None, lease_expires=deadline)
        ))
        if parked:
            _close_attempt(s, owner, "paged")
        return bool(parked)


def _pages_in(s: Session, job_id: int) -> set[int]:
    return set(s.scalars(
        select(PageResult.page).where(
            PageResult.job_id == job_id, or_(PageResult.payload.is_not(None), PageResult.error.is_not(None))
        )
    ))


def pages_in(db: Database, job_id: int) -> set[int]:
    """The job's pages read (or given up on) so far."""
    with db.session() as s:
        return _pages_in(s, job_id)


def ready_to_join(db: Database, job_id: int) -> bool:
    """Every page of a job waiting for its pages is in."""
    with db.session() as s:
        job = s.get(Job, job_id)
        return (job is not None and job.status == "paging" and job.fanout_pages is not None
                and len(_pages_in(s, job_id)) >= job.fanout_pages)


def start_page(db: Database, job_id: int, page: int, max_tries: int, deadline: float) -> str:
    """A page task begins: `read` (read the page), `done` (a delivery before this one stored it),
    or `exhausted` (started `max_tries` times and never finished: its readers were killed)."""
    try:
        return _start_page(db, job_id, page, max_tries, deadline)
    except IntegrityError:  # a second delivery inserted the page's row at the same moment: it is there now
        return _start_page(db, job_id, page, max_tries, deadline)


def _start_page(db: Database, job_id: int, page: int, max_tries: int, deadline: float) -> str:
    with db.session() as s:
        row = s.scalar(select(PageResult).where(PageResult.job_id == job_id, PageResult.page == page))
        if row is None:
            s.add(PageResult(job_id=job_id, page=page, tries=1))
            s.flush()
        elif row.payload is not None or row.error is not None:
            return "done"
        elif row.tries >= max_tries:
            return "exhausted"
        else:
            s.execute(update(PageResult).where(PageResult.id == row.id).values(tries=PageResult.tries + 1))
        _progress(s, job_id, deadline)
        return "read"


def give_back_page(db: Database, job_id: int, page: int) -> None:
    """A transient fault stopped the page's reading: the try does not count against it."""
    with db.session() as s:
        s.execute(
            update(PageResult)
            .where(PageResult.job_id == job_id, PageResult.page == page, PageResult.payload.is_(None),
                   PageResult.error.is_(None), PageResult.tries > 0)
            .values(tries=PageResult.tries - 1)
        )


def finish_page(
    db: Database, job_id: int, page: int, payload: dict[str, Any] | None, error: str | None, *,
    seconds: float | None, worker: str, deadline: float,
) -> bool:
    """Store the page once (a second delivery that also read it writes nothing); False if it was there."""
    with db.session() as s:
        stored = rows_changed(s.execute(
            update(PageResult)
            .where(PageResult.job_id == job_id, PageResult.page == page, PageResult.payload.is_(None),
                   PageResult.error.is_(None))
            .values(payload=payload, error=error, seconds=seconds, worker=worker, finished_at=utcnow())
        ))
        _progress(s, job_id, deadline)
        return bool(stored)


def _progress(s: Session, job_id: int, deadline: float) -> None:
    # a page started or finished: the job's pages are moving, it is not stalled
    s.execute(update(Job).where(Job.id == job_id, Job.status == "paging").values(lease_expires=deadline))


def page_outcomes(db: Database, job_id: int) -> list[tuple[int, dict[str, Any] | None, str | None]]:
    """(page, payload, error) of each page in, in page order."""
    with db.session() as s:
        rows = s.execute(
            select(PageResult.page, PageResult.payload, PageResult.error)
            .where(PageResult.job_id == job_id, or_(PageResult.payload.is_not(None), PageResult.error.is_not(None)))
            .order_by(PageResult.page)
        ).all()
    return [(page, payload, error) for page, payload, error in rows]


def heartbeat(db: Database, job_id: int, owner: str, lease_seconds: float) -> bool:
    with db.session() as s:
        return bool(
            rows_changed(s.execute(
                update(Job)
                .where(Job.id == job_id, Job.lease_owner == owner, Job.status == "running")
                .values(lease_expires=time.time() + lease_seconds)
            ))
        )


def finish(
    db: Database, job_id: int, owner: str, payload: dict[str, Any], case: Case | None, error: str | None
) -> bool:
    """Write the job's outcome once: the result, the case, and the job's final state, in one transaction.

    Returns False (and writes nothing) when this worker no longer holds the lease.
    """
    with db.session() as s:
        status = "failed" if error else "done"
        held = rows_changed(s.execute(
            update(Job)
            .where(Job.id == job_id, Job.lease_owner == owner, Job.status == "running")
            .values(status=status, error=error, finished_at=utcnow(), lease_owner=None, lease_expires=None)
        ))
        if not held:
            _close_attempt(s, owner, "stale")
            return False
        job = s.get(Job, job_id)
        assert job is not None
        s.add(
            Result(
                job_id=job_id,
                document_id=job.document_id,
                status="error" if error else str(payload.get("status") or "ok"),
                error=error,
                payload=payload,
            )
        )
        if case is not None:
            existing = s.scalar(select(Case).where(Case.document_id == job.document_id))
            if existing is None:
                case.document_id = job.document_id
                case.job_id = job_id
                s.add(case)
        _close_attempt(s, owner, status)
    return True


def release(db: Database, job_id: int, owner: str) -> bool:
    """Give a claimed job back to the queue after a transient fault (the database, broker or store
    away): the attempt does not count against the file, and any worker may claim it again."""
    with db.session() as s:
        released = rows_changed(s.execute(
            update(Job)
            .where(Job.id == job_id, Job.lease_owner == owner, Job.status == "running")
            .values(status="queued", lease_owner=None, lease_expires=None, attempts=Job.attempts - 1)
        ))
        if released:
            _close_attempt(s, owner, "transient")
        return bool(released)


def lease_remaining(db: Database, job_id: int) -> float | None:
    """Seconds left on a live lease another worker holds on the job, None when nobody holds one."""
    with db.session() as s:
        job = s.get(Job, job_id)
        if job is None or job.status != "running" or job.lease_expires is None:
            return None
        left = job.lease_expires - time.time()
        return left if left > 0 else None


def fail(db: Database, job_id: int, owner_prefix: str, reason: str, outcome: str = "failed") -> bool:
    """Fail a running job held by a worker (owner token starting with `owner_prefix`), e.g. on timeout."""
    with db.session() as s:
        job = s.get(Job, job_id)
        if job is None or job.status != "running" or not (job.lease_owner or "").startswith(owner_prefix):
            return False
        owner = job.lease_owner
        done = rows_changed(s.execute(
            update(Job)
            .where(Job.id == job_id, Job.lease_owner == owner, Job.status == "running")
            .values(status="failed", error=reason, finished_at=utcnow(), lease_owner=None, lease_expires=None)
        ))
        if done and owner:
            s.add(Result(job_id=job_id, document_id=job.document_id, status="error", error=reason, payload={}))
            _close_attempt(s, owner, outcome)
        return bool(done)


def cancel_queued(session: Session, job_ids: Sequence[int]) -> int:
    if not job_ids:
        return 0
    return rows_changed(session.execute(
        update(Job)
        .where(Job.id.in_(list(job_ids)), Job.status == "queued")
        .values(status="cancelled", finished_at=utcnow())
    ))


def retry_items(session: Session, items: Sequence[BatchItem], max_attempts: int) -> list[int]:
    """A fresh job for each failed item that has a stored original (one result per job stays true)."""
    new_ids: list[int] = []
    for item in items:
        if item.document_id is None:
            continue
        job = enqueue(session, item.document_id, max_attempts)
        item.job_id = job.id
        item.status = None  # a duplicate of a failed file now follows its own job
        new_ids.append(job.id)
    return new_ids


def _close_attempt(s: Session, owner: str, outcome: str) -> None:
    s.execute(
        update(JobAttempt)
        .where(JobAttempt.worker == owner, JobAttempt.outcome == "running")
        .values(outcome=outcome, finished_at=utcnow())
    )


def _close_attempts(s: Session, job_id: int, outcome: str) -> None:
    s.execute(
        update(JobAttempt)
        .where(JobAttempt.job_id == job_id, JobAttempt.outcome == "running")
        .values(outcome=outcome, finished_at=utcnow())
    )
