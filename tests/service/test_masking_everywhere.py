"""A 身份证号 written in any form, put into every place a person can put one (the file name, the
document's text and fields, a reviewer's reason and suspected crime, a login name), is found
unmasked in none of the places it can come out: the API, the audit log, CSV, XLSX, JSONL,
training.jsonl and the 移送函 DOCX."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from docx import Document as Docx
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook
from service_helpers import auth, fake_payload, fake_processor
from sqlalchemy import select

from lianfa.service.db.models import AuditEntry
from lianfa.service.jobs.runner import run_pending

sys.path.insert(0, str(Path(__file__).parents[1] / "extractors"))
from test_masking import unmasked, written_ids

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _xlsx_text(content: bytes) -> str:
    ws = load_workbook(io.BytesIO(content)).active
    return "\n".join(str(c.value) for r in ws.iter_rows() for c in r if c.value is not None)


def _docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Docx(io.BytesIO(content)).paragraphs)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ids=written_ids())
def test_an_id_in_any_form_comes_out_masked_everywhere(app, client, tokens, ids: tuple[str, str]) -> None:
    plain, written = ids
    payload = fake_payload(
        text=f"当事人张三，公民身份号码 {written}，住址某市。",
        parties=[{"name": "张三", "kind": "individual", "id_number": written, "address": f"某市（{written}）"}],
        case_cause=f"张三（{written}）销售不合格产品",
    )
    name = f"张三{written}.json"
    up = client.post("/api/batches", files=[("files", (name, json.dumps(payload, ensure_ascii=False).encode(), "application/json"))],
                     headers=auth(tokens, "uploader"))
    assert up.status_code == 201, up.text
    run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor, settings=app.state.settings)
    batch = client.get(f"/api/batches/{up.json()['id']}", headers=auth(tokens, "uploader"))
    case_id = batch.json()["items"][0]["case_id"]
    rh = auth(tokens, "reviewer")
    version = client.get(f"/api/cases/{case_id}", headers=rh).json()["version"]
    r = client.post(f"/api/cases/{case_id}/review", headers=rh, json={
        "action": "confirm", "version": version, "suspected_crime": f"销售伪劣产品罪（{written}）",
        "reason": f"经核对身份证 {written}，销售金额超过追诉标准"})
    assert r.status_code == 200, r.text
    client.post("/api/auth/token", data={"username": written, "password": "wrong-password"})

    ah = auth(tokens, "analyst")
    outputs = {
        "batch": batch.text,
        "batches": client.get("/api/batches", headers=auth(tokens, "uploader")).text,
        "document": client.get(f"/api/documents/{batch.json()['items'][0]['document_id']}", headers=rh).text,
        "case": client.get(f"/api/cases/{case_id}", headers=rh).text,
        "cases": client.get("/api/cases", headers=rh).text,
        "audit api": client.get(f"/api/cases/{case_id}/audit", headers=rh).text,
        "csv": client.get("/api/exports/cases.csv", headers=ah).text,
        "jsonl": client.get("/api/exports/cases.jsonl", headers=ah).text,
        "training": client.get("/api/exports/training.jsonl", headers=ah).text,
        "xlsx": _xlsx_text(client.get("/api/exports/cases.xlsx", headers=ah).content),
        "docx": _docx_text(client.get(f"/api/cases/{case_id}/letter.docx", headers=rh).content),
    }
    with app.state.db.session() as s:
        outputs["audit log"] = json.dumps([[a.user_name, a.before, a.after] for a in s.scalars(select(AuditEntry))],
                                          ensure_ascii=False)
    leaks = [where for where, text in outputs.items() if unmasked(text, plain, written)]
    assert not leaks, f"{written} unmasked in {leaks}"
