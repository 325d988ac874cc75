"""类案分析: case counts by agency, category, month, risk level and review outcome, and the flag rate.

A case is flagged when its criminal-risk level is `high` or `review` (the reviewers' queue)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from lianfa.service.case_query import CaseFilter
from lianfa.service.cases import FLAGGED_LEVELS
from lianfa.service.db.models import Case
from lianfa.service.schemas.stats import Bucket, StatsOut

_FLAG = func.sum(sql_case((Case.risk_level.in_(FLAGGED_LEVELS), 1), else_=0))


def _buckets(s: Session, column: InstrumentedAttribute[Any], f: CaseFilter) -> list[Bucket]:
    stmt = f.apply(select(column, func.count(Case.id), _FLAG).group_by(column))
    rows = s.execute(stmt).all()
    out = [Bucket(key=None if k is None else str(k), count=n, flagged=int(fl or 0)) for k, n, fl in rows]
    return sorted(out, key=lambda b: (-b.count, b.key or ""))


def compute(s: Session, f: CaseFilter) -> StatsOut:
    total, flagged = s.execute(f.apply(select(func.count(Case.id), _FLAG))).one()
    total, flagged = int(total or 0), int(flagged or 0)
    by_month = sorted(_buckets(s, Case.decision_month, f), key=lambda b: b.key or "")
    return StatsOut(
        total=total,
        flagged=flagged,
        flag_rate=round(flagged / total, 4) if total else 0.0,
        by_agency=_buckets(s, Case.agency, f),
        by_category=_buckets(s, Case.category, f),
        by_month=by_month,
        by_risk_level=_buckets(s, Case.risk_level, f),
        by_review_outcome=_buckets(s, Case.review_state, f),
    )
