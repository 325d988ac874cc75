"""Page images of one decision become one document.

The rule (README): image files in the same folder, or the same ZIP directory, whose names are one
stem followed by a page marker and number, `d1_p1.png`, `d1-p2.jpg`, `d1 page3.tif`, `d1_第4页.png`,
are the pages of one decision, in the order of their numbers. Names without a page marker
(`scan_001.jpg`) stay separate files: one scanner run often holds many one-page decisions.

A group is stored as one multi-page TIFF (lossless), a content-addressed original like any other;
the item keeps its pages' own originals, so a clerk can split it again, or merge items by hand.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from PIL import Image

from lianfa.service.errors import StorageError
from lianfa.service.storage import Storage, StoredFile

PAGE_NAME = re.compile(
    r"^(?P<stem>.+?)[\s_\-]*(?:(?:p|page|pg)\s*(?P<n>\d{1,4})|第\s*(?P<cn>\d{1,4})\s*页)\.(?:png|jpe?g|tiff?|bmp)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Page:
    name: str
    sha256: str
    size: int


def page_key(name: str) -> tuple[str, str, int] | None:
    """(folder, stem, page number) when `name` is a page image by the rule, else None."""
    path = PurePosixPath(name.replace("\\", "/"))
    m = PAGE_NAME.match(path.name)
    if not m:
        return None
    return str(path.parent), m.group("stem").casefold(), int(m.group("n") or m.group("cn"))


def group_name(pages: Sequence[Page]) -> str:
    """`folder/d1（3 页）`: the pages' shared stem (the first page's name without its page marker)."""
    first = PurePosixPath(pages[0].name.replace("\\", "/"))
    m = PAGE_NAME.match(first.name)
    stem = m.group("stem") if m else first.stem
    return f"{first.parent / stem if str(first.parent) != '.' else stem}（{len(pages)} 页）"


def combine(pages: Sequence[Page], storage: Storage, limit: int) -> StoredFile:
    """The pages as one multi-page TIFF in storage (each page keeps its pixels and resolution)."""
    frames = []
    dpi = None
    for p in pages:
        try:
            with storage.local_path(p.sha256) as path, Image.open(path) as img:
                dpi = dpi or img.info.get("dpi")
                frames.append(img.convert("RGB") if img.mode not in ("RGB", "L", "1") else img.copy())
        except OSError as exc:
            raise StorageError(p.name, f"图像无法打开（{exc}），不能与其他页合并") from exc
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:], compression="tiff_deflate",
                   dpi=dpi or (200, 200))
    w = storage.writer(group_name(pages), limit)
    data = buf.getbuffer()
    try:
        for at in range(0, len(data), 1 << 20):
            w.write(bytes(data[at : at + (1 << 20)]))
    except BaseException:
        w.abort()
        raise
    return w.finish()
