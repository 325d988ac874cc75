"""Upload (drag and drop files, folders, ZIPs) and the batches with each file's progress.

The browser posts the files to the JSON API (POST /api/batches, with the CSRF header) and follows
the batch's server-sent events; these routes render the pages around that."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from lianfa.service.auth import CurrentUser, may_see
from lianfa.service.batches import batch_out, batch_summary
from lianfa.service.db.models import Batch
from lianfa.service.web.access import page_role
from lianfa.service.web.templating import render

router = APIRouter(include_in_schema=False)
Uploader = Annotated[CurrentUser, Depends(page_role("uploader"))]
Viewer = Annotated[CurrentUser, Depends(page_role("uploader", "reviewer", "analyst"))]

STATUS_NAMES = {"queued": "排队中", "processing": "处理中", "done": "已完成", "failed": "失败",
                "duplicate": "重复文件", "cancelled": "已取消"}


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, user: Uploader) -> HTMLResponse:
    settings = request.app.state.settings
    return render(request, "upload.html", user, limit_mb=settings.upload_limit // (1024 * 1024),
                  max_files=settings.max_batch_files)


@router.get("/batches", response_class=HTMLResponse)
def batches_page(request: Request, user: Viewer) -> HTMLResponse:
    with request.app.state.db.session() as s:
        q = select(Batch).order_by(Batch.id.desc()).limit(50)
        if user.role == "uploader":
            q = q.where(Batch.created_by == user.id)
        batches = [batch_summary(s, b) for b in s.scalars(q)]
    return render(request, "batches.html", user, batches=batches)


@router.get("/batches/{batch_id}", response_class=HTMLResponse)
def batch_page(batch_id: int, request: Request, user: Viewer, only: str | None = None) -> HTMLResponse:
    """`only=failed`: the failed files alone, the list a clerk works through in a batch of hundreds."""
    with request.app.state.db.session() as s:
        batch = s.get(Batch, batch_id)
        # The same rule as the API: another uploader's batch is as absent as one that never existed.
        if batch is None or not may_see(s, user, "batch", batch_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"批次 {batch_id} 不存在或不是您上传的，请从“批次”列表中选择")
        out = batch_out(s, batch)
    shown = [it for it in out.items if it.status == "failed"] if only == "failed" else out.items
    return render(request, "batch.html", user, batch=out, items=shown, only_failed=only == "failed",
                  status_names=STATUS_NAMES)
