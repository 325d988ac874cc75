"""Service test fixtures: a database per test on SQLite and (when the server is up) PostgreSQL,
storage in a temporary folder, users of every role, and a fake processor for unit tests.

PostgreSQL tests get a fresh schema each (dropped afterwards); they are skipped only when the
server at LIANFA_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/test) is unreachable.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_helpers import PASSWORD, role_tokens

from tests.conftest import unavailable

PG_URL = os.environ.get("LIANFA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_reachable() -> bool:
    import psycopg

    try:
        with psycopg.connect(PG_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


@pytest.fixture(scope="session")
def pg_available() -> bool:
    return _pg_reachable()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'lianfa.db'}"
        return
    if not request.getfixturevalue("pg_available"):
        unavailable(f"PostgreSQL unreachable at {PG_URL}")
    import psycopg

    schema = f"lianfa_t_{uuid.uuid4().hex[:10]}"
    plain = PG_URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def settings(db_url: str, tmp_path: Path):  # -> ServiceSettings
    from lianfa.service.config import ServiceSettings

    return ServiceSettings(
        data_dir=tmp_path,
        database_url=db_url,
        storage_dir=tmp_path / "store",
        job_lease_seconds=30,
        max_upload_file_bytes=2 * 1024 * 1024,
    )


@pytest.fixture
def model(settings, install_model) -> None:
    """The default classifier model in the test's data folder: for tests whose app judges (a
    reviewer's correction is judged again) or whose jobs run the real pipeline."""
    install_model(settings.data_dir)


@pytest.fixture
def app(settings):  # -> FastAPI
    from lianfa.service.app import create_app

    application = create_app(settings)
    yield application
    application.state.db.dispose()


@pytest.fixture
def client(app):  # -> TestClient
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def password_hash() -> str:
    from lianfa.service.auth import hash_password

    return hash_password(PASSWORD)  # argon2 is slow on purpose: hash once for all tests


@pytest.fixture
def tokens(app, password_hash: str) -> dict[str, str]:
    """A bearer token for one user (`<role>1`, password PASSWORD) of each role."""
    return {role: token for role, (_, token) in role_tokens(app, password_hash, "bearer").items()}
