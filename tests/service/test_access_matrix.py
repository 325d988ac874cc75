"""The access rule, checked for every operation of the OpenAPI document and every role.

The matrix is generated from the published paths, so a new route is covered the moment it exists:
it fails here unless it declares its policy (`require(...)` or `public`), and the declared policy
is then exercised for each role, and for a second uploader against the first one's batch and files.
"""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from service_helpers import ROLES, auth, fake_payload

from lianfa.service.auth import issue_token, policies
from lianfa.service.db.models import User
from lianfa.service.jobs.runner import run_pending

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _every_file_reads(path: Path, name: str) -> dict[str, Any]:
    # Every upload becomes a case, so no item is left failed for a retry to re-queue mid-matrix.
    return {**fake_payload(), "file": name}


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("L", (200, 280), 255).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def world(app, client, tokens, password_hash: str) -> dict[str, Any]:
    files = [("files", ("scan.png", _png(), "image/png")), ("files", ("a.json", json.dumps(fake_payload()).encode(), "application/json"))]
    batch = client.post("/api/batches", files=files, headers=auth(tokens, "uploader")).json()
    run_pending(db=app.state.db, storage=app.state.storage, processor=_every_file_reads, settings=app.state.settings)
    with app.state.db.session() as s:
        other = User(name="uploader2", password_hash=password_hash, role="uploader", active=True)
        s.add(other)
        s.flush()
        other_token = issue_token(s, other, "bearer", timedelta(hours=1))
        other_id = other.id
    png = next(it for it in batch["items"] if it["name"] == "scan.png")
    upload = client.post("/api/uploads", json={"name": "part.txt", "size": 4}, headers=auth(tokens, "uploader")).json()
    case_id = client.get(f"/api/batches/{batch['id']}", headers=auth(tokens, "uploader")).json()["items"][0]["case_id"]
    return {
        "tokens": {**tokens, "other_uploader": other_token},
        "ids": {"batch_id": batch["id"], "document_id": png["document_id"], "case_id": case_id,
                "user_id": other_id, "page": 1, "fmt": "csv",
                "item_id": png["id"], "upload_id": upload["id"]},
    }


def test_every_operation_declares_an_access_policy(app, client) -> None:
    declared = policies(app.routes)
    ops = [(m, p) for p, item in client.get("/api/openapi.json").json()["paths"].items() for m in item]
    missing = [f"{m.upper()} {p}" for m, p in ops if declared.get((m, p)) is None]
    assert not missing, f"routes without a declared access policy (use service.auth.require or public): {missing}"
    assert len(ops) >= 20


def test_role_by_route_matrix(app, client, world) -> None:
    declared = policies(app.routes)
    paths = client.get("/api/openapi.json").json()["paths"]
    # Logging out revokes the caller's token: it runs after every other operation.
    ops = sorted(((m, p) for p, item in paths.items() for m in item), key=lambda op: op[1] == "/api/auth/logout")
    callers = {role: role for role in ROLES} | {"other_uploader": "uploader"}
    checked = 0
    for method, path in ops:
        policy = declared[(method, path)]
        assert policy is not None
        url = path.format(**world["ids"])
        for caller, role in callers.items():
            r = client.request(method.upper(), url, headers={"Authorization": f"Bearer {world['tokens'][caller]}"})
            where = f"{caller} {method.upper()} {url} -> {r.status_code} {r.text[:200]}"
            if policy.roles is not None and role not in policy.roles:
                assert r.status_code == 403 and "权限不足" in r.json()["detail"], where
            elif policy.owns == "upload" and caller != "uploader":
                # A chunked upload in progress answers only to whoever opened it.
                assert r.status_code == 404 and "不是您上传的" in r.json()["detail"], where
            elif policy.owns is not None and caller == "other_uploader":
                assert r.status_code == 404 and "不是您上传的" in r.json()["detail"], where
            else:
                documented = str(r.status_code) in paths[path][method]["responses"]  # e.g. health's 503
                assert r.status_code not in (401, 403, 404) and (r.status_code < 500 or documented), where
            checked += 1
    assert checked == len(ops) * len(callers)


def test_an_uploader_cannot_cancel_or_download_another_uploaders_files(client, world) -> None:
    other = {"Authorization": f"Bearer {world['tokens']['other_uploader']}"}
    ids = world["ids"]
    assert client.post(f"/api/batches/{ids['batch_id']}/cancel", headers=other).status_code == 404
    assert client.get(f"/api/documents/{ids['document_id']}/original", headers=other).status_code == 404
    assert client.get("/api/batches", headers=other).json() == []
    # The same bytes uploaded by the second uploader make the document theirs too.
    client.post("/api/batches", files=[("files", ("mine.png", _png(), "image/png"))], headers=other)
    assert client.get(f"/api/documents/{ids['document_id']}/original", headers=other).status_code == 200
