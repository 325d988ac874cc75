"""A long PDF's pages read as separate tasks and joined in page order (runner.run_job with a
PageSender, runner.run_page), on SQLite and PostgreSQL, with the tasks run here by hand: in any
order, twice, killed, lost. The real pipeline reads the pages (a cheap engine stands in for OCR).
The same on Celery with two worker processes: test_celery_stack.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from fanout_pages import BASE_WIDTH, PageSizeEngine, long_pdf, page_line
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from lianfa.pipeline import Pipeline
from lianfa.service.db.migrate import upgrade
from lianfa.service.db.models import Case, Document, Job, JobAttempt, PageResult, Result
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.runner import PipelineProcessor, run_job, run_page
from lianfa.service.storage import LocalStorage, Storage


class Sender:
    """Records what run_job and run_page would send to Celery."""

    def __init__(self) -> None:
        self.pages: list[int] = []
        self.joins = 0

    def send_pages(self, job_id: int, pages: list[int]) -> None:
        self.pages.extend(pages)

    def send_join(self, job_id: int) -> None:
        self.joins += 1


@pytest.fixture
def env(settings, monkeypatch):  # -> (db, storage, settings)
    # a blank page needs no righting, and the real probe would load the OCR models
    monkeypatch.setattr("lianfa.ingest.pipeline.upright", lambda image: (image, 0, 0.0))
    settings = settings.model_copy(update={"fanout_min_pages": 4})
    db = Database(settings.db_url)
    upgrade(db.engine)
    yield db, LocalStorage(settings.store_dir), settings
    db.dispose()


def _processor(settings, fail_pages: tuple[int, ...] = ()) -> PipelineProcessor:
    engine = PageSizeEngine(frozenset(BASE_WIDTH + n for n in fail_pages))
    return PipelineProcessor(settings, Pipeline(settings, engine=engine, classifier=None))


def _job(db: Database, storage: Storage, pdf: Path) -> int:
    stored = storage.put_file(pdf, pdf.name, 10_000_000)
    with db.session() as s:
        doc = Document(sha256=stored.sha256, size=stored.size, name=pdf.name)
        s.add(doc)
        s.flush()
        return queue.enqueue(s, doc.id, max_attempts=3).id


def _job_row(db: Database, job_id: int) -> Job:
    with db.session() as s:
        job = s.get(Job, job_id)
        assert job is not None
        return job


def _result(db: Database, job_id: int) -> dict:
    with db.session() as s:
        [result] = s.scalars(select(Result).where(Result.job_id == job_id))
        return result.payload


def test_a_long_pdf_is_read_page_by_page_and_joined_in_page_order(env, tmp_path) -> None:
    db, storage, settings = env
    pdf = long_pdf(tmp_path / "long.pdf", 6)
    job_id = _job(db, storage, pdf)
    processor, sender = _processor(settings), Sender()
    kw = {"db": db, "storage": storage, "processor": processor, "settings": settings}

    assert run_job(job_id, pages=sender, **kw) == "paged"
    job = _job_row(db, job_id)
    assert (job.status, job.fanout_pages, job.lease_owner, sender.pages) == ("paging", 6, None, [1, 2, 3, 4, 5, 6])
    # a duplicate of the job's message while its pages are out sends nothing again
    assert run_job(job_id, pages=sender, **kw) == "skipped" and len(sender.pages) == 6

    for n in (6, 2, 5, 1, 4):
        assert run_page(job_id, n, sender=sender, worker=f"w{n % 2}", **kw) == "done"
    assert sender.joins == 0
    assert run_page(job_id, 3, sender=sender, worker="w1", **kw) == "done"
    assert sender.joins == 1  # the page that completed the set sends the job to be joined
    assert run_job(job_id, pages=sender, **kw) == "done"

    payload = _result(db, job_id)
    whole = processor(pdf, "long.pdf").model_dump(mode="json")
    assert payload["text"] == whole["text"] and payload["pages"] == whole["pages"] == 6
    assert payload["page_errors"] == [] and payload["text_source"] == "ocr"
    text = payload["text"]
    assert [text.index(page_line(n)) for n in range(1, 7)] == sorted(text.index(page_line(n)) for n in range(1, 7))
    job = _job_row(db, job_id)
    assert (job.status, job.attempts) == ("done", 1)
    with db.session() as s:
        outcomes = list(s.scalars(select(JobAttempt.outcome).where(JobAttempt.job_id == job_id).order_by(JobAttempt.id)))
        assert outcomes == ["paged", "done"]
        assert s.scalar(select(func.count()).select_from(Case)) == 1
        assert set(s.scalars(select(PageResult.worker))) == {"w0", "w1"}


def test_a_page_or_a_join_delivered_twice_changes_nothing(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, long_pdf(tmp_path / "long.pdf", 4))
    processor, sender = _processor(settings), Sender()
    kw = {"db": db, "storage": storage, "processor": processor, "settings": settings}
    run_job(job_id, pages=sender, **kw)
    assert run_page(job_id, 2, sender=sender, **kw) == "done"
    assert run_page(job_id, 2, sender=sender, **kw) == "skipped"
    for n in (1, 3, 4):
        run_page(job_id, n, sender=sender, **kw)
    assert run_page(job_id, 4, sender=sender, **kw) == "skipped"
    assert run_job(job_id, pages=sender, **kw) == "done"
    # redeliveries after the join: of a page, of the join itself
    assert run_page(job_id, 1, sender=sender, **kw) == "skipped"
    assert run_job(job_id, pages=sender, **kw) == "skipped"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(PageResult)) == 4
        assert s.scalar(select(func.count()).select_from(Result)) == 1
        assert s.scalar(select(func.count()).select_from(Case)) == 1
        # the unique constraint itself, as a second writer racing past the checks would meet it
        s.add(PageResult(job_id=job_id, page=2, tries=1))
        with pytest.raises(IntegrityError):
            s.flush()
        s.rollback()


def test_a_page_that_fails_leaves_the_document_partial(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, long_pdf(tmp_path / "long.pdf", 5))
    processor, sender = _processor(settings, fail_pages=(3,)), Sender()
    kw = {"db": db, "storage": storage, "processor": processor, "settings": settings}
    run_job(job_id, pages=sender, **kw)
    for n in sender.pages:
        run_page(job_id, n, sender=sender, **kw)
    assert run_job(job_id, pages=sender, **kw) == "done"
    payload = _result(db, job_id)
    assert [(e["page"], "recognition failed" in e["error"]) for e in payload["page_errors"]] == [(3, True)]
    assert page_line(3) not in payload["text"]
    assert all(page_line(n) in payload["text"] for n in (1, 2, 4, 5))
    assert payload == processor(tmp_path / "long.pdf", "long.pdf").model_dump(mode="json") | {"sha256": payload["sha256"]}


def test_a_page_whose_readers_keep_dying_is_given_up_and_the_rest_still_read(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, long_pdf(tmp_path / "long.pdf", 4))
    processor, sender = _processor(settings), Sender()
    kw = {"db": db, "storage": storage, "processor": processor, "settings": settings}
    run_job(job_id, pages=sender, **kw)
    for _ in range(3):  # three deliveries of page 2 started reading it, and each process was killed
        assert queue.start_page(db, job_id, 2, max_tries=3, deadline=0.0) == "read"
    assert run_page(job_id, 2, sender=sender, **kw) == "exhausted"
    for n in (1, 3, 4):
        run_page(job_id, n, sender=sender, **kw)
    assert run_job(job_id, pages=sender, **kw) == "done"
    [error] = _result(db, job_id)["page_errors"]
    assert error["page"] == 2 and "中断" in error["error"]


def test_pages_that_stalled_are_sent_again_and_only_those(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, long_pdf(tmp_path / "long.pdf", 5))
    processor, sender = _processor(settings), Sender()
    kw = {"db": db, "storage": storage, "processor": processor, "settings": settings}
    run_job(job_id, pages=sender, **kw)
    for n in (1, 4):
        run_page(job_id, n, sender=sender, **kw)
    # the other pages' tasks were lost (a broker restarted empty): nothing moves past the deadline
    with db.session() as s:
        s.execute(update(Job).where(Job.id == job_id).values(lease_expires=0.0))
    assert job_id in queue.claimable(db)
    again = Sender()
    assert run_job(job_id, pages=again, **kw) == "paged"
    assert again.pages == [2, 3, 5]
    for n in again.pages:
        run_page(job_id, n, sender=again, **kw)
    assert again.joins == 1 and run_job(job_id, pages=again, **kw) == "done"
    assert _job_row(db, job_id).attempts == 1  # waiting for pages spends none of the file's attempts
    assert _result(db, job_id)["page_errors"] == []


def test_short_pdfs_and_the_local_queue_read_the_file_whole(env, tmp_path) -> None:
    db, storage, settings = env
    processor, sender = _processor(settings), Sender()
    kw = {"db": db, "storage": storage, "processor": processor, "settings": settings}
    short = _job(db, storage, long_pdf(tmp_path / "short.pdf", 3))
    local = _job(db, storage, long_pdf(tmp_path / "local.pdf", 6))
    assert run_job(short, pages=sender, **kw) == "done"
    assert run_job(local, **kw) == "done"  # no PageSender: the local queue
    assert sender.pages == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(PageResult)) == 0
    assert page_line(6) in _result(db, local)["text"]


def test_metrics_count_a_job_waiting_for_its_pages_and_time_each_page(env, tmp_path) -> None:
    from prometheus_client import generate_latest
    from prometheus_client.parser import text_string_to_metric_families

    from lianfa.service.metrics import registry

    def scrape() -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        text = generate_latest(reg).decode()
        return {(m.name, tuple(sorted(m.labels.items()))): m.value
                for family in text_string_to_metric_families(text) for m in family.samples}

    db, storage, settings = env
    reg = registry(db)
    job_id = _job(db, storage, long_pdf(tmp_path / "long.pdf", 4))
    processor, sender = _processor(settings), Sender()
    kw = {"db": db, "storage": storage, "processor": processor, "settings": settings}
    run_job(job_id, pages=sender, **kw)
    waiting = scrape()
    assert waiting[("lianfa_queue_depth", ())] == 1 and waiting[("lianfa_jobs", (("status", "paging"),))] == 1
    for n in sender.pages:
        run_page(job_id, n, sender=sender, **kw)
    run_job(job_id, pages=sender, **kw)
    done = scrape()
    assert done[("lianfa_queue_depth", ())] == 0
    assert done[("lianfa_pages_total", (("text_source", "ocr"),))] == 4
    with db.session() as s:
        page_seconds = sum(s.scalars(select(PageResult.seconds)))
    # each page observed once, with its own reading time (not the join's, which read nothing)
    assert done[("lianfa_ocr_seconds_per_page_count", ())] == 4
    assert done[("lianfa_ocr_seconds_per_page_sum", ())] == pytest.approx(page_seconds)


def test_a_transient_fault_while_reading_a_page_spends_none_of_its_tries(env, tmp_path) -> None:
    db, storage, settings = env
    job_id = _job(db, storage, long_pdf(tmp_path / "long.pdf", 4))
    processor, sender = _processor(settings), Sender()
    kw = {"db": db, "storage": storage, "processor": processor, "settings": settings}
    run_job(job_id, pages=sender, **kw)

    class StoreAway(PipelineProcessor):
        def read_page(self, path, number, display_name, sha256):  # type: ignore[no-untyped-def]
            raise ConnectionError("the shared store dropped the connection")

    away = {**kw, "processor": StoreAway(settings, processor.pipeline)}
    for _ in range(4):  # more often than a page's tries: none is counted, the caller retries
        with pytest.raises(ConnectionError):
            run_page(job_id, 1, sender=sender, **away)
    with db.session() as s:
        assert s.scalar(select(PageResult.tries).where(PageResult.page == 1)) == 0
    assert run_page(job_id, 1, sender=sender, **kw) == "done"
