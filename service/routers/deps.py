"""Shared FastAPI dependencies: the database, storage and settings the app was built with."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from lianfa.service.config import ServiceSettings
from lianfa.service.db.session import Database
from lianfa.service.storage import Storage


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_storage(request: Request) -> Storage:
    return request.app.state.storage


def get_settings(request: Request) -> ServiceSettings:
    return request.app.state.settings


def get_session(db: Annotated[Database, Depends(get_db)]) -> Iterator[Session]:
    with db.session() as s:
        yield s


DbDep = Annotated[Database, Depends(get_db)]
SessionDep = Annotated[Session, Depends(get_session)]
StorageDep = Annotated[Storage, Depends(get_storage)]
SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]
