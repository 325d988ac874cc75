"""GET /metrics (and /api/metrics, its first address): who may scrape it, and what it reports after a batch."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from service_helpers import auth, doc_bytes, fake_processor
from sqlalchemy import select, update

from lianfa.service.db.models import JobAttempt, WorkerStatus
from lianfa.service.jobs.queue import INTERRUPTED
from lianfa.service.jobs.runner import run_pending, worker_name
from lianfa.service.metrics import failure_kind


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


PATHS = ("/metrics", "/api/metrics")


def _scrape(client, headers, path: str = "/metrics"):  # type: ignore[no-untyped-def]
    r = client.get(path, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain")
    return _samples(r.text)


@pytest.mark.parametrize("path", PATHS)
def test_admins_scrape_others_are_refused(client, tokens, path: str) -> None:
    anonymous = client.get(path)
    # a scraper is answered as the API answers, never with the web pages' HTML or a login redirect
    assert anonymous.status_code == 401 and anonymous.headers["content-type"].startswith("application/json")
    for role in ("uploader", "reviewer", "analyst"):
        r = client.get(path, headers=auth(tokens, role))
        assert r.status_code == 403 and "权限不足" in r.json()["detail"]
    assert ("lianfa_queue_depth", ()) in _scrape(client, auth(tokens, "admin"), path)


@pytest.mark.parametrize("path", PATHS)
def test_the_metrics_token_admits_a_scraper_without_an_account(app, client, tokens, path: str) -> None:
    app.state.settings = app.state.settings.model_copy(update={"metrics_token": SecretStr("scrape-me-0123456789")})
    assert _scrape(client, {"Authorization": "Bearer scrape-me-0123456789"}, path)
    assert client.get(path, headers={"Authorization": "Bearer scrape-me-wrong"}).status_code == 401
    assert client.get(path, headers=auth(tokens, "uploader")).status_code == 403
    assert _scrape(client, auth(tokens, "admin"), path)


def test_both_addresses_give_the_same_figures(client, tokens) -> None:
    admin = auth(tokens, "admin")
    assert _scrape(client, admin, "/metrics").keys() == _scrape(client, admin, "/api/metrics").keys()


def test_a_batch_shows_in_queue_depth_pages_failures_ocr_time_and_worker_memory(app, client, tokens) -> None:
    admin = auth(tokens, "admin")
    before = _scrape(client, admin)
    assert before[("lianfa_ocr_seconds_per_page_count", ())] == 0
    files = [
        ("files", ("scan.json", doc_bytes(doc_number="罚〔2024〕1号", pages=3, text_source="ocr"), "application/json")),
        ("files", ("text.json", doc_bytes(doc_number="罚〔2024〕2号", pages=2, text_source="text"), "application/json")),
        ("files", ("broken.bin", b"\x00\x01 not a decision", "application/octet-stream")),
        ("files", ("huge.pdf", b"x" * (app.state.settings.upload_limit + 1), "application/pdf")),
    ]
    assert client.post("/api/batches", files=files, headers=auth(tokens, "uploader")).status_code == 201
    queued = _scrape(client, admin)
    assert queued[("lianfa_queue_depth", ())] == 3
    assert queued[("lianfa_jobs", (("status", "queued"),))] == 3

    assert run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor,
                       settings=app.state.settings) == 3
    with app.state.db.session() as s:  # the OCR'd document took 6 s over its 3 pages
        attempt = s.scalars(select(JobAttempt).where(JobAttempt.outcome == "done").order_by(JobAttempt.id)).first()
        assert attempt is not None and attempt.finished_at is not None
        s.execute(update(JobAttempt).where(JobAttempt.id == attempt.id)
                  .values(started_at=attempt.finished_at - timedelta(seconds=6)))
    after = _scrape(client, admin)
    assert after[("lianfa_queue_depth", ())] == 0
    assert after[("lianfa_jobs", (("status", "done"),))] == 2 and after[("lianfa_jobs", (("status", "failed"),))] == 1
    assert after[("lianfa_pages_per_minute", ())] == pytest.approx(5 / 5)
    assert after[("lianfa_pages_total", (("text_source", "ocr"),))] == 3
    assert after[("lianfa_pages_total", (("text_source", "text"),))] == 2
    assert after[("lianfa_failures_total", (("reason", "bad_input"), ("stage", "ingest")))] == 1
    assert after[("lianfa_failures_total", (("reason", "refused"), ("stage", "upload")))] == 1
    assert after[("lianfa_ocr_seconds_per_page_count", ())] == 3 and after[("lianfa_ocr_seconds_per_page_sum", ())] == 6
    assert after[("lianfa_ocr_seconds_per_page_bucket", (("le", "1.5"),))] == 0
    assert after[("lianfa_ocr_seconds_per_page_bucket", (("le", "2.0"),))] == 3
    rss = after[("lianfa_worker_rss_bytes", (("worker", worker_name()),))]
    assert rss > 10 * 2**20  # a Python process with the service loaded

    again = _scrape(client, admin)  # each finished document is counted once
    assert again[("lianfa_ocr_seconds_per_page_count", ())] == 3 and again[("lianfa_pages_total", (("text_source", "ocr"),))] == 3


def test_a_worker_not_seen_for_long_drops_out(app, client, tokens) -> None:
    with app.state.db.session() as s:
        s.add(WorkerStatus(name="gone-machine-1", rss_bytes=123, seen_at=0.0))
        s.add(WorkerStatus(name="idle-machine-2", rss_bytes=456, seen_at=time.time() - 60))
    samples = _scrape(client, auth(tokens, "admin"))
    assert samples[("lianfa_worker_rss_bytes", (("worker", "idle-machine-2"),))] == 456
    assert ("lianfa_worker_rss_bytes", (("worker", "gone-machine-1"),)) not in samples
    with app.state.db.session() as s:
        assert s.get(WorkerStatus, "gone-machine-1") is None  # forgotten after a day


def test_failures_are_told_apart_by_their_recorded_reason() -> None:
    assert failure_kind(INTERRUPTED) == ("worker", "interrupted")
    assert failure_kind("处理超时：共 300 页，超过 600 秒仍未识别完") == ("worker", "timeout")
    assert failure_kind("内部错误（KeyError: 'x'），请联系管理员") == ("worker", "internal_error")
    assert failure_kind("a.pdf: lianfa 内部错误 / internal error (ValueError: y)") == ("worker", "internal_error")
    assert failure_kind("a.pdf: 存储中的原件 0123456789ab… 已损坏") == ("storage", "unreadable_original")
    assert failure_kind("a.pdf: PDF 已加密，请解除密码后重新上传") == ("ingest", "bad_input")


def test_celery_workers_send_task_events_for_flower(tmp_path) -> None:
    from lianfa.service.config import ServiceSettings
    from lianfa.service.jobs.celery_backend import make_celery

    conf = make_celery(ServiceSettings(data_dir=tmp_path)).conf
    assert conf.worker_send_task_events is True and conf.task_send_sent_event is True
