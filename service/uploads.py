"""Receiving a batch upload: the multipart body is parsed as it streams in and each file is written
straight into content-addressed storage (never held whole in memory); ZIPs are expanded into their
members; then the batch, its items and the jobs for new documents are recorded in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import unquote_to_bytes

from fastapi.concurrency import run_in_threadpool
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lianfa.errors import FileError, LianfaError
from lianfa.extractors.masking import mask_text
from lianfa.ingest.errors import IngestError
from lianfa.service.auth import CurrentUser
from lianfa.service.config import ServiceSettings
from lianfa.service.db.models import Batch, BatchItem, Document, Job
from lianfa.service.db.session import Database
from lianfa.service.grouping import Page, combine, group_name, page_key
from lianfa.service.jobs import queue
from lianfa.service.storage import BlobWriter, Storage, StoredFile


class UploadError(LianfaError):
    """The upload request as a whole cannot be accepted (not multipart, no files, too many files)."""


@dataclass(frozen=True)
class Received:
    name: str
    stored: StoredFile | None = None
    error: str | None = None
    size: int | None = None
    pages: tuple[Page, ...] = ()  # page images combined into `stored` (service.grouping)


def group_pages(files: list[Received], storage: Storage, limit: int) -> list[Received]:
    """Page images of one decision (the naming rule in service.grouping) replaced by one multi-page
    document at the place of its first page; everything else as it came."""
    groups: dict[tuple[str, str], list[tuple[int, int, Received]]] = {}
    for pos, f in enumerate(files):
        key = page_key(f.name) if f.stored is not None else None
        if key is not None:
            groups.setdefault(key[:2], []).append((key[2], pos, f))
    combined: dict[int, Received] = {}
    absorbed: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort()
        pages = tuple(Page(f.name, f.stored.sha256, f.stored.size) for _, _, f in members if f.stored)
        first = min(pos for _, pos, _ in members)
        try:
            stored = combine(pages, storage, limit)
        except FileError as exc:
            combined[first] = Received(group_name(pages), error=str(exc))
        else:
            combined[first] = Received(group_name(pages), stored=stored, size=stored.size, pages=pages)
        absorbed |= {pos for _, pos, _ in members}
    return [combined[pos] if pos in combined else f for pos, f in enumerate(files)
            if pos in combined or pos not in absorbed]


# A part header holds the file name: a long CJK name, percent-encoded, passes python-multipart's
# 4 KB default, and a header over the limit fails the whole request, not one file.
MAX_PART_HEADER_BYTES = 64 * 1024
# RFC 5987 / 6266 `filename*=charset'lang'percent-encoded`, which parse_options_header drops.
_EXT_FILENAME = re.compile(rb"""filename\*\s*=\s*"?([A-Za-z0-9_-]*)'[^']*'([^";\s]+)""", re.IGNORECASE)


def _filename(disposition: bytes) -> tuple[str | None, str | None]:
    _, params = parse_options_header(disposition)
    field = params.get(b"name")
    raw = params.get(b"filename")
    codecs: tuple[str, ...] = ("utf-8", "gb18030")
    if ext := _EXT_FILENAME.search(disposition):  # the extended form wins (RFC 6266 §4.3)
        raw = unquote_to_bytes(ext.group(2).decode("latin-1"))
        charset = ext.group(1).decode("ascii").lower() or "utf-8"
        codecs = (charset, *codecs) if charset not in codecs else codecs
    if raw is None:
        return (field.decode("latin-1") if field else None), None
    for codec in codecs:
        try:
            name = raw.decode(codec)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        name = raw.decode("latin-1")
    # Browsers on Windows may send the full path; keep only the file's own name.
    name = PureWindowsPath(name).name if "\\" in name else PurePosixPath(name).name
    return (field.decode("latin-1") if field else None), (name or "未命名文件")


class _MultipartReceiver:
    """python-multipart callbacks that stream each `files` part into storage."""

    def __init__(self, storage: Storage, limit: int, max_files: int) -> None:
        self.storage = storage
        self.limit = limit
        self.max_files = max_files
        self.received: list[Received] = []
        self._headers: dict[bytes, bytes] = {}
        self._field = b""
        self._value = b""
        self._writer: BlobWriter | None = None
        self._name: str | None = None
        self._error: str | None = None
        self._size = 0

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        }

    def _part_begin(self) -> None:
        self._headers, self._writer, self._name, self._error, self._size = {}, None, None, None, 0

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._field.lower()] = self._value
        self._field, self._value = b"", b""

    def _headers_finished(self) -> None:
        field, name = _filename(self._headers.get(b"content-disposition", b""))
        if field != "files" or name is None:
            return
        if len(self.received) >= self.max_files:
            raise UploadError(f"一次最多上传 {self.max_files} 个文件，请分批上传")
        self._name = name
        self._writer = self.storage.writer(name, self.limit)

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._name is None:
            return
        self._size += end - start
        if self._writer is None:
            return
        try:
            self._writer.write(data[start:end])
        except FileError as exc:
            self._writer, self._error = None, str(exc)

    def _part_end(self) -> None:
        if self._name is None:
            return
        if self._writer is not None:
            self.received.append(Received(self._name, stored=self._writer.finish(), size=self._size))
        else:
            self.received.append(Received(self._name, error=self._error, size=self._size))
        self._name, self._writer = None, None

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.abort()


async def receive_multipart(
    content_type: str, body: AsyncIterator[bytes], storage: Storage, limit: int, max_files: int
) -> list[Received]:
    ctype, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise UploadError("请求必须是 multipart/form-data，文件放在名为 files 的字段里")
    receiver = _MultipartReceiver(storage, limit, max_files)
    parser = MultipartParser(boundary, receiver.callbacks(), max_header_size=MAX_PART_HEADER_BYTES)  # type: ignore[arg-type]
    try:
        async for chunk in body:
            # Off the event loop: a part's end publishes the file, which for a bucket is an upload.
            await run_in_threadpool(parser.write, chunk)
        await run_in_threadpool(parser.finalize)
    except MultipartParseError as exc:
        receiver.abort()
        where = f"第 {len(receiver.received) + 1} 个文件" if receiver.received else "第 1 个文件"
        raise UploadError(
            f"上传内容无法解析（{where}：{exc}）；文件名过长时请缩短到 200 字以内后重新上传，"
            f"已收到的 {len(receiver.received)} 个文件未保存"
        ) from exc
    except BaseException:
        receiver.abort()
        raise
    if not receiver.received:
        raise UploadError("没有收到文件：请把文件放在名为 files 的表单字段中上传（可多选，可含 ZIP）")
    return receiver.received


def _is_zip(storage: Storage, stored: StoredFile) -> bool:
    return storage.head(stored.sha256, 4) in (b"PK\x03\x04", b"PK\x05\x06")


def expand(received: list[Received], storage: Storage, settings: ServiceSettings) -> Iterator[Received]:
    """Each uploaded file, with every ZIP replaced by its members (named `batch.zip/member.pdf`)."""
    for r in received:
        if r.stored is None or not _is_zip(storage, r.stored):
            yield r
            continue
        yield from _zip_members(r, storage, settings)


def _zip_members(r: Received, storage: Storage, settings: ServiceSettings) -> Iterator[Received]:
    from lianfa.ingest.archive import expand_zip
    from lianfa.ingest.intake import source_from_path

    assert r.stored is not None
    limit = settings.upload_limit
    try:
        with storage.local_path(r.stored.sha256) as path:
            for member in expand_zip(source_from_path(path, settings, r.name), settings):
                if isinstance(member, IngestError):
                    yield Received(member.file, error=str(member))
                    continue
                # ingest holds one member in memory at a time (capped); it is stored at once and dropped.
                w = storage.writer(member.name, limit)
                data = memoryview(member.read_bytes())
                try:
                    for at in range(0, len(data), 1 << 20):
                        w.write(bytes(data[at : at + (1 << 20)]))
                except FileError as exc:
                    yield Received(member.name, error=str(exc), size=member.size)
                    continue
                stored = w.finish()
                yield Received(member.name, stored=stored, size=stored.size)
    except IngestError as exc:
        yield Received(r.name, error=str(exc), size=r.size)


_SPACES = re.compile(r"\s+")


def batch_name(given: str | None, received: list[Received], storage: Storage) -> str | None:
    """The clerk's name for the batch, else the uploaded ZIP's (or the folder's) name."""
    if given and given.strip():
        return _SPACES.sub(" ", given.strip())[:256]
    zips = [r.name for r in received if r.stored is not None and _is_zip(storage, r.stored)]
    if zips:
        return "、".join(zips)[:256]
    folders = {r.name.split("/", 1)[0] for r in received if "/" in r.name}
    return folders.pop()[:256] if len(folders) == 1 else None


def record_batch(db: Database, user: CurrentUser, files: list[Received], settings: ServiceSettings,
                 name: str | None = None) -> int:
    """Create the batch, its items, and a job for each document not seen before. Returns the batch id."""
    for attempt in range(3):
        try:
            return _record(db, user, files, settings, name)
        except IntegrityError:
            # Another upload stored the same new document at the same moment: now it is a duplicate.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _record(db: Database, user: CurrentUser, files: list[Received], settings: ServiceSettings,
            name: str | None = None) -> int:
    with db.session() as s:
        batch = Batch(created_by=user.id, cancelled=False, name=name)
        s.add(batch)
        s.flush()
        seen: dict[str, int] = {}
        for pos, f in enumerate(files):
            name = mask_text(_SPACES.sub(" ", f.name))[:1024]
            if f.stored is None:
                error = mask_text(f.error) if f.error else None
                s.add(BatchItem(batch_id=batch.id, position=pos, name=name, size=f.size, status="failed", error=error))
                continue
            sha = f.stored.sha256
            item = BatchItem(batch_id=batch.id, position=pos, name=name, size=f.stored.size, sha256=sha,
                             pages=[vars(p) for p in f.pages] or None)
            doc = s.scalar(select(Document).where(Document.sha256 == sha))
            if doc is None:
                doc = Document(sha256=sha, size=f.stored.size, name=name[:512])
                s.add(doc)
                s.flush()
                item.job_id = queue.enqueue(s, doc.id, settings.job_max_attempts).id
            elif sha in seen or _has_live_job(s, doc.id):
                item.status = "duplicate"
            else:
                # Known bytes whose every earlier job was cancelled: nothing to link to, so process it.
                item.job_id = queue.enqueue(s, doc.id, settings.job_max_attempts).id
            item.document_id = doc.id
            seen.setdefault(sha, pos)
            s.add(item)
        return batch.id


def _has_live_job(s: Session, document_id: int) -> bool:
    return (
        s.scalar(select(Job.id).where(Job.document_id == document_id, Job.status != "cancelled").limit(1))
        is not None
    )
