"""Resumable uploads: a file arrives in chunks, each appended at the offset the server reports, so a
browser that lost its connection asks where the file stands and sends only the rest. A finished file
goes into content-addressed storage like a multipart upload, and files become a batch together.

Sessions live under `<store>/tmp/chunked/<id>.part` (bytes so far) and `<id>.json` (name, size,
owner); the id is unguessable and a session answers only to the user who opened it.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from lianfa.errors import LianfaError
from lianfa.service.storage import Storage, StoredFile

UPLOAD_NOT_FOUND = "这个上传不存在或不是您上传的（可能已完成或已过期）：请重新上传该文件"


class ChunkError(LianfaError):
    """A chunk or session the server cannot accept; the message says what to do."""


class UploadNotFound(ChunkError):
    """No upload by this id that the caller opened: answered as 404 so others' ids are not confirmed."""


class OffsetMismatch(ChunkError):
    def __init__(self, expected: int) -> None:
        self.expected = expected
        super().__init__(f"上传位置不一致：服务器已收到 {expected} 字节，请从该位置继续")


@dataclass(frozen=True)
class Session:
    id: str
    name: str
    size: int
    owner: int


class ChunkedUploads:
    def __init__(self, storage: Storage, limit: int) -> None:
        self.root = storage.tmp_dir / "chunked"
        self.root.mkdir(parents=True, exist_ok=True)
        self.storage = storage
        self.limit = limit

    def _paths(self, upload_id: str) -> tuple[Path, Path]:
        if not upload_id.replace("-", "").replace("_", "").isalnum():
            raise ChunkError("上传编号无效：请重新开始上传该文件")
        return self.root / f"{upload_id}.part", self.root / f"{upload_id}.json"

    def open(self, name: str, size: int, owner: int) -> Session:
        if size > self.limit:
            raise ChunkError(f"{name}: 文件超过单个文件上限 {self.limit // (1024 * 1024)} MB，请拆分后重新上传")
        session = Session(secrets.token_urlsafe(16), name, size, owner)
        part, meta = self._paths(session.id)
        part.touch()
        meta.write_text(json.dumps(asdict(session), ensure_ascii=False), encoding="utf-8")
        return session

    def opener(self, upload_id: str) -> int | None:
        """Who opened upload `upload_id`, or None when there is no such upload."""
        try:
            _, meta = self._paths(upload_id)
        except ChunkError:
            return None
        return int(json.loads(meta.read_text(encoding="utf-8"))["owner"]) if meta.is_file() else None

    def get(self, upload_id: str, owner: int) -> tuple[Session, int]:
        part, meta = self._paths(upload_id)
        if not meta.is_file():
            raise UploadNotFound(UPLOAD_NOT_FOUND)
        session = Session(**json.loads(meta.read_text(encoding="utf-8")))
        if session.owner != owner:
            raise UploadNotFound(UPLOAD_NOT_FOUND)
        return session, part.stat().st_size

    def append(self, upload_id: str, owner: int, offset: int, chunk: bytes) -> int:
        session, have = self.get(upload_id, owner)
        if offset != have:
            raise OffsetMismatch(have)
        if have + len(chunk) > session.size:
            raise ChunkError(f"{session.name}: 收到的内容比声明的 {session.size} 字节多，请重新上传该文件")
        part, _ = self._paths(upload_id)
        with open(part, "ab") as fh:
            fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        return have + len(chunk)

    def finish(self, upload_id: str, owner: int) -> tuple[Session, StoredFile]:
        """Store a complete upload; the session is gone afterwards."""
        session, have = self.get(upload_id, owner)
        if have != session.size:
            raise ChunkError(f"{session.name}: 只收到 {have}/{session.size} 字节，请继续上传后再提交")
        part, meta = self._paths(upload_id)
        stored = self.storage.put_file(part, session.name, self.limit)
        part.unlink(missing_ok=True)
        meta.unlink(missing_ok=True)
        return session, stored
