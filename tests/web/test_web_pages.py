"""The pages through the app (no browser): roles as on the API, CSRF on every form and on cookie
API calls, escaping, the review form's errors in words, login redirects."""

from __future__ import annotations

import re

import pytest
from service_helpers import PASSWORD, fake_processor
from web_helpers import add_cases, as_role

from lianfa.service.cases import reviewed
from lianfa.service.jobs.runner import run_pending
from lianfa.service.web.case_view import EvidenceItem, build

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
PAGES = {
    "/upload": {"uploader"},
    "/batches": {"uploader", "reviewer", "analyst"},
    "/queue": {"reviewer", "analyst"},
    "/cases/{case}": {"reviewer", "analyst"},
    "/dashboard": {"reviewer", "analyst"},
    "/models": {"analyst"},
    "/users": set(),
}


@pytest.fixture
def case_id(app, client, sessions) -> int:
    return add_cases(app, client, sessions["uploader"], [dict(
        text=f"当事人：{HOSTILE}某某商贸有限公司 罚款五万元",
        parties=[{"name": f"{HOSTILE}某某商贸有限公司", "kind": "organisation"}],
        criminal_risk={"level": "high", "score": 0.93, "reasons": [
            {"crime": "生产、销售伪劣产品罪", "level": "high", "measure": "sales", "value": 86400, "threshold": 50000,
             "unit": "元", "source": "追诉标准（一）", "source_article": "第十六条",
             "evidence": {"page": 1, "start": 4, "end": 10, "text": "五万元", "box": None}}]},
    )])[0]


@pytest.mark.parametrize("role", ["uploader", "reviewer", "analyst", "admin"])
def test_each_role_sees_exactly_its_pages(client, sessions, case_id, role) -> None:
    as_role(client, sessions[role])
    for path, roles in PAGES.items():
        r = client.get(path.format(case=case_id))
        allowed = role == "admin" or role in roles
        assert r.status_code == (200 if allowed else 403), (role, path, r.status_code)
        if not allowed:
            assert "权限不足" in r.text and "联系管理员" in r.text
    review = client.post(f"/cases/{case_id}/review", data={"action": "confirm", "second_step": "yes", "version": 1,
                                                          "csrf_token": sessions[role].csrf})
    assert review.status_code == (303 if role in ("reviewer", "admin") else 403)


def test_without_a_session_pages_send_to_login_and_back(client, case_id) -> None:
    client.cookies.clear()
    r = client.get(f"/cases/{case_id}?risk_level=high")
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=/cases/")
    login = client.get("/login", params={"next": f"/cases/{case_id}"})
    token = login.cookies["lianfa_login_csrf"]
    bad = client.post("/login", data={"username": "reviewer1", "password": "wrong-password", "csrf_token": token,
                                      "next": f"/cases/{case_id}"})
    assert bad.status_code == 401 and "用户名或密码错误" in bad.text
    token = bad.cookies["lianfa_login_csrf"]
    ok = client.post("/login", data={"username": "reviewer1", "password": PASSWORD, "csrf_token": token,
                                     "next": f"/cases/{case_id}"})
    assert ok.status_code == 303 and ok.headers["location"] == f"/cases/{case_id}"
    assert client.get(f"/cases/{case_id}").status_code == 200


def test_login_refuses_a_forged_form_and_an_offsite_next(client, sessions) -> None:
    client.cookies.clear()
    forged = client.post("/login", data={"username": "reviewer1", "password": PASSWORD, "csrf_token": "guess"})
    assert forged.status_code == 403 and "lianfa_session" not in forged.cookies
    token = client.get("/login").cookies["lianfa_login_csrf"]
    r = client.post("/login", data={"username": "reviewer1", "password": PASSWORD, "csrf_token": token,
                                    "next": "//evil.example/steal"})
    assert r.status_code == 303 and r.headers["location"] == "/queue"


def test_forms_need_the_session_csrf_token(app, client, sessions, case_id) -> None:
    as_role(client, sessions["reviewer"])
    for token in ("", "0" * 64, sessions["analyst"].csrf):
        r = client.post(f"/cases/{case_id}/review", data={"action": "confirm", "second_step": "yes", "version": 1, "csrf_token": token})
        assert r.status_code == 403 and "安全令牌" in r.text
    assert client.get(f"/api/cases/{case_id}").json()["review_state"] == "pending"
    r = client.post("/logout", data={"csrf_token": ""})
    assert r.status_code == 403
    ok = client.post(f"/cases/{case_id}/review", data={"action": "confirm", "second_step": "yes", "version": 1,
                                                       "csrf_token": sessions["reviewer"].csrf})
    assert ok.status_code == 303
    assert client.get(f"/api/cases/{case_id}").json()["review_state"] == "confirmed"


def test_cookie_api_calls_need_the_csrf_header_bearer_calls_do_not(app, client, sessions, tokens_for, case_id) -> None:
    as_role(client, sessions["reviewer"])
    body = {"action": "reject", "version": 1, "reason": "证据不足"}
    refused = client.post(f"/api/cases/{case_id}/review", json=body)
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    ok = client.post(f"/api/cases/{case_id}/review", json=body, headers={"X-CSRF-Token": sessions["reviewer"].csrf})
    assert ok.status_code == 200
    client.cookies.clear()
    bearer = client.post(f"/api/cases/{case_id}/review", json={**body, "version": 2},
                         headers={"Authorization": f"Bearer {tokens_for('reviewer')}"})
    assert bearer.status_code == 200


def test_extracted_text_is_escaped_and_scripts_are_limited_to_our_own(client, sessions, case_id) -> None:
    as_role(client, sessions["reviewer"])
    for path in (f"/cases/{case_id}", "/queue"):
        r = client.get(path)
        assert "<script>alert" not in r.text and "<img src=x" not in r.text
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in r.text or "&lt;script&gt;" in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]


def test_case_page_states_the_reason_in_plain_chinese(client, sessions, case_id) -> None:
    as_role(client, sessions["reviewer"])
    text = client.get(f"/cases/{case_id}").text
    assert "销售金额 86,400 元 ≥ 追诉标准 50,000 元" in text
    assert "追诉标准（一）第十六条" in text


def test_review_form_errors_are_sentences(model, client, sessions, case_id) -> None:
    as_role(client, sessions["reviewer"])
    csrf = sessions["reviewer"].csrf
    r = client.post(f"/cases/{case_id}/review", data={"action": "reject", "version": 1, "csrf_token": csrf})
    assert r.status_code == 422 and "驳回必须填写理由" in r.text
    r = client.post(f"/cases/{case_id}/review", data={"action": "correct", "version": 1, "csrf_token": csrf,
                                                     "doc_number": "甲罚〔2024〕2号", "agency": ""})
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "甲罚〔2024〕2号" in page and "更正已保存" in page and "第 2 版" in page
    stale = client.post(f"/cases/{case_id}/review", data={"action": "confirm", "second_step": "yes", "version": 1, "csrf_token": csrf})
    assert stale.status_code == 409 and "已被他人修改" in stale.text and "第 2 版" in stale.text


def test_queue_filters_and_counts(app, client, sessions) -> None:
    add_cases(app, client, sessions["uploader"], [
        dict(doc_number="高1号", agency="甲局", criminal_risk={"level": "high", "score": 0.9, "reasons": []}),
        dict(doc_number="复2号", agency="乙局", criminal_risk={"level": "review", "score": 0.6, "reasons": []}),
        dict(doc_number="低3号", agency="甲局", criminal_risk={"level": "low", "score": 0.1, "reasons": []}),
    ])
    as_role(client, sessions["reviewer"])
    text = client.get("/queue").text
    assert text.index("高1号") < text.index("复2号") < text.index("低3号")
    assert "高风险（1）" in text and "待审核（3）" in text
    only = client.get("/queue", params={"agency": "甲局", "risk_level": "low"}).text
    assert "低3号" in only and "高1号" not in only and "复2号" not in only


def test_evidence_spans_and_boxes() -> None:
    view = build(reviewed({
        "file": "a.pdf", "status": "ok",
        "text": "当事人罚款五万元整",
        "doc_number": "甲1号",
        "evidence": {"doc_number": {"page": 1, "start": 0, "end": 3, "text": "当事人",
                                    "box": {"x0": -0.1, "y0": 0.2, "x1": 0.5, "y1": 1.4}}},
        "amounts": [{"role": "fine", "yuan": 50000, "evidence": {"page": 1, "start": 5, "end": 8, "text": "五万元"}},
                    {"role": "other", "yuan": 5, "evidence": {"page": 1, "start": 6, "end": 7, "text": "万"}}],
    }))
    assert [(s.text, s.evidence_id) for s in view.segments] == [
        ("当事人", "ev-doc_number"), ("罚款", None), ("五万元", "ev-amounts-0"), ("整", None)]
    box = next(e for e in view.evidence if e.id == "ev-doc_number")
    assert box.box_style == "left:0.00%;top:20.00%;width:50.00%;height:80.00%"
    assert EvidenceItem("x", "f", "l", "v", None, None, None, None, None).box_style == ""


def test_dashboard_charts_follow_the_filter(app, client, sessions) -> None:
    add_cases(app, client, sessions["uploader"], [
        dict(doc_number="1号", agency="甲局", decision_date="2024-01-05",
             criminal_risk={"level": "high", "score": 0.9, "reasons": []}),
        dict(doc_number="2号", agency="甲局", decision_date="2024-02-05",
             criminal_risk={"level": "low", "score": 0.1, "reasons": []}),
        dict(doc_number="3号", agency="乙局", decision_date="2024-02-09",
             criminal_risk={"level": "review", "score": 0.6, "reasons": []}),
    ])
    as_role(client, sessions["analyst"])
    page = client.get("/dashboard").text
    assert '<span class="n">3</span><span>案件总数</span>' in page and "66.7%" in page
    assert page.count("<svg") == 5 and ">2024-02</text>" in page
    only = client.get("/dashboard", params={"agency": "乙局"}).text
    assert '<span class="n">1</span><span>案件总数</span>' in only and "100.0%" in only and ">2024-01</text>" not in only


def test_batch_page_shows_each_file_and_its_error_in_words(app, client, sessions) -> None:
    uploader = sessions["uploader"]
    as_role(client, uploader)
    files = [("files", ("好.json", b'{"status": "ok"}', "application/json")),
             ("files", ("坏<b>.json", b"not json", "application/json"))]
    r = client.post("/api/batches", files=files, headers={"X-CSRF-Token": uploader.csrf})
    assert r.status_code == 201, r.text
    batch_id = r.json()["id"]
    queued = client.get(f"/batches/{batch_id}").text
    assert 'data-finished="no"' in queued and "排队中" in queued
    run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor, settings=app.state.settings)
    page = client.get(f"/batches/{batch_id}").text
    assert 'data-finished="yes"' in page and "100%" in page
    assert "坏&lt;b&gt;.json: 无法识别的文件格式" in page
    assert re.search(r'data-batch-action="retry"\s*>', page)  # not hidden: one file failed
    as_role(client, sessions["reviewer"])
    assert client.get(f"/batches/{batch_id}").status_code == 200
    assert client.get("/upload").status_code == 403


@pytest.mark.parametrize("target", ["//evil.example/x", "/\t/evil.example", "/\n/evil.example", "https://evil.example",
                                    "/\\evil.example"])
def test_login_next_stays_on_this_site(client, sessions, target) -> None:
    client.cookies.clear()
    token = client.get("/login").cookies["lianfa_login_csrf"]
    r = client.post("/login", data={"username": "analyst1", "password": PASSWORD, "csrf_token": token, "next": target})
    assert r.status_code == 303 and r.headers["location"] == "/dashboard"


def test_month_columns_label_every_few_when_many() -> None:
    from lianfa.service.schemas.stats import Bucket
    from lianfa.service.web.charts import columns

    few = columns("m", [Bucket(key=f"2024-{m:02d}", count=m, flagged=0) for m in range(1, 7)])
    many = columns("m", [Bucket(key=f"{2020 + m // 12}-{m % 12 + 1:02d}", count=1, flagged=1) for m in range(36)])
    assert all(b.labelled for b in few.bars)
    assert sum(b.labelled for b in many.bars) == 12 and many.bars[0].labelled
    assert few.bars[-1].height > few.bars[0].height and many.bars[0].flagged_height == many.bars[0].height


def test_filter_forms_left_at_their_defaults_filter_nothing(client, sessions, case_id, tokens_for) -> None:
    as_role(client, sessions["reviewer"])
    queue = client.get("/queue", params={"risk_level": "", "review_state": "", "agency": "", "category": "", "q": ""})
    assert queue.status_code == 200 and "共 1 件" in queue.text
    chosen = client.get("/queue", params={"risk_level": "high", "review_state": "pending", "agency": "", "q": ""})
    assert chosen.status_code == 200 and "共 1 件" in chosen.text
    dash = client.get("/dashboard", params={"agency": "", "category": "", "date_from": "", "date_to": ""})
    assert dash.status_code == 200 and "类案统计" in dash.text
    client.cookies.clear()
    api = client.get("/api/cases", params={"risk_level": "", "date_from": ""},
                     headers={"Authorization": f"Bearer {tokens_for('reviewer')}"})
    assert api.status_code == 200, api.text


def test_a_page_address_with_a_wrong_filter_value_gives_a_page_in_words(client, sessions, case_id) -> None:
    as_role(client, sessions["reviewer"])
    r = client.get("/queue", params={"risk_level": "extreme"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "筛选条件有误" in r.text


def test_confirming_without_the_second_step_saves_nothing(client, sessions, case_id) -> None:
    as_role(client, sessions["reviewer"])
    r = client.post(f"/cases/{case_id}/review", data={"action": "confirm", "version": 1,
                                                     "csrf_token": sessions["reviewer"].csrf})
    assert r.status_code == 422 and "第二步" in r.text
    page = client.get(f"/cases/{case_id}")
    assert "尚无审核记录" in page.text and 'id="confirm-box"' in page.text


def test_the_transfer_letter_button_appears_once_the_case_is_confirmed(client, sessions, case_id) -> None:
    as_role(client, sessions["reviewer"])
    assert 'id="letter"' not in client.get(f"/cases/{case_id}").text
    client.post(f"/cases/{case_id}/review", data={"action": "confirm", "second_step": "yes", "version": 1,
                                                 "csrf_token": sessions["reviewer"].csrf})
    page = client.get(f"/cases/{case_id}").text
    assert f'href="/api/cases/{case_id}/letter.docx"' in page
    assert client.get(f"/api/cases/{case_id}/letter.docx").status_code == 200


def test_another_uploaders_batch_page_is_not_shown(app, client, sessions, password_hash) -> None:
    from datetime import timedelta

    from lianfa.service.auth import issue_token
    from lianfa.service.db.models import Batch, User
    from lianfa.service.web.csrf import session_token

    add_cases(app, client, sessions["uploader"], [dict(text="当事人：某某商行 罚款一千元")])
    with app.state.db.session() as s:
        batch_id = s.query(Batch.id).scalar()
        other = User(name="uploader2", password_hash=password_hash, role="uploader", active=True)
        s.add(other)
        s.flush()
        cookie = issue_token(s, other, "session", timedelta(hours=1))
    as_role(client, sessions["uploader"])
    assert client.get(f"/batches/{batch_id}").status_code == 200
    client.cookies.clear()
    client.cookies.set("lianfa_session", cookie)
    refused = client.get(f"/batches/{batch_id}", headers={"X-CSRF-Token": session_token(cookie)})
    assert refused.status_code == 404 and "不是您上传的" in refused.text
    as_role(client, sessions["reviewer"])
    assert client.get(f"/batches/{batch_id}").status_code == 200


def test_a_throttled_login_is_a_page_in_words(client, sessions) -> None:
    from lianfa.service.auth import FREE_FAILURES_PER_ACCOUNT

    client.cookies.clear()
    token = client.get("/login").cookies["lianfa_login_csrf"]
    r = None
    for _ in range(FREE_FAILURES_PER_ACCOUNT + 1):
        r = client.post("/login", data={"username": "reviewer1", "password": "wrong-password", "csrf_token": token})
        token = r.cookies.get("lianfa_login_csrf", token)
    assert r is not None and r.status_code == 429
    assert r.headers["content-type"].startswith("text/html") and int(r.headers["Retry-After"]) >= 1
    assert "<form" in r.text


def test_case_page_says_where_the_party_and_the_doc_number_were_read(app, client, sessions) -> None:
    [cid] = add_cases(app, client, sessions["uploader"], [dict(
        text="关于某某贸易有限公司违反规定的处罚决定 某关缉违字〔2024〕6号 经查，责令改正通知书(某关责改字〔2024〕3号)。",
        doc_number="某关缉违字〔2024〕6号", doc_number_source="title", doc_number_confidence=0.9,
        related_numbers=[{"number": "某关责改字〔2024〕3号", "kind": "责令改正",
                          "evidence": {"page": 1, "start": 45, "end": 58, "text": "某关责改字〔2024〕3号"}}],
        parties=[{"name": "某某贸易有限公司", "kind": "organisation", "source": "finding", "confidence": 0.5}],
    )])
    as_role(client, sessions["reviewer"])
    text = client.get(f"/cases/{cid}").text
    assert "（标题 · 90%）" in text and "（违法事实 · 50%）" in text
    assert "责令改正 某关责改字〔2024〕3号" in text
