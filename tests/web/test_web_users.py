"""The administrators' user page: list, add with a role, disable and enable, reset a password shown once."""

from __future__ import annotations

import re

from web_helpers import as_role

from lianfa.service.auth import authenticate, user_for_token


def _shown_password(html: str) -> str:
    found = re.search(r'<code class="secret">([^<]+)</code>', html)
    assert found, "no password shown"
    return found.group(1)


def test_admin_adds_a_user_whose_generated_password_is_shown_once(app, client, sessions) -> None:
    admin = sessions["admin"]
    as_role(client, admin)
    listed = client.get("/users")
    assert listed.status_code == 200 and "reviewer1" in listed.text and "审核员" in listed.text
    r = client.post("/users", data={"name": "clerk7", "role": "uploader", "password": "", "csrf_token": admin.csrf})
    assert r.status_code == 200 and "已创建账号 clerk7" in r.text
    password = _shown_password(r.text)
    assert password not in client.get("/users").text
    with app.state.db.session() as s:
        user = authenticate(s, "clerk7", password)
        assert user is not None and user.role == "uploader"
    short = client.post("/users", data={"name": "x", "role": "uploader", "password": "short", "csrf_token": admin.csrf})
    assert short.status_code == 422 and "至少 8 位" in short.text
    again = client.post("/users", data={"name": "clerk7", "role": "uploader", "password": "", "csrf_token": admin.csrf})
    assert again.status_code == 409


def test_disable_ends_sessions_and_reset_gives_a_new_password(app, client, sessions) -> None:
    admin, reviewer = sessions["admin"], sessions["reviewer"]
    as_role(client, admin)
    with app.state.db.session() as s:
        rid = user_for_token(s, reviewer.cookie).id
    assert client.post(f"/users/{rid}/active", data={"active": "no", "csrf_token": admin.csrf}).status_code == 303
    with app.state.db.session() as s:
        assert user_for_token(s, reviewer.cookie) is None
        assert authenticate(s, "reviewer1", "correct-horse-9") is None
    assert "已停用" in client.get("/users?done=disabled").text
    assert client.post(f"/users/{rid}/active", data={"active": "yes", "csrf_token": admin.csrf}).status_code == 303
    reset = client.post(f"/users/{rid}/reset", data={"csrf_token": admin.csrf})
    with app.state.db.session() as s:
        assert authenticate(s, "reviewer1", _shown_password(reset.text)) is not None
    with app.state.db.session() as s:
        aid = user_for_token(s, admin.cookie).id
    me = client.post(f"/users/{aid}/active", data={"active": "no", "csrf_token": admin.csrf})
    assert me.status_code == 409 and "不能停用自己" in me.text


def test_only_admins_reach_the_user_page(client, sessions) -> None:
    for role in ("uploader", "reviewer", "analyst"):
        as_role(client, sessions[role])
        assert client.get("/users").status_code == 403
        assert client.post("/users", data={"name": "x", "role": "admin", "csrf_token": sessions[role].csrf}).status_code == 403
