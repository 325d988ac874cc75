"""Content-addressed storage of uploaded originals, and a cache of rendered page images.

An original is written to a temporary file while its SHA-256 is computed, then moved to
`originals/<2 hex>/<sha256>`. A stored original is never overwritten: uploading the same bytes
again finds the existing file and the temporary copy is dropped.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lianfa.ingest.errors import IngestError, UnsupportedType
from lianfa.ingest.page_image import PageGeometry, PageNotFound, page_image
from lianfa.service.errors import PageUnavailable, StorageError, UploadTooLarge

__all__ = ["BlobWriter", "PageGeometry", "Storage", "StoredFile"]

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path
    created: bool  # False when identical bytes were already stored


class BlobWriter:
    """Receives an upload chunk by chunk; nothing is ever held whole in memory."""

    def __init__(self, storage: Storage, name: str, limit: int) -> None:
        self._storage = storage
        self._name = name
        self._limit = limit
        self._hash = hashlib.sha256()
        self.size = 0
        fd, tmp = tempfile.mkstemp(dir=storage.tmp_dir, prefix="upload-")
        self._tmp = Path(tmp)
        self._fh: BinaryIO = os.fdopen(fd, "wb")

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self._limit:
            self.abort()
            raise UploadTooLarge(
                self._name,
                f"文件超过单个文件上限 {self._limit // (1024 * 1024)} MB，请拆分后重新上传",
            )
        self._hash.update(chunk)
        self._fh.write(chunk)

    def finish(self) -> StoredFile:
        self._fh.close()
        sha = self._hash.hexdigest()
        target = self._storage.original_path(sha)
        if target.exists():
            self._tmp.unlink(missing_ok=True)
            return StoredFile(sha, self.size, target, created=False)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            # link() fails if another upload stored the same bytes meanwhile: never overwrite.
            os.link(self._tmp, target)
            created = True
        except FileExistsError:
            created = False
        self._tmp.unlink(missing_ok=True)
        os.chmod(target, 0o444)
        return StoredFile(sha, self.size, target, created=created)

    def abort(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        self._tmp.unlink(missing_ok=True)


class Storage:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp_dir = root / "tmp"
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        (root / "originals").mkdir(exist_ok=True)
        (root / "pages").mkdir(exist_ok=True)

    def original_path(self, sha256: str) -> Path:
        return self.root / "originals" / sha256[:2] / sha256

    def writer(self, name: str, limit: int) -> BlobWriter:
        return BlobWriter(self, name, limit)

    def put_file(self, src: Path, name: str, limit: int) -> StoredFile:
        w = self.writer(name, limit)
        try:
            with open(src, "rb") as fh:
                while chunk := fh.read(_CHUNK):
                    w.write(chunk)
        except BaseException:
            w.abort()
            raise
        return w.finish()

    def page_png(self, sha256: str, page: int, dpi: int, geometry: PageGeometry | None = None) -> Path:
        """The page image (1-based `page`), righted as OCR righted it (`geometry`; found again when the
        case predates its recording), rendered on first request, then cached. Ingest's reading errors
        come out as the service's: PageUnavailable for a page the file lacks, StorageError otherwise."""
        how = f"r{geometry.rotation}s{geometry.skew:.3f}" if geometry else "found"
        cached = self.root / "pages" / sha256 / f"{page}-{dpi}-{how}.png"
        if cached.exists():
            return cached
        try:
            image = page_image(self.original_path(sha256), page, dpi, geometry)
        except PageNotFound as exc:
            raise PageUnavailable(sha256, str(exc)) from exc
        except UnsupportedType as exc:
            raise PageUnavailable(sha256, f"没有页面图像：{exc.reason}") from exc
        except IngestError as exc:
            raise StorageError(exc.file, exc.reason) from exc
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".png")
        with os.fdopen(fd, "wb") as fh:
            image.save(fh, format="PNG", optimize=False)
        os.replace(tmp, cached)
        return cached
