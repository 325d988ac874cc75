"""Reading a batch's state: each item's status follows its job; the batch is finished when no item
is queued or processing."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lianfa.errors import LianfaError
from lianfa.service.config import ServiceSettings
from lianfa.service.db.models import Batch, BatchItem, Case, Document, Job, User
from lianfa.service.grouping import Page, combine, group_name
from lianfa.service.jobs import queue
from lianfa.service.schemas.batches import BatchOut, BatchProgress, BatchSummary, ItemOut
from lianfa.service.storage import Storage, StoredFile

_JOB_TO_ITEM = {"queued": "queued", "running": "processing", "paging": "processing", "done": "done", "failed": "failed",
                "cancelled": "cancelled"}


def items_of(s: Session, batch_id: int) -> list[ItemOut]:
    rows = s.execute(
        select(BatchItem, Job, Case.id)
        .outerjoin(Job, Job.id == BatchItem.job_id)
        .outerjoin(Case, Case.document_id == BatchItem.document_id)
        .where(BatchItem.batch_id == batch_id)
        .order_by(BatchItem.position, BatchItem.id)
    ).all()
    out: list[ItemOut] = []
    for item, job, case_id in rows:
        earlier = None
        if item.status == "duplicate" and case_id is None and item.document_id is not None:
            status, error, earlier = _duplicate_of_failure(s, item)
        elif item.status in ("failed", "duplicate") or job is None:
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
                status=status,
                error=error,
                document_id=item.document_id,
                case_id=case_id,
                duplicate_of=item.document_id if item.status == "duplicate" else None,
                attempts=job.attempts if job is not None and item.status != "duplicate" else 0,
                pages=[str(p.get("name")) for p in item.pages or []],
                earlier_item=earlier,
            )
        )
    return out


def _duplicate_of_failure(s: Session, item: BatchItem) -> tuple[str, str | None, int | None]:
    """A duplicate whose document failed is a failure too: it names the earlier failed item, and
    the batch's retry processes it again."""
    job = s.scalar(select(Job).where(Job.document_id == item.document_id).order_by(Job.id.desc()).limit(1))
    if job is None or job.status != "failed":
        return "duplicate", item.error, None
    first = s.scalar(select(BatchItem).where(BatchItem.job_id == job.id).order_by(BatchItem.id).limit(1))
    where = f"批次 #{first.batch_id} 的 {first.name}" if first is not None else "先前上传的文件"
    return ("failed", f"与{where}相同，那次处理失败：{job.error or '原因未记录'}；可点“重新处理失败的文件”再试",
            first.id if first is not None else None)


ERROR_HEADER = ("序号", "文件", "状态", "错误", "处理次数")


def error_report(items: list[ItemOut]) -> bytes:
    """The failed items as CSV (UTF-8 with BOM, so Excel shows the Chinese)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(ERROR_HEADER)
    for it in items:
        if it.status == "failed":
            w.writerow((it.position + 1, it.name, "失败", it.error or "", it.attempts))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


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
        name=batch.name,
        created_at=batch.created_at,
        created_by=owner.name if owner else "",
        cancelled=batch.cancelled,
        progress=progress(items),
        items=items,
    )


def batch_summary(s: Session, batch: Batch) -> BatchSummary:
    full = batch_out(s, batch)
    return BatchSummary(**full.model_dump(exclude={"items"}))


class RegroupError(LianfaError):
    """A split or merge that cannot be done; the message says why and what to do."""


def _document_for(s: Session, stored: StoredFile | Page, name: str, settings: ServiceSettings) -> tuple[int, int | None]:
    """(document id, the job its item follows; None when the document already has its case)."""
    doc = s.scalar(select(Document).where(Document.sha256 == stored.sha256))
    if doc is None:
        doc = Document(sha256=stored.sha256, size=stored.size, name=name[:512])
        s.add(doc)
        s.flush()
    # a split or merge may give back a document whose case it just removed: that one is processed again
    # (a job still under way is followed rather than called a duplicate)
    pending = s.scalar(select(Job.id).where(Job.document_id == doc.id, Job.status.in_(("queued", "running", "paging"))).limit(1))
    if pending:
        return doc.id, pending
    has_case = s.scalar(select(Case.id).where(Case.document_id == doc.id).limit(1))
    return doc.id, None if has_case else queue.enqueue(s, doc.id, settings.job_max_attempts).id


def _retire(s: Session, item: BatchItem) -> None:
    """Take an item out of its batch: its queued job is cancelled, its unreviewed case removed."""
    if item.job_id is not None:
        queue.cancel_queued(s, [item.job_id])
    if item.document_id is not None:
        others = s.scalar(select(func.count(BatchItem.id)).where(BatchItem.document_id == item.document_id,
                                                                 BatchItem.id != item.id))
        case = s.scalar(select(Case).where(Case.document_id == item.document_id))
        if case is not None and not others:
            s.delete(case)
    s.delete(item)


def _check_unreviewed(s: Session, items: Sequence[BatchItem]) -> None:
    for item in items:
        case = s.scalar(select(Case).where(Case.document_id == item.document_id)) if item.document_id else None
        if case is not None and case.review_state != "pending":
            raise RegroupError(f"{item.name} 的案件已审核（{case.review_state}），不能再拆分或合并；请在案件页更正")


def _renumber(s: Session, batch_id: int) -> None:
    s.flush()
    rows = s.scalars(select(BatchItem).where(BatchItem.batch_id == batch_id).order_by(BatchItem.position, BatchItem.id))
    for pos, row in enumerate(rows):
        row.position = pos


def split_item(s: Session, item: BatchItem, settings: ServiceSettings) -> list[int]:
    """A grouped item back into one item per page image; returns the new items' ids."""
    if not item.pages:
        raise RegroupError(f"{item.name} 不是由多张页面图像合成的文件，无需拆分")
    _check_unreviewed(s, [item])
    batch_id, position = item.batch_id, item.position
    pages = [Page(**p) for p in item.pages]
    _retire(s, item)
    s.flush()
    new = []
    for page in pages:
        doc_id, job_id = _document_for(s, page, page.name, settings)
        row = BatchItem(batch_id=batch_id, position=position, name=page.name, size=page.size, sha256=page.sha256,
                        document_id=doc_id, job_id=job_id, status=None if job_id else "duplicate")
        s.add(row)
        s.flush()
        new.append(row.id)
    _renumber(s, batch_id)
    return new


def merge_items(s: Session, items: Sequence[BatchItem], storage: Storage, settings: ServiceSettings) -> int:
    """Several items (page images, or groups of them) into one document, pages in the items' order
    (within a group, its own page order); returns the new item's id."""
    if len(items) < 2:
        raise RegroupError("请至少选择两个文件再合并")
    ordered = sorted(items, key=lambda it: (it.position, it.id))
    pages: list[Page] = []
    for it in ordered:
        if it.sha256 is None:
            raise RegroupError(f"{it.name} 上传时即被拒收，不能合并；请修正后重新上传")
        pages += [Page(**p) for p in it.pages] if it.pages else [Page(it.name, it.sha256, it.size or 0)]
    _check_unreviewed(s, ordered)
    stored = combine(pages, storage, settings.upload_limit)
    batch_id, position = ordered[0].batch_id, ordered[0].position
    for it in ordered:
        _retire(s, it)
    s.flush()
    name = group_name(pages)
    doc_id, job_id = _document_for(s, stored, name, settings)
    row = BatchItem(batch_id=batch_id, position=position, name=name, size=stored.size, sha256=stored.sha256,
                    document_id=doc_id, job_id=job_id, status=None if job_id else "duplicate",
                    pages=[vars(p) for p in pages])
    s.add(row)
    s.flush()
    _renumber(s, batch_id)
    return row.id
