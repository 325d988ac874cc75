"""Exports against hostile text: formula prefixes (OWASP CSV injection) and control characters in
names, file names and reasons; and the spreadsheet a clerk opens: Chinese labels, typed cells,
a frozen header with a filter."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from service_helpers import auth, doc_bytes, fake_processor

from lianfa.service import exports
from lianfa.service.db.models import Case
from lianfa.service.jobs.runner import run_pending

HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "\x01=HYPERLINK(\"http://x\")", "a\x07b\x1bc"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _case(i: int, name: str) -> Case:
    return Case(
        id=i, document_id=i, job_id=i, file_name=name, doc_number=name, agency="某市市场监督管理局",
        decision_date=date(2024, 3, 5), category="product_quality", category_label="产品质量",
        risk_level="high", risk_score=0.9, review_state="rejected", version=2,
        review={"reason": name, "suspected_crime": name},
        fields={"file": f"{i}.pdf", "status": "ok", "parties": [{"name": name, "kind": "organisation"}],
                "amounts": [{"role": "fine", "yuan": 50000.0}, {"role": "sales", "yuan": 283008.0},
                            {"role": "goods_value", "yuan": 46230.0}],
                "criminal_risk": {"reasons": [{"text": name}]}},
    )


CASES = [_case(i, name) for i, name in enumerate(HOSTILE, start=1)]


def _cells_of_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_csv_defuses_formulas_and_control_characters() -> None:
    rows = _cells_of_csv("".join(exports.csv_lines(CASES)))
    text_cells = [c for r in rows[1:] for c in r if c]
    assert not [c for c in text_cells if c.startswith(FORMULA_START)]
    assert not [c for c in text_cells if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in c)]
    assert rows[1][rows[0].index("当事人")] == "'=cmd|' /C calc'!A0"
    assert rows[8][rows[0].index("文号")] == "a\ufffdb\ufffdc"


def test_xlsx_has_no_formula_cell_and_opens_with_typed_cells(tmp_path: Path) -> None:
    out = tmp_path / "cases.xlsx"
    exports.write_xlsx(CASES, out)
    wb = load_workbook(out)
    ws = wb.active
    formulas = [c.coordinate for r in ws.iter_rows() for c in r if c.data_type == "f"]
    assert formulas == []
    strings = [c.value for r in ws.iter_rows(min_row=2) for c in r if isinstance(c.value, str)]
    assert not [v for v in strings if v.startswith(FORMULA_START)]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{len(CASES) + 1}"
    header = [c.value for c in ws[1]]
    first = {h: c.value for h, c in zip(header, ws[2], strict=True)}
    assert isinstance(first["决定日期"], datetime) and first["决定日期"].date() == date(2024, 3, 5)
    assert first["罚款（元）"] == 50000.0
    assert ws.cell(2, header.index("罚款（元）") + 1).number_format == "#,##0.00"


def test_exports_speak_chinese() -> None:
    r = exports.row(CASES[0])
    assert r["risk_level"] == "高风险" and r["review_state"] == "已驳回"
    assert r["other_amounts"] == "销售金额 283,008.00 元；货值金额 46,230.00 元"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_control_character_in_a_reason_does_not_break_the_xlsx_for_everyone(app, client, tokens) -> None:
    files = [("files", ("a.json", doc_bytes(), "application/json"))]
    client.post("/api/batches", files=files, headers=auth(tokens, "uploader"))
    run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor, settings=app.state.settings)
    case = client.get("/api/cases", headers=auth(tokens, "reviewer")).json()["items"][0]
    r = client.post(f"/api/cases/{case['id']}/review", json={"action": "reject", "version": 1, "reason": "=1+1\x0b面积未达标准"},
                    headers=auth(tokens, "reviewer"))
    assert r.status_code == 200, r.text
    got = client.get("/api/exports/cases.xlsx", headers=auth(tokens, "analyst"))
    assert got.status_code == 200
    ws = load_workbook(io.BytesIO(got.content)).active
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("审核意见") + 1).value == "'=1+1\ufffd面积未达标准"


def test_export_and_transfer_letter_use_the_vocabularys_terms(tmp_path: Path) -> None:
    """One term per concept: 非法经营数额 (the 立案追诉标准's), never 非法经营额 or 违法经营额, and the
    column of laws is 法律依据 as on the case page."""
    from docx import Document as Docx

    case = _case(1, "某某商行")
    case.review_state = "confirmed"
    assert case.fields is not None
    case.fields["amounts"] = [{"role": "illegal_revenue", "yuan": 60000.0}, {"role": "tax_evaded", "yuan": 1200.0}]
    assert exports.row(case)["other_amounts"] == "非法经营数额 60,000.00 元；逃避缴纳税款数额 1,200.00 元"
    assert "法律依据" in [label for _key, label in exports.COLUMNS]
    out = tmp_path / "letter.docx"
    exports.transfer_letter(case, out, "审核员甲")
    text = "\n".join(p.text for p in Docx(str(out)).paragraphs)
    assert "涉案金额：非法经营数额 60,000.00 元；逃避缴纳税款数额 1,200.00 元" in text
