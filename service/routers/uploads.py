"""Resumable chunked uploads: open a file, PUT its chunks at the reported offset (resume after a
dropped connection by asking for the offset), then make a batch of the finished files."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from lianfa.errors import LianfaError
from lianfa.service.auth import CurrentUser, require
from lianfa.service.batches import batch_out
from lianfa.service.chunked import ChunkedUploads, ChunkError, UploadNotFound
from lianfa.service.db.models import Batch
from lianfa.service.routers.deps import DbDep, SettingsDep, StorageDep
from lianfa.service.schemas.batches import BatchOut
from lianfa.service.schemas.common import NO_CONTROL_CHARACTERS, problems
from lianfa.service.uploads import Received, batch_name, expand, group_pages, record_batch

router = APIRouter(prefix="/api/uploads", tags=["batches"])
Uploader = Annotated[CurrentUser, Depends(require("uploader"))]
Opener = Annotated[CurrentUser, Depends(require("uploader", owns="upload"))]
MAX_CHUNK = 8 * 1024 * 1024


class OpenRequest(BaseModel):
    name: str = Field(min_length=1, max_length=1024, description="file name, with its folder path if any")
    size: int = Field(ge=0)


class UploadState(BaseModel):
    id: str
    name: str
    size: int
    offset: int = Field(description="bytes received so far: send the next chunk from here")


class AssembleRequest(BaseModel):
    uploads: list[str] = Field(min_length=1)
    name: str | None = Field(default=None, max_length=200, pattern=NO_CONTROL_CHARACTERS, description="批次名称")


def _uploads(storage: StorageDep, settings: SettingsDep) -> ChunkedUploads:
    return ChunkedUploads(storage, settings.upload_limit)


Chunks = Annotated[ChunkedUploads, Depends(_uploads)]


def _refused(exc: ChunkError) -> HTTPException:
    # Not found for others' ids; anything else is the upload's state (wrong offset, too much, not
    # finished, over the size limit): a conflict the clerk resolves by resuming or starting again.
    if isinstance(exc, UploadNotFound):
        return HTTPException(status.HTTP_404_NOT_FOUND, str(exc))
    return HTTPException(status.HTTP_409_CONFLICT, str(exc))


UploadId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="POST /api/uploads 返回的上传编号")]
_STATES = problems(s404="no upload by this id that you opened", s409="the upload's state refuses it: the message says why")


@router.post("", response_model=UploadState, status_code=status.HTTP_201_CREATED, responses=_STATES)
def open_upload(body: OpenRequest, chunks: Chunks, user: Uploader) -> UploadState:
    try:
        session = chunks.open(body.name, body.size, user.id)
    except ChunkError as exc:
        raise _refused(exc) from exc
    return UploadState(id=session.id, name=session.name, size=session.size, offset=0)


@router.get("/{upload_id}", response_model=UploadState, responses=_STATES)
def upload_state(upload_id: UploadId, chunks: Chunks, user: Opener) -> UploadState:
    try:
        session, have = chunks.get(upload_id, user.id)
    except ChunkError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    return UploadState(id=session.id, name=session.name, size=session.size, offset=have)


@router.put("/{upload_id}", response_model=UploadState, responses={**_STATES, **problems(s413="a chunk over 8 MB")})
async def put_chunk(upload_id: UploadId, request: Request, chunks: Chunks, user: Opener,
                    offset: Annotated[int, Query(ge=0)]) -> UploadState:
    """Append the request body (at most 8 MiB) at `offset`; a wrong offset gets 409 and the right one."""
    body = bytearray()
    async for piece in request.stream():
        body += piece
        if len(body) > MAX_CHUNK:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "一块最多 8 MB：请把文件分成更小的块上传")
    try:
        have = await run_in_threadpool(chunks.append, upload_id, user.id, offset, bytes(body))
        session, _ = await run_in_threadpool(chunks.get, upload_id, user.id)
    except ChunkError as exc:
        raise _refused(exc) from exc
    return UploadState(id=session.id, name=session.name, size=session.size, offset=have)


@router.post("/batch", response_model=BatchOut, status_code=status.HTTP_201_CREATED, responses=_STATES)
def assemble(body: AssembleRequest, chunks: Chunks, user: Uploader, db: DbDep, storage: StorageDep,
             settings: SettingsDep) -> BatchOut:
    """One batch of the finished uploads, in the order given (ZIPs expanded, page images grouped)."""
    if len(body.uploads) > settings.max_batch_files:
        raise HTTPException(status.HTTP_409_CONFLICT, f"一次最多上传 {settings.max_batch_files} 个文件，请分批上传")
    received = []
    for upload_id in body.uploads:
        try:
            session, stored = chunks.finish(upload_id, user.id)
        except ChunkError as exc:
            raise _refused(exc) from exc
        except LianfaError as exc:
            received.append(Received(upload_id, error=str(exc)))
            continue
        received.append(Received(session.name, stored=stored, size=stored.size))
    files = group_pages(list(expand(received, storage, settings)), storage, settings.upload_limit)
    batch_id = record_batch(db, user, files, settings, name=batch_name(body.name, received, storage))
    with db.session() as s:
        batch = s.get(Batch, batch_id)
        assert batch is not None
        return batch_out(s, batch)
