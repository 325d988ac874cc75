"""Login (a session cookie plus the per-session CSRF token), logout, and the role's start page."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lianfa.service.auth import SESSION_COOKIE, LoginThrottled, authenticate, issue_token, revoke_token
from lianfa.service.web import csrf
from lianfa.service.web.access import check_form_token, session_user
from lianfa.service.web.templating import render

router = APIRouter(include_in_schema=False)

START_PAGE = {"uploader": "/upload", "reviewer": "/queue", "analyst": "/dashboard", "admin": "/queue"}


def _safe_next(target: str | None) -> str | None:
    # only paths on this site: never an absolute or protocol-relative URL (open redirect); browsers drop
    # tabs and newlines from URLs, so "/\t/evil" would become "//evil"
    if not target or not target.startswith("/") or "\\" in target:
        return None
    if any(ch.isspace() or not ch.isprintable() for ch in target):
        return None
    return None if target.startswith("//") else target


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    user = session_user(request)
    return RedirectResponse("/login" if user is None else START_PAGE[user.role], status_code=303)


def _login_page(request: Request, next_url: str | None, error: str | None = None, status_code: int = 200) -> Response:
    token = csrf.new_login_token()
    response = render(request, "login.html", None, status_code=status_code, login_csrf=token, next_url=next_url or "",
                      error=error)
    response.set_cookie(csrf.LOGIN_COOKIE, token, httponly=True, samesite="strict", max_age=3600)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    return _login_page(request, _safe_next(next))


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    if not csrf.valid(request.cookies.get(csrf.LOGIN_COOKIE), csrf_token):
        return _login_page(request, _safe_next(next), "登录页面已过期，请重新输入用户名和密码", 403)
    settings = request.app.state.settings
    with request.app.state.db.session() as s:
        try:
            user = authenticate(s, username.strip(), password)
        except LoginThrottled as exc:
            page = _login_page(request, _safe_next(next), str(exc), 429)
            page.headers["Retry-After"] = str(exc.retry_after)
            return page
        if user is None:
            return _login_page(request, _safe_next(next), "用户名或密码错误，或账号已停用；请核对后重试或联系管理员", 401)
        lifetime = timedelta(hours=settings.session_hours)
        token = issue_token(s, user, "session", lifetime)
        role = user.role
    response = RedirectResponse(_safe_next(next) or START_PAGE[role], status_code=303)
    response.set_cookie(SESSION_COOKIE, token, max_age=int(lifetime.total_seconds()), httponly=True, samesite="strict")
    response.delete_cookie(csrf.LOGIN_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
    check_form_token(request, csrf_token)
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        with request.app.state.db.session() as s:
            revoke_token(s, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
