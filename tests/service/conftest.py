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
from pydantic import SecretStr
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


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """A real S3 server (moto's, from the test extra) on a free loopback port, as its own process
    for the whole session: the S3 storage is tested over HTTP, as it talks to MinIO or AWS."""
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    exe = shutil.which("moto_server") or str(Path(sys.executable).with_name("moto_server"))
    if not Path(exe).exists():
        unavailable("moto_server is not installed (pip install -e '.[test]')")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([exe, "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/moto-api/", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"moto_server did not start on port {port}")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def s3_settings(s3_endpoint: str, settings):  # -> ServiceSettings
    """`settings` with the originals in a fresh bucket of the loopback S3 server."""
    import boto3

    bucket = f"lianfa-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", aws_access_key_id="test",
                 aws_secret_access_key="test").create_bucket(Bucket=bucket)
    return settings.model_copy(update={
        "store_url": f"s3://{bucket}/lianfa", "s3_endpoint_url": s3_endpoint, "s3_region": "us-east-1",
        "s3_access_key_id": "test", "s3_secret_access_key": SecretStr("test"),
    })
