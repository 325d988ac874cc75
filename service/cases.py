"""A case is a processed document as reviewers see it: the extracted fields plus the columns the
case list filters and sorts on (agency, category, risk, decision date, searchable text)."""

from __future__ import annotations

from datetime import date
from typing import Any

from lianfa.corpora.vocabulary import flagged_levels, risk_rank
from lianfa.extractors.masking import mask_text, mask_value
from lianfa.service.db.models import Case

FLAGGED_LEVELS = flagged_levels()

# Fields a reviewer may correct; everything else in the stored result stays as extracted.
CORRECTABLE = (
    "doc_number",
    "agency",
    "decision_date",
    "case_cause",
    "parties",
    "amounts",
    "quantities",
    "laws",
    "penalties",
)


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def search_text(fields: dict[str, Any], file_name: str) -> str:
    parts: list[str] = [file_name]
    for key in ("doc_number", "agency", "case_cause", "text"):
        if fields.get(key):
            parts.append(str(fields[key]))
    for party in fields.get("parties") or []:
        if isinstance(party, dict):
            parts.extend(str(party[k]) for k in ("name", "credit_code", "legal_representative") if party.get(k))
    for law in fields.get("laws") or []:
        if isinstance(law, dict) and law.get("law"):
            parts.append(str(law["law"]))
    return "\n".join(parts)


def apply_fields(case: Case, fields: dict[str, Any]) -> None:
    """Set the case's filter/sort columns from its (extracted or corrected) fields, ID numbers masked."""
    fields = mask_value(fields)
    violation = fields.get("violation") or {}
    risk = fields.get("criminal_risk") or {}
    case.fields = fields
    case.doc_number = fields.get("doc_number")
    case.agency = fields.get("agency")
    case.decision_date = _parse_date(fields.get("decision_date"))
    case.decision_month = case.decision_date.strftime("%Y-%m") if case.decision_date else None
    case.category = violation.get("category")
    case.category_label = violation.get("label")
    case.risk_level = risk.get("level")
    case.risk_rank = risk_rank(risk.get("level"))
    case.risk_score = risk.get("score")
    case.search_text = search_text(fields, case.file_name)


def case_from_result(payload: dict[str, Any], file_name: str) -> Case:
    case = Case(file_name=mask_text(file_name), review_state="pending", review={}, version=1)
    apply_fields(case, payload)
    return case
