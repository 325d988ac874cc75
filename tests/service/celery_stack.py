"""The real stack for Celery tests: a private redis-server, a fresh PostgreSQL schema, the stored
originals, and `lianfa worker` processes (each its own process group, so a test can SIGKILL one
whole worker like a machine that died).

A private Redis, never the shared one on 6379: these tests use a visibility timeout of a few
seconds, and a worker sweeping the shared server's unacknowledged messages with it would hand
other tests' running tasks to its own queue's consumers... and the broker test restarts it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from live_server import ROOT, free_port

from tests.conftest import unavailable

PG_URL = os.environ.get("LIANFA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DECISION = (FIXTURES / "extract" / "market_product.txt").read_text(encoding="utf-8")


class RedisServer:
    def __init__(self, log: Path) -> None:
        if shutil.which("redis-server") is None:
            unavailable("redis-server not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        import redis

        with open(self.log, "ab") as fh:
            self.proc = subprocess.Popen(
                ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--daemonize", "no"], stdout=fh, stderr=subprocess.STDOUT,
            )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                client.ping()
                client.close()
                return
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError(f"redis-server did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()  # a crash, not a shutdown: nothing saved (and --save "" saves nothing anyway)
            self.proc.wait(10)


@contextmanager
def redis_server(log: Path) -> Iterator[RedisServer]:
    server = RedisServer(log)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def pg_database() -> Iterator[str]:
    """A fresh schema on the test PostgreSQL, as a URL every process can use, dropped afterwards."""
    import psycopg

    plain = PG_URL.replace("postgresql+psycopg", "postgresql")
    schema = f"lianfa_t_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(plain, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.OperationalError:
        unavailable(f"PostgreSQL unreachable at {PG_URL}")
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def trained_models() -> Path:
    """The default classifier, trained once in this test process's data folder: workers never train."""
    from lianfa.classifiers.default_model import ensure_default
    from lianfa.classifiers.verdict import model_registry

    reg = model_registry(Path(os.environ["LIANFA_DATA_DIR"]))
    ensure_default(reg, int(os.environ["LIANFA_DEFAULT_MODEL_DOCUMENTS"]))
    return reg.root


def data_folder(path: Path) -> Path:
    """A machine's own data folder, with the models `lianfa setup` would have made there."""
    shutil.copytree(trained_models(), path / "models", dirs_exist_ok=True)
    return path


@dataclass
class Stack:
    """What machines share: the database, the broker, the store, the queue name."""

    db_url: str
    redis_url: str
    store: Path
    queue: str = field(default_factory=lambda: f"lianfa-test-{uuid.uuid4().hex[:8]}")
    lease: float = 2.0
    visibility: float = 4.0

    def env(self, data_dir: Path, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LIANFA_")}
        env.update(
            LIANFA_DATA_DIR=str(data_dir),
            LIANFA_DATABASE_URL=self.db_url,
            LIANFA_STORAGE_DIR=str(self.store),
            LIANFA_QUEUE="celery",
            LIANFA_REDIS_URL=self.redis_url,
            LIANFA_CELERY_QUEUE=self.queue,
            LIANFA_JOB_LEASE_SECONDS=str(self.lease),
            LIANFA_CELERY_VISIBILITY_TIMEOUT=str(self.visibility),
            LIANFA_WORKER_POLL_SECONDS="0.2",
            LIANFA_DEFAULT_MODEL_DOCUMENTS=os.environ.get("LIANFA_DEFAULT_MODEL_DOCUMENTS", "300"),
            PYTHONPATH=str(ROOT),
            **extra,
        )
        return env

    def settings(self, data_dir: Path, **over: object):  # -> ServiceSettings
        from lianfa.service.config import ServiceSettings

        return ServiceSettings(
            data_dir=data_dir, database_url=self.db_url, storage_dir=self.store, queue="celery",
            redis_url=self.redis_url, celery_queue=self.queue, job_lease_seconds=self.lease,
            celery_visibility_timeout=self.visibility, worker_poll_seconds=0.2, **over,
        )


class Worker:
    """One worker machine: `lianfa worker` (or, with `module`, a test's own entry to run_worker)."""

    def __init__(self, env: dict[str, str], log: Path, concurrency: int = 1, module: str | None = None) -> None:
        self.env, self.log, self.concurrency = env, log, concurrency
        entry = ["-m", module] if module else ["-m", "lianfa.service.cli", "worker"]
        self.cmd = [sys.executable, *entry, "--concurrency", str(concurrency), "--log-level", "info"]
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with open(self.log, "ab") as fh:
            self.proc = subprocess.Popen(self.cmd, env=self.env, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT,
                                         start_new_session=True)

    def kill(self) -> None:
        """SIGKILL the worker and its children at once: no warm shutdown, no acknowledgement."""
        assert self.proc is not None
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(30)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.kill()

    def owns(self, pid: int) -> bool:
        assert self.proc is not None
        try:
            return os.getpgid(pid) == self.proc.pid
        except ProcessLookupError:
            return False


@contextmanager
def workers(*ws: Worker) -> Iterator[tuple[Worker, ...]]:
    for w in ws:
        w.start()
    try:
        yield ws
    finally:
        for w in ws:
            w.stop()


def decisions(tmp_path: Path, n: int) -> list[Path]:
    """`n` copies of one real decision, each its own document (a different 文号 line)."""
    out = []
    for i in range(n):
        p = tmp_path / "in" / f"d{i:03d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(DECISION + f"\n（副本 {i}）\n", encoding="utf-8")
        out.append(p)
    return out
