"""A worker machine's copies of the originals its page tasks read: the store is read once per file,
the copy is the original's bytes, and the copies unused longest go once the cache is full."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lianfa.service.jobs.original_cache import RECENT_SECONDS, OriginalCache
from lianfa.service.storage import LocalStorage


class CountingStorage(LocalStorage):
    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        super().__init__(root)
        self.reads = 0

    @contextmanager
    def local_path(self, sha256: str) -> Iterator[Path]:
        self.reads += 1
        with super().local_path(sha256) as path:
            yield path


def _store(storage: LocalStorage, tmp: Path, data: bytes) -> str:
    src = tmp / f"{hashlib.sha256(data).hexdigest()[:8]}.pdf"
    src.write_bytes(data)
    return storage.put_file(src, src.name, limit=1 << 20).sha256


def test_a_file_is_read_from_the_store_once_per_machine(tmp_path: Path) -> None:
    storage = CountingStorage(tmp_path / "store")
    sha = _store(storage, tmp_path, b"%PDF-1.4 sixty pages" * 100)
    cache = OriginalCache(tmp_path / "cache", max_bytes=1 << 20)
    for _ in range(5):
        with cache.path(storage, sha) as path:
            assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
    assert storage.reads == 1
    with OriginalCache(tmp_path / "cache", max_bytes=0).path(storage, sha):  # 0: no copies kept
        pass
    assert storage.reads == 2


def test_the_copies_unused_longest_go_once_the_cache_is_full_but_not_one_in_recent_use(tmp_path: Path) -> None:
    storage = CountingStorage(tmp_path / "store")
    shas = [_store(storage, tmp_path, bytes([i]) * 1000) for i in range(3)]
    cache = OriginalCache(tmp_path / "cache", max_bytes=2500)
    for sha in shas[:2]:
        with cache.path(storage, sha):
            pass
    old = time.time() - RECENT_SECONDS - 60
    os.utime(tmp_path / "cache" / shas[0], (old, old))
    with cache.path(storage, shas[2]):
        pass
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(shas[1:])
    four = _store(storage, tmp_path, b"\x09" * 1000)
    with cache.path(storage, four):  # all copies in recent use: over its size for a while, none lost
        pass
    assert len(list((tmp_path / "cache").iterdir())) == 3
