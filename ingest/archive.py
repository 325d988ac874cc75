"""ZIP batches: members streamed one at a time, each identified like a file on disk.

A ZIP is hostile until read: names may climb out of the folder (`../`, `/etc`, `C:\\`) or be
symlinks, sizes in the headers may lie, one entry may inflate to gigabytes. Nothing is ever
written to disk — members are read into memory under a running cap counted on the bytes actually
inflated — and a refused member is reported while the others go on.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from lianfa.ingest.config import IngestSettings
from lianfa.ingest.errors import CorruptFile, EmptyFile, IngestError, TooLarge, UnsafeArchive, UnsupportedType
from lianfa.ingest.intake import Source, printable, source_from_bytes

_CHUNK = 1 << 20
# Below this many inflated bytes the ratio is not judged: a small file of blank lines or a
# white TIFF compresses far better than any real bomb and is harmless.
_RATIO_FLOOR = 1 << 20
_UTF8_NAME_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_DRIVE = re.compile(r"^[A-Za-z]:")
# Files operating systems add to archives: never a clerk's document.
_JUNK_DIRS = {"__MACOSX"}
_JUNK_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass
class ZipBudget:
    """Inflated bytes still allowed for one upload, shared by the archives nested in it."""

    remaining: int
    exhausted: bool = False  # set once a member was refused for it: later members are not read


def member_name(info: zipfile.ZipInfo) -> str:
    """The entry's name as its author saw it.

    Without the UTF-8 flag, zipfile decodes names as CP437; Windows zippers in China write GBK
    there and macOS writes UTF-8 without the flag, so the original bytes are decoded again.
    """
    if info.flag_bits & _UTF8_NAME_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return info.filename


def unsafe_reason(name: str, info: zipfile.ZipInfo) -> str | None:
    """Why an entry must not be extracted, or None when its name and type are harmless."""
    if stat.S_ISLNK(info.external_attr >> 16):
        return "是符号链接 / is a symbolic link"
    path = name.replace("\\", "/")
    if "\x00" in path:
        return "文件名含空字符 / name contains a NUL byte"
    if path.startswith("/"):
        return "使用绝对路径 / has an absolute path"
    if _DRIVE.match(path):
        return "含盘符路径 / has a drive-letter path"
    if ".." in PurePosixPath(path).parts:
        return "路径含 “..”，会写到压缩包外 / path climbs out of the archive (“..”)"
    return None


def _is_junk(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return bool(parts) and (parts[0] in _JUNK_DIRS or parts[-1] in _JUNK_FILES or parts[-1].startswith("._"))


def _read_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, settings: IngestSettings, budget: ZipBudget
) -> bytes:
    if info.flag_bits & _ENCRYPTED_FLAG:
        raise UnsupportedType(
            label,
            "压缩包内文件设有密码 / entry is password-protected: "
            "请不加密重新打包 / re-pack without a password",
        )
    # The declared size is only used to refuse early; the cap below counts what really inflates.
    if info.file_size > settings.max_file_bytes:
        raise TooLarge(
            label,
            f"解压后 {info.file_size / 2**20:.0f} MiB，超过单个文件上限 / entry too large: 请拆分 / split it",
        )
    cap = min(settings.max_file_bytes, budget.remaining)
    out = bytearray()
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            out += chunk
            if len(out) > cap:
                if cap == budget.remaining:
                    budget.exhausted = True
                    raise UnsafeArchive(
                        label,
                        "压缩包解压总量超过上限，此文件及其后的文件均未读取 / "
                        "archive inflates past the total limit: "
                        "this and all later files were not read; 请分批上传 / upload in smaller batches",
                    )
                raise TooLarge(
                    label, "解压后超过单个文件上限 / entry too large when inflated: 请拆分 / split it"
                )
            if len(out) > _RATIO_FLOOR and len(out) / max(info.compress_size, 1) > settings.max_zip_ratio:
                raise UnsafeArchive(
                    label,
                    f"压缩比超过 {settings.max_zip_ratio:.0f}:1，疑似压缩炸弹 / compression ratio over "
                    f"{settings.max_zip_ratio:.0f}:1 (a zip bomb): 已拒绝 / refused",
                )
    budget.remaining -= len(out)
    return bytes(out)


def expand_zip(
    source: Source, settings: IngestSettings, budget: ZipBudget | None = None
) -> Iterator[Source | IngestError]:
    """Yield each member as a Source (nested ZIPs expanded in place), or the IngestError that refused it.

    Archive-level problems (unreadable directory, too many entries, nothing inside) raise before
    any member is yielded.
    """
    budget = budget if budget is not None else ZipBudget(settings.max_zip_total_bytes)
    try:
        zf = zipfile.ZipFile(source.openable())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFile(
            source.name, f"ZIP 压缩包已损坏 / damaged ZIP archive ({exc}): 请重新打包 / re-create it"
        ) from exc
    with zf:
        entries = [i for i in zf.infolist() if not i.is_dir()]
        if len(entries) > settings.max_zip_entries:
            raise UnsafeArchive(
                source.name,
                f"含 {len(entries)} 个文件，超过上限 {settings.max_zip_entries} / too many entries: "
                "请分批上传 / upload in smaller batches",
            )
        named = [(info, member_name(info)) for info in entries]
        named = [(info, name) for info, name in named if not _is_junk(name)]
        if not named:
            raise EmptyFile(
                source.name,
                "压缩包内没有文件 / the archive holds no files: 请检查打包 / check what was packed",
            )
        for info, name in named:
            if budget.exhausted:
                return
            label = f"{source.name}/{printable(name)}"
            reason = unsafe_reason(name, info)
            if reason:
                yield UnsafeArchive(label, f"{reason}：已拒绝，未解压 / refused, not extracted")
                continue
            try:
                data = _read_member(zf, info, label, settings, budget)
                member = source_from_bytes(data, label, settings, depth=source.depth + 1)
            except IngestError as exc:
                yield exc
                continue
            except NotImplementedError as exc:  # zipfile's word for an unknown compression method
                yield UnsupportedType(
                    label,
                    f"不支持的压缩方式 / unsupported compression method ({exc}): "
                    "请用标准 ZIP 重新打包 / re-pack as a standard ZIP",
                )
                continue
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
                yield CorruptFile(
                    label, f"压缩包内文件已损坏 / damaged entry ({exc}): 请重新打包 / re-create the archive"
                )
                continue
            if member.kind != "zip":
                yield member
            elif member.depth >= settings.max_zip_depth:
                yield UnsafeArchive(
                    label,
                    f"压缩包嵌套超过 {settings.max_zip_depth} 层 / "
                    f"ZIPs nested deeper than {settings.max_zip_depth}: "
                    "请解开后上传 / unpack it first",
                )
            else:
                try:
                    yield from expand_zip(member, settings, budget)
                except IngestError as exc:
                    yield exc
