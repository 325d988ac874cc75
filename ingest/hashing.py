"""SHA-256 of a file on disk, read in blocks: models and bundled OCR files are checked against the
hash they were stored with before they are trusted."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()
