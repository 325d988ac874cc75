"""The web pages for clerks, reviewers and analysts: server-rendered Jinja2, plain JS from
static/ (nothing from a CDN), the same roles as the API, CSRF tokens on every form."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from lianfa.service.routers.metrics import PROMETHEUS_PATH
from lianfa.service.web import pages_admin, pages_analyst, pages_auth, pages_review, pages_upload
from lianfa.service.web.access import ROLE_NAMES, BadCsrf, Forbidden, LoginRequired, session_user
from lianfa.service.web.csrf import ApiCsrfMiddleware
from lianfa.service.web.templating import render
from lianfa.service.web.training_runs import TrainingRuns

STATIC = Path(__file__).parent / "static"


def invalid_request_page(request: Request, problems: str) -> Response:
    """A page request whose address carries a value the page does not accept: a page, not JSON."""
    detail = f"地址中的筛选条件有误（{problems}）：请返回上一页重新选择，或点“清除”。"
    return render(request, "error.html", session_user(request), status_code=422, title="请求未完成", detail=detail)


def api_path(path: str) -> bool:
    """Whether `path` is answered as the API is (JSON errors, no pages): /api/…, and the Prometheus
    endpoint, which scrapers find at its conventional path outside /api/."""
    return path.startswith("/api/") or path == PROMETHEUS_PATH


def mount(app: FastAPI) -> None:
    """Add the pages, /static and the API's CSRF check for cookie sessions to `app`."""
    app.add_middleware(ApiCsrfMiddleware)
    app.state.training_runs = TrainingRuns()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for r in (pages_auth, pages_upload, pages_review, pages_analyst, pages_admin):
        app.include_router(r.router)

    @app.exception_handler(LoginRequired)
    async def _login(_: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={exc.next_url}", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        names = "、".join(ROLE_NAMES[r] for r in sorted(exc.allowed))
        detail = (f"此页面需要以下角色之一：{names}；您的角色是{ROLE_NAMES[exc.user.role]}。"
                  "如需权限请联系管理员。")
        return render(request, "error.html", exc.user, status_code=403, title="权限不足", detail=detail)

    @app.exception_handler(BadCsrf)
    async def _csrf(request: Request, _: BadCsrf) -> Response:
        detail = "表单的安全令牌无效或已过期（可能是在别的窗口重新登录过）：请刷新页面后重新提交。"
        return render(request, "error.html", session_user(request), status_code=403, title="请求未执行", detail=detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if api_path(request.url.path) or request.url.path.startswith("/static/"):
            return await http_exception_handler(request, exc)
        titles = {404: "找不到页面", 405: "不支持的操作", 403: "权限不足"}
        detail = str(exc.detail)
        if detail.isascii():  # the framework's own English phrase, not one of our messages
            detail = "地址或操作有误：请从导航栏进入需要的页面"
        return render(request, "error.html", session_user(request), status_code=exc.status_code,
                      title=titles.get(exc.status_code, "请求未完成"), detail=detail)
