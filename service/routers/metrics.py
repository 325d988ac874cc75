"""`GET /metrics` for Prometheus (and Flower's dashboards beside it): see service.metrics. The
same at `GET /api/metrics`, where scrapers configured before `/metrics` existed still find it.

Who may scrape: an admin (bearer token or session), or, when LIANFA_METRICS_TOKEN is set, whoever
sends that token as `Authorization: Bearer …` (Prometheus' `authorization: credentials:`), so a
scraper needs no user account. The figures hold no case data, but queue sizes and worker names
are still the office's business: there is no unauthenticated mode.
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from lianfa.service.auth import Access, current_user, request_token, require

router = APIRouter(tags=["metrics"])
# Prometheus' default metrics_path. Outside /api/, but answered as the API is: errors are plain
# status codes and JSON for a scraper, never the web pages' HTML (service.web.api_path).
PROMETHEUS_PATH = "/metrics"
_admin = require()


def scraper(request: Request) -> None:
    """The metrics token, else an admin (a 401 or 403 as for any admin route)."""
    expected = request.app.state.settings.metrics_token
    given = request_token(request)
    if expected is not None and given is not None and hmac.compare_digest(given.encode(), expected.get_secret_value().encode()):
        return
    _admin(request, current_user(request))


scraper.access = Access(frozenset({"admin"}))  # type: ignore[attr-defined]

_TEXT: dict[int | str, dict[str, Any]] = {200: {"description": "Prometheus text exposition format",
               "content": {"text/plain": {"schema": {"type": "string"}}}}}


@router.get(PROMETHEUS_PATH, dependencies=[Depends(scraper)], response_class=Response, responses=_TEXT)
@router.get("/api/metrics", dependencies=[Depends(scraper)], response_class=Response, responses=_TEXT)
async def metrics(request: Request) -> Response:
    """Queue depth, pages per minute, failures by stage and reason, OCR seconds per page, worker memory."""
    body = await run_in_threadpool(generate_latest, request.app.state.metrics)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
