"""Stored originals: metadata, the original file, and page images rendered on demand (cached)."""

from __future__ import annotations

import warnings
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from sqlalchemy import select
from starlette.background import BackgroundTask

from lianfa.contract import PageGeometryOut
from lianfa.errors import FileError
from lianfa.extractors.masking import mask_text
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.errors import TooLarge
from lianfa.ingest.image import too_many_pixels
from lianfa.service.auth import CurrentUser, require
from lianfa.service.db.models import Case, Document
from lianfa.service.db.session import Database
from lianfa.service.errors import PageUnavailable
from lianfa.service.routers.deps import DbDep, SettingsDep, StorageDep
from lianfa.service.schemas.batches import DocumentOut
from lianfa.service.schemas.common import IdPath, PagePath, ValidationProblem
from lianfa.service.storage import PageGeometry

router = APIRouter(prefix="/api/documents", tags=["documents"])
_POINTS_PER_INCH = 72
_ORIGINAL: dict[int | str, dict[str, Any]] = {
    # Any type at all: an uploaded JSON result comes back as JSON, a scan as its bytes.
    200: {"description": "the file as uploaded, with its type", "content": {"*/*": {"schema": {}}}}
}
_PNG: dict[int | str, dict[str, Any]] = {
    200: {"description": "the page as PNG", "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}},
    422: {"model": ValidationProblem, "description": "the page cannot be shown (too many pixels, damaged file)"},
}


def check_renderable(path: Path, name: str, page: int, dpi: int, limits: IngestSettings) -> None:
    """Refuse (TooLarge) a page whose image would exceed ingest's pixel limit, from the size its
    header declares and before anything is decoded: what ingest refused to read is not rendered
    for the screen either, and a 40000×40000 header on a small file allocates nothing."""
    import pypdfium2 as pdfium
    from PIL import Image, UnidentifiedImageError

    with open(path, "rb") as fh:
        is_pdf = fh.read(5) == b"%PDF-"
    if is_pdf:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError:
            return  # the renderer reports the damage in its own words
        try:
            if 1 <= page <= len(pdf):
                width, height = pdf[page - 1].get_size()
                size = (int(width * dpi / _POINTS_PER_INCH), int(height * dpi / _POINTS_PER_INCH))
                if msg := too_many_pixels(*size, limits):
                    raise TooLarge(name, msg)
        finally:
            pdf.close()
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as img:
                if page > 1:
                    img.seek(page - 1)
                if msg := too_many_pixels(*img.size, limits):
                    raise TooLarge(name, msg)
        except Image.DecompressionBombError as exc:
            raise TooLarge(name, f"图像声明的像素数远超每页上限 {limits.max_page_pixels / 1e6:.0f} 百万，无法显示页面") from exc
        except (UnidentifiedImageError, EOFError, OSError, ValueError):
            return  # not an image, or no such frame: the renderer says which
Anyone = Annotated[CurrentUser, Depends(require("uploader", "reviewer", "analyst", owns="document"))]


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
    # each page image asks: the geometry alone is read, not the whole stored result
    for g in (PageGeometryOut.model_validate(raw) for raw in fields["page_geometry"] or []):
        if g.page == page:
            return PageGeometry(g.rotation, g.skew)
    return PageGeometry()


@router.get("/{document_id}", response_model=DocumentOut)
def document_info(document_id: IdPath, db: DbDep, user: Anyone) -> DocumentOut:
    doc = _doc(db, document_id)
    return DocumentOut(id=doc.id, sha256=doc.sha256, size=doc.size, name=doc.name, created_at=doc.created_at)


@router.get("/{document_id}/original", response_class=FileResponse, responses=_ORIGINAL)
def document_original(document_id: IdPath, db: DbDep, storage: StorageDep, user: Anyone) -> FileResponse:
    doc = _doc(db, document_id)
    # The file is sent after this returns; a copy downloaded from a bucket is removed once it has been.
    held = ExitStack()
    path = held.enter_context(storage.local_path(doc.sha256))
    return FileResponse(path, filename=mask_text(doc.name.rsplit("/", 1)[-1]), background=BackgroundTask(held.close))


@router.get("/{document_id}/pages/{page}.png", name="page_image", response_class=FileResponse, responses=_PNG)
async def page_image(
    document_id: IdPath, page: PagePath, db: DbDep, storage: StorageDep, settings: SettingsDep, user: Anyone
) -> FileResponse:
    """Page `page` (1-based) of the stored original as PNG, rendered on first request and cached."""
    doc = await run_in_threadpool(_doc, db, document_id)
    geometry = await run_in_threadpool(_geometry, db, document_id, page)
    try:
        path = await run_in_threadpool(
            storage.page_png, doc.sha256, page, settings.page_dpi, geometry,
            lambda original: check_renderable(original, mask_text(doc.name), page, settings.page_dpi, settings),
        )
    except PageUnavailable as exc:  # past the last page, or a text file: no page to show
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"{mask_text(doc.name)} {exc.reason}") from exc
    except FileError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})
