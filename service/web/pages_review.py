"""The reviewers' queue (sorted by risk, filters with counts) and the case page: the scan with the
evidence boxes, the text with the spans marked, the reasons, the review form and the history."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lianfa.errors import LianfaError
from lianfa.service import stats
from lianfa.service.auth import CurrentUser
from lianfa.service.case_query import CaseFilter, by_risk, case_filter
from lianfa.service.cases import reviewed
from lianfa.service.db.models import AuditEntry, Case
from lianfa.service.reviews import InvalidCorrection, StaleVersion, review_case
from lianfa.service.schemas.cases import ReviewRequest
from lianfa.service.web import case_view, lookups
from lianfa.service.web.access import check_form_token, page_role
from lianfa.service.web.labels import AUDIT_ACTIONS
from lianfa.service.web.templating import render

router = APIRouter(include_in_schema=False)
Reader = Annotated[CurrentUser, Depends(page_role("reviewer", "analyst"))]
Reviewer = Annotated[CurrentUser, Depends(page_role("reviewer"))]
PAGE_SIZE = 50


def _query(f: CaseFilter) -> str:
    return urlencode({k: v for k, v in vars(f).items() if v not in (None, "")})


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, user: Reader, f: Annotated[CaseFilter, Depends(case_filter)], offset: int = 0) -> HTMLResponse:
    offset = max(0, offset)
    with request.app.state.db.session() as s:
        total = s.scalar(f.apply(select(func.count(Case.id)))) or 0
        cases = list(s.scalars(by_risk(f).offset(offset).limit(PAGE_SIZE)))
        counts = stats.compute(s, f)
        context: dict[str, Any] = dict(
            cases=cases, total=total, offset=offset, page_size=PAGE_SIZE, f=f, query=_query(f),
            counts={"risk": {b.key: b.count for b in counts.by_risk_level},
                    "state": {b.key: b.count for b in counts.by_review_outcome}},
            agencies=lookups.agencies(s), categories=lookups.categories(s),
        )
        return render(request, "queue.html", user, **context)


def _neighbours(s: Session, case_id: int, f: CaseFilter) -> tuple[int | None, int | None]:
    ids = list(s.scalars(by_risk(f).with_only_columns(Case.id)))
    if case_id not in ids:
        return None, None
    i = ids.index(case_id)
    return (ids[i - 1] if i > 0 else None), (ids[i + 1] if i + 1 < len(ids) else None)


def _case_page(request: Request, user: CurrentUser, case_id: int, f: CaseFilter, message: str | None = None,
               error: str | None = None, status_code: int = 200) -> HTMLResponse:
    with request.app.state.db.session() as s:
        case = s.get(Case, case_id)
        if case is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"案件 {case_id} 不存在，请回到审核队列重新选择")
        result = reviewed(case.fields)
        pages = 0 if result.text_source == "text" else result.pages
        history = list(s.scalars(select(AuditEntry).where(AuditEntry.entity == "case", AuditEntry.entity_id == case_id)
                                 .order_by(AuditEntry.id.desc())))
        previous, following = _neighbours(s, case_id, f)
        return render(
            request, "case.html", user, status_code=status_code, case=case, view=case_view.build(result),
            pages=pages, history=history, actions=AUDIT_ACTIONS, previous=previous, following=following,
            query=_query(f), message=message, error=error, categories=lookups.taxonomy_categories(),
        )


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(case_id: int, request: Request, user: Reader, f: Annotated[CaseFilter, Depends(case_filter)],
              done: str | None = None) -> HTMLResponse:
    message = {"confirm": "已确认为涉嫌犯罪，审核记录已写入历史", "reject": "已驳回，审核记录已写入历史",
               "correct": "更正已保存，审核记录已写入历史"}.get(done or "")
    return _case_page(request, user, case_id, f, message=message)


SCALARS = ("doc_number", "agency", "decision_date", "case_cause")
# Each list the form edits: the column that must be filled for a row to be kept (empty it to drop
# the row), the columns shown, and which of them are numbers.
ROWS: dict[str, tuple[str, tuple[str, ...], dict[str, type]]] = {
    "parties": ("name", ("name", "kind", "credit_code", "legal_representative"), {}),
    "amounts": ("role", ("role", "yuan"), {"yuan": float}),
    "quantities": ("kind", ("kind", "value", "unit", "subject"), {"value": float}),
    "laws": ("law", ("law", "article", "paragraph", "item", "role"), {"article": int, "paragraph": int, "item": int}),
    "penalties": ("kind", ("kind", "yuan"), {"yuan": float}),
}


def _cell(text: str, kind: type | None) -> Any:
    text = text.strip()
    if not text:
        return None
    if kind is None:
        return text
    try:  # `90,000` and `90000元` as clerks write them
        return kind(text.replace(",", "").replace("，", "").replace("元", "").strip())
    except ValueError:
        return text  # the correction's validation names the bad value


def _rows(form: dict[str, str], key: str, original: list[Any]) -> list[dict[str, Any]] | None:
    required, columns, numbers = ROWS[key]
    indices = sorted({int(k.split("-")[1]) for k in form if k.startswith(f"{key}-") and k.split("-")[1].isdigit()})
    if not indices:
        return None
    rows = []
    for i in indices:
        # an edited row keeps what the form does not show (evidence, credit-code checks)
        base = dict(original[i]) if i < len(original) and isinstance(original[i], dict) else {}
        row = {**base, **{c: _cell(form[f"{key}-{i}-{c}"], numbers.get(c)) for c in columns if f"{key}-{i}-{c}" in form}}
        if row.get(required) not in (None, ""):
            rows.append(row)
    return rows


def _corrections(form: dict[str, str], fields: dict[str, Any]) -> dict[str, Any]:
    """What the correction form changed: a field appears only if its value differs from the stored one."""
    changed: dict[str, Any] = {k: form[k].strip() for k in SCALARS
                               if (form.get(k) or "").strip() and form[k].strip() != (fields.get(k) or "")}
    for key in ROWS:
        original = list(fields.get(key) or [])
        rows = _rows(form, key, original)
        if rows is not None and rows != original:
            changed[key] = rows
    return changed


@router.post("/cases/{case_id}/review", response_class=HTMLResponse)
async def review_form(
    case_id: int,
    request: Request,
    user: Reviewer,
    f: Annotated[CaseFilter, Depends(case_filter)],
    action: Annotated[str, Form()],
    version: Annotated[int, Form()],
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_form_token(request, csrf_token)
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    if action == "confirm" and form.get("second_step") != "yes":
        return _case_page(request, user, case_id, f, status_code=422,
                          error="未保存：确认涉嫌犯罪需要第二步——请在展开的确认框中核对后点击“确定”")
    with request.app.state.db.session() as s:
        stored = s.get(Case, case_id)
        stored_fields = dict(stored.fields or {}) if stored is not None else {}
    try:
        body = ReviewRequest(
            action=action,
            version=version,
            reason=form.get("reason") or None,
            suspected_crime=form.get("suspected_crime") or None,
            recommend_transfer=form.get("recommend_transfer") == "on",
            fields=(_corrections(form, stored_fields) or None) if action == "correct" else None,
            category=(form.get("category") or None) if action == "correct" else None,
        )
    except ValidationError as exc:
        problems = "；".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        return _case_page(request, user, case_id, f, error=f"未保存：{problems}", status_code=422)
    with request.app.state.db.session() as s:
        case = s.get(Case, case_id)
        if case is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"案件 {case_id} 不存在，请回到审核队列重新选择")
        try:
            review_case(s, case, body, user, request.app.state.pipeline.classifier)
        except StaleVersion as exc:
            s.rollback()
            stale = (f"未保存：案件已被他人修改（您看到的是第 {version} 版，当前是第 {exc.current} 版）；"
                     "下面是最新内容，请核对后重新审核")
            return _case_page(request, user, case_id, f, error=stale, status_code=409)
        except (InvalidCorrection, LianfaError) as exc:
            s.rollback()
            return _case_page(request, user, case_id, f, error=f"未保存：{exc}", status_code=422)
    query = _query(f)
    return RedirectResponse(f"/cases/{case_id}?done={action}" + (f"&{query}" if query else ""), status_code=303)
