from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from lianfa.service.auth import MIN_PASSWORD_LENGTH, Role
from lianfa.service.schemas.common import UtcDatetime


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    user: str
    role: Role


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    role: Role
    active: bool
    created_at: UtcDatetime


class UserCreate(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=1024)
    role: Role


class UserUpdate(BaseModel):
    role: Role | None = None
    active: bool | None = None
    password: str | None = Field(default=None, min_length=MIN_PASSWORD_LENGTH, max_length=1024)
