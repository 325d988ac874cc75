"""Fixtures for the page tests: an app on SQLite in a temporary folder, one logged-in browser
session (cookie + CSRF token) per role, and cases stored straight into the database."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))

from service_helpers import PASSWORD, role_tokens


@dataclass
class Session:
    role: str
    name: str
    cookie: str
    csrf: str


@pytest.fixture
def app(tmp_path: Path):  # -> FastAPI
    from lianfa.service.app import create_app
    from lianfa.service.config import ServiceSettings

    application = create_app(ServiceSettings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'web.db'}",
                                             storage_dir=tmp_path / "store"))
    yield application
    application.state.db.dispose()


@pytest.fixture
def model(tmp_path: Path, install_model) -> None:
    """The default classifier model in the app's data folder (a correction is judged again)."""
    install_model(tmp_path)


@pytest.fixture
def client(app) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(app, follow_redirects=False) as c:
        yield c


@pytest.fixture(scope="session")
def password_hash() -> str:
    from lianfa.service.auth import hash_password

    return hash_password(PASSWORD)


@pytest.fixture
def sessions(app, password_hash: str) -> dict[str, Session]:
    """A browser session of each role: users `<role>1`, logged in with kind=session tokens."""
    from lianfa.service.web.csrf import session_token

    return {
        role: Session(role, name, token, session_token(token))
        for role, (name, token) in role_tokens(app, password_hash, "session").items()
    }


@pytest.fixture
def tokens_for(app, password_hash: str):  # -> Callable[[str], str]
    """A bearer token of an existing `<role>1` user (made by `sessions`)."""
    from datetime import timedelta

    from sqlalchemy import select

    from lianfa.service.auth import issue_token
    from lianfa.service.db.models import User

    def make(role: str) -> str:
        with app.state.db.session() as s:
            user = s.scalar(select(User).where(User.name == f"{role}1"))
            return issue_token(s, user, "bearer", timedelta(hours=1))

    return make
