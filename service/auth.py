"""Users, passwords (argon2), session cookies and bearer tokens, and the role check every endpoint uses.

Tokens are random; only their SHA-256 is stored, so a leaked database does not leak live sessions.
Roles: uploader (uploads batches), reviewer (decides on cases), analyst (exports and statistics),
admin (everything, and users).

Access is one rule, declared on every API route by `require(...)` (or `public`): the roles admitted,
and, for batches and documents, that an uploader sees only what they uploaded. Reviewers, analysts
and admins read every case, so they see every batch and document behind one.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import secrets
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, HTTPException, Request, status
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from starlette.routing import BaseRoute

from lianfa.corpora.passwords import common_passwords
from lianfa.errors import LianfaError
from lianfa.extractors.masking import mask_text
from lianfa.service import audit
from lianfa.service.chunked import UPLOAD_NOT_FOUND, ChunkedUploads
from lianfa.service.db.models import AuditEntry, AuthToken, Batch, BatchItem, Document, User, utcnow
from lianfa.service.schemas.common import DB_INT_MAX

Role = Literal["uploader", "reviewer", "analyst", "admin"]
ROLES: tuple[Role, ...] = ("uploader", "reviewer", "analyst", "admin")
SEES_EVERY_UPLOAD: frozenset[Role] = frozenset({"reviewer", "analyst", "admin"})
Owned = Literal["batch", "document", "upload"]
SESSION_COOKIE = "lianfa_session"

MIN_PASSWORD_LENGTH = 10
# Failed logins allowed before each further attempt must wait, doubling from 1 s up to the cap.
# An address gets more: the clerks of one office often share it behind NAT.
FREE_FAILURES_PER_ACCOUNT = 5
FREE_FAILURES_PER_ADDRESS = 20
FAILURE_WINDOW = timedelta(hours=1)
MAX_LOGIN_DELAY = timedelta(minutes=15)

_hasher = PasswordHasher()
_log = logging.getLogger(__name__)


class AccountError(LianfaError):
    """A user account cannot be created or changed as asked (unknown role, weak password, name taken)."""


class WeakPassword(AccountError):
    """The password breaks the password policy (too short, the user name, a common password)."""


class LoginThrottled(LianfaError):
    """Too many failed logins for this account or from this address: try again after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"登录失败次数过多，请 {retry_after} 秒后再试；如忘记密码请联系管理员重置")
        self.retry_after = retry_after


@dataclass(frozen=True)
class CurrentUser:
    id: int
    name: str
    role: Role


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_password(name: str, password: str) -> None:
    """The password policy: long enough, not built on the user name, not a common password."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"密码至少 {MIN_PASSWORD_LENGTH} 个字符，请换一个更长的密码")
    low, who = password.lower(), name.lower()
    if len(who) >= 3 and (who in low or low in who):
        raise WeakPassword("密码不能包含用户名，请换一个密码")
    trim = string.digits + string.punctuation + " "
    listed = common_passwords()
    if len(set(low)) < 4 or any(c in listed for c in {low, low.strip(trim), low.rstrip(trim), low.lstrip(trim)}):
        raise WeakPassword("密码过于常见或过于简单，容易被猜中，请换一个不常见的密码")


def create_user(session: Session, name: str, password: str, role: str) -> User:
    if role not in ROLES:
        raise AccountError(f"角色“{role}”不存在；可用角色：{', '.join(ROLES)}")
    check_password(name, password)
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise AccountError(f"用户“{name}”已存在")
    user = User(name=name, password_hash=hash_password(password), role=role, active=True)
    session.add(user)
    session.flush()
    return user


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def authenticate(session: Session, name: str, password: str, address: str | None = None) -> User | None:
    """The user `name` if `password` is theirs. Every attempt is in the audit log; after repeated
    failures for the account or from `address`, attempts are refused with LoginThrottled, before
    the password is checked, until the backoff has passed."""
    # No account name holds a control character, and PostgreSQL refuses NUL in any text: a typed
    # one becomes U+FFFD, which matches nobody and is audited harmlessly.
    name = _CONTROL.sub("\ufffd", name)
    now = utcnow()
    wait = _login_wait(session, name, address, now)
    if wait > 0:
        _log.warning("login throttled for %r from %s: retry after %d s", mask_text(name[:64]), address, wait)
        raise LoginThrottled(wait)
    user = _verify(session, name, password)
    who = CurrentUser(user.id, user.name, user.role) if user else None  # type: ignore[arg-type]
    entry = audit.record(session, who, "login" if user else "login.failed", "login", user.id if user else 0, None,
                         {"name": name[:64], "address": address})
    entry.at = now  # the time the backoff was computed against
    if user is None:
        # The caller answers 401 by raising, which rolls its session back: keep the failure.
        session.commit()
    return user


def _login_wait(session: Session, name: str, address: str | None, now: datetime) -> int:
    """Seconds until the next attempt for `name` / from `address` is allowed (0: now)."""
    rows = session.execute(
        select(AuditEntry.action, AuditEntry.at, AuditEntry.after)
        .where(AuditEntry.entity == "login", AuditEntry.at > now - FAILURE_WINDOW)
        .order_by(AuditEntry.id.desc())
        .limit(2000)
    ).all()
    account: list[datetime] = []
    by_address: list[datetime] = []
    account_done = False
    for action, at, after in rows:
        after = after or {}
        mine = after.get("name") == name[:64]
        if mine and action == "login":
            account_done = True  # failures before the account's last good login are forgiven
        if action != "login.failed":
            continue
        if mine and not account_done:
            account.append(at)
        if address is not None and after.get("address") == address:
            by_address.append(at)
    return max(_backoff(account, FREE_FAILURES_PER_ACCOUNT, now), _backoff(by_address, FREE_FAILURES_PER_ADDRESS, now))


def _backoff(failures: list[datetime], free: int, now: datetime) -> int:
    if len(failures) < free:
        return 0
    delay = min(timedelta(seconds=2 ** (len(failures) - free)), MAX_LOGIN_DELAY)
    return max(0, math.ceil((max(failures) + delay - now).total_seconds()))


def _verify(session: Session, name: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.name == name))
    if user is None or not user.active:
        _hasher.hash(password)  # same cost either way: response time doesn't reveal which names exist
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def issue_token(session: Session, user: User, kind: Literal["session", "bearer"], lifetime: timedelta) -> str:
    token = secrets.token_urlsafe(32)
    session.add(AuthToken(token_hash=_digest(token), user_id=user.id, kind=kind, expires_at=utcnow() + lifetime))
    return token


def revoke_token(session: Session, token: str) -> None:
    session.execute(delete(AuthToken).where(AuthToken.token_hash == _digest(token)))


def user_for_token(session: Session, token: str) -> User | None:
    row = session.execute(
        select(User, AuthToken)
        .join(AuthToken, AuthToken.user_id == User.id)
        .where(AuthToken.token_hash == _digest(token))
    ).first()
    if row is None:
        return None
    user, tok = row
    if tok.expires_at < utcnow() or not user.active:
        return None
    return user


def request_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.cookies.get(SESSION_COOKIE)


def current_user(request: Request) -> CurrentUser:
    token = request_token(request)
    if token is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "未登录：请先通过 POST /api/auth/token 登录，再带上 Authorization: Bearer 令牌或会话 Cookie",
            headers={"WWW-Authenticate": "Bearer"},
        )
    db = request.app.state.db
    with db.session() as s:
        user = user_for_token(s, token)
        if user is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "登录已过期或令牌无效：请重新登录",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return CurrentUser(user.id, user.name, user.role)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Access:
    """The access policy of one route: who may call it (None: anyone, logged in or not) and which
    path parameter names an upload the caller must own unless their role sees every upload."""

    roles: frozenset[Role] | None
    owns: Owned | None = None


def may_see(session: Session, user: CurrentUser, kind: Owned, ident: int) -> bool:
    """Whether `user` may see batch or document `ident`: their own uploads, or any for the roles
    that read every case. A document is the uploader's when one of their batches holds it (also
    as a duplicate: they hold the same bytes)."""
    if user.role in SEES_EVERY_UPLOAD:
        return True
    if kind == "batch":
        return session.scalar(select(Batch.id).where(Batch.id == ident, Batch.created_by == user.id)) is not None
    held = (
        select(BatchItem.id)
        .join(Batch, Batch.id == BatchItem.batch_id)
        .where(BatchItem.document_id == ident, Batch.created_by == user.id)
        .limit(1)
    )
    return session.scalar(held) is not None


_OWNED: dict[str, type[Batch] | type[Document]] = {"batch": Batch, "document": Document}
_NOT_YOURS = {
    "batch": "批次 {id} 不存在或不是您上传的，请从“批次”列表中选择",
    "document": "文件 {id} 不存在或不是您上传的，请从批次中打开",
}


def require(*roles: Role, owns: Owned | None = None) -> Callable[..., CurrentUser]:
    """Dependency admitting the given roles (admin is always admitted); with `owns`, an uploader
    must also own the batch or document named by the `<owns>_id` path parameter (404 otherwise, so
    the ids of others' uploads are not confirmed). An `upload` (a chunked upload in progress) is
    private to whoever opened it, whatever their role: its store checks the opener and answers 404."""
    allowed: frozenset[Role] = frozenset((*roles, "admin"))

    def check(request: Request, user: Annotated[CurrentUser, Depends(current_user)]) -> CurrentUser:
        if user.role not in allowed:
            names = "、".join(sorted(allowed))
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                f"权限不足：此操作需要以下角色之一：{names}；您的角色是 {user.role}，如需权限请联系管理员",
            )
        if owns == "upload":
            opener = ChunkedUploads(request.app.state.storage, 0).opener(request.path_params.get("upload_id", ""))
            if opener is not None and opener != user.id:
                raise HTTPException(status.HTTP_404_NOT_FOUND, UPLOAD_NOT_FOUND)
        elif owns is not None:
            raw = request.path_params.get(f"{owns}_id", "")
            # A malformed or missing id is left to the route, which validates (422) and looks it up (404).
            if raw.isdigit() and 1 <= int(raw) <= DB_INT_MAX:
                with request.app.state.db.session() as s:
                    if not may_see(s, user, owns, int(raw)) and s.get(_OWNED[owns], int(raw)) is not None:
                        raise HTTPException(status.HTTP_404_NOT_FOUND, _NOT_YOURS[owns].format(id=raw))
        return user

    check.access = Access(allowed, owns)  # type: ignore[attr-defined]
    return check


def public() -> None:
    """Dependency of the routes anyone may call (health, login): their declared policy."""


public.access = Access(None)  # type: ignore[attr-defined]


def policies(routes: Sequence[BaseRoute]) -> dict[tuple[str, str], Access | None]:
    """(method, path) -> the declared policy of every published API operation (None: undeclared)."""
    out: dict[tuple[str, str], Access | None] = {}
    for ctx in iter_route_contexts(routes):
        if isinstance(ctx.original_route, APIRoute) and ctx.include_in_schema and ctx.path is not None:
            for method in ctx.methods or ():
                out[(method.lower(), ctx.path)] = route_access(ctx.dependant)
    return out


def route_access(dependant: object) -> Access | None:
    """The access policy declared among a route's dependencies (searched depth first)."""
    for dep in getattr(dependant, "dependencies", ()):
        found = getattr(dep.call, "access", None) or route_access(dep)
        if found is not None:
            return found
    return None
