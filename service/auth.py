"""Users, passwords (argon2), session cookies and bearer tokens, and the role check every endpoint uses.

Tokens are random; only their SHA-256 is stored, so a leaked database does not leak live sessions.
Roles: uploader (uploads batches), reviewer (decides on cases), analyst (exports and statistics),
admin (everything, and users).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ingest.errors import LianfaError
from service.db.models import AuthToken, User, utcnow

Role = Literal["uploader", "reviewer", "analyst", "admin"]
ROLES: tuple[Role, ...] = ("uploader", "reviewer", "analyst", "admin")
SESSION_COOKIE = "lianfa_session"

_hasher = PasswordHasher()


class AccountError(LianfaError):
    """A user account cannot be created or changed as asked (unknown role, weak password, name taken)."""


@dataclass(frozen=True)
class CurrentUser:
    id: int
    name: str
    role: Role


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(session: Session, name: str, password: str, role: str) -> User:
    if role not in ROLES:
        raise AccountError(f"角色“{role}”不存在；可用角色：{', '.join(ROLES)}")
    if len(password) < 8:
        raise AccountError("密码至少 8 个字符")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise AccountError(f"用户“{name}”已存在")
    user = User(name=name, password_hash=hash_password(password), role=role, active=True)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, name: str, password: str) -> User | None:
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


def require(*roles: Role):  # -> a FastAPI dependency
    """Dependency admitting the given roles (admin is always admitted)."""
    allowed = set(roles) | {"admin"}

    def check(user: Annotated[CurrentUser, Depends(current_user)]) -> CurrentUser:
        if user.role not in allowed:
            names = "、".join(sorted(allowed))
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                f"权限不足：此操作需要以下角色之一：{names}；您的角色是 {user.role}，如需权限请联系管理员",
            )
        return user

    return check
