"""Exports of cases (CSV, XLSX, JSONL; `flagged=true` for flagged cases) and of reviewed cases as
training data (JSONL, format in service/exports.py)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends
from fastapi.responses import FileResponse, Response, StreamingResponse
from sqlalchemy import select

from lianfa.service import exports
from lianfa.service.auth import CurrentUser, require
from lianfa.service.case_query import CaseFilter, by_risk, case_filter
from lianfa.service.db.models import Case, Document
from lianfa.service.db.session import Database
from lianfa.service.routers.deps import DbDep

router = APIRouter(prefix="/api/exports", tags=["exports"])
Analyst = Annotated[CurrentUser, Depends(require("analyst", "reviewer"))]
Filter = Annotated[CaseFilter, Depends(case_filter)]
_CHUNK = 500
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_TEXT = {"schema": {"type": "string"}}
_CASES: dict[int | str, dict[str, Any]] = {200: {
    "description": "cases as CSV (UTF-8 with BOM), JSON lines or an XLSX workbook, by the path's extension",
    "content": {"text/csv": _TEXT, "application/x-ndjson": _TEXT, _XLSX: {"schema": {"type": "string", "format": "binary"}}},
}}
_NDJSON: dict[int | str, dict[str, Any]] = {200: {"description": "one JSON object per line", "content": {"application/x-ndjson": _TEXT}}}


def _cases(db: Database, f: CaseFilter) -> Iterator[Case]:
    """Cases in pages of 500, so an export of every case never loads them all at once."""
    last_offset = 0
    while True:
        with db.session() as s:
            rows = s.scalars(by_risk(f).offset(last_offset).limit(_CHUNK)).all()
        yield from rows
        if len(rows) < _CHUNK:
            return
        last_offset += _CHUNK


@router.get("/cases.{fmt}", response_class=Response, responses=_CASES)
def export_cases(
    fmt: Literal["csv", "jsonl", "xlsx"], db: DbDep, user: Analyst, f: Filter, background: BackgroundTasks
) -> Response:
    name = "flagged-cases" if f.flagged else "cases"
    if fmt == "csv":
        return StreamingResponse(
            exports.csv_lines(_cases(db, f)),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    if fmt == "jsonl":
        return StreamingResponse(
            exports.jsonl_lines(_cases(db, f)),
            media_type="application/x-ndjson",
            headers={"Content-Disposition": f'attachment; filename="{name}.jsonl"'},
        )
    tmp = Path(tempfile.mkstemp(suffix=".xlsx")[1])
    exports.write_xlsx(_cases(db, f), tmp)
    background.add_task(tmp.unlink, missing_ok=True)
    return FileResponse(
        tmp,
        media_type=_XLSX,
        filename=f"{name}.xlsx",
    )


@router.get("/training.jsonl", response_class=StreamingResponse, responses=_NDJSON)
def export_training(db: DbDep, user: Annotated[CurrentUser, Depends(require("analyst"))]) -> StreamingResponse:
    """Reviewed cases (confirmed, rejected or corrected) as training data, one JSON object per line."""
    def lines() -> Iterator[str]:
        last = 0
        while True:
            with db.session() as s:
                rows = s.execute(
                    select(Case, Document.sha256)
                    .join(Document, Document.id == Case.document_id)
                    .where(Case.review_state != "pending", Case.id > last)
                    .order_by(Case.id)
                    .limit(_CHUNK)
                ).all()
            for case, sha in rows:
                yield json.dumps(exports.training_record(case, sha), ensure_ascii=False, default=str) + "\n"
            if len(rows) < _CHUNK:
                return
            last = rows[-1][0].id

    return StreamingResponse(
        lines(),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="training.jsonl"'},
    )
