"""POST /api/cases/{id}/review: confirm, reject or correct, with optimistic locking and an audit entry."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status

from lianfa.service.auth import CurrentUser, require
from lianfa.service.reviews import InvalidCorrection, StaleVersion, review_case
from lianfa.service.routers.cases import get_case
from lianfa.service.routers.deps import SessionDep
from lianfa.service.schemas.cases import CaseSummary, ReviewRequest
from lianfa.service.schemas.common import IdPath, problems

router = APIRouter(prefix="/api/cases", tags=["reviews"])


@router.post("/{case_id}/review", response_model=CaseSummary, responses=problems(s409="the case changed since the reviewer saw it"))
def review(
    case_id: IdPath,
    body: ReviewRequest,
    request: Request,
    s: SessionDep,
    user: Annotated[CurrentUser, Depends(require("reviewer"))],
) -> CaseSummary:
    case = get_case(s, case_id)
    try:
        case = review_case(s, case, body, user, request.app.state.pipeline.classifier)
    except StaleVersion as exc:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"案件 {case_id} 已被他人修改（您看到的是第 {body.version} 版，当前是第 {exc.current} 版）；"
            "请刷新查看最新内容后重新审核",
        ) from exc
    except InvalidCorrection as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    return CaseSummary.model_validate(case)
