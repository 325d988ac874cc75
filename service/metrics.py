"""Prometheus metrics for `GET /metrics`, computed from the database when Prometheus scrapes.

Why from the database and not prometheus_client's multiprocess mode: workers are separate processes,
and in the two-machine deployment they run on other machines with their own data folders. The
database is the one thing all of them share, so a multiprocess directory would show only the
workers beside the web process. Workers already record what is measured (each attempt's start and
end, each result's pages and text source); the one addition is a row per worker process with its
memory (`record_worker`). A scrape then reads:

- queue depth: jobs by status;
- pages per minute over the last 5 minutes, and pages finished since this web process started;
- failures by stage and reason, for every job and upload item ever failed;
- OCR seconds per page (histogram) of documents finished since this web process started, every
  page read by OCR: the attempt's time divided by its pages, observed once per page (a PDF read
  page by page on Celery: each page's own time);
- each worker's resident memory, for workers seen in the last 10 minutes.

Counters and the histogram start at zero with the web process (Prometheus' rate() and
histogram_quantile() allow for restarts); reading only the rows added since the last scrape keeps
a scrape cheap however long the history.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from datetime import timedelta

from prometheus_client import CollectorRegistry
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import and_, delete, func, select, update

from lianfa.service.db.models import BatchItem, Job, JobAttempt, PageResult, Result, WorkerStatus, utcnow
from lianfa.service.db.session import Database, rows_changed
from lianfa.service.jobs.queue import INTERRUPTED

JOB_STATUSES = ("queued", "running", "paging", "done", "failed", "cancelled")
_UNDER_WAY = ("queued", "running", "paging")
OCR_BUCKETS = (0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5, 10.0, 15.0, 30.0, 60.0)
RATE_WINDOW = timedelta(minutes=5)
WORKER_SEEN_WITHIN = 600.0  # seconds: a worker idle or gone longer drops out of the gauge
WORKER_FORGOTTEN_AFTER = 86_400.0
# Results commit slightly out of id order when workers finish together: each scrape looks back this
# many ids past its cursor and skips the ones it has counted.
_LOOKBACK = 1000


def failure_kind(error: str | None) -> tuple[str, str]:
    """(stage, reason) of a failed job, from its recorded error (the project's fixed messages)."""
    text = error or ""
    if text == INTERRUPTED:
        return "worker", "interrupted"
    if text.startswith("处理超时"):  # service.jobs.limits.timeout_reason
        return "worker", "timeout"
    if "内部错误" in text:  # runner's and the pipeline's message for a bug
        return "worker", "internal_error"
    if "存储中" in text:  # service.storage: the original is missing or damaged
        return "storage", "unreadable_original"
    return "ingest", "bad_input"  # the file itself: unreadable, unsupported, no text, ...


def rss_bytes() -> int | None:
    """This process's resident memory now (Linux /proc), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def record_worker(db: Database, name: str) -> None:
    """Note this worker process's memory (called by the worker after each job)."""
    rss = rss_bytes()
    if rss is None:
        return
    now = time.time()
    with db.session() as s:
        # The name holds the pid: no two processes write the same row, so update-else-insert is safe.
        if not rows_changed(s.execute(update(WorkerStatus).where(WorkerStatus.name == name).values(rss_bytes=rss, seen_at=now))):
            s.add(WorkerStatus(name=name, rss_bytes=rss, seen_at=now))


class _Finished:
    """Pages and OCR time of the documents finished since the web process started, read
    incrementally from the results table."""

    def __init__(self) -> None:
        self._cursor = 0
        self._seen: set[int] = set()
        self.pages: dict[str, int] = {}
        self.buckets = [0] * (len(OCR_BUCKETS) + 1)
        self.ocr_seconds = 0.0
        self._lock = threading.Lock()

    def start(self, db: Database) -> None:
        """Count from now on: the results before are history."""
        with self._lock, db.session() as s:
            self._cursor = s.scalar(select(func.max(Result.id))) or 0
            self._seen = set(s.scalars(select(Result.id).where(Result.id > self._cursor - _LOOKBACK)))

    def update(self, db: Database) -> None:
        with self._lock, db.session() as s:
            rows = s.execute(
                select(Result.id, Result.payload["pages"].as_integer(), Result.payload["text_source"].as_string(),
                       JobAttempt.started_at, JobAttempt.finished_at, Job.id, Job.fanout_pages)
                .join(Job, Job.id == Result.job_id)
                .join(JobAttempt, and_(JobAttempt.job_id == Result.job_id, JobAttempt.outcome == "done"), isouter=True)
                .where(Result.id > self._cursor - _LOOKBACK)
            ).all()
            for rid, pages, source, started, finished, job_id, fanned in rows:
                if rid in self._seen or rid <= self._cursor - _LOOKBACK:
                    continue
                self._seen.add(rid)
                if not pages or pages < 0:
                    continue
                self.pages[source or "unknown"] = self.pages.get(source or "unknown", 0) + pages
                if fanned:  # its pages were read by tasks of their own, each timed
                    for seconds in s.scalars(
                        select(PageResult.seconds).where(
                            PageResult.job_id == job_id, PageResult.payload[("info", "source")].as_string() == "ocr")
                    ):
                        if seconds is not None:
                            self._observe(seconds, 1)
                elif source == "ocr" and started is not None and finished is not None:
                    self._observe((finished - started).total_seconds() / pages, pages)
            if rows:
                self._cursor = max(self._cursor, max(r[0] for r in rows))
            self._seen = {i for i in self._seen if i > self._cursor - _LOOKBACK}

    def _observe(self, per_page: float, pages: int) -> None:
        for i, bound in enumerate(OCR_BUCKETS):
            if per_page <= bound:
                self.buckets[i] += pages
                break
        else:
            self.buckets[-1] += pages
        self.ocr_seconds += per_page * pages


class ServiceCollector(Collector):
    def __init__(self, db: Database) -> None:
        self.db = db
        self.finished = _Finished()
        self.finished.start(db)

    def collect(self) -> Iterator[Metric]:
        self.finished.update(self.db)
        yield from self._jobs()
        yield from self._pages()
        yield self._failures()
        yield self._ocr()
        yield self._workers()

    def _jobs(self) -> Iterator[Metric]:
        with self.db.session() as s:
            counts: dict[str, int] = {st: n for st, n in s.execute(select(Job.status, func.count()).group_by(Job.status))}
        jobs = GaugeMetricFamily("lianfa_jobs", "Jobs by status; queued + running + paging is the queue depth",
                                 labels=["status"])
        for status in JOB_STATUSES:
            jobs.add_metric([status], counts.get(status, 0))
        yield jobs
        yield GaugeMetricFamily("lianfa_queue_depth", "Jobs waiting or being processed",
                                value=sum(counts.get(status, 0) for status in _UNDER_WAY))

    def _pages(self) -> Iterator[Metric]:
        with self.db.session() as s:
            recent = s.scalar(
                select(func.coalesce(func.sum(Result.payload["pages"].as_integer()), 0))
                .where(Result.created_at >= utcnow() - RATE_WINDOW)
            ) or 0
        yield GaugeMetricFamily("lianfa_pages_per_minute", "Pages of the documents finished in the last 5 minutes, per minute",
                                value=recent / (RATE_WINDOW.total_seconds() / 60))
        total = CounterMetricFamily("lianfa_pages", "Pages of the documents finished since the web process started",
                                    labels=["text_source"])
        for source, n in sorted(self.finished.pages.items()):
            total.add_metric([source], n)
        yield total

    def _failures(self) -> Metric:
        with self.db.session() as s:
            errors = s.scalars(select(Job.error).where(Job.status == "failed")).all()
            refused = s.scalar(
                select(func.count()).select_from(BatchItem).where(BatchItem.status == "failed", BatchItem.job_id.is_(None))
            ) or 0
        counts: dict[tuple[str, str], int] = {("upload", "refused"): refused}
        for error in errors:
            kind = failure_kind(error)
            counts[kind] = counts.get(kind, 0) + 1
        family = CounterMetricFamily("lianfa_failures", "Failed jobs and refused uploads, by stage and reason",
                                     labels=["stage", "reason"])
        for (stage, reason), n in sorted(counts.items()):
            family.add_metric([stage, reason], n)
        return family

    def _ocr(self) -> Metric:
        f = self.finished
        cumulative, running = [], 0
        for bound, n in zip((*map(str, OCR_BUCKETS), "+Inf"), f.buckets, strict=True):
            running += n
            cumulative.append((bound, running))
        return HistogramMetricFamily("lianfa_ocr_seconds_per_page", "Processing seconds per page of documents read by OCR",
                                     buckets=cumulative, sum_value=f.ocr_seconds)

    def _workers(self) -> Metric:
        now = time.time()
        with self.db.session() as s:
            s.execute(delete(WorkerStatus).where(WorkerStatus.seen_at < now - WORKER_FORGOTTEN_AFTER))
            rows = s.execute(
                select(WorkerStatus.name, WorkerStatus.rss_bytes).where(WorkerStatus.seen_at >= now - WORKER_SEEN_WITHIN)
                .order_by(WorkerStatus.name)
            ).all()
        family = GaugeMetricFamily("lianfa_worker_rss_bytes", "Resident memory of each worker process after its last job",
                                   labels=["worker"])
        for name, rss in rows:
            family.add_metric([name], rss)
        return family


def registry(db: Database) -> CollectorRegistry:
    """A registry of its own per app (tests build many apps; the global one would mix them)."""
    reg = CollectorRegistry(auto_describe=False)
    reg.register(ServiceCollector(db))
    return reg
