"""Administrators' user page: list accounts, add one with a role, disable or enable it, reset its
password. A generated password is shown once, on the page that made it, and is never stored or logged."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lianfa.service import audit
from lianfa.service.auth import AccountError, CurrentUser, create_user, hash_password
from lianfa.service.db.models import AuthToken, User
from lianfa.service.schemas.users import UserCreate
from lianfa.service.web.access import check_form_token, page_role
from lianfa.service.web.templating import render

router = APIRouter(include_in_schema=False)
Admin = Annotated[CurrentUser, Depends(page_role())]


def _page(request: Request, admin: CurrentUser, *, message: str | None = None, error: str | None = None,
          shown: tuple[str, str] | None = None, status_code: int = 200) -> HTMLResponse:
    with request.app.state.db.session() as s:
        users = list(s.scalars(select(User).order_by(User.id)))
        return render(request, "users.html", admin, users=users, message=message, error=error, shown=shown,
                      status_code=status_code)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, admin: Admin, done: str | None = None) -> HTMLResponse:
    messages = {"disabled": "账号已停用，其登录已全部失效", "enabled": "账号已启用"}
    return _page(request, admin, message=messages.get(done or ""))


@router.post("/users", response_class=HTMLResponse)
def add_user(request: Request, admin: Admin, name: Annotated[str, Form()] = "", role: Annotated[str, Form()] = "",
             password: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = "") -> HTMLResponse:
    check_form_token(request, csrf_token)
    generated = not password
    password = password or secrets.token_urlsafe(12)
    try:
        body = UserCreate(name=name.strip(), password=password, role=role)
    except ValidationError as exc:
        problems = "；".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _page(request, admin, error=f"未创建：{problems}（密码至少 8 位，可留空由系统生成）", status_code=422)
    with request.app.state.db.session() as s:
        try:
            user = create_user(s, body.name, body.password, body.role)
        except AccountError as exc:
            s.rollback()
            return _page(request, admin, error=f"未创建：{exc}", status_code=409)
        audit.record(s, admin, "user.add", "user", user.id, None, {"name": user.name, "role": user.role, "via": "web"})
    return _page(request, admin, message=f"已创建账号 {body.name}",
                 shown=(body.name, password) if generated else None)


def _user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"用户 {user_id} 不存在，请回到用户列表")
    return user


@router.post("/users/{user_id}/active")
def set_active(user_id: int, request: Request, admin: Admin, active: Annotated[str, Form()] = "",
               csrf_token: Annotated[str, Form()] = "") -> Response:
    check_form_token(request, csrf_token)
    enable = active == "yes"
    if user_id == admin.id and not enable:
        return _page(request, admin, error="不能停用自己正在使用的账号：请用另一个管理员账号操作", status_code=409)
    with request.app.state.db.session() as s:
        user = _user(s, user_id)
        before = {"active": user.active}
        user.active = enable
        if not enable:
            s.execute(delete(AuthToken).where(AuthToken.user_id == user.id))  # its sessions end now
        audit.record(s, admin, "user.update", "user", user.id, before, {"active": enable})
    return RedirectResponse(f"/users?done={'enabled' if enable else 'disabled'}", status_code=303)


@router.post("/users/{user_id}/reset", response_class=HTMLResponse)
def reset_password(user_id: int, request: Request, admin: Admin, csrf_token: Annotated[str, Form()] = "") -> HTMLResponse:
    check_form_token(request, csrf_token)
    password = secrets.token_urlsafe(12)
    with request.app.state.db.session() as s:
        user = _user(s, user_id)
        user.password_hash = hash_password(password)
        s.execute(delete(AuthToken).where(AuthToken.user_id == user.id))
        audit.record(s, admin, "user.update", "user", user.id, None, {"password_changed": True, "via": "web"})
        name = user.name
    return _page(request, admin, message=f"已重置 {name} 的密码，其原有登录已失效", shown=(name, password))
