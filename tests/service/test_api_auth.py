"""Login, tokens, cookies, and that every endpoint checks the caller's role."""

from __future__ import annotations

import pytest
from service_helpers import PASSWORD, auth

from lianfa.service.app import PUBLIC_PATHS

# Role checks do not depend on the database: these run on SQLite only.
sqlite_only = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def test_login_wrong_password_is_refused_in_chinese(client, tokens) -> None:
    r = client.post("/api/auth/token", data={"username": "admin1", "password": "wrong-password"})
    assert r.status_code == 401 and "用户名或密码错误" in r.json()["detail"]


def test_bearer_token_and_session_cookie(client, tokens) -> None:
    assert client.get("/api/auth/me", headers=auth(tokens, "reviewer")).json()["role"] == "reviewer"
    r = client.post("/api/auth/token", data={"username": "analyst1", "password": PASSWORD, "kind": "session"})
    assert r.status_code == 200 and "lianfa_session" in r.cookies
    assert client.get("/api/stats").status_code == 200  # the cookie alone authenticates
    assert client.post("/api/auth/logout").status_code == 204
    client.cookies.clear()
    assert client.get("/api/stats").status_code == 401


@sqlite_only
def test_every_endpoint_requires_login(client) -> None:
    checked = 0
    for path, ops in client.get("/api/openapi.json").json()["paths"].items():
        if path in PUBLIC_PATHS:
            continue
        url = (
            path.replace("{fmt}", "csv").replace("{page}", "1").replace("{batch_id}", "1").replace("{case_id}", "1")
            .replace("{document_id}", "1").replace("{user_id}", "1")
        )
        for method in ops:
            r = client.request(method.upper(), url)
            assert r.status_code == 401, f"{method} {path} answered {r.status_code} without login"
            assert "登录" in r.json()["detail"]
            checked += 1
    assert checked >= 20


@sqlite_only
@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("POST", "/api/batches", {"uploader", "admin"}),
        ("GET", "/api/cases", {"reviewer", "analyst", "admin"}),
        ("POST", "/api/cases/1/review", {"reviewer", "admin"}),
        ("GET", "/api/exports/training.jsonl", {"analyst", "admin"}),
        ("GET", "/api/users", {"admin"}),
        ("GET", "/api/stats", {"reviewer", "analyst", "admin"}),
    ],
)
def test_roles(client, tokens, method: str, url: str, allowed: set[str]) -> None:
    for role in tokens:
        r = client.request(method, url, headers=auth(tokens, role))
        if role in allowed:
            assert r.status_code != 403, f"{role} refused on {url}"
        else:
            assert r.status_code == 403 and "权限不足" in r.json()["detail"], f"{role} admitted on {url}"


def test_admin_manages_users_and_deactivation_ends_sessions(client, tokens) -> None:
    r = client.post("/api/users", json={"name": "clerk", "password": "longenough1", "role": "uploader"},
                    headers=auth(tokens, "admin"))
    assert r.status_code == 201
    uid = r.json()["id"]
    dup = client.post("/api/users", json={"name": "clerk", "password": "longenough1", "role": "uploader"},
                      headers=auth(tokens, "admin"))
    assert dup.status_code == 409 and "已存在" in dup.json()["detail"]
    tok = client.post("/api/auth/token", data={"username": "clerk", "password": "longenough1"}).json()["access_token"]
    assert client.get("/api/auth/me", headers={"Authorization": f"Bearer {tok}"}).status_code == 200
    assert client.patch(f"/api/users/{uid}", json={"active": False}, headers=auth(tokens, "admin")).status_code == 200
    assert client.get("/api/auth/me", headers={"Authorization": f"Bearer {tok}"}).status_code == 401
    assert client.post("/api/auth/token", data={"username": "clerk", "password": "longenough1"}).status_code == 401


def test_openapi_is_published(client) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/batches" in spec["paths"]
    body = spec["paths"]["/api/batches"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in body
