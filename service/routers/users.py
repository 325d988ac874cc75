"""Users (admin only): list, create, change role / deactivate / reset password. Each change is audited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy import delete, select

from lianfa.service import audit
from lianfa.service.auth import (
    AccountError,
    CurrentUser,
    WeakPassword,
    check_password,
    create_user,
    hash_password,
    require,
)
from lianfa.service.db.models import AuthToken, User
from lianfa.service.routers.deps import SessionDep
from lianfa.service.schemas.common import IdPath, problems
from lianfa.service.schemas.users import UserCreate, UserOut, UserUpdate

router = APIRouter(prefix="/api/users", tags=["users"])
Admin = Annotated[CurrentUser, Depends(require("admin"))]


@router.get("", response_model=list[UserOut])
def list_users(s: SessionDep, admin: Admin) -> list[UserOut]:
    return [UserOut.model_validate(u) for u in s.scalars(select(User).order_by(User.id))]


@router.post("", response_model=UserOut, status_code=status.HTTP_201_CREATED, responses=problems(s409="the name is taken, or the password breaks the policy"))
def add_user(body: UserCreate, s: SessionDep, admin: Admin) -> UserOut:
    try:
        user = create_user(s, body.name, body.password, body.role)
    except AccountError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    audit.record(s, admin, "user.add", "user", user.id, None, {"name": user.name, "role": user.role})
    return UserOut.model_validate(user)


@router.patch("/{user_id}", response_model=UserOut, responses=problems(s409="the password breaks the policy"))
def update_user(user_id: IdPath, body: UserUpdate, s: SessionDep, admin: Admin) -> UserOut:
    user = s.get(User, user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"用户 {user_id} 不存在")
    before = {"role": user.role, "active": user.active}
    if body.role is not None:
        user.role = body.role
    if body.active is not None:
        user.active = body.active
    if body.password is not None:
        try:
            check_password(user.name, body.password)
        except WeakPassword as exc:
            raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
        user.password_hash = hash_password(body.password)
    if body.active is False or body.password is not None:
        s.execute(delete(AuthToken).where(AuthToken.user_id == user.id))  # old sessions end now
    after = {"role": user.role, "active": user.active, "password_changed": body.password is not None}
    audit.record(s, admin, "user.update", "user", user.id, before, after)
    return UserOut.model_validate(user)
