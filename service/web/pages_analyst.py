"""Analysts' pages: the dashboard (server-drawn SVG charts), the model registry with metrics,
training from reviewed cases with progress, comparison with the active model, promote and roll back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from lianfa.errors import LianfaError
from lianfa.service import audit, stats
from lianfa.service.auth import CurrentUser
from lianfa.service.case_query import CaseFilter, case_filter
from lianfa.service.web import charts, lookups, training_runs
from lianfa.service.web.access import check_form_token, page_role
from lianfa.service.web.labels import REVIEW_STATES, RISK_LEVELS, TRAIN_STAGES
from lianfa.service.web.templating import render

if TYPE_CHECKING:
    from lianfa.classifiers.registry import Registry

router = APIRouter(include_in_schema=False)
Analyst = Annotated[CurrentUser, Depends(page_role("analyst"))]
StatsReader = Annotated[CurrentUser, Depends(page_role("analyst", "reviewer"))]


def runs(request: Request) -> training_runs.TrainingRuns:
    return request.app.state.training_runs


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, user: StatsReader, f: Annotated[CaseFilter, Depends(case_filter)]) -> HTMLResponse:
    with request.app.state.db.session() as s:
        st = stats.compute(s, f)
        categories = lookups.categories(s)
        agencies = lookups.agencies(s)
    category_names = dict(categories)
    figures = [
        charts.horizontal("按作出机关", st.by_agency),
        charts.horizontal("按违法类别", st.by_category, category_names),
        charts.columns("按决定月份", st.by_month),
        charts.horizontal("按风险等级", st.by_risk_level, RISK_LEVELS),
        charts.horizontal("审核结果", st.by_review_outcome, REVIEW_STATES),
    ]
    return render(request, "dashboard.html", user, stats=st, figures=figures, f=f, agencies=agencies,
                  categories=categories)


def _models(request: Request) -> tuple[list[object], str | None]:
    reg = training_runs.registry_for(request.app.state.settings.data_dir)
    metas: list[object] = []
    for v in reversed(reg.versions()):
        try:
            metas.append(reg.meta(v))
        except LianfaError as exc:
            metas.append({"version": v, "error": str(exc)})
    return metas, reg.active()


@router.get("/models", response_class=HTMLResponse)
def models_page(request: Request, user: Analyst, done: str | None = None) -> HTMLResponse:
    metas, active = _models(request)
    message = {"promote": f"已启用模型 {active}", "rollback": f"已回滚，现用模型为 {active}"}.get(done or "")
    return render(request, "models.html", user, metas=metas, active=active, run=runs(request).latest(),
                  stages=TRAIN_STAGES, message=message)


@router.post("/models/train")
def train(request: Request, user: Analyst, csrf_token: Annotated[str, Form()] = "",
          corpus_documents: Annotated[int, Form(ge=0, le=20_000)] = 0) -> Response:
    check_form_token(request, csrf_token)
    run = runs(request).start(request.app.state.db, request.app.state.settings.data_dir, user.name, corpus_documents)
    return RedirectResponse(f"/models/runs/{run.id}", status_code=303)


@router.get("/models/runs/{run_id}.json")  # before the page route, whose {run_id} would take "1.json"
def run_status(run_id: int, request: Request, user: Analyst) -> JSONResponse:
    run = runs(request).get(run_id)
    if run is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"训练任务 {run_id} 不存在")
    return JSONResponse({**run.as_json(), "stage_name": TRAIN_STAGES.get(run.stage, run.stage)})


@router.get("/models/runs/{run_id}", response_class=HTMLResponse)
def run_page(run_id: int, request: Request, user: Analyst) -> HTMLResponse:
    run = runs(request).get(run_id)
    if run is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"训练任务 {run_id} 不存在（服务重启后记录会清空），请回到模型页")
    return render(request, "run.html", user, run=run, stages=TRAIN_STAGES, order=training_runs.STAGES)


@router.get("/models/{version}/compare", response_class=HTMLResponse)
async def compare_page(version: str, request: Request, user: Analyst) -> HTMLResponse:
    settings, db = request.app.state.settings, request.app.state.db
    reg = training_runs.registry_for(settings.data_dir)
    if version not in reg.versions():
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"模型 {version} 不存在，请在模型列表中选择")
    try:
        comparison = await run_in_threadpool(training_runs.compare, settings.data_dir, db, version)
        metas = {v: reg.meta(v) for v in dict.fromkeys([version, comparison.active]) if v}
    except LianfaError as exc:
        return render(request, "error.html", user, status_code=422, title="无法比较", detail=str(exc))
    with db.session() as s:
        names = dict(lookups.categories(s))
    return render(request, "compare.html", user, c=comparison, metas=metas, names=names)


def _registry_action(request: Request, user: CurrentUser, action: str, change: Callable[[Registry], str]) -> Response:
    """Apply `change` (returning the version made active), audit it, and reload the model here."""
    reg = training_runs.registry_for(request.app.state.settings.data_dir)
    before = reg.active()
    try:
        version = change(reg)
    except LianfaError as exc:
        verb = "启用" if action == "promote" else "回滚"
        return render(request, "error.html", user, status_code=409, title="操作未完成", detail=f"无法{verb}模型：{exc}")
    with request.app.state.db.session() as s:
        audit.record(s, user, f"model.{action}", "model", int(version.lstrip("v") or 0),
                     {"active": before}, {"active": reg.active()})
    return RedirectResponse(f"/models?done={action}", status_code=303)


@router.post("/models/{version}/promote")
async def promote(version: str, request: Request, user: Analyst, csrf_token: Annotated[str, Form()] = "",
                  confirmed: Annotated[str, Form()] = "") -> Response:
    """First step: a page naming what the new model would make worse; the second step promotes."""
    check_form_token(request, csrf_token)
    settings, db = request.app.state.settings, request.app.state.db
    if version not in training_runs.registry_for(settings.data_dir).versions():
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"模型 {version} 不存在，请在模型列表中选择")
    if confirmed != "yes":
        with db.session() as s:
            names = dict(lookups.categories(s))
        try:
            warnings = await run_in_threadpool(training_runs.promotion_warnings, settings.data_dir, db, version, names)
        except LianfaError as exc:
            return render(request, "error.html", user, status_code=422, title="无法启用", detail=str(exc))
        active = training_runs.registry_for(settings.data_dir).active()
        return render(request, "promote.html", user, version=version, active=active, warnings=warnings)

    def change(reg: Registry) -> str:
        reg.promote(version)
        return version

    return _registry_action(request, user, "promote", change)


@router.post("/models/rollback")
def rollback(request: Request, user: Analyst, csrf_token: Annotated[str, Form()] = "") -> Response:
    check_form_token(request, csrf_token)
    return _registry_action(request, user, "rollback", lambda reg: reg.rollback())
