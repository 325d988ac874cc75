"""Exports: cases as CSV / XLSX / JSONL, reviewed cases as training data (JSONL), and the DOCX draft
《建议移送涉嫌犯罪案件函》 for a confirmed case.

Training data format (one JSON object per line, UTF-8), read by the classifiers:
  {"case_id", "document_sha256", "file_name", "text", "category", "category_label",
   "criminal_label": 1 (confirmed) | 0 (rejected) | null (only corrected),
   "suspected_crime", "review_state", "reviewer", "reviewed_at",
   "fields": {"doc_number", "agency", "decision_date", "case_cause", "parties", "amounts",
              "quantities", "laws", "penalties"},
   "predicted": {"category", "risk_level", "risk_score"}}
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lianfa.classifiers.reasons import qty
from lianfa.contract import ReasonOut, ReviewedLaw, ReviewedResult
from lianfa.corpora.vocabulary import names, role_name, vocabulary
from lianfa.extractors.masking import mask_text, mask_value
from lianfa.service.cases import CORRECTABLE, reviewed
from lianfa.service.db.models import Case

_FIELD = names(vocabulary().field_names)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("case_id", "案件编号"),
    ("file_name", "文件"),
    ("doc_number", _FIELD["doc_number"]),
    ("agency", _FIELD["agency"]),
    ("decision_date", _FIELD["decision_date"]),
    ("parties", _FIELD["parties"]),
    ("credit_codes", "统一社会信用代码"),
    ("category", "违法类别"),
    ("category_label", "类别名称"),
    ("risk_level", "刑事风险"),
    ("risk_score", "风险分"),
    ("risk_reasons", "风险理由"),
    ("fine", f"{role_name('fine')}（元）"),
    ("confiscated_income", f"{role_name('confiscated_income')}（元）"),
    ("other_amounts", role_name("other")),
    ("laws", _FIELD["laws"]),
    ("review_state", "审核状态"),
    ("suspected_crime", "涉嫌罪名"),
    ("review_reason", "审核意见"),
)


# Spreadsheet programs run a cell that starts with one of these as a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 controls but tab and line breaks, DEL and C1: openpyxl refuses them, and they hide text in CSV.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def safe_text(value: str) -> str:
    """A string fit for a spreadsheet cell: control characters replaced by U+FFFD (so a reader sees
    that something was there), then a leading formula character defused with an apostrophe."""
    value = _CONTROL.sub("\ufffd", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _amount_total(result: ReviewedResult, role: str) -> float | None:
    vals = [a.yuan for a in result.amounts if a.role == role]
    return round(sum(vals), 2) if vals else None


def _yuan(value: float) -> str:
    return f"{value:,.2f} 元"


def _reason_text(r: ReasonOut) -> str:
    return r.text or r.crime or r.rule_id or json.dumps(r.model_dump(mode="json", exclude_none=True), ensure_ascii=False)


def _law_text(law: ReviewedLaw) -> str:
    return f"{law.law}第{law.article}条"


def row(case: Case) -> dict[str, Any]:
    """One case as export cells: codes in Chinese, amounts and dates typed, text masked and defused."""
    # service.web imports this module (for training runs), so the pages' labels are imported here.
    from lianfa.service.web.labels import REVIEW_STATES

    risk_levels = names(vocabulary().risk_levels)

    f = reviewed(case.fields)
    others = [f"{role_name(a.role)} {_yuan(a.yuan)}" for a in f.amounts if a.role not in ("fine", "confiscated_income")]
    cells: dict[str, Any] = {
        "case_id": case.id,
        "file_name": case.file_name,
        "doc_number": case.doc_number,
        "agency": case.agency,
        "decision_date": case.decision_date,
        "parties": "；".join(p.name for p in f.parties),
        "credit_codes": "；".join(p.credit_code for p in f.parties if p.credit_code),
        "category": case.category,
        "category_label": case.category_label,
        "risk_level": risk_levels.get(case.risk_level or "", case.risk_level),
        "risk_score": case.risk_score,
        "risk_reasons": "；".join(_reason_text(r) for r in f.criminal_risk.reasons),
        "fine": _amount_total(f, "fine"),
        "confiscated_income": _amount_total(f, "confiscated_income"),
        "other_amounts": "；".join(others),
        "laws": "；".join(_law_text(law) for law in f.laws),
        "review_state": REVIEW_STATES.get(case.review_state, case.review_state),
        "suspected_crime": (case.review or {}).get("suspected_crime"),
        "review_reason": (case.review or {}).get("reason"),
    }
    return {k: safe_text(mask_text(v)) if isinstance(v, str) else v for k, v in cells.items()}


def csv_lines(cases: Iterable[Case]) -> Iterator[str]:
    """CSV with a BOM so Excel opens the Chinese text correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([label for _, label in COLUMNS])
    yield "\ufeff" + buf.getvalue()
    for case in cases:
        buf.seek(0)
        buf.truncate()
        r = row(case)
        writer.writerow(["" if r[k] is None else r[k] for k, _ in COLUMNS])
        yield buf.getvalue()


def jsonl_lines(cases: Iterable[Case]) -> Iterator[str]:
    for case in cases:
        obj = {
            "case_id": case.id,
            "document_id": case.document_id,
            "file_name": case.file_name,
            "review_state": case.review_state,
            "review": case.review or {},
            "version": case.version,
            **{k: v for k, v in (case.fields or {}).items() if k != "text"},
        }
        yield json.dumps(mask_value(obj), ensure_ascii=False, default=str) + "\n"


def write_xlsx(cases: Iterable[Case], path: Path) -> None:
    """One sheet of cases: a frozen bold header with a filter, dates as dates, amounts as numbers."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)  # rows go straight to the file: memory stays flat for large exports
    ws = wb.create_sheet("案件")
    ws.freeze_panes = "A2"
    for i, (key, _) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(key, 14)
    header = []
    for _, label in COLUMNS:
        cell = WriteOnlyCell(ws, value=label)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    rows = 1
    for case in cases:
        r = row(case)
        out = []
        for key, _ in COLUMNS:
            cell = WriteOnlyCell(ws, value=r[key])
            if key in _NUMBER_FORMATS:
                cell.number_format = _NUMBER_FORMATS[key]
            out.append(cell)
        ws.append(out)
        rows += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{rows}"
    wb.save(path)


_NUMBER_FORMATS = {"decision_date": "yyyy-mm-dd", "fine": "#,##0.00", "confiscated_income": "#,##0.00", "risk_score": "0.000"}
_WIDTHS = {"file_name": 30, "doc_number": 24, "agency": 26, "parties": 28, "credit_codes": 22, "risk_reasons": 40,
           "other_amounts": 36, "laws": 36, "review_reason": 40}


def training_record(case: Case, sha256: str) -> dict[str, Any]:
    f = reviewed(case.fields)
    review = case.review or {}
    label = {"confirmed": 1, "rejected": 0}.get(case.review_state)
    return mask_value({
        "case_id": case.id,
        "document_sha256": sha256,
        "file_name": case.file_name,
        "text": f.text,
        "category": case.category,
        "category_label": case.category_label,
        "criminal_label": label,
        "suspected_crime": review.get("suspected_crime"),
        "review_state": case.review_state,
        "reviewer": review.get("reviewer"),
        "reviewed_at": review.get("reviewed_at"),
        "fields": {k: case.fields.get(k) for k in CORRECTABLE},
        "predicted": {
            "category": f.violation.category,
            "risk_level": f.criminal_risk.level,
            "risk_score": f.criminal_risk.score,
        },
    })


def transfer_letter(case: Case, path: Path, reviewer: str) -> None:
    """The DOCX draft 《建议移送涉嫌犯罪案件函》 filled from the case's fields, for a clerk to finish."""
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    f = reviewed(case.fields)
    review = case.review or {}
    party = "、".join(p.name for p in f.parties if p.name) or "（当事人）"
    codes = "、".join(p.credit_code for p in f.parties if p.credit_code)
    crime = review.get("suspected_crime") or "（涉嫌罪名）"
    agency = case.agency or "（行政执法机关）"
    date = case.decision_date.strftime("%Y年%m月%d日").replace("年0", "年").replace("月0", "月") if case.decision_date else "（日期）"

    doc = Docx()
    style = doc.styles["Normal"]
    style.font.name = "FangSong"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")

    def para(text: str, *, align: str | None = None, bold: bool = False, size: int | None = None) -> None:
        p = doc.add_paragraph()
        run = p.add_run(mask_text(text))
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if align:
            p.alignment = getattr(WD_ALIGN_PARAGRAPH, align)

    para("建议移送涉嫌犯罪案件函", align="CENTER", bold=True, size=22)
    para("（草稿，须经审核签发）", align="CENTER", size=12)
    para("          公安局：")
    para(
        f"    {agency}于{date}对{party}作出行政处罚决定（{case.doc_number or '文号待补'}）。"
        f"经审查，该案涉嫌{crime}，依据《行政执法机关移送涉嫌犯罪案件的规定》，建议依法移送你局审查处理。"
    )
    para("    一、案件基本情况")
    para(f"    当事人：{party}" + (f"（统一社会信用代码：{codes}）" if codes else ""))
    if f.case_cause:
        para(f"    案由：{f.case_cause}")
    if f.amounts:
        para("    涉案金额：" + "；".join(f"{role_name(a.role)} {_yuan(a.yuan)}" for a in f.amounts))
    if f.quantities:
        para("    涉案数量：" + "；".join(f"{q.subject}{qty(q.value)}{q.unit}" for q in f.quantities))
    para("    二、涉嫌犯罪的理由")
    for r in f.criminal_risk.reasons:
        para("    " + _reason_text(r))
    if review.get("reason"):
        para(f"    审核意见：{review['reason']}")
    para("    三、附件：行政处罚决定书、证据材料目录、涉案物品清单（由承办人补充）")
    para(f"    审核人：{reviewer}    案件编号：{case.id}")
    para(agency, align="RIGHT")
    para("年    月    日", align="RIGHT")
    doc.save(str(path))
