"""Types shared by the API schemas: text and JSON whose 身份证号 are masked on the way in and out,
so records stored before a masking rule existed never leave whole either."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import AfterValidator, BaseModel, Field

from lianfa.extractors.masking import mask_text, mask_value

MaskedStr = Annotated[str, AfterValidator(mask_text)]
MaskedJson = Annotated[dict[str, Any], AfterValidator(mask_value)]

# Ids are 32-bit integers in every supported database (PostgreSQL's `integer`): a larger one in a
# request is refused by the schema (422) before it reaches a query that would fail with a 500.
DB_INT_MAX = 2_147_483_647
MAX_PAGE_SIZE = 500

IdPath = Annotated[int, Path(ge=1, le=DB_INT_MAX, description="编号（正整数）")]
PagePath = Annotated[int, Path(ge=1, le=100_000, description="页码，从 1 开始")]
Offset = Annotated[int, Query(ge=0, le=DB_INT_MAX, description="跳过的条数")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"每页条数（1–{MAX_PAGE_SIZE}）")]
DbInt = Annotated[int, Field(ge=1, le=DB_INT_MAX)]


def _as_utc(value: datetime) -> datetime:
    # The database keeps naive UTC (SQLite has no time zones): say so on the way out.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_as_utc)]


class Problem(BaseModel):
    """An error the client can act on, in words."""

    detail: str


class FieldProblem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationProblem(Problem):
    """The request breaks the schema or a rule: `detail` says what to change, `errors` where."""

    errors: list[FieldProblem] = []
    file: str | None = None


# A name a clerk types: control characters would only break the exports and the pages later.
NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f-\x9f]*$"


def problems(**codes: str) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route's own error statuses: problems(s409="…") documents a 409 Problem."""
    return {int(code.removeprefix("s")): {"model": Problem, "description": text} for code, text in codes.items()}
