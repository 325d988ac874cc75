"""The Celery backend on the real stack: PostgreSQL, a redis-server, the shared store, and
`lianfa worker` processes. A batch runs through two workers; a worker SIGKILLed mid-task and a
broker restarted mid-batch both leave every file done exactly once; a 60-page PDF's pages spread
over two workers and join into the text one reader gives, and a page that fails leaves its
document partial."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from celery_stack import FIXTURES, Stack, Worker, data_folder, decisions, pg_database, redis_server, workers
from fanout_pages import BASE_WIDTH, PageSizeEngine, long_pdf, page_line, scanned_pdf
from sqlalchemy import func, select

from lianfa.pipeline import Pipeline
from lianfa.service.db.migrate import upgrade
from lianfa.service.db.models import Case, Document, Job, JobAttempt, PageResult, Result
from lianfa.service.db.session import Database
from lianfa.service.jobs import queue
from lianfa.service.jobs.celery_backend import Dispatcher, dispatch_pending, make_celery
from lianfa.service.storage import LocalStorage

pytestmark = [pytest.mark.redis, pytest.mark.postgres]
SLOW_WORKER = "tests.service.slow_worker"
PAGE_SIZE_WORKER = "tests.service.fanout_pages"


@pytest.fixture
def stack(tmp_path):  # -> (Stack, Database, RedisServer)
    with pg_database() as url, redis_server(tmp_path / "redis.log") as redis:
        st = Stack(url, redis.url, tmp_path / "store")
        db = Database(url)
        try:
            upgrade(db.engine)
            yield st, db, redis
        finally:
            db.dispose()


def _enqueue(db: Database, store: Path, paths: list[Path]) -> dict[int, str]:
    storage = LocalStorage(store)
    jobs = {}
    for p in paths:
        stored = storage.put_file(p, p.name, 10_000_000)
        with db.session() as s:
            doc = Document(sha256=stored.sha256, size=stored.size, name=p.name)
            s.add(doc)
            s.flush()
            jobs[queue.enqueue(s, doc.id, 3).id] = p.name
    return jobs


def _wait(db: Database, ids: list[int], logs: list[Path], timeout: float = 180) -> dict[int, Job]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db.session() as s:
            jobs = {j.id: j for j in s.scalars(select(Job).where(Job.id.in_(ids)))}
        if all(j.status in ("done", "failed") for j in jobs.values()):
            return jobs
        time.sleep(0.3)
    tails = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in logs if p.exists())
    raise AssertionError(f"jobs not finished: {[(j.id, j.status) for j in jobs.values()]}\n{tails}")


def _wait_for(cond, timeout: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if got := cond():
            return got
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _exactly_once(db: Database, ids: list[int]) -> None:
    with db.session() as s:
        per_job = dict(s.execute(select(Result.job_id, func.count()).group_by(Result.job_id)).all())
        assert per_job == {i: 1 for i in ids}
        docs = list(s.scalars(select(Case.document_id)))
        assert len(docs) == len(set(docs)) == s.scalar(select(func.count()).select_from(Job).where(Job.status == "done"))


def _dispatch(st: Stack, db: Database, data: Path, **over: object) -> None:
    settings = st.settings(data, **over)
    app = make_celery(settings)
    assert dispatch_pending(db, app, 60, settings=settings, storage=LocalStorage(st.store)) > 0


def test_a_batch_runs_through_two_lianfa_worker_processes(tmp_path, stack) -> None:
    st, db, _ = stack
    bad = [FIXTURES / "bad" / "truncated.pdf", FIXTURES / "bad" / "unsupported.docx"]
    jobs = _enqueue(db, st.store, decisions(tmp_path, 6) + bad)
    logs = [tmp_path / f"w{i}.log" for i in range(2)]
    ws = [Worker(st.env(data_folder(tmp_path / f"machine{i}")), logs[i]) for i in range(2)]
    with workers(*ws):
        _dispatch(st, db, tmp_path / "machine0")
        done = _wait(db, list(jobs), logs)
    by_name = {jobs[i]: j for i, j in done.items()}
    assert {n for n, j in by_name.items() if j.status == "failed"} == {"truncated.pdf", "unsupported.docx"}
    assert {n for n, j in by_name.items() if j.status == "done"} == {f"d{i:03d}.txt" for i in range(6)}
    # a bad file is its own result at the first attempt: never retried
    assert all(j.attempts == 1 for j in done.values())
    _exactly_once(db, list(jobs))
    with db.session() as s:
        assert {r.status for r in s.scalars(select(Result).where(Result.error.is_not(None)))} == {"error"}


def test_a_worker_sigkilled_mid_task_loses_nothing(tmp_path, stack) -> None:
    st, db, _ = stack
    marks = tmp_path / "marks"
    marks.mkdir()
    jobs = _enqueue(db, st.store, decisions(tmp_path, 4))
    logs = [tmp_path / f"w{i}.log" for i in range(2)]
    extra = {"LIANFA_TEST_MARKS": str(marks), "LIANFA_TEST_DELAY": "2"}
    ws = [Worker(st.env(data_folder(tmp_path / f"machine{i}"), **extra), logs[i], module=SLOW_WORKER)
          for i in range(2)]
    with workers(*ws):
        _dispatch(st, db, tmp_path / "machine0")
        first = _wait_for(lambda: sorted(marks.iterdir()), 120, "a worker to start a file")[0]
        pid, name = first.name.split("-", 1)
        [victim] = [w for w in ws if w.owns(int(pid))]
        victim.kill()
        # no dispatcher runs here: only Celery's own redelivery (visibility timeout) can save the file
        done = _wait(db, list(jobs), logs)
    assert {j.status for j in done.values()} == {"done"}
    _exactly_once(db, list(jobs))
    [killed] = [i for i, n in jobs.items() if n == name]
    with db.session() as s:
        outcomes = sorted(a.outcome for a in s.scalars(select(JobAttempt).where(JobAttempt.job_id == killed)))
    assert outcomes == ["done", "lost"]
    assert done[killed].attempts == 2
    # started twice, in two processes: the second start was the redelivery
    assert len([m for m in marks.iterdir() if m.name.endswith(f"-{name}")]) == 2


def test_the_broker_restarted_mid_batch_loses_nothing(tmp_path, stack) -> None:
    st, db, redis = stack
    marks = tmp_path / "marks"
    marks.mkdir()
    jobs = _enqueue(db, st.store, decisions(tmp_path, 8))
    logs = [tmp_path / f"w{i}.log" for i in range(2)]
    extra = {"LIANFA_TEST_MARKS": str(marks), "LIANFA_TEST_DELAY": "1"}
    ws = [Worker(st.env(data_folder(tmp_path / f"machine{i}"), **extra), logs[i], module=SLOW_WORKER)
          for i in range(2)]
    # the web process's dispatcher: the database, not the broker, is the record of what is left to do
    dispatcher = Dispatcher(st.settings(tmp_path / "machine0"))
    with workers(*ws):
        dispatcher.start()
        try:
            _wait_for(lambda: any(marks.iterdir()), 120, "a worker to start a file")
            redis.stop()  # every queued message is gone with it (no persistence)
            time.sleep(1.0)
            redis.start()
            done = _wait(db, list(jobs), logs)
        finally:
            dispatcher.stop()
    assert {j.status for j in done.values()} == {"done"}
    _exactly_once(db, list(jobs))


def test_a_text_file_over_its_time_limit_fails_with_the_reason_of_its_kind(tmp_path, stack) -> None:
    st, db, _ = stack
    marks = tmp_path / "marks"
    marks.mkdir()
    jobs = _enqueue(db, st.store, decisions(tmp_path, 1))
    log = tmp_path / "w.log"
    extra = {"LIANFA_TEST_MARKS": str(marks), "LIANFA_TEST_DELAY": "120"}
    with workers(Worker(st.env(data_folder(tmp_path / "machine"), **extra), log, module=SLOW_WORKER)):
        # the dispatcher gives each task its file's limits: 2 s for a text export here, 600 s for a PDF
        _dispatch(st, db, tmp_path / "machine", job_timeout_text_seconds=2.0, job_timeout_grace_seconds=5.0)
        [job] = _wait(db, list(jobs), [log], timeout=120).values()
    assert job.status == "failed" and job.attempts == 1
    assert job.error is not None and job.error.startswith("处理超时：文本文件") and "2 秒" in job.error
    with db.session() as s:
        assert [a.outcome for a in s.scalars(select(JobAttempt))] == ["timeout"]
        assert s.scalar(select(func.count()).select_from(Result)) == 1


def _both_consuming(st: Stack, data: Path) -> None:
    """Both workers answer, so that neither can take every page before the other has started."""
    app = make_celery(st.settings(data))
    _wait_for(lambda: len(app.control.ping(timeout=0.5)) >= 2, 120, "both workers to start")


def _payload(db: Database, job_id: int) -> dict:
    with db.session() as s:
        [result] = s.scalars(select(Result).where(Result.job_id == job_id))
        return result.payload


def test_a_60_page_pdf_fans_out_over_two_workers_and_joins_in_page_order(tmp_path, stack) -> None:
    st, db, _ = stack
    inputs = tmp_path / "in"
    inputs.mkdir()
    long60 = long_pdf(inputs / "long60.pdf", 60)
    # scans 61..68, the engine failing on the third page
    partial = long_pdf(inputs / "partial8.pdf", 8, first=61)
    jobs = _enqueue(db, st.store, [long60, partial])
    by_name = {n: i for i, n in jobs.items()}
    logs = [tmp_path / f"w{i}.log" for i in range(2)]
    fail = BASE_WIDTH + 63
    extra = {"LIANFA_FANOUT_MIN_PAGES": "8", "LIANFA_TEST_DELAY": "0.05", "LIANFA_TEST_FAIL_WIDTHS": str(fail)}
    ws = [Worker(st.env(data_folder(tmp_path / f"machine{i}"), **extra), logs[i], module=PAGE_SIZE_WORKER)
          for i in range(2)]
    with workers(*ws):
        _both_consuming(st, tmp_path / "machine0")
        _dispatch(st, db, tmp_path / "machine0")
        done = _wait(db, list(jobs), logs)
    assert {j.status for j in done.values()} == {"done"}
    assert all(j.fanout_pages is not None for j in done.values())
    _exactly_once(db, list(jobs))

    # one reader, the whole file, the same engine: the text the fanned-out pages must join into
    reader = Pipeline(st.settings(tmp_path / "machine0"), engine=PageSizeEngine(frozenset({fail})), classifier=None)
    for pdf in (long60, partial):
        got, whole = _payload(db, by_name[pdf.name]), reader.process_file(pdf, pdf.name, with_text=True)
        assert got["text"] == whole.text
        assert (got["pages"], got["page_errors"]) == (whole.pages, [e.model_dump() for e in whole.page_errors])
    text = _payload(db, by_name["long60.pdf"])["text"]
    assert sorted(range(1, 61), key=lambda n: text.index(page_line(n))) == list(range(1, 61))
    errors = _payload(db, by_name["partial8.pdf"])["page_errors"]
    assert [(e["page"], "recognition failed" in e["error"]) for e in errors] == [(3, True)]
    assert page_line(63) not in (partial_text := _payload(db, by_name["partial8.pdf"])["text"])
    assert all(page_line(n) in partial_text for n in (61, 62, 64, 68))
    with db.session() as s:
        per_page = dict(s.execute(select(PageResult.job_id, func.count()).group_by(PageResult.job_id)).all())
        assert per_page == {by_name["long60.pdf"]: 60, by_name["partial8.pdf"]: 8}
        readers = set(s.scalars(select(PageResult.worker).where(PageResult.job_id == by_name["long60.pdf"])))
    assert len(readers) == 2  # both worker processes read pages of the one file


def test_a_few_pages_fanned_out_to_real_ocr_read_as_the_whole_file_does(tmp_path, stack) -> None:
    st, db, _ = stack
    pdf = scanned_pdf(tmp_path / "scan3.pdf", [
        ["行政处罚决定书", "当事人：某某商贸有限公司"],
        ["经查，当事人销售不合格产品", "货值金额人民币三万元"],
        ["决定罚款人民币五万元", "某市市场监督管理局"],
    ])
    [job_id] = _enqueue(db, st.store, [pdf])
    log = tmp_path / "w.log"
    extra = {"LIANFA_FANOUT_MIN_PAGES": "2", "LIANFA_PDF_RASTER_DPI": "100", "LIANFA_OCR_THREADS": "1"}
    with workers(Worker(st.env(data_folder(tmp_path / "machine"), **extra), log, concurrency=2)):
        _dispatch(st, db, tmp_path / "machine")
        [job] = _wait(db, [job_id], [log]).values()
    assert (job.status, job.fanout_pages) == ("done", 3)
    got = _payload(db, job_id)
    whole = Pipeline(st.settings(tmp_path / "machine", pdf_raster_dpi=100, ocr_threads=1), classifier=None) \
        .process_file(pdf, pdf.name, with_text=True)
    assert got["text"] == whole.text and "五万元" in got["text"]
    assert got["page_errors"] == [] and got["text_source"] == "ocr"
