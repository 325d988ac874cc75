"""Who is looking at a page: the session cookie's user, and the role check the API makes too.

A page request without a valid session is sent to the login page (and back afterwards); a user
whose role does not admit the page gets a 403 page saying which roles do.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from fastapi import Request

from lianfa.service.auth import SESSION_COOKIE, CurrentUser, Role, user_for_token
from lianfa.service.web import csrf

ROLE_NAMES: dict[str, str] = {"uploader": "录入员", "reviewer": "审核员", "analyst": "分析员", "admin": "管理员"}


class LoginRequired(Exception):
    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


class Forbidden(Exception):
    def __init__(self, user: CurrentUser, allowed: set[str]) -> None:
        self.user = user
        self.allowed = allowed


class BadCsrf(Exception):
    pass


def session_user(request: Request) -> CurrentUser | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    with request.app.state.db.session() as s:
        user = user_for_token(s, token)
        return None if user is None else CurrentUser(user.id, user.name, user.role)  # type: ignore[arg-type]


def page_role(*roles: Role) -> Callable[[Request], CurrentUser]:
    """Page dependency admitting `roles` (and admin), like service.auth.require for the API."""
    allowed = set(roles) | {"admin"}

    def check(request: Request) -> CurrentUser:
        user = session_user(request)
        if user is None:
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise LoginRequired(quote(target, safe="/"))
        if user.role not in allowed:
            raise Forbidden(user, allowed)
        return user

    return check


def check_form_token(request: Request, given: str | None) -> None:
    session = request.cookies.get(SESSION_COOKIE)
    if not session or not csrf.valid(csrf.session_token(session), given):
        raise BadCsrf()


def can(user: CurrentUser, *roles: str) -> bool:
    return user.role == "admin" or user.role in roles
