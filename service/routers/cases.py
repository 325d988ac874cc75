"""Cases: the list (filters, sorted by risk), the detail with page images and evidence boxes, the
audit trail, and the draft transfer letter of a confirmed case."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, status
from fastapi.responses import FileResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lianfa.contract import EvidenceOut, ReviewedResult
from lianfa.service.auth import CurrentUser, require
from lianfa.service.case_query import CaseFilter, by_risk, case_filter
from lianfa.service.cases import reviewed
from lianfa.service.db.models import AuditEntry, Case, Document
from lianfa.service.exports import transfer_letter
from lianfa.service.routers.deps import SessionDep
from lianfa.service.schemas.cases import AuditOut, CaseDetail, CaseList, CaseSummary, EvidenceBox, PageOut
from lianfa.service.schemas.common import IdPath, Limit, Offset, problems

router = APIRouter(prefix="/api/cases", tags=["cases"])
Reader = Annotated[CurrentUser, Depends(require("reviewer", "analyst"))]
Filter = Annotated[CaseFilter, Depends(case_filter)]


_DOCX: dict[int | str, dict[str, Any]] = {
    200: {"description": "the DOCX draft", "content": {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": {"type": "string", "format": "binary"}}}},
    **problems(s409="the case is not confirmed yet"),
}


def get_case(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"案件 {case_id} 不存在，请检查案件编号")
    return case


@router.get("", response_model=CaseList)
def list_cases(s: SessionDep, user: Reader, f: Filter, offset: Offset = 0, limit: Limit = 50) -> CaseList:
    total = s.scalar(f.apply(select(func.count(Case.id)))) or 0
    rows = s.scalars(by_risk(f).offset(offset).limit(limit)).all()
    return CaseList(total=total, offset=offset, limit=limit, items=[CaseSummary.model_validate(c) for c in rows])


def _box(ev: EvidenceOut) -> dict[str, float] | None:
    return ev.box.model_dump() if ev.box else None


def _evidence(result: ReviewedResult) -> list[EvidenceBox]:
    out: list[EvidenceBox] = []
    for key in ("doc_number", "agency", "decision_date", "case_cause"):  # the single-valued fields
        ev = getattr(result.evidence, key)
        if ev is not None:
            out.append(EvidenceBox(field=key, text=ev.text, page=ev.page, box=_box(ev)))
    rows: list[tuple[str, str, EvidenceOut | None]] = [
        *(("related_numbers", r.kind, r.evidence) for r in result.related_numbers),
        *(("parties", p.kind, p.evidence) for p in result.parties),
        *(("amounts", a.role, a.evidence) for a in result.amounts),
        *(("quantities", q.kind, q.evidence) for q in result.quantities),
        *(("laws", x.role, x.evidence) for x in result.laws),
        *(("penalties", p.kind, p.evidence) for p in result.penalties),
    ]
    out.extend(EvidenceBox(field=key, role=role, text=ev.text, page=ev.page, box=_box(ev))
               for key, role, ev in rows if ev is not None)
    return out


@router.get("/{case_id}", response_model=CaseDetail)
def case_detail(case_id: IdPath, request: Request, s: SessionDep, user: Reader) -> CaseDetail:
    case = get_case(s, case_id)
    doc = s.get(Document, case.document_id)
    assert doc is not None
    result = reviewed(case.fields)
    n = result.pages if result.text_source != "text" else 0
    pages = [
        PageOut(number=i, image_url=str(request.url_for("page_image", document_id=doc.id, page=i)))
        for i in range(1, n + 1)
    ]
    return CaseDetail(
        **CaseSummary.model_validate(case).model_dump(),
        fields=case.fields,
        review=case.review or {},
        pages=pages,
        evidence=_evidence(result),
        sha256=doc.sha256,
    )


@router.get("/{case_id}/audit", response_model=list[AuditOut])
def case_audit(case_id: IdPath, s: SessionDep, user: Reader) -> list[AuditOut]:
    get_case(s, case_id)
    rows = s.scalars(
        select(AuditEntry).where(AuditEntry.entity == "case", AuditEntry.entity_id == case_id).order_by(AuditEntry.id)
    )
    return [AuditOut.model_validate(a) for a in rows]


@router.get("/{case_id}/letter.docx", response_class=FileResponse, responses=_DOCX)
def case_letter(
    case_id: IdPath,
    s: SessionDep,
    background: BackgroundTasks,
    user: Annotated[CurrentUser, Depends(require("reviewer", "analyst"))],
) -> FileResponse:
    """The DOCX draft 《建议移送涉嫌犯罪案件函》, only for a case a reviewer confirmed."""
    case = get_case(s, case_id)
    if case.review_state != "confirmed":
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"案件 {case_id} 尚未被审核确认为涉嫌犯罪（当前状态：{case.review_state}），不能生成移送函；请先审核确认",
        )
    tmp = Path(tempfile.mkstemp(suffix=".docx")[1])
    transfer_letter(case, tmp, (case.review or {}).get("reviewer") or user.name)
    background.add_task(tmp.unlink, missing_ok=True)
    return FileResponse(
        tmp,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename=f"建议移送涉嫌犯罪案件函-{case_id}.docx",
    )
