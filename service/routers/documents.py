"""Stored originals: metadata, the original file, and page images rendered on demand (cached)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse

from extractors.masking import mask_text
from ingest.errors import IngestError
from service.auth import CurrentUser, require
from service.db.models import Document
from service.db.session import Database
from service.routers.deps import DbDep, SettingsDep, StorageDep
from service.storage import PageNotFound

router = APIRouter(prefix="/api/documents", tags=["documents"])
Anyone = Annotated[CurrentUser, Depends(require("uploader", "reviewer", "analyst", owns="document"))]


def _doc(db: Database, document_id: int) -> Document:
    with db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"文件 {document_id} 不存在，请检查编号")
        return doc


@router.get("/{document_id}")
def document_info(document_id: int, db: DbDep, user: Anyone) -> dict[str, Any]:
    doc = _doc(db, document_id)
    return {"id": doc.id, "sha256": doc.sha256, "size": doc.size, "name": mask_text(doc.name), "created_at": doc.created_at}


@router.get("/{document_id}/original", response_class=FileResponse)
def document_original(document_id: int, db: DbDep, storage: StorageDep, user: Anyone) -> FileResponse:
    doc = _doc(db, document_id)
    return FileResponse(storage.original_path(doc.sha256), filename=mask_text(doc.name.rsplit("/", 1)[-1]))


@router.get("/{document_id}/pages/{page}.png", name="page_image", response_class=FileResponse)
async def page_image(
    document_id: int, page: int, db: DbDep, storage: StorageDep, settings: SettingsDep, user: Anyone
) -> FileResponse:
    """Page `page` (1-based) of the stored original as PNG, rendered on first request and cached."""
    doc = await run_in_threadpool(_doc, db, document_id)
    try:
        path = await run_in_threadpool(storage.page_png, doc.sha256, page, settings.page_dpi)
    except PageNotFound as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    except IngestError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})
