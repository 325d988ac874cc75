"""Typed configuration for the service, read from `LIANFA_*` environment variables (or a .env file).

ServiceSettings is the library's Settings plus the service's keys, so one object configures the web
process and its workers, and a misspelt key of either is refused (lianfa.settings).
Defaults run everything on one machine with nothing else installed: SQLite (WAL) and the stored
originals live in data_dir, and jobs run in a local pool of worker processes.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field, SecretStr

from lianfa.settings import Settings


def _default_workers() -> int:
    # One OCR engine per worker already uses several threads; leave a core for the web process.
    return max(1, (os.cpu_count() or 2) - 1)


class ServiceSettings(Settings):
    # read once by `lianfa serve` from the environment, never kept in settings (serve_cmd.py)
    other_env: ClassVar[frozenset[str]] = frozenset({"ADMIN_PASSWORD"})

    database_url: str | None = None  # default: sqlite:///<data_dir>/lianfa.db
    storage_dir: Path | None = None  # default: <data_dir>/store
    # s3://bucket/prefix: originals in an S3-compatible store (storage_dir keeps the local scratch)
    store_url: str | None = None
    s3_endpoint_url: str | None = None  # MinIO, Ceph: http://host:9000; unset: AWS
    s3_region: str | None = None
    s3_access_key_id: str | None = None  # unset: boto3's own chain (AWS_* variables, ~/.aws, instance role)
    s3_secret_access_key: SecretStr | None = None

    host: str = "127.0.0.1"
    port: int = 8000

    queue: Literal["local", "celery"] = "local"
    redis_url: str = "redis://127.0.0.1:6379/0"
    workers: int = Field(default_factory=_default_workers, ge=1)
    job_timeout_seconds: float = Field(default=600.0, gt=0)  # PDFs and multi-page TIFFs
    job_timeout_image_seconds: float = Field(default=180.0, gt=0)  # one scanned page
    job_timeout_text_seconds: float = Field(default=120.0, gt=0)  # text exports (size-capped by ingest)
    job_lease_seconds: float = Field(default=30.0, gt=0)  # a worker that stops heartbeating loses its job
    job_max_attempts: int = Field(default=3, ge=1)  # interrupted (crash/kill) attempts before giving up
    worker_recycle_after: int = Field(default=200, ge=1)  # jobs per worker process before a fresh one
    worker_poll_seconds: float = Field(default=0.5, gt=0)
    job_timeout_page_seconds: float = Field(default=60.0, gt=0)  # per page of a PDF/TIFF whose pages are counted
    job_timeout_grace_seconds: float = Field(default=30.0, ge=0)  # soft limit -> hard kill of a celery child
    celery_queue: str = "lianfa"
    # On the Celery queue a PDF of at least this many pages has its pages read as separate tasks, so
    # one long scan keeps every worker busy; 0 reads every file whole, as the local queue always does.
    fanout_min_pages: int = Field(default=10, ge=0)
    # A worker machine keeps copies of the originals its page tasks read, up to this many bytes
    # (service/jobs/original_cache.py), so a long scan crosses the network once per machine, not
    # once per page; 0 reads each page's original from the store.
    original_cache_bytes: int = Field(default=4 * 1024**3, ge=0)
    # A message unacknowledged this long goes to another worker: a worker machine that died loses
    # nothing. It must outlast the longest job; a redelivery to a job still running waits for it.
    celery_visibility_timeout: float = Field(default=7200.0, gt=0)
    task_max_retries: int = Field(default=8, ge=0)  # transient faults (database, broker, store away)
    task_retry_backoff_max: float = Field(default=300.0, gt=0)
    max_queued_jobs: int = Field(default=20_000, ge=1)  # uploads are refused beyond this backlog

    max_upload_file_bytes: int | None = None  # default: max_file_bytes
    max_batch_files: int = Field(default=5_000, ge=1)

    metrics_token: SecretStr | None = None  # lets Prometheus scrape /metrics without a user account

    session_hours: float = 12.0
    token_days: float = 30.0
    page_dpi: int = 110  # page images for the review screen; evidence boxes are fractions, any dpi fits

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'lianfa.db'}"

    @property
    def store_dir(self) -> Path:
        return self.storage_dir or self.data_dir / "store"

    @property
    def upload_limit(self) -> int:
        return self.max_upload_file_bytes or self.max_file_bytes


@lru_cache(maxsize=1)
def get_service_settings() -> ServiceSettings:
    return ServiceSettings()
