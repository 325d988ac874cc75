"""The FastAPI application factory. `lianfa serve` builds it with the configured settings; tests
build it against their own database and storage.

Creating the app migrates the database to the newest schema (Alembic `upgrade head`), so a fresh
installation and an upgraded one both start with the tables the code expects.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ingest.errors import IngestError, LianfaError
from service.auth import LoginThrottled, public
from service.config import ServiceSettings, get_service_settings
from service.db.migrate import upgrade
from service.db.session import Database
from service.routers import auth, batches, cases, documents, exports, models, reviews, stats, users
from service.storage import Storage
from service.uploads import UploadError
from service.web import mount as mount_pages

PUBLIC_PATHS = frozenset({"/api/health", "/api/auth/token"})


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    settings = settings or get_service_settings()
    db = Database(settings.db_url)
    upgrade(db.engine)
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="lianfa",
        summary="两法衔接：行政处罚决定书识别、要素抽取与涉嫌犯罪案件提示",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.db = db
    app.state.storage = Storage(settings.store_dir)
    for r in (auth, users, batches, documents, cases, reviews, exports, stats, models):
        app.include_router(r.router)
    mount_pages(app)

    @app.get("/api/health", tags=["health"], dependencies=[Depends(public)])
    def health() -> dict[str, str]:
        return {"status": "ok"}

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

    @app.exception_handler(LianfaError)
    async def _lianfa_error(_: Request, exc: LianfaError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_400_BAD_REQUEST)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        problems = "；".join(f"{'.'.join(str(p) for p in e['loc'] if p != 'body')}: {e['msg']}" for e in errors)
        return JSONResponse(
            {"detail": f"请求内容有误，请按提示修改后重试：{problems}", "errors": errors},
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )

    return app
