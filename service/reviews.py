"""Reviewing a case: confirm (suspected crime, recommend transfer), reject (with reason), or correct
fields/category. Optimistic locking: the update applies only to the version the reviewer saw."""

from __future__ import annotations

import copy
from typing import Any

from pydantic import ValidationError
from sqlalchemy import update
from sqlalchemy.orm import Session

from lianfa.service import audit
from lianfa.service.auth import CurrentUser
from lianfa.service.cases import CORRECTABLE, apply_fields
from lianfa.service.db.models import Case, utcnow
from lianfa.service.db.session import rows_changed
from lianfa.service.reassess import Rejudge, reassess
from lianfa.service.schemas.cases import CorrectedFields, ReviewRequest


class StaleVersion(Exception):
    def __init__(self, current: int) -> None:
        self.current = current
        super().__init__(current)


class InvalidCorrection(ValueError):
    pass


def snapshot(case: Case) -> dict[str, Any]:
    risk = case.fields.get("criminal_risk") or {}
    return {
        "version": case.version,
        "review_state": case.review_state,
        "review": copy.deepcopy(case.review),
        "category": case.category,
        "category_label": case.category_label,
        "fields": {k: copy.deepcopy(case.fields.get(k)) for k in CORRECTABLE},
        # a correction re-runs the rules: the audit keeps the risk before and after
        "risk": {"level": risk.get("level"), "score": risk.get("score"), "reasons": copy.deepcopy(risk.get("reasons"))},
    }


def _corrected(raw: dict[str, Any]) -> dict[str, Any]:
    unknown = set(raw) - set(CORRECTABLE)
    if unknown:
        raise InvalidCorrection(f"这些字段不能更正：{'、'.join(sorted(unknown))}；可更正：{'、'.join(CORRECTABLE)}")
    try:
        checked = CorrectedFields.model_validate(raw)
    except ValidationError as exc:
        problems = "；".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise InvalidCorrection(f"更正的内容有误：{problems}") from exc
    return {k: v for k, v in checked.model_dump(mode="json", exclude_unset=True).items() if k in raw}


def review_case(
    s: Session, case: Case, req: ReviewRequest, user: CurrentUser, classifier: Rejudge | None
) -> Case:
    """`classifier` judges corrected fields again (the app's Pipeline's)."""
    before = snapshot(case)
    fields = copy.deepcopy(case.fields)
    review: dict[str, Any] = dict(case.review or {})
    review.update(reviewer=user.name, reviewed_at=utcnow().isoformat(timespec="seconds"), action=req.action)
    state = case.review_state
    if req.action == "confirm":
        state = "confirmed"
        review.update(suspected_crime=req.suspected_crime, recommend_transfer=req.recommend_transfer, reason=req.reason)
    elif req.action == "reject":
        state = "rejected"
        review.update(reason=req.reason, recommend_transfer=False)
    else:
        fields.update(_corrected(req.fields or {}))
        if req.category:
            violation = dict(fields.get("violation") or {})
            violation.update(category=req.category, corrected_by=user.name)
            fields["violation"] = violation
        fields = reassess(fields, classifier)
        state = "corrected" if case.review_state == "pending" else case.review_state
        review.update(reason=req.reason, corrected=True)

    probe = Case(file_name=case.file_name)
    apply_fields(probe, fields)
    values = {
        c: getattr(probe, c)
        for c in ("fields", "doc_number", "agency", "decision_date", "decision_month", "category",
                  "category_label", "risk_level", "risk_rank", "risk_score", "search_text")
    }
    changed = rows_changed(s.execute(
        update(Case)
        .where(Case.id == case.id, Case.version == req.version)
        .values(**values, review_state=state, review=review, version=Case.version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    ))
    if not changed:
        s.rollback()
        fresh = s.get(Case, case.id)
        raise StaleVersion(fresh.version if fresh else -1)
    s.expire(case)
    s.refresh(case)
    audit.record(s, user, f"review.{req.action}", "case", case.id, before, snapshot(case))
    return case
