"""The OpenAPI contract, checked by schemathesis against the app: generated requests for every
operation (bounded examples, positive and negative, every check) must never get a 5xx, and every
answer must match the document: status, media type, headers and body schema. Runs on SQLite with
some data in place, on SQLite and PostgreSQL.

The operations are walked here with hypothesis directly: schemathesis' pytest loader relies on a
pytest internal this pytest no longer has.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from service_helpers import auth, doc_bytes, fake_processor

from lianfa.service import auth as service_auth
from lianfa.service.jobs.runner import run_pending

sqlite_only = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
EXAMPLES = {GenerationMode.POSITIVE: 20, GenerationMode.NEGATIVE: 10}


def _seed(app, client, tokens) -> None:  # type: ignore[no-untyped-def]
    files = [("files", (f"{i}.json", doc_bytes(doc_number=f"契约罚〔2024〕{i}号"), "application/json")) for i in range(3)]
    client.post("/api/batches", files=files, headers=auth(tokens, "uploader"))
    run_pending(db=app.state.db, storage=app.state.storage, processor=fake_processor, settings=app.state.settings)
    first = client.get("/api/cases", headers=auth(tokens, "reviewer")).json()["items"][0]
    client.post(f"/api/cases/{first['id']}/review", json={"action": "confirm", "version": first["version"]},
                headers=auth(tokens, "reviewer"))


# PostgreSQL too: its integer ranges and text rules are where out-of-range input used to become a 500.
@pytest.mark.parametrize("db_url", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
def test_every_operation_keeps_the_contract(model, app, client, tokens, monkeypatch: pytest.MonkeyPatch) -> None:
    _seed(app, client, tokens)
    # Login backoff is measured in seconds: on a stopped clock a replayed example meets the same
    # throttle state as its first run, however slow the machine.
    stopped = service_auth.utcnow()
    monkeypatch.setattr(service_auth, "utcnow", lambda: stopped)
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    # Logging out (or deactivating the caller) ends the session the later operations use.
    operations = sorted((r.ok() for r in schema.get_all_operations()),
                        key=lambda op: (op.path in ("/api/auth/logout", "/api/users/{user_id}"), op.path, op.method))
    failures: list[str] = []
    checked = 0
    for operation in operations:
        for mode, n in EXAMPLES.items():
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=n, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))
            def run(case) -> None:  # type: ignore[no-untyped-def]
                # The test app has no classifier model, so health answers its documented 503 (checked
                # against the document like every other answer); 5xx anywhere else is a failure.
                # run() is called within this iteration, so the late-bound loop variable is this operation
                lenient = [not_a_server_error] if operation.path == "/api/health" else []  # noqa: B023
                case.call_and_validate(headers=auth(tokens, "admin"), excluded_checks=lenient)

            try:
                run()
            except Unsatisfiable:
                assert mode == GenerationMode.NEGATIVE  # no parameters and no body: nothing to get wrong
            except (Exception, BaseExceptionGroup) as exc:
                failures.append(f"{operation.method.upper()} {operation.path} ({mode}): {exc}")
            checked += 1
    assert checked == 2 * len(operations) and len(operations) >= 20
    assert not failures, "\n\n".join(failures)


@sqlite_only
def test_datetimes_carry_their_time_zone_and_errors_their_declared_shape(app, client, tokens) -> None:
    from datetime import datetime

    _seed(app, client, tokens)
    stamps = [b["created_at"] for b in client.get("/api/batches", headers=auth(tokens, "admin")).json()]
    stamps += [c["created_at"] for c in client.get("/api/cases", headers=auth(tokens, "admin")).json()["items"]]
    stamps += [u["created_at"] for u in client.get("/api/users", headers=auth(tokens, "admin")).json()]
    assert stamps and all(datetime.fromisoformat(t).utcoffset() is not None for t in stamps), stamps

    spec = client.get("/api/openapi.json").json()
    invalid = client.get("/api/cases?limit=-1", headers=auth(tokens, "admin"))
    declared = spec["paths"]["/api/cases"]["get"]["responses"]["422"]["content"]["application/json"]["schema"]
    assert declared == {"$ref": "#/components/schemas/ValidationProblem"}
    body = invalid.json()
    assert isinstance(body["detail"], str) and body["errors"][0]["loc"] == ["query", "limit"]
    csv_op = spec["paths"]["/api/exports/cases.{fmt}"]["get"]["responses"]["200"]["content"]
    assert "text/csv" in csv_op and "application/json" not in csv_op
    assert spec["components"]["securitySchemes"]["bearer"] == {
        "type": "http", "scheme": "bearer", "description": "POST /api/auth/token 取得的令牌"}


@sqlite_only
def test_a_reject_without_a_reason_is_schema_invalid_not_a_surprise(client) -> None:
    import jsonschema_rs

    review = jsonschema_rs.validator_for(client.get("/api/openapi.json").json()["components"]["schemas"]["ReviewRequest"])
    assert not review.is_valid({"action": "reject", "version": 1})
    assert not review.is_valid({"action": "reject", "version": 1, "reason": "  "})
    assert not review.is_valid({"action": "correct", "version": 1, "fields": {}})
    assert review.is_valid({"action": "reject", "version": 1, "reason": "面积未达标准"})
    assert review.is_valid({"action": "correct", "version": 1, "category": "land"})


@sqlite_only
def test_api_docs_are_served_from_the_package(client) -> None:
    page = client.get("/api/docs").text
    assert "cdn" not in page.lower() and "/api/docs-static/swagger-ui-bundle.js" in page
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"):
        r = client.get(f"/api/docs-static/{asset}")
        assert r.status_code == 200 and len(r.content) > 10_000
    assert "/api/docs-static/redoc.standalone.js" in client.get("/api/redoc").text
