"""Reading a batch's state: each item's status follows its job; the batch is finished when no item
is queued or processing."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.db.models import Batch, BatchItem, Case, Job, User
from service.schemas.batches import BatchOut, BatchProgress, BatchSummary, ItemOut

_JOB_TO_ITEM = {"queued": "queued", "running": "processing", "done": "done", "failed": "failed", "cancelled": "cancelled"}


def items_of(s: Session, batch_id: int) -> list[ItemOut]:
    rows = s.execute(
        select(BatchItem, Job, Case.id)
        .outerjoin(Job, Job.id == BatchItem.job_id)
        .outerjoin(Case, Case.document_id == BatchItem.document_id)
        .where(BatchItem.batch_id == batch_id)
        .order_by(BatchItem.position)
    ).all()
    out: list[ItemOut] = []
    for item, job, case_id in rows:
        if item.status in ("failed", "duplicate") or job is None:
            status, error = item.status or "failed", item.error
        else:
            status, error = _JOB_TO_ITEM[job.status], job.error
        out.append(
            ItemOut(
                id=item.id,
                position=item.position,
                name=item.name,
                size=item.size,
                sha256=item.sha256,
                status=status,  # type: ignore[arg-type]
                error=error,
                document_id=item.document_id,
                case_id=case_id,
                duplicate_of=item.document_id if item.status == "duplicate" else None,
                attempts=job.attempts if job is not None and item.status != "duplicate" else 0,
            )
        )
    return out


def progress(items: list[ItemOut]) -> BatchProgress:
    counts = {k: 0 for k in ("queued", "processing", "done", "failed", "duplicate", "cancelled")}
    for it in items:
        counts[it.status] += 1
    return BatchProgress(total=len(items), finished=counts["queued"] + counts["processing"] == 0, **counts)


def batch_out(s: Session, batch: Batch) -> BatchOut:
    items = items_of(s, batch.id)
    owner = s.get(User, batch.created_by)
    return BatchOut(
        id=batch.id,
        created_at=batch.created_at,
        created_by=owner.name if owner else "",
        cancelled=batch.cancelled,
        progress=progress(items),
        items=items,
    )


def batch_summary(s: Session, batch: Batch) -> BatchSummary:
    full = batch_out(s, batch)
    return BatchSummary(**full.model_dump(exclude={"items"}))
