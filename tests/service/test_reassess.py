"""A correction re-runs the rules: a reviewer who raises a tobacco case's 非法经营数额 above the
threshold sees the risk move, with the reason, and the audit keeps the risk before and after."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from service_helpers import auth, fake_processor

from lianfa.service.cases import reviewed
from lianfa.service.jobs.runner import run_pending
from lianfa.service.web import case_view

TOBACCO = Path(__file__).resolve().parents[1] / "fixtures" / "review" / "tobacco_below_threshold.txt"
CATEGORY = "tobacco_unlicensed_retail"


pytestmark = pytest.mark.usefixtures("model")  # a correction is judged again with the default model


@pytest.fixture
def tobacco_case(app, client, tokens) -> tuple[int, dict]:
    payload = app.state.pipeline.process_file(TOBACCO, with_text=True).model_dump(mode="json")
    assert [a["yuan"] for a in payload["amounts"] if a["role"] == "illegal_revenue"] == [30056.0]
    files = [("files", ("tobacco.json", json.dumps(payload, ensure_ascii=False).encode(), "application/json"))]
    assert client.post("/api/batches", files=files, headers=auth(tokens, "uploader")).status_code == 201
    run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor, settings=app.state.settings)
    listed = client.get("/api/cases", headers=auth(tokens, "reviewer")).json()["items"]
    return listed[0]["id"], payload


def _raised(amounts: list[dict], yuan: float) -> list[dict]:
    return [dict(a, yuan=yuan) if a["role"] == "illegal_revenue" else a for a in amounts]


def test_a_correction_above_the_threshold_changes_the_flag_and_the_audit_keeps_both(client, tokens, tobacco_case) -> None:
    cid, payload = tobacco_case
    h = auth(tokens, "reviewer")
    first = client.post(f"/api/cases/{cid}/review", json={"action": "correct", "version": 1, "category": CATEGORY},
                        headers=h)
    assert first.status_code == 200, first.text
    assert first.json()["risk_level"] == "low"
    r = client.post(f"/api/cases/{cid}/review", headers=h, json={
        "action": "correct", "version": 2, "fields": {"amounts": _raised(payload["amounts"], 90000.0)}})
    assert r.status_code == 200, r.text
    assert r.json()["risk_level"] in ("high", "review")
    assert r.json()["category"] == CATEGORY  # the corrected category stays through a later correction
    detail = client.get(f"/api/cases/{cid}", headers=h).json()
    reasons = detail["fields"]["criminal_risk"]["reasons"]
    assert any(x.get("crime") == "非法经营罪" and x.get("value") == 90000.0 and x.get("threshold") == 50000
               for x in reasons), reasons
    trail = client.get(f"/api/cases/{cid}/audit", headers=h).json()
    assert trail[-1]["before"]["risk"]["level"] == "low"
    assert trail[-1]["after"]["risk"]["level"] == r.json()["risk_level"]


def test_a_correction_with_a_bad_value_is_refused_in_words(client, tokens, tobacco_case) -> None:
    cid, payload = tobacco_case
    r = client.post(f"/api/cases/{cid}/review", headers=auth(tokens, "reviewer"), json={
        "action": "correct", "version": 1, "fields": {"amounts": [{"role": "illegal_revenue", "yuan": "很多"}]}})
    assert r.status_code == 422 and "更正的内容有误" in r.json()["detail"]


def test_a_row_a_reviewer_typed_has_no_evidence_yet_is_judged_listed_and_exported(app, client, tokens, tobacco_case) -> None:
    cid, payload = tobacco_case
    h = auth(tokens, "reviewer")
    typed = {"role": "illegal_revenue", "yuan": 120000.0}  # read nowhere on the page: no evidence
    kept = [a for a in payload["amounts"] if a["role"] != "illegal_revenue"]
    r = client.post(f"/api/cases/{cid}/review", headers=h, json={
        "action": "correct", "version": 1, "category": CATEGORY, "fields": {"amounts": [*kept, typed]}})
    assert r.status_code == 200, r.text
    assert r.json()["risk_level"] in ("high", "review")
    detail = client.get(f"/api/cases/{cid}", headers=h).json()
    stored = [a for a in detail["fields"]["amounts"] if a["role"] == "illegal_revenue"]
    assert stored == [typed]
    # the kept rows still point at the page; the typed one has nowhere to point
    assert sum(e["field"] == "amounts" for e in detail["evidence"]) == len(kept)
    assert not any(e["field"] == "amounts" and e["role"] == "illegal_revenue" for e in detail["evidence"])
    shown = [e for e in case_view.build(reviewed(detail["fields"])).evidence if e.value == "120,000 元"]
    assert [(e.label, e.page, e.box) for e in shown] == [("非法经营数额", None, None)]
    exported = client.get("/api/exports/cases.csv", headers=auth(tokens, "analyst"))
    assert exported.status_code == 200 and "非法经营数额 120,000.00 元" in exported.text


def test_a_stored_case_with_keys_this_version_does_not_know_still_opens(app, client, tokens, tobacco_case) -> None:
    from lianfa.service.db.models import Case

    cid, _ = tobacco_case
    with app.state.db.session() as s:
        case = s.get(Case, cid)
        case.fields = {**case.fields, "a_newer_key": 1,
                       "parties": [{**p, "a_newer_party_key": "x"} for p in case.fields["parties"]]}
        s.commit()
    detail = client.get(f"/api/cases/{cid}", headers=auth(tokens, "reviewer"))
    assert detail.status_code == 200
    assert detail.json()["fields"]["a_newer_key"] == 1  # kept as stored, only ignored on reading
