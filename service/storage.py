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

from ingest.errors import CorruptFile, TooLarge, UnsupportedType

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
            raise TooLarge(
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

    def page_png(self, sha256: str, page: int, dpi: int) -> Path:
        """The page image (1-based `page`), rendered from the original on first request, then cached."""
        cached = self.root / "pages" / sha256 / f"{page}-{dpi}.png"
        if cached.exists():
            return cached
        image = _render_page(self.original_path(sha256), page, dpi)
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".png")
        with os.fdopen(fd, "wb") as fh:
            image.save(fh, format="PNG", optimize=False)
        os.replace(tmp, cached)
        return cached


class PageNotFound(LookupError):
    pass


def _render_page(path: Path, page: int, dpi: int):  # -> PIL.Image.Image
    from PIL import Image, ImageSequence, UnidentifiedImageError

    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"%PDF"):
        import pypdfium2 as pdfium

        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise CorruptFile(path.name, f"PDF 无法打开（{exc}），无法显示页面") from exc
        try:
            if not 1 <= page <= len(pdf):
                raise PageNotFound(f"第 {page} 页不存在：该文件共 {len(pdf)} 页")
            return pdf[page - 1].render(scale=dpi / 72).to_pil().convert("RGB")
        finally:
            pdf.close()
    try:
        with Image.open(path) as img:
            for i, frame in enumerate(ImageSequence.Iterator(img), start=1):
                if i == page:
                    frame = frame.convert("RGB")
                    # Scans keep their own resolution; shrink them to the requested dpi for the screen.
                    scan_dpi = float((img.info.get("dpi") or (200, 200))[0]) or 200.0
                    scale = dpi / scan_dpi
                    if scale < 1:
                        frame = frame.resize((max(1, int(frame.width * scale)), max(1, int(frame.height * scale))))
                    return frame
            raise PageNotFound(f"第 {page} 页不存在：该图像共 {i} 页")
    except UnidentifiedImageError as exc:
        raise UnsupportedType(path.name, "该文件是文本或其他非页面格式，没有页面图像") from exc
