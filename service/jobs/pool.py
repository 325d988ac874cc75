"""The local pool: worker PROCESSES started by `lianfa serve`, each claiming jobs from the database.

Each worker loads its own OCR engine lazily (on its first scanned page) and exits after
`worker_recycle_after` jobs, so slow leaks in native OCR code never accumulate; the supervisor
thread starts a fresh one. The supervisor also enforces the per-job timeout by killing the worker
(native OCR code cannot be interrupted from inside) and failing the job with a clear reason.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import random
import threading
import time
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from multiprocessing.sharedctypes import Synchronized

from lianfa.service.config import ServiceSettings
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.limits import JobFile, job_file, time_limit, timeout_reason
from lianfa.service.jobs.runner import Processor, run_job, worker_name
from lianfa.service.jobs.transient import is_transient
from lianfa.service.storage import open_storage

log = logging.getLogger(__name__)
_ctx = mp.get_context("spawn")  # a clean interpreter: no inherited threads, sockets or DB connections
_UNKNOWN = JobFile("", None, 0, None)


def worker_main(
    settings: ServiceSettings,
    current: Synchronized,
    started: Synchronized,
    limit: Synchronized,
    parent: int,
    processor: Processor | None = None,
) -> None:
    """Claim and run jobs until recycled; `current`/`started`/`limit` tell the supervisor what runs
    since when, and for how long it may."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s worker[%(process)d] %(levelname)s %(message)s")
    db = Database(settings.db_url)
    storage = open_storage(settings)
    me = worker_name()
    ran = 0
    try:
        while ran < settings.worker_recycle_after:
            if os.getppid() != parent:
                return  # the server is gone; its successor will start its own workers
            ids = queue.claimable(db)
            if not ids:
                time.sleep(settings.worker_poll_seconds)
                continue
            random.shuffle(ids)  # workers polling together rarely race for the same job
            for job_id in ids:
                limit.value = time_limit((job_file(db, storage, job_id) or _UNKNOWN).kind, settings)
                started.value = time.time()
                current.value = job_id
                try:
                    outcome = run_job(job_id, db=db, storage=storage, settings=settings, worker=me, processor=processor)
                except Exception as exc:
                    if not is_transient(exc):
                        raise
                    # the job went back to the queue (or its lease runs out): wait for the database or store
                    log.warning("job %s: transient fault, retrying later: %s", job_id, exc)
                    outcome = "busy"
                    time.sleep(settings.worker_poll_seconds)
                current.value = 0
                if outcome not in ("skipped", "busy"):
                    ran += 1
                    break  # re-read the queue: others may have taken the rest meanwhile
    finally:
        db.dispose()


@dataclass
class _Slot:
    process: BaseProcess
    current: Synchronized
    started: Synchronized
    limit: Synchronized


class LocalPool:
    """`processor` defaults to the real pipeline; it must be a module-level function (it is pickled
    by name into each spawned worker)."""

    def __init__(self, settings: ServiceSettings, processor: Processor | None = None) -> None:
        self.settings = settings
        self.processor = processor
        self._slots: list[_Slot] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._db: Database | None = None
        self._storage = open_storage(settings)

    def _spawn(self) -> _Slot:
        current = _ctx.Value("q", 0)
        started = _ctx.Value("d", 0.0)
        limit = _ctx.Value("d", self.settings.job_timeout_seconds)
        proc = _ctx.Process(
            target=worker_main,
            args=(self.settings, current, started, limit, os.getpid(), self.processor),
            daemon=True,
            name="lianfa-worker",
        )
        proc.start()
        return _Slot(proc, current, started, limit)

    def start(self) -> None:
        self._db = Database(self.settings.db_url)
        self._slots = [self._spawn() for _ in range(self.settings.workers)]
        self._thread = threading.Thread(target=self._supervise, name="lianfa-pool", daemon=True)
        self._thread.start()
        log.info("started %d worker process(es)", len(self._slots))

    def _supervise(self) -> None:
        assert self._db is not None
        while not self._stop.wait(0.5):
            for i, slot in enumerate(self._slots):
                if self._stop.is_set():
                    return
                job = slot.current.value
                if slot.process.is_alive():
                    if job and time.time() - slot.started.value > slot.limit.value:
                        slot.process.kill()
                        slot.process.join()
                        reason = timeout_reason(job_file(self._db, self._storage, job), slot.limit.value)
                        queue.fail(self._db, job, f"{_host()}-{slot.process.pid}:", reason, outcome="timeout")
                        log.warning("job %s timed out; worker %s killed", job, slot.process.pid)
                        self._slots[i] = self._spawn()
                    continue
                slot.process.join()
                if slot.process.exitcode not in (0, None):
                    # Crashed mid-job: its lease expires and the job is retried within its attempt budget.
                    log.error("worker %s died (exit %s) while on job %s", slot.process.pid, slot.process.exitcode, job)
                self._slots[i] = self._spawn()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        for slot in self._slots:
            slot.process.terminate()
        for slot in self._slots:
            slot.process.join(timeout)
            if slot.process.is_alive():
                slot.process.kill()
        if self._db is not None:
            self._db.dispose()

    @property
    def pids(self) -> list[int]:
        return [s.process.pid for s in self._slots if s.process.pid is not None]


def _host() -> str:
    import socket

    return socket.gethostname()
