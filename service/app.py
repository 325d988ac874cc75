"""The FastAPI application factory. `lianfa serve` builds it with the configured settings; tests
build it against their own database and storage.

Creating the app migrates the database to the newest schema (Alembic `upgrade head`), so a fresh
installation and an upgraded one both start with the tables the code expects.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request, status
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi_offline import FastAPIOffline

from lianfa.errors import LianfaError
from lianfa.ingest.errors import IngestError
from lianfa.pipeline import Pipeline
from lianfa.service.auth import SESSION_COOKIE, LoginThrottled, policies, public
from lianfa.service.config import ServiceSettings, get_service_settings
from lianfa.service.db.migrate import upgrade
from lianfa.service.db.session import Database
from lianfa.service.health import check as check_health
from lianfa.service.metrics import registry as metrics_registry
from lianfa.service.routers import (
    auth,
    batches,
    cases,
    documents,
    exports,
    metrics,
    models,
    reviews,
    stats,
    uploads,
    users,
)
from lianfa.service.schemas.common import Problem, ValidationProblem
from lianfa.service.storage import StoreUnavailable, open_storage
from lianfa.service.uploads import UploadError
from lianfa.service.web import api_path, invalid_request_page
from lianfa.service.web import mount as mount_pages

PUBLIC_PATHS = frozenset({"/api/health", "/api/auth/token"})


def _query_names(dependant: Dependant) -> set[str]:
    return {p.alias for p in dependant.query_params}.union(*(_query_names(d) for d in dependant.dependencies))


def _known_query(request: Request) -> None:
    """An API call naming a query parameter its operation does not take is refused (422), not served
    as if the parameter were absent: a misspelt filter must not quietly return everything."""
    route = request.scope.get("route")
    if not request.url.path.startswith("/api/") or not isinstance(route, APIRoute):
        return
    known = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise RequestValidationError([
            {"loc": ("query", name), "msg": f"此接口没有参数 {name}", "type": "extra_forbidden"} for name in unknown
        ])


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    settings = settings or get_service_settings()
    db = Database(settings.db_url)
    upgrade(db.engine)
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.dispose()

    # Swagger UI and ReDoc from fastapi-offline's bundled files: the docs render with no network.
    app: FastAPI = FastAPIOffline(
        lifespan=lifespan,
        dependencies=[Depends(_known_query)],
        title="lianfa",
        summary="两法衔接：行政处罚决定书识别、要素抽取与涉嫌犯罪案件提示",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url="/api/redoc",
        static_url="/api/docs-static",
        swagger_ui_oauth2_redirect_url="/api/docs/oauth2-redirect",
    )
    app.state.settings = settings
    app.state.db = db
    app.state.storage = open_storage(settings)
    app.state.metrics = metrics_registry(db)
    # judges reviewers' corrections again; built here, its model loads on the first correction
    app.state.pipeline = Pipeline(settings)
    for r in (auth, users, batches, uploads, documents, cases, reviews, exports, stats, models, metrics):
        app.include_router(r.router)
    mount_pages(app)

    @app.get("/api/health", tags=["health"], dependencies=[Depends(public)],
             responses={503: {"description": "a model, the OCR models, a database migration or the store is missing; `problems` names each"}})
    def health() -> JSONResponse:
        """`ok`, or 503 with each problem (model, ocr, database, storage) in words."""
        found = check_health(db.engine, settings, app.state.storage)
        if found.ok:
            return JSONResponse({"status": "ok"})
        return JSONResponse({"status": "unavailable", "problems": found.problems},
                            status_code=status.HTTP_503_SERVICE_UNAVAILABLE)

    @app.exception_handler(UploadError)
    async def _upload_error(_: Request, exc: UploadError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_400_BAD_REQUEST)

    @app.exception_handler(IngestError)
    async def _ingest_error(_: Request, exc: IngestError) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "file": exc.file}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)

    @app.exception_handler(LoginThrottled)
    async def _throttled(_: Request, exc: LoginThrottled) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_429_TOO_MANY_REQUESTS,
                            headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(StoreUnavailable)
    async def _store_unavailable(_: Request, exc: StoreUnavailable) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
                            headers={"Retry-After": "60"})

    @app.exception_handler(LianfaError)
    async def _lianfa_error(_: Request, exc: LianfaError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_400_BAD_REQUEST)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        problems = "；".join(f"{'.'.join(str(p) for p in e['loc'] if p != 'body')}: {e['msg']}" for e in errors)
        if not api_path(request.url.path):
            return invalid_request_page(request, problems)
        return JSONResponse(
            {"detail": f"请求内容有误，请按提示修改后重试：{problems}", "errors": errors},
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )

    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


_BINARY_ERRORS = {
    "401": "not logged in, or the token expired",
    "403": "the caller's role may not do this",
    "404": "no such record, or not the caller's upload",
}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document with what FastAPI leaves out: the bearer and cookie security schemes and
    each operation's roles (from its declared access policy), and every error status the app
    answers, with the bodies its handlers really send."""
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for model in (Problem, ValidationProblem):
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    components["securitySchemes"] = {
        "bearer": {"type": "http", "scheme": "bearer", "description": "POST /api/auth/token 取得的令牌"},
        "session": {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE, "description": "网页登录的会话"},
    }
    declared = policies(app.routes)
    for path, item in doc["paths"].items():
        for method, op in item.items():
            access = declared[(method, path)]
            responses = op.setdefault("responses", {})
            problem = {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
            if access is not None and access.roles is not None:
                op["security"] = [{"bearer": []}, {"session": []}]
                op["x-lianfa-roles"] = sorted(access.roles)
                for code in ("401", "403"):
                    responses.setdefault(code, {"description": _BINARY_ERRORS[code], "content": problem})
            else:
                op["security"] = []
            if "{" in path:
                responses.setdefault("404", {"description": _BINARY_ERRORS["404"], "content": problem})
            if op.get("requestBody"):
                responses.setdefault("400", {"description": "the body cannot be parsed", "content": problem})
            if op.get("parameters") or op.get("requestBody"):
                responses["422"] = {
                    "description": "the request breaks the schema or a rule; `detail` says what to change",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ValidationProblem"}}},
                }
    app.openapi_schema = doc
    return doc
