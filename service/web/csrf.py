"""CSRF protection for the browser: one token per session, derived from the session cookie.

The token is an HMAC of the (HttpOnly) session token, so a page on another site can neither read nor
compute it, and the server keeps no extra state. HTML forms send it as the `csrf_token` field; the
pages' scripts send it as the `X-CSRF-Token` header when they call the JSON API with the cookie.
Before login there is no session yet, so the login form uses a double-submit cookie instead.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets

from starlette.types import ASGIApp, Receive, Scope, Send

from lianfa.service.auth import SESSION_COOKIE

HEADER = "x-csrf-token"
FIELD = "csrf_token"
LOGIN_COOKIE = "lianfa_login_csrf"
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Login: the credentials are the proof, no session exists yet. Logout: a forged one only ends a
# session, and API clients already call it with the cookie alone.
_EXEMPT = frozenset({"/api/auth/token", "/api/auth/logout"})


def session_token(session: str) -> str:
    return hmac.new(session.encode(), b"lianfa-csrf-v1", hashlib.sha256).hexdigest()


def new_login_token() -> str:
    return secrets.token_urlsafe(24)


def valid(expected: str | None, given: str | None) -> bool:
    return bool(expected and given) and hmac.compare_digest(str(expected), str(given))


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                k, _, v = part.strip().partition("=")
                if k == name:
                    return v
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


class ApiCsrfMiddleware:
    """Refuses state-changing /api/ calls authenticated by the session cookie alone without the token.

    Bearer-token clients (scripts) are unaffected: a browser never adds an Authorization header on its
    own, so a forged cross-site request can only ride on the cookie.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in _UNSAFE and self._needs_token(scope):
            session = _cookie(scope, SESSION_COOKIE)
            if session and not valid(session_token(session), _header(scope, HEADER.encode())):
                body = json.dumps(
                    {"detail": "请求缺少有效的安全令牌（CSRF）：请刷新页面后重试；脚本调用请改用 Bearer 令牌"},
                    ensure_ascii=False,
                ).encode()
                await send({"type": "http.response.start", "status": 403,
                            "headers": [(b"content-type", b"application/json; charset=utf-8")]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

    @staticmethod
    def _needs_token(scope: Scope) -> bool:
        path: str = scope.get("path", "")
        if not path.startswith("/api/") or path in _EXEMPT:
            return False
        auth = _header(scope, b"authorization") or ""
        return not auth.lower().startswith("bearer ")
