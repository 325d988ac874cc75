"""The service's tables.

Jobs carry their own state (lease, heartbeat, attempts) so a crash or restart loses nothing;
results are keyed by job (unique) so a job's outcome is written exactly once; the audit log is
append-only (database triggers refuse UPDATE and DELETE, see the initial migration).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    # Naive UTC everywhere: SQLite keeps no zone, and mixing aware and naive values breaks comparisons.
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuthToken(Base):
    __tablename__ = "auth_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))  # session (cookie) | bearer
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class Document(Base):
    """One stored original, identified by its SHA-256; uploaded twice, it is still one document."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(512))  # the name it was first uploaded under
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Batch(Base):
    __tablename__ = "batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str | None] = mapped_column(String(256))  # the clerk's name, else the uploaded ZIP's


class Job(Base):
    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    # queued|running|paging|done|failed|cancelled; `paging`: its pages are out as separate tasks
    # (fanout_pages of them), lease_expires then being the time by which one of them must progress
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    attempt_budget: Mapped[int] = mapped_column(Integer)  # attempts allowed in total; a retry raises it
    lease_owner: Mapped[str | None] = mapped_column(String(128))
    lease_expires: Mapped[float | None] = mapped_column(Float)  # epoch seconds
    dispatched_at: Mapped[float | None] = mapped_column(Float)  # epoch seconds; celery queue only
    fanout_pages: Mapped[int | None] = mapped_column(Integer)  # set when its pages are read as separate tasks
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class JobAttempt(Base):
    __tablename__ = "job_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    worker: Mapped[str] = mapped_column(String(128))
    # running|done|failed|timeout|stale|lost|transient, or paged: it sent the file's pages out as tasks
    outcome: Mapped[str] = mapped_column(String(16), default="running")
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class Result(Base):
    __tablename__ = "results"
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PageResult(Base):
    """One page of a job whose pages are read as separate tasks: the page as read (`payload`, the
    pipeline's page record), or why it could not be (`error`); both empty while a task reads it.
    Unique per (job, page): a page task delivered twice stores one page."""

    __tablename__ = "page_results"
    __table_args__ = (UniqueConstraint("job_id", "page", name="uq_page_results_job_page"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"))
    page: Mapped[int] = mapped_column(Integer)  # 1-based
    tries: Mapped[int] = mapped_column(Integer, default=0)  # page tasks that started reading it
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)
    seconds: Mapped[float | None] = mapped_column(Float)  # reading it took, for the OCR time metric
    worker: Mapped[str | None] = mapped_column(String(128))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class BatchItem(Base):
    """One uploaded file (or ZIP member) and its fate.

    Its status follows its job; `status` is set only where no job decides it: `failed` when the
    file was refused at upload, `duplicate` when it links to an already known document.
    """

    __tablename__ = "batch_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(1024))
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    status: Mapped[str | None] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    # page images grouped into this item's document, in page order: [{"name", "sha256", "size"}]
    pages: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_risk", "risk_rank", "risk_score"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"))
    file_name: Mapped[str] = mapped_column(String(1024))
    doc_number: Mapped[str | None] = mapped_column(String(256))
    agency: Mapped[str | None] = mapped_column(String(256), index=True)
    decision_date: Mapped[date | None] = mapped_column(Date)
    decision_month: Mapped[str | None] = mapped_column(String(7))
    category: Mapped[str | None] = mapped_column(String(64), index=True)
    category_label: Mapped[str | None] = mapped_column(String(256))
    risk_level: Mapped[str | None] = mapped_column(String(16), index=True)
    risk_rank: Mapped[int] = mapped_column(Integer, default=0)
    risk_score: Mapped[float | None] = mapped_column(Float)
    review_state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    review: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    search_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class WorkerStatus(Base):
    """One row per worker process (on any machine), written after each job: /metrics reads worker
    memory from here because the database is all the web process shares with remote workers."""

    __tablename__ = "worker_status"
    name: Mapped[str] = mapped_column(String(128), primary_key=True)  # runner.worker_name(): host-pid
    rss_bytes: Mapped[int] = mapped_column(BigInteger)
    seen_at: Mapped[float] = mapped_column(Float)  # epoch seconds
