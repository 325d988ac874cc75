"""Cases, review with optimistic locking and audit, exports, the transfer letter, statistics."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from service_helpers import auth, doc_bytes, fake_processor

from lianfa.service.jobs.runner import run_pending

DOCS = [
    dict(doc_number="甲罚〔2024〕1号", agency="甲市市场监督管理局", decision_date="2024-03-05",
         criminal_risk={"level": "high", "score": 0.95, "reasons": [{"crime": "销售伪劣产品罪", "text": "销售金额 8 万元，超过 5 万元"}]},
         violation={"category": "product_quality", "label": "产品质量", "confidence": 0.9, "candidate_crimes": []}),
    dict(doc_number="乙罚〔2024〕7号", agency="乙县自然资源局", decision_date="2024-04-20",
         parties=[{"name": "王某某", "kind": "individual"}],
         criminal_risk={"level": "review", "score": 0.5, "reasons": []},
         violation={"category": "land", "label": "非法占用农用地", "confidence": 0.7, "candidate_crimes": []}),
    dict(doc_number="甲罚〔2024〕9号", agency="甲市市场监督管理局", decision_date="2024-04-02",
         criminal_risk={"level": "low", "score": 0.1, "reasons": []},
         violation={"category": "product_quality", "label": "产品质量", "confidence": 0.8, "candidate_crimes": []}),
]


@pytest.fixture
def cases(app, client, tokens) -> dict[str, int]:
    files = [("files", (f"{i}.json", doc_bytes(**d), "application/json")) for i, d in enumerate(DOCS)]
    assert client.post("/api/batches", files=files, headers=auth(tokens, "uploader")).status_code == 201
    run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor, settings=app.state.settings)
    listed = client.get("/api/cases", headers=auth(tokens, "reviewer")).json()["items"]
    return {c["doc_number"]: c["id"] for c in listed}


def _ids(client, tokens, **params) -> list[str]:  # type: ignore[no-untyped-def]
    r = client.get("/api/cases", params=params, headers=auth(tokens, "reviewer"))
    assert r.status_code == 200, r.text
    return [c["doc_number"] for c in r.json()["items"]]


def test_list_sorted_by_risk_with_filters(client, tokens, cases) -> None:
    assert _ids(client, tokens) == ["甲罚〔2024〕1号", "乙罚〔2024〕7号", "甲罚〔2024〕9号"]
    assert _ids(client, tokens, agency="自然资源") == ["乙罚〔2024〕7号"]
    assert _ids(client, tokens, category="product_quality") == ["甲罚〔2024〕1号", "甲罚〔2024〕9号"]
    assert _ids(client, tokens, risk_level="review") == ["乙罚〔2024〕7号"]
    assert _ids(client, tokens, date_from="2024-04-01", date_to="2024-04-30") == ["乙罚〔2024〕7号", "甲罚〔2024〕9号"]
    assert _ids(client, tokens, q="王某某") == ["乙罚〔2024〕7号"]
    assert _ids(client, tokens, q="罚款 王某某") == ["乙罚〔2024〕7号"]  # every term must match
    assert _ids(client, tokens, flagged="true") == ["甲罚〔2024〕1号", "乙罚〔2024〕7号"]
    assert _ids(client, tokens, review_state="confirmed") == []
    bad = client.get("/api/cases", params={"risk_level": "extreme"}, headers=auth(tokens, "reviewer"))
    assert bad.status_code == 422 and "请求内容有误" in bad.json()["detail"]


def test_detail_has_evidence_boxes_and_no_pages_for_text(client, tokens, cases) -> None:
    d = client.get(f"/api/cases/{cases['甲罚〔2024〕1号']}", headers=auth(tokens, "reviewer")).json()
    fine = [e for e in d["evidence"] if e["field"] == "amounts" and e["role"] == "fine"]
    assert fine[0]["box"] == {"x0": 0.1, "y0": 0.2, "x1": 0.3, "y1": 0.25} and fine[0]["page"] == 1
    assert d["pages"] == [] and len(d["sha256"]) == 64


def test_confirm_reject_correct_with_audit_and_stale_version(model, client, tokens, cases) -> None:
    cid = cases["甲罚〔2024〕1号"]
    h = auth(tokens, "reviewer")
    r = client.post(f"/api/cases/{cid}/review", json={"action": "confirm", "version": 1,
                                                      "suspected_crime": "销售伪劣产品罪"}, headers=h)
    assert r.status_code == 200 and r.json()["review_state"] == "confirmed" and r.json()["version"] == 2
    stale = client.post(f"/api/cases/{cid}/review", json={"action": "reject", "version": 1, "reason": "x"}, headers=h)
    assert stale.status_code == 409 and "已被他人修改" in stale.json()["detail"] and "第 2 版" in stale.json()["detail"]

    r = client.post(f"/api/cases/{cid}/review", json={"action": "correct", "version": 2, "category": "food_safety",
                                                      "fields": {"agency": "甲市市场监管局"}}, headers=h)
    assert r.status_code == 200
    assert (r.json()["category"], r.json()["agency"], r.json()["review_state"]) == ("food_safety", "甲市市场监管局", "confirmed")
    bad = client.post(f"/api/cases/{cid}/review", json={"action": "correct", "version": 3, "fields": {"criminal_risk": {}}}, headers=h)
    assert bad.status_code == 422 and "不能更正" in bad.json()["detail"]
    no_reason = client.post(f"/api/cases/{cases['乙罚〔2024〕7号']}/review", json={"action": "reject", "version": 1}, headers=h)
    assert no_reason.status_code == 422 and "理由" in no_reason.json()["detail"]

    trail = client.get(f"/api/cases/{cid}/audit", headers=h).json()
    assert [a["action"] for a in trail] == ["review.confirm", "review.correct"]
    assert trail[0]["user_name"] == "reviewer1"
    assert trail[0]["before"]["review_state"] == "pending" and trail[0]["after"]["review_state"] == "confirmed"
    assert trail[1]["before"]["fields"]["agency"] == "甲市市场监督管理局"
    assert trail[1]["after"]["fields"]["agency"] == "甲市市场监管局"


def test_exports_and_training_data(client, tokens, cases) -> None:
    h = auth(tokens, "analyst")
    rows = list(csv.reader(io.StringIO(client.get("/api/exports/cases.csv", headers=h).text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["案件编号", "文件", "文号"] and len(rows) == 4
    flagged = list(csv.reader(io.StringIO(client.get("/api/exports/cases.csv?flagged=true", headers=h).text.lstrip("\ufeff"))))
    assert len(flagged) == 3
    assert rows[1][rows[0].index("罚款（元）")] == "50000.0"

    lines = client.get("/api/exports/cases.jsonl", headers=h).text.splitlines()
    assert [json.loads(x)["doc_number"] for x in lines] == ["甲罚〔2024〕1号", "乙罚〔2024〕7号", "甲罚〔2024〕9号"]

    wb = load_workbook(io.BytesIO(client.get("/api/exports/cases.xlsx", headers=h).content))
    assert wb.active.max_row == 4

    rh = auth(tokens, "reviewer")
    client.post(f"/api/cases/{cases['甲罚〔2024〕1号']}/review", json={"action": "confirm", "version": 1,
                                                                    "suspected_crime": "销售伪劣产品罪"}, headers=rh)
    client.post(f"/api/cases/{cases['乙罚〔2024〕7号']}/review", json={"action": "reject", "version": 1,
                                                                    "reason": "面积未达标准"}, headers=rh)
    training = [json.loads(x) for x in client.get("/api/exports/training.jsonl", headers=h).text.splitlines()]
    assert {(t["case_id"], t["criminal_label"]) for t in training} == {
        (cases["甲罚〔2024〕1号"], 1), (cases["乙罚〔2024〕7号"], 0)}
    first = next(t for t in training if t["criminal_label"] == 1)
    assert first["text"] and first["category"] == "product_quality" and first["suspected_crime"] == "销售伪劣产品罪"
    assert first["fields"]["doc_number"] == "甲罚〔2024〕1号" and len(first["document_sha256"]) == 64


def test_transfer_letter_only_for_confirmed_cases(client, tokens, cases) -> None:
    from docx import Document as Docx

    cid = cases["甲罚〔2024〕1号"]
    h = auth(tokens, "reviewer")
    refused = client.get(f"/api/cases/{cid}/letter.docx", headers=h)
    assert refused.status_code == 409 and "尚未被审核确认" in refused.json()["detail"]
    client.post(f"/api/cases/{cid}/review", json={"action": "confirm", "version": 1, "suspected_crime": "销售伪劣产品罪"}, headers=h)
    r = client.get(f"/api/cases/{cid}/letter.docx", headers=h)
    assert r.status_code == 200
    text = "\n".join(p.text for p in Docx(io.BytesIO(r.content)).paragraphs)
    for expected in ("建议移送涉嫌犯罪案件函", "甲市市场监督管理局", "2024年3月5日", "某某商贸有限公司", "销售伪劣产品罪",
                     "甲罚〔2024〕1号", "罚款 50,000.00 元", "销售金额 8 万元，超过 5 万元"):
        assert expected in text, expected


def test_stats(client, tokens, cases) -> None:
    client.post(f"/api/cases/{cases['甲罚〔2024〕1号']}/review", json={"action": "confirm", "version": 1},
                headers=auth(tokens, "reviewer"))
    st = client.get("/api/stats", headers=auth(tokens, "analyst")).json()
    assert (st["total"], st["flagged"], st["flag_rate"]) == (3, 2, round(2 / 3, 4))
    assert st["by_agency"][0] == {"key": "甲市市场监督管理局", "count": 2, "flagged": 1}
    assert [(b["key"], b["count"]) for b in st["by_month"]] == [("2024-03", 1), ("2024-04", 2)]
    assert {b["key"]: b["count"] for b in st["by_risk_level"]} == {"high": 1, "review": 1, "low": 1}
    assert {b["key"]: b["count"] for b in st["by_review_outcome"]} == {"confirmed": 1, "pending": 2}
    assert client.get("/api/stats?agency=乙县", headers=auth(tokens, "analyst")).json()["total"] == 1


def test_models_lists_what_is_installed(app, client, tokens) -> None:
    reg = app.state.settings.data_dir / "models" / "violation"
    (reg / "v2").mkdir(parents=True)
    (reg / "v2" / "model.skops").write_bytes(b"model-bytes")
    (reg / "active").write_text("v2")
    models = client.get("/api/models", headers=auth(tokens, "analyst")).json()
    assert models[0]["kind"] == "ocr_engine"
    [m] = [m for m in models if m["kind"] == "violation"]
    assert (m["version"], m["active"], m["size"]) == ("v2", True, 11)
