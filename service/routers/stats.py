"""GET /api/stats: 类案分析 counts for the 联席会议, with the same filters as the case list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from lianfa.service import stats
from lianfa.service.auth import CurrentUser, require
from lianfa.service.case_query import CaseFilter, case_filter
from lianfa.service.routers.deps import SessionDep
from lianfa.service.schemas.stats import StatsOut

router = APIRouter(prefix="/api/stats", tags=["stats"])


@router.get("", response_model=StatsOut)
def get_stats(
    s: SessionDep,
    user: Annotated[CurrentUser, Depends(require("analyst", "reviewer"))],
    f: Annotated[CaseFilter, Depends(case_filter)],
) -> StatsOut:
    return stats.compute(s, f)
