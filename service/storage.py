"""Content-addressed storage of uploaded originals, and a cache of rendered page images.

Two implementations behind one interface, chosen by `open_storage(settings)`:
  - LocalStorage: a folder (`LIANFA_STORAGE_DIR`), on one machine or a shared path (NFS);
  - S3Storage: an S3-compatible bucket (`LIANFA_STORE_URL=s3://bucket/prefix`), for workers on
    machines that share no file system.

Either way an upload is written chunk by chunk to a local temporary file while its SHA-256 is
computed (never whole in memory), then published under `originals/<2 hex>/<sha256>`. A stored
original is never replaced: uploading the same bytes again finds it and the temporary copy is
dropped. Reading an original back checks its bytes against its hash.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import urlsplit

from lianfa.errors import ConfigError, LianfaError
from lianfa.ingest.errors import IngestError, UnsupportedType
from lianfa.ingest.page_image import PageGeometry, PageNotFound, page_image
from lianfa.service.errors import PageUnavailable, StorageError, UploadTooLarge

if TYPE_CHECKING:
    from lianfa.service.config import ServiceSettings

__all__ = [
    "BlobWriter",
    "LocalStorage",
    "OriginalCorrupt",
    "OriginalMissing",
    "PageGeometry",
    "S3Storage",
    "Storage",
    "StoreError",
    "StoreUnavailable",
    "StoredFile",
    "open_storage",
]

_CHUNK = 1024 * 1024
# S3 multipart: parts of 8 MB (the minimum is 5 MB); a file below one part goes in one request.
_PART = 8 * 1024 * 1024


class StoreError(LianfaError):
    """The store cannot keep an original, or give one back as it was stored."""


class OriginalMissing(StoreError):
    def __init__(self, sha256: str) -> None:
        super().__init__(f"存储中找不到原件 {sha256[:12]}…：存储可能被移动或清理，请联系管理员检查存储设置，或重新上传该文件")


class OriginalCorrupt(StoreError):
    def __init__(self, sha256: str) -> None:
        super().__init__(f"存储中的原件 {sha256[:12]}… 已损坏（内容与其哈希不符）：请联系管理员从备份恢复，或重新上传该文件")


class StoreUnavailable(StoreError):
    """The store refused or lost a write: the upload is not stored, and may be sent again."""

    def __init__(self, name: str, cause: Exception) -> None:
        super().__init__(f"{name}: 存储暂时无法写入（{cause}），文件未保存：请稍后重新上传；如持续出现请联系管理员检查存储")


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
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
        try:
            created = self._storage._publish(self._tmp, sha, self._name)
        finally:
            self._tmp.unlink(missing_ok=True)
        return StoredFile(sha, self.size, created=created)

    def abort(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        self._tmp.unlink(missing_ok=True)


class Storage(ABC):
    """Where originals live. `scratch` is a local folder either way: upload spooling and resumable
    upload sessions (`tmp/`), and the page images rendered for the review screen (`pages/`)."""

    def __init__(self, scratch: Path) -> None:
        self.tmp_dir = scratch / "tmp"
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        self._pages = scratch / "pages"
        self._pages.mkdir(exist_ok=True)

    @abstractmethod
    def exists(self, sha256: str) -> bool: ...

    @abstractmethod
    def problem(self) -> str | None:
        """Why originals cannot be stored right now (for /api/health), in words an administrator acts on."""

    @abstractmethod
    def head(self, sha256: str, n: int) -> bytes:
        """The first `n` bytes of an original (to sniff its type), unverified."""

    @abstractmethod
    def local_path(self, sha256: str) -> AbstractContextManager[Path]:
        """The original as a local file, its bytes checked against `sha256`, for code that needs a
        path (OCR, PDF and image readers); a downloaded copy is removed on leaving the block."""

    @abstractmethod
    def _publish(self, tmp: Path, sha256: str, name: str) -> bool:
        """Store the complete file `tmp` as `sha256` unless stored already; True if it was new."""

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

    def page_png(self, sha256: str, page: int, dpi: int, geometry: PageGeometry | None = None,
                 check: Callable[[Path], None] | None = None) -> Path:
        """The page image (1-based `page`), righted as OCR righted it (`geometry`; found again when the
        case predates its recording), rendered on first request, then cached; `check` sees the
        original before a render (a cached page was checked when it was rendered). Ingest's reading
        errors come out as the service's: PageUnavailable for a page the file lacks, StorageError otherwise."""
        how = f"r{geometry.rotation}s{geometry.skew:.3f}" if geometry else "found"
        cached = self._pages / sha256 / f"{page}-{dpi}-{how}.png"
        if cached.exists():
            return cached
        try:
            with self.local_path(sha256) as original:
                if check is not None:
                    check(original)
                image = page_image(original, page, dpi, geometry)
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


def _sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


class LocalStorage(Storage):
    """Originals in `<root>/originals`, read-only once written."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.root = root
        (root / "originals").mkdir(exist_ok=True)

    def _original(self, sha256: str) -> Path:
        return self.root / "originals" / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self._original(sha256).is_file()

    def problem(self) -> str | None:
        if not os.access(self.root / "originals", os.W_OK | os.X_OK):
            return f"存储目录 {self.root / 'originals'} 不可写：请检查 LIANFA_STORAGE_DIR 及其权限"
        return None

    def head(self, sha256: str, n: int) -> bytes:
        try:
            with open(self._original(sha256), "rb") as fh:
                return fh.read(n)
        except FileNotFoundError:
            raise OriginalMissing(sha256) from None

    @contextmanager
    def local_path(self, sha256: str) -> Iterator[Path]:
        path = self._original(sha256)
        if not path.is_file():
            raise OriginalMissing(sha256)
        if _sha256_of(path) != sha256:
            raise OriginalCorrupt(sha256)
        yield path

    def _publish(self, tmp: Path, sha256: str, name: str) -> bool:
        if self.exists(sha256):
            return False
        target = self._original(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            # link() fails if another upload stored the same bytes meanwhile: never overwrite.
            os.link(tmp, target)
        except FileExistsError:
            return False
        os.chmod(target, 0o444)
        return True


class S3Storage(Storage):
    """Originals as objects `<prefix>originals/<2 hex>/<sha256>` in an S3-compatible bucket.

    An upload is spooled to local disk while it is hashed (as LocalStorage does), because its key is
    its hash, known only after the last byte: the object is then written once under its final key
    (multipart, parts checksummed by the server), and not at all when the bucket holds it already,
    instead of streaming to a temporary key and copying every upload inside the bucket. A failed
    upload is aborted by the transfer manager: no partial object is ever visible."""

    def __init__(self, url: str, scratch: Path, client: Any) -> None:
        super().__init__(scratch)
        parts = urlsplit(url)
        if parts.scheme != "s3" or not parts.netloc:
            raise ConfigError(f"LIANFA_STORE_URL={url!r}：应为 s3://桶名/前缀（例如 s3://lianfa/originals）")
        self.bucket = parts.netloc
        prefix = parts.path.strip("/")
        self.prefix = f"{prefix}/" if prefix else ""
        self._s3 = client

    def key(self, sha256: str) -> str:
        return f"{self.prefix}originals/{sha256[:2]}/{sha256}"

    def problem(self) -> str | None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self._s3.head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as exc:
            return (f"存储桶 {self.bucket} 无法访问（{exc}）：请检查 LIANFA_STORE_URL、LIANFA_S3_ENDPOINT_URL 和访问密钥 / "
                    "the S3 bucket cannot be reached")
        return None

    def exists(self, sha256: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self._s3.head_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def _get(self, sha256: str, **extra: str) -> Any:
        from botocore.exceptions import ClientError

        try:
            return self._s3.get_object(Bucket=self.bucket, Key=self.key(sha256), **extra)["Body"]
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                raise OriginalMissing(sha256) from None
            raise

    def head(self, sha256: str, n: int) -> bytes:
        body = self._get(sha256, Range=f"bytes=0-{max(n, 1) - 1}")
        try:
            return body.read()[:n]
        finally:
            body.close()

    @contextmanager
    def local_path(self, sha256: str) -> Iterator[Path]:
        fd, name = tempfile.mkstemp(dir=self.tmp_dir, prefix="original-")
        tmp = Path(name)
        try:
            body = self._get(sha256)
            h = hashlib.sha256()
            with os.fdopen(fd, "wb") as fh:
                for chunk in body.iter_chunks(_CHUNK):
                    h.update(chunk)
                    fh.write(chunk)
            body.close()
            if h.hexdigest() != sha256:
                raise OriginalCorrupt(sha256)
            yield tmp
        finally:
            tmp.unlink(missing_ok=True)

    def _publish(self, tmp: Path, sha256: str, name: str) -> bool:
        from boto3.exceptions import Boto3Error
        from boto3.s3.transfer import TransferConfig
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            if self.exists(sha256):
                return False
            # Two uploads of the same new bytes may both get here: both write identical content.
            self._s3.upload_file(
                str(tmp), self.bucket, self.key(sha256),
                ExtraArgs={"ChecksumAlgorithm": "SHA256"},
                Config=TransferConfig(multipart_threshold=_PART, multipart_chunksize=_PART, use_threads=False),
            )
        except (Boto3Error, BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(name, exc) from exc
        return True


def s3_client(settings: ServiceSettings) -> Any:
    import boto3

    secret = settings.s3_secret_access_key.get_secret_value() if settings.s3_secret_access_key else None
    # Unset credentials fall through to boto3's own chain (AWS_* variables, ~/.aws, an instance role).
    return boto3.client(
        "s3",
        endpoint_url=settings.s3_endpoint_url,
        region_name=settings.s3_region,
        aws_access_key_id=settings.s3_access_key_id,
        aws_secret_access_key=secret,
    )


def open_storage(settings: ServiceSettings) -> Storage:
    """The storage the settings name: the bucket of LIANFA_STORE_URL, else the local folder."""
    if settings.store_url:
        return S3Storage(settings.store_url, settings.store_dir, s3_client(settings))
    return LocalStorage(settings.store_dir)
