"""Log in (POST /api/auth/token: a bearer token, and a session cookie for browsers), log out, who am I."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request, Response, status

from lianfa.service.auth import (
    ROLES,
    SESSION_COOKIE,
    CurrentUser,
    authenticate,
    issue_token,
    public,
    request_token,
    require,
    revoke_token,
)
from lianfa.service.routers.deps import SessionDep, SettingsDep
from lianfa.service.schemas.common import NO_CONTROL_CHARACTERS, problems
from lianfa.service.schemas.users import TokenOut

router = APIRouter(prefix="/api/auth", tags=["auth"])
LoggedIn = Annotated[CurrentUser, Depends(require(*ROLES))]


@router.post(
    "/token",
    response_model=TokenOut,
    dependencies=[Depends(public)],
    responses=problems(s401="wrong name or password", s429="too many failed logins: wait Retry-After seconds"),
)
def login(
    request: Request,
    response: Response,
    s: SessionDep,
    settings: SettingsDep,
    username: Annotated[str, Form(min_length=1, max_length=256, pattern=NO_CONTROL_CHARACTERS)],
    password: Annotated[str, Form(min_length=1, max_length=1024)],
    kind: Annotated[str, Form(pattern="^(bearer|session)$")] = "bearer",
) -> TokenOut:
    """OAuth2 password form (username, password). `kind=session` gives a short-lived browser session
    (also set as an HttpOnly cookie); the default is a bearer token for scripts."""
    user = authenticate(s, username, password, request.client.host if request.client else None)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "用户名或密码错误，或账号已停用；请核对后重试或联系管理员")
    lifetime = timedelta(hours=settings.session_hours) if kind == "session" else timedelta(days=settings.token_days)
    token = issue_token(s, user, "session" if kind == "session" else "bearer", lifetime)
    if kind == "session":
        # Secure behind TLS (uvicorn takes the scheme from the proxy's X-Forwarded-Proto).
        response.set_cookie(
            SESSION_COOKIE, token, max_age=int(lifetime.total_seconds()), httponly=True, samesite="strict",
            secure=request.url.scheme == "https",
        )
    return TokenOut(access_token=token, user=user.name, role=user.role)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(
    request: Request, response: Response, s: SessionDep, user: LoggedIn
) -> None:
    token = request_token(request)
    if token:
        revoke_token(s, token)
    response.delete_cookie(SESSION_COOKIE)


@router.get("/me")
def me(user: LoggedIn) -> dict[str, str | int]:
    return {"id": user.id, "name": user.name, "role": user.role}
