from __future__ import annotations

from pydantic import BaseModel


class Bucket(BaseModel):
    key: str | None
    count: int
    flagged: int


class StatsOut(BaseModel):
    total: int
    flagged: int
    flag_rate: float  # flagged / total; flagged = risk level high or review
    by_agency: list[Bucket]
    by_category: list[Bucket]
    by_month: list[Bucket]
    by_risk_level: list[Bucket]
    by_review_outcome: list[Bucket]


class ModelOut(BaseModel):
    kind: str
    name: str
    version: str | None = None
    active: bool = False
    path: str | None = None
    sha256: str | None = None
    size: int | None = None
