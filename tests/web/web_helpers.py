"""Helpers shared by the page tests (fixtures live in conftest.py)."""

from __future__ import annotations

from typing import Any

from service_helpers import doc_bytes, fake_processor


def as_role(client: Any, session: Any) -> Any:
    """`client` carrying `session`'s cookie (the TestClient keeps one cookie jar)."""
    client.cookies.clear()
    client.cookies.set("lianfa_session", session.cookie)
    return client


def add_cases(app: Any, client: Any, uploader: Any, docs: list[dict[str, Any]]) -> list[int]:
    """Upload `docs` (ExtractResult overrides) through the API as the uploader's browser would, run the
    queued jobs with the fake processor, and return the case ids in upload order."""
    from lianfa.service.jobs.runner import run_pending

    files = [("files", (f"{i}.json", doc_bytes(**d), "application/json")) for i, d in enumerate(docs)]
    as_role(client, uploader)
    r = client.post("/api/batches", files=files, headers={"X-CSRF-Token": uploader.csrf})
    assert r.status_code == 201, r.text
    run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor, settings=app.state.settings)
    batch = client.get(f"/api/batches/{r.json()['id']}").json()
    return [it["case_id"] for it in batch["items"]]
