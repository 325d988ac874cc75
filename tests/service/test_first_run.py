"""A fresh install must be usable: the first `lianfa serve` creates an admin to log in with."""

from __future__ import annotations

from pathlib import Path

import httpx
from live_server import Server, free_port, lianfa, login, service_env


def test_first_serve_creates_admin_and_later_serves_do_not(tmp_path: Path) -> None:
    env = service_env(tmp_path / "data", LIANFA_ADMIN_PASSWORD="first-run-secret", LIANFA_WORKERS="1")
    server = Server(env, free_port(), tmp_path / "serve.log")
    server.start()
    try:
        headers = login(server.url, "admin", "first-run-secret")
        users = httpx.get(f"{server.url}/api/users", headers=headers, timeout=30).json()
        assert [(u["name"], u["role"]) for u in users] == [("admin", "admin")]
    finally:
        server.stop()
    assert "created user admin" in (tmp_path / "serve.log").read_text()

    # a second start with another password must not reset or add anything
    env["LIANFA_ADMIN_PASSWORD"] = "other"
    server = Server(env, free_port(), tmp_path / "serve2.log")
    server.start()
    try:
        login(server.url, "admin", "first-run-secret")
    finally:
        server.stop()
    listed = lianfa(["users", "list"], env).stdout.strip().splitlines()
    assert len(listed) == 1 and "\tadmin\tadmin\t" in listed[0]
