"""The Jinja2 environment of the pages: autoescaping on (every OCR'd or extracted string is escaped),
and the few display filters the templates share."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from lianfa.service.auth import SESSION_COOKIE, CurrentUser
from lianfa.service.web import csrf
from lianfa.service.web.access import ROLE_NAMES, can
from lianfa.service.web.case_view import changes
from lianfa.service.web.labels import (
    AMOUNT_ROLES,
    LAW_ROLES,
    PARTY_KINDS,
    PENALTY_KINDS,
    QUANTITY_KINDS,
    REVIEW_STATES,
    RISK_LEVELS,
    RISK_UNASSESSED,
)

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))

# Scripts only from our own static folder: an injected <script> or on* attribute cannot run even if
# something slipped past escaping.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


def _money(value: Any) -> str:
    if value is None:
        return "—"
    v = float(value)
    return f"{v:,.0f}" if abs(v - round(v)) < 0.005 else f"{v:,.2f}"


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return "—" if value is None else str(value)


def _pct(value: Any) -> str:
    return "—" if value is None else f"{float(value) * 100:.1f}%"


def _plain(value: Any) -> str:
    """A number as a form field shows it: 30056, not 30056.0."""
    f = float(value)
    return str(int(f)) if f.is_integer() else str(f)


templates.env.filters.update(money=_money, when=_when, pct=_pct, plain=_plain)
templates.env.globals.update(RISK_LEVELS=RISK_LEVELS, REVIEW_STATES=REVIEW_STATES, ROLE_NAMES=ROLE_NAMES, can=can,
                             AMOUNT_ROLES=AMOUNT_ROLES, QUANTITY_KINDS=QUANTITY_KINDS, PARTY_KINDS=PARTY_KINDS,
                             PENALTY_KINDS=PENALTY_KINDS, LAW_ROLES=LAW_ROLES,
                             RISK_UNASSESSED=RISK_UNASSESSED, changes=changes)


def render(
    request: Request, name: str, user: CurrentUser | None, status_code: int = 200, **context: Any
) -> HTMLResponse:
    session = request.cookies.get(SESSION_COOKIE)
    context.setdefault("csrf_token", csrf.session_token(session) if session else "")
    response = templates.TemplateResponse(
        request, name, {"user": user, **context}, status_code=status_code
    )
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    return response
