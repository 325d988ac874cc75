"""A worker machine's copies of the originals its page tasks read.

Each page of a long PDF is a task of its own, and a page task needs the whole file: opened straight
from the store, a 300-page scan of 60 MB would cross the network 300 times (18 GB from a bucket, or
from a shared path's mount, hashed each time). The first page task on a machine copies the original
here, checked against its sha256 by the store; the machine's other page tasks of that file read the
copy. Originals are content-addressed and never change, so a copy named by its sha256 is never
stale.

The cache is shared by the worker children of one machine (one data folder). A copy is put in
place by rename, so a reader never sees half a file. Copies unused longest go first once the cache
passes its size; a copy used in the last minutes stays even then, because another child may be
about to open it (the cache is over its size for a while rather than a page read failing).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lianfa.service.storage import Storage

RECENT_SECONDS = 600.0


def cache_dir(data_dir: Path) -> Path:
    return data_dir / "cache" / "originals"


class OriginalCache:
    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes

    @contextmanager
    def path(self, storage: Storage, sha256: str) -> Iterator[Path]:
        """The original as a local file: this machine's copy, made from the store on first use."""
        if self.max_bytes <= 0:
            with storage.local_path(sha256) as path:
                yield path
            return
        copy = self.root / sha256
        if copy.is_file():
            os.utime(copy)  # its use keeps it from eviction
        else:
            self._fetch(storage, sha256, copy)
            self._evict(keep=copy)
        yield copy

    def _fetch(self, storage: Storage, sha256: str, copy: Path) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        with storage.local_path(sha256) as source:
            fd, name = tempfile.mkstemp(dir=self.root, prefix=".part-")
            tmp = Path(name)
            try:
                with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                    shutil.copyfileobj(src, out)
                os.replace(tmp, copy)  # two children fetching the same file: both write the same bytes
            finally:
                tmp.unlink(missing_ok=True)

    def _evict(self, keep: Path) -> None:
        copies = []
        for p in self.root.iterdir():
            if p.name.startswith(".part-"):
                continue
            try:
                st = p.stat()
            except FileNotFoundError:  # another child evicted it meanwhile
                continue
            copies.append((st.st_mtime, st.st_size, p))
        total = sum(size for _, size, _ in copies)
        now = time.time()
        for mtime, size, p in sorted(copies):
            if total <= self.max_bytes:
                break
            if p == keep or now - mtime < RECENT_SECONDS:
                continue
            p.unlink(missing_ok=True)
            total -= size
