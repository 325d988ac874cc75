"""Intake: what a file is (from its bytes, never its name), its SHA-256, and the size limits.

Clerks' files are named by whoever saved them: a `.png` may be an HTML page, a `.pdf` an image, a
`.zip` a Word document. The kind is read from magic numbers; the name is only used in messages.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from lianfa.ingest.config import IngestSettings
from lianfa.ingest.errors import CorruptFile, EmptyFile, MissingFile, TooLarge, UnsupportedType

Kind = Literal["pdf", "png", "jpeg", "tiff", "bmp", "webp", "zip", "text"]
IMAGE_KINDS: frozenset[str] = frozenset({"png", "jpeg", "tiff", "bmp", "webp"})

_CHUNK = 1 << 20
# Enough to see every signature (a PDF header may follow up to 1 KiB of junk) and to judge
# whether a file is text.
_HEAD = 64 * 1024
_PDF_HEADER_WINDOW = 1024

_SIGNATURES: tuple[tuple[bytes, Kind], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"II+\x00", "tiff"),  # BigTIFF
    (b"MM\x00+", "tiff"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),  # an empty archive
)

_SAVE_AS = "请另存为 PDF 或图片（JPEG/PNG/TIFF）后再上传 / save it as PDF or an image and upload that"

# Formats clerks do meet but lianfa does not read: each names what it is and what to do.
_REFUSED: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文档（.doc/.xls/.wps）/ legacy Office document"),
    (b"GIF8", "GIF 图片 / GIF image"),
    (b"Rar!\x1a\x07", "RAR 压缩包 / RAR archive (only ZIP is read)"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包 / 7z archive (only ZIP is read)"),
    (b"\x1f\x8b", "gzip 压缩文件 / gzip file (only ZIP is read)"),
    (b"{\\rtf", "RTF 文档 / RTF document"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000 图片 / JPEG 2000 image"),
)
_OOXML_APPS = (("word/", "Word"), ("xl/", "Excel"), ("ppt/", "PowerPoint"))
_BMP_DIB_SIZES = frozenset({12, 16, 40, 52, 56, 64, 108, 124})
_MARKUP = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--", b"<meta", b"<table")


@dataclass(frozen=True)
class Source:
    """One input, identified: where its bytes are, what it is and its SHA-256.

    A file on disk keeps its `path` (read lazily, page by page where the format allows); a ZIP
    member or an upload held in memory keeps `data`. Readers open `path` by name, so the library
    that opens the file also closes it.
    """

    name: str
    kind: Kind
    size: int
    sha256: str
    path: Path | None = None
    data: bytes | None = None
    depth: int = 0  # how many ZIPs this source sits inside

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()

    def openable(self) -> Path | io.BytesIO:
        """What a reader opens: the path (so the reader owns and closes the file), else the bytes."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return self.path


def printable(name: str) -> str:
    """A file name fit for a one-line message: control characters (a newline in a ZIP entry's
    name) are shown escaped, so one result stays one line."""
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in name)


def _is_bmp(head: bytes) -> bool:
    # "BM" alone also starts ordinary text; a real BMP has a known DIB header size at offset 14.
    return len(head) >= 18 and head[:2] == b"BM" and int.from_bytes(head[14:18], "little") in _BMP_DIB_SIZES


def _is_heif(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in {b"heic", b"heix", b"mif1", b"msf1", b"heim", b"avif"}


def _strip_incomplete_tail(head: bytes, full: bool) -> list[bytes]:
    # The head may end inside a multi-byte character; try cutting up to 3 bytes off.
    return [head] if full else [head[: len(head) - k] for k in range(4)]


def looks_like_text(head: bytes, full: bool) -> bool:
    """True when the bytes decode as UTF-8/UTF-16 (with BOM) or GB18030 and hold no binary noise."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    for codec in ("utf-8", "gb18030"):
        for candidate in _strip_incomplete_tail(head, full):
            try:
                text = candidate.decode(codec)
            except UnicodeDecodeError:
                continue
            controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v\x1a")
            return controls <= max(2, len(text) // 200)
    return False


def sniff(head: bytes, name: str, full: bool = False) -> Kind:
    """The kind of a file from its first bytes (`full` when `head` is the whole file).

    Raises UnsupportedType for a format that is recognised but not read, or not recognised at all.
    ZIPs are reported as "zip" here; `classify_zip` tells an archive from an Office/OFD document.
    """
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    if b"%PDF-" in head[:_PDF_HEADER_WINDOW]:
        return "pdf"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if _is_bmp(head):
        return "bmp"
    for magic, what in _REFUSED:
        if head.startswith(magic):
            raise UnsupportedType(name, f"是{what}，不支持 / unsupported; {_SAVE_AS}")
    if _is_heif(head):
        raise UnsupportedType(
            name, f"是手机 HEIC/AVIF 照片，不支持 / HEIC/AVIF photo is unsupported; {_SAVE_AS}"
        )
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(_MARKUP):
        raise UnsupportedType(
            name,
            f"内容是网页/XML（HTML），不是扫描件或文书 / it is a web page (HTML/XML), not a scan; {_SAVE_AS}",
        )
    if looks_like_text(head, full):
        return "text"
    raise UnsupportedType(name, f"无法识别的文件格式 / unrecognised file format; {_SAVE_AS}")


def classify_zip(opener: BinaryIO, name: str) -> None:
    """Refuse ZIP-based document formats (.docx/.xlsx/.pptx, OFD, ODF/EPUB): they are not batches.

    Raises CorruptFile when the archive's directory cannot be read.
    """
    try:
        with zipfile.ZipFile(opener) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFile(
            name, f"ZIP 压缩包已损坏，无法读取目录 / damaged ZIP archive ({exc}); 请重新打包 / re-create it"
        ) from exc
    if "[Content_Types].xml" in names:
        what = next(
            (app for folder, app in _OOXML_APPS if any(n.startswith(folder) for n in names)),
            "Office Open XML",
        )
        raise UnsupportedType(
            name, f"是 {what} 文档（.docx/.xlsx/.pptx），不支持 / {what} document is unsupported; {_SAVE_AS}"
        )
    if "OFD.xml" in names:
        raise UnsupportedType(
            name, "是 OFD 版式文件，不支持 / OFD document is unsupported; 请导出为 PDF / export it as PDF"
        )
    if "mimetype" in names or "META-INF/manifest.xml" in names:
        raise UnsupportedType(
            name, f"是 ODF/EPUB 文档，不支持 / ODF/EPUB document is unsupported; {_SAVE_AS}"
        )


def _check_size(name: str, size: int, settings: IngestSettings) -> None:
    if size == 0:
        raise EmptyFile(
            name, "文件为空（0 字节）/ empty file (0 bytes): 请重新扫描或导出 / rescan or re-export it"
        )
    if size > settings.max_file_bytes:
        raise TooLarge(
            name,
            f"文件 {size / 2**20:.1f} MiB，超过上限 {settings.max_file_bytes / 2**20:.0f} MiB / "
            "file too large; 请拆分或降低扫描分辨率 / split it or scan at a lower resolution",
        )


def _check_text_size(name: str, kind: Kind, size: int, settings: IngestSettings) -> None:
    if kind == "text" and size > settings.max_text_bytes:
        raise TooLarge(
            name,
            f"文本文件 {size / 2**20:.1f} MiB，超过文本上限 {settings.max_text_bytes / 2**20:.0f} MiB（一份决定书的文本"
            f"通常不到 100 KB）/ text file too large: 请确认是单份决定书，或按决定书拆分 / one decision per file",
        )


def _read_identity(stream: BinaryIO, name: str, settings: IngestSettings) -> tuple[str, bytes, int]:
    """(SHA-256, first bytes, size) of what the stream really holds, read in chunks.

    The size limit is enforced again while reading: a file still being written may have grown
    since it was measured.
    """
    digest = hashlib.sha256()
    head = b""
    size = 0
    while chunk := stream.read(_CHUNK):
        if len(head) < _HEAD:
            head += chunk[: _HEAD - len(head)]
        size += len(chunk)
        if size > settings.max_file_bytes:
            _check_size(name, size, settings)
        digest.update(chunk)
    return digest.hexdigest(), head, size


def source_from_path(
    path: Path, settings: IngestSettings, name: str | None = None, sha256: str | None = None
) -> Source:
    """Identify a file on disk: the size limit first (nothing is read from a file over it), then
    SHA-256 and kind. A caller that knows the SHA-256 (a content-addressed store) gives it, and only
    the file's head is read: one page of a long PDF is then read without hashing the whole file."""
    label = printable(name or str(path))
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise MissingFile(label, "文件不存在 / file not found: 请检查路径 / check the path") from exc
    except OSError as exc:
        raise MissingFile(
            label, f"无法读取 / cannot be read ({exc.strerror}): 请检查权限 / check permissions"
        ) from exc
    if path.is_dir():
        raise MissingFile(label, "是文件夹，不是文件 / is a folder: 请给出其中的文件 / pass the files in it")
    _check_size(label, st.st_size, settings)
    try:
        with path.open("rb") as fh:
            if sha256 is None:
                sha, head, size = _read_identity(fh, label, settings)
            else:
                sha, head, size = sha256, fh.read(_HEAD), st.st_size
    except OSError as exc:
        raise MissingFile(
            label, f"无法读取 / cannot be read ({exc.strerror}): 请检查权限 / check permissions"
        ) from exc
    _check_size(label, size, settings)
    kind = sniff(head, label, full=size <= _HEAD)
    _check_text_size(label, kind, size, settings)
    source = Source(name=label, kind=kind, size=size, sha256=sha, path=path)
    if kind == "zip":
        with path.open("rb") as fh:
            classify_zip(fh, label)
    return source


def source_from_bytes(data: bytes, name: str, settings: IngestSettings, depth: int = 0) -> Source:
    """Identify bytes held in memory (an upload, a ZIP member)."""
    _check_size(name, len(data), settings)
    kind = sniff(data[:_HEAD], name, full=len(data) <= _HEAD)
    _check_text_size(name, kind, len(data), settings)
    if kind == "zip":
        classify_zip(io.BytesIO(data), name)
    return Source(
        name=name, kind=kind, size=len(data), sha256=hashlib.sha256(data).hexdigest(), data=data, depth=depth
    )
