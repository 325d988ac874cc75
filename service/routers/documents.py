"""Stored originals: metadata, the original file, and page images rendered on demand (cached)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from sqlalchemy import select

from ingest.errors import IngestError
from service.auth import CurrentUser, require
from service.db.models import Case, Document
from service.db.session import Database
from service.routers.deps import DbDep, SettingsDep, StorageDep
from service.storage import PageGeometry, PageNotFound

router = APIRouter(prefix="/api/documents", tags=["documents"])
Anyone = Annotated[CurrentUser, Depends(require("uploader", "reviewer", "analyst"))]


def _doc(db: Database, document_id: int) -> Document:
    with db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"文件 {document_id} 不存在，请检查编号")
        return doc


def _geometry(db: Database, document_id: int, page: int) -> PageGeometry | None:
    """How ingest righted the page, from the document's case; a page the case lists no geometry for
    was read from its text (nothing to right), unless the case predates the recording (None)."""
    with db.session() as s:
        fields = s.scalar(select(Case.fields).where(Case.document_id == document_id).order_by(Case.id).limit(1))
    if not fields or "page_geometry" not in fields:
        return None
    for g in fields["page_geometry"] or []:
        if isinstance(g, dict) and g.get("page") == page:
            return PageGeometry(int(g.get("rotation") or 0), float(g.get("skew") or 0.0))
    return PageGeometry()


@router.get("/{document_id}")
def document_info(document_id: int, db: DbDep, user: Anyone) -> dict[str, Any]:
    doc = _doc(db, document_id)
    return {"id": doc.id, "sha256": doc.sha256, "size": doc.size, "name": doc.name, "created_at": doc.created_at}


@router.get("/{document_id}/original", response_class=FileResponse)
def document_original(document_id: int, db: DbDep, storage: StorageDep, user: Anyone) -> FileResponse:
    doc = _doc(db, document_id)
    return FileResponse(storage.original_path(doc.sha256), filename=doc.name.rsplit("/", 1)[-1])


@router.get("/{document_id}/pages/{page}.png", name="page_image", response_class=FileResponse)
async def page_image(
    document_id: int, page: int, db: DbDep, storage: StorageDep, settings: SettingsDep, user: Anyone
) -> FileResponse:
    """Page `page` (1-based) of the stored original as PNG, rendered on first request and cached."""
    doc = await run_in_threadpool(_doc, db, document_id)
    geometry = await run_in_threadpool(_geometry, db, document_id, page)
    try:
        path = await run_in_threadpool(storage.page_png, doc.sha256, page, settings.page_dpi, geometry)
    except PageNotFound as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    except IngestError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})
