"""Bulk upload and the fate of every file: POST /api/batches, polling, server-sent events, retry, cancel."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from lianfa.service.auth import CurrentUser, require
from lianfa.service.batches import (
    RegroupError,
    batch_out,
    batch_summary,
    error_report,
    items_of,
    merge_items,
    progress,
    split_item,
)
from lianfa.service.db.models import Batch, BatchItem
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.routers.deps import DbDep, SessionDep, SettingsDep, StorageDep
from lianfa.service.schemas.batches import (
    ActionOut,
    BatchOut,
    BatchSummary,
    ItemOut,
    MergeRequest,
    RetryRequest,
)
from lianfa.service.schemas.common import NO_CONTROL_CHARACTERS, IdPath, Limit, Offset, problems
from lianfa.service.uploads import batch_name, expand, group_pages, receive_multipart, record_batch

router = APIRouter(prefix="/api/batches", tags=["batches"])
Uploader = Annotated[CurrentUser, Depends(require("uploader"))]
Viewer = Annotated[CurrentUser, Depends(require("uploader", "reviewer", "analyst"))]
BatchViewer = Annotated[CurrentUser, Depends(require("uploader", "reviewer", "analyst", owns="batch"))]
BatchOwner = Annotated[CurrentUser, Depends(require("uploader", owns="batch"))]

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {
                            "type": "array",
                            "minItems": 1,
                            "items": {"type": "string", "format": "binary"},
                            "description": "PDF、图片、文本文件或 ZIP（ZIP 内的文件逐个成为批次条目）",
                        }
                    },
                }
            }
        },
    }
}


_EVENTS: dict[int | str, dict[str, Any]] = {
    200: {"description": "server-sent events: item, progress, done", "content": {"text/event-stream": {"schema": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"enum": ["item", "progress", "done"]},
            "data": {"type": "string", "description": "JSON: ItemOut for item, BatchProgress for progress and done"},
        },
    }}}}
}


def _get_batch(s: Session, batch_id: int) -> Batch:
    batch = s.get(Batch, batch_id)
    if batch is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"批次 {batch_id} 不存在，请检查批次编号")
    return batch


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=BatchOut,
    openapi_extra=_UPLOAD_BODY,
    responses=problems(s400="not a multipart upload, no files, or too many", s503="the queue is full: retry later"),
)
async def upload_batch(
    request: Request, user: Uploader, db: DbDep, storage: StorageDep, settings: SettingsDep,
    name: Annotated[str | None, Query(max_length=200, pattern=NO_CONTROL_CHARACTERS,
                                      description="批次名称（默认：上传的 ZIP 的文件名）")] = None,
) -> BatchOut:
    """Upload many files (and ZIPs) at once; each becomes a batch item with its own status."""
    backlog = await run_in_threadpool(_backlog, db)
    if backlog >= settings.max_queued_jobs:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            f"处理队列已满（{backlog} 个文件等待处理），请稍后再上传",
            headers={"Retry-After": "60"},
        )
    received = await receive_multipart(
        request.headers.get("content-type", ""), request.stream(), storage, settings.upload_limit,
        settings.max_batch_files,
    )

    def _finish() -> BatchOut:
        files = group_pages(list(expand(received, storage, settings)), storage, settings.upload_limit)
        batch_id = record_batch(db, user, files, settings, name=batch_name(name, received, storage))
        with db.session() as s:
            return batch_out(s, _get_batch(s, batch_id))

    return await run_in_threadpool(_finish)


def _backlog(db: Database) -> int:
    with db.session() as s:
        return queue.queued_count(s)


@router.get("", response_model=list[BatchSummary])
def list_batches(s: SessionDep, user: Viewer, limit: Limit = 50, offset: Offset = 0) -> list[BatchSummary]:
    q = select(Batch).order_by(Batch.id.desc()).offset(offset).limit(limit)
    if user.role == "uploader":
        q = q.where(Batch.created_by == user.id)
    return [batch_summary(s, b) for b in s.scalars(q)]


@router.get("/{batch_id}", response_model=BatchOut)
def get_batch(batch_id: IdPath, s: SessionDep, user: BatchViewer) -> BatchOut:
    return batch_out(s, _get_batch(s, batch_id))


@router.get("/{batch_id}/events", response_class=StreamingResponse, responses=_EVENTS)
async def batch_events(
    batch_id: IdPath, db: DbDep, user: BatchViewer, interval: Annotated[float, Query(ge=0.2, le=10.0)] = 1.0
) -> StreamingResponse:
    """Server-sent events: `item` for each item whose status changed, `progress` after each change,
    and a final `done` when nothing is left queued or processing."""

    def snapshot() -> list[ItemOut]:
        with db.session() as s:
            _get_batch(s, batch_id)
            return items_of(s, batch_id)

    await run_in_threadpool(snapshot)  # 404 before the stream starts

    async def stream() -> AsyncIterator[bytes]:
        last: dict[int, tuple[str, int | None]] = {}
        while True:
            items = await run_in_threadpool(snapshot)
            changed = [it for it in items if last.get(it.id) != (it.status, it.case_id)]
            for it in changed:
                last[it.id] = (it.status, it.case_id)
                yield _sse("item", it.model_dump_json())
            prog = progress(items)
            if changed:
                yield _sse("progress", prog.model_dump_json())
            if prog.finished:
                yield _sse("done", prog.model_dump_json())
                return
            yield b": keep-alive\n\n"
            await asyncio.sleep(interval)

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


def _sse(event: str, data: str) -> bytes:
    return f"event: {event}\ndata: {data}\n\n".encode()


@router.post("/{batch_id}/retry", response_model=ActionOut)
def retry_batch(
    batch_id: IdPath, s: SessionDep, user: BatchOwner, settings: SettingsDep, body: RetryRequest | None = None
) -> ActionOut:
    """Process again the failed items that have a stored original (files refused at upload must be re-uploaded)."""
    batch = _get_batch(s, batch_id)
    wanted = set(body.item_ids) if body and body.item_ids else None
    failed = [it for it in items_of(s, batch.id) if it.status == "failed" and (wanted is None or it.id in wanted)]
    rows = [s.get(BatchItem, it.id) for it in failed]
    new = queue.retry_items(s, [r for r in rows if r is not None and r.document_id is not None], settings.job_max_attempts)
    if batch.cancelled and new:
        batch.cancelled = False
    skipped = len(failed) - len(new)
    msg = f"已重新排队 {len(new)} 个文件"
    if skipped:
        msg += f"；{skipped} 个文件在上传时即被拒收，需修正后重新上传"
    return ActionOut(batch_id=batch.id, affected=len(new), message=msg)


@router.post("/{batch_id}/cancel", response_model=ActionOut)
def cancel_batch(batch_id: IdPath, s: SessionDep, user: BatchOwner) -> ActionOut:
    """Cancel the items still queued; files already being processed finish normally."""
    batch = _get_batch(s, batch_id)
    job_ids = list(
        s.scalars(select(BatchItem.job_id).where(BatchItem.batch_id == batch.id, BatchItem.job_id.is_not(None)))
    )
    n = queue.cancel_queued(s, [j for j in job_ids if j is not None])
    batch.cancelled = True
    return ActionOut(batch_id=batch.id, affected=n, message=f"已取消 {n} 个排队中的文件；正在处理的文件会照常完成")


def _item_of(s: Session, batch: Batch, item_id: int) -> BatchItem:
    item = s.get(BatchItem, item_id)
    if item is None or item.batch_id != batch.id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"批次 {batch.id} 中没有条目 {item_id}，请刷新页面")
    return item


_REGROUP = problems(s409="the item cannot be split or merged: already reviewed, refused at upload, or not grouped")


@router.post("/{batch_id}/items/{item_id}/split", response_model=ActionOut, responses=_REGROUP)
def split_batch_item(batch_id: IdPath, item_id: IdPath, s: SessionDep, user: BatchOwner, settings: SettingsDep) -> ActionOut:
    """A document grouped from page images back into one document per image (each processed again)."""
    batch = _get_batch(s, batch_id)
    try:
        new = split_item(s, _item_of(s, batch, item_id), settings)
    except RegroupError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    return ActionOut(batch_id=batch.id, affected=len(new), message=f"已拆分为 {len(new)} 个文件，正在重新处理")


@router.post("/{batch_id}/merge", response_model=ActionOut, responses=_REGROUP)
def merge_batch_items(batch_id: IdPath, body: MergeRequest, s: SessionDep, user: BatchOwner, storage: StorageDep,
                      settings: SettingsDep) -> ActionOut:
    """Several page images (or grouped documents) of this batch into one document, in their order."""
    batch = _get_batch(s, batch_id)
    items = [_item_of(s, batch, i) for i in dict.fromkeys(body.item_ids)]
    try:
        merge_items(s, items, storage, settings)
    except RegroupError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    return ActionOut(batch_id=batch.id, affected=len(items), message=f"已将 {len(items)} 个文件合并为一份决定书，正在重新处理")


@router.get("/{batch_id}/errors.csv", response_class=Response,
            responses={200: {"description": "the failed files and their errors", "content": {"text/csv": {"schema": {"type": "string"}}}}})
def batch_errors_csv(batch_id: IdPath, s: SessionDep, user: BatchViewer) -> Response:
    """The batch's failed files with their errors, for a clerk to work through (opens in Excel)."""
    batch = _get_batch(s, batch_id)
    body = error_report(items_of(s, batch.id))
    filename = f"batch-{batch.id}-errors.csv"
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
