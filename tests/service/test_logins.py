"""Logins: backoff per account and per address (429 with Retry-After), every attempt in the audit
log, and the password policy (length, not the user name, not a common password)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from service_helpers import PASSWORD, auth
from sqlalchemy import select

from lianfa.service import auth as service_auth
from lianfa.service.auth import (
    FREE_FAILURES_PER_ACCOUNT,
    FREE_FAILURES_PER_ADDRESS,
    WeakPassword,
    check_password,
)
from lianfa.service.db.models import AuditEntry

sqlite_only = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(service_auth, "utcnow", c)
    return c


def _login(client, name: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/api/auth/token", data={"username": name, "password": password})


@sqlite_only
def test_repeated_failures_back_off_per_account_and_a_good_login_resets(client, tokens, clock) -> None:
    for _ in range(FREE_FAILURES_PER_ACCOUNT):
        assert _login(client, "reviewer1", "wrong-password").status_code == 401
    refused = _login(client, "reviewer1", "wrong-password")
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
    assert "秒后再试" in refused.json()["detail"]
    assert _login(client, "reviewer1", PASSWORD).status_code == 429  # the right password waits too
    assert _login(client, "analyst1", PASSWORD).status_code == 200  # other accounts are not held up

    clock.advance(1)
    assert _login(client, "reviewer1", "wrong-password").status_code == 401
    assert _login(client, "reviewer1", "wrong-password").headers["Retry-After"] == "2"  # doubled
    clock.advance(2)
    assert _login(client, "reviewer1", PASSWORD).status_code == 200
    assert _login(client, "reviewer1", "wrong-password").status_code == 401  # forgiven after success


@sqlite_only
def test_fifty_quick_failures_meet_mostly_429(client, tokens, clock) -> None:
    codes = [_login(client, "admin1", f"guess-{i}").status_code for i in range(50)]
    assert codes.count(401) == FREE_FAILURES_PER_ACCOUNT and codes.count(429) == 50 - FREE_FAILURES_PER_ACCOUNT


@sqlite_only
def test_one_address_trying_many_accounts_is_held_back(client, tokens, clock) -> None:
    for i in range(FREE_FAILURES_PER_ADDRESS):
        assert _login(client, f"nobody{i}", "wrong-password").status_code == 401
    r = _login(client, "someone-new", "wrong-password")
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1


@sqlite_only
def test_failed_logins_are_audited(app, client, tokens, clock) -> None:
    _login(client, "uploader1", "wrong-password")
    _login(client, "ghost", "wrong-password")
    _login(client, "uploader1", PASSWORD)
    with app.state.db.session() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.after).where(AuditEntry.entity == "login")
                         .order_by(AuditEntry.id)).all()
    assert [(a, after["name"]) for a, after in rows] == [
        ("login.failed", "uploader1"), ("login.failed", "ghost"), ("login", "uploader1")]
    assert all(after["address"] == "testclient" for _, after in rows)


@pytest.mark.parametrize("password", ["00000000", "0000000000", "short-9", "clerk-2024-pass", "woaini1314!",
                                      "Password2024", "1q2w3e4r5t", "aaaaabbbbb"])
def test_password_policy_refuses(password: str) -> None:
    with pytest.raises(WeakPassword):
        check_password("clerk", password)


def test_password_policy_admits_a_reasonable_password() -> None:
    check_password("clerk", "river-lantern-47")


@sqlite_only
def test_api_refuses_weak_passwords_with_a_reason(client, tokens) -> None:
    h = auth(tokens, "admin")
    r = client.post("/api/users", json={"name": "clerk", "password": "0000000000", "role": "uploader"}, headers=h)
    assert r.status_code == 409 and "常见" in r.json()["detail"]
    uid = client.get("/api/users", headers=h).json()[0]["id"]
    r = client.patch(f"/api/users/{uid}", json={"password": "0000000000"}, headers=h)
    assert r.status_code == 409


@sqlite_only
def test_the_session_cookie_is_secure_behind_tls(app, tokens) -> None:
    from fastapi.testclient import TestClient

    for base, secure in (("https://lianfa.example", True), ("http://127.0.0.1", False)):
        with TestClient(app, base_url=base) as c:
            r = c.post("/api/auth/token", data={"username": "analyst1", "password": PASSWORD, "kind": "session"})
            assert r.status_code == 200
            assert ("secure" in r.headers["set-cookie"].lower()) is secure


def test_a_control_character_in_the_name_is_a_failed_login_on_every_database(app, client, tokens) -> None:
    from lianfa.service.auth import authenticate

    with app.state.db.session() as s:
        assert authenticate(s, "admin1\x00", "wrong-password") is None
    assert _login(client, "\x00", "wrong-password").status_code == 422
