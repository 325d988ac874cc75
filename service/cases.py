"""A case is a processed document as reviewers see it: the extracted fields plus the columns the
case list filters and sorts on (agency, category, risk, decision date, searchable text)."""

from __future__ import annotations

from datetime import date
from typing import Any

from lianfa.contract import ReviewedResult
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


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def reviewed(fields: dict[str, Any]) -> ReviewedResult:
    """A case's stored fields as the contract's reviewed result: what every reader of a case reads,
    by attribute, so a key the contract renames fails the type check instead of reading nothing."""
    return ReviewedResult.model_validate(fields)


def search_text(result: ReviewedResult, file_name: str) -> str:
    parts: list[str] = [file_name]
    parts.extend(v for v in (result.doc_number, result.agency, result.case_cause, result.text) if v)
    for party in result.parties:
        parts.extend(v for v in (party.name, party.credit_code, party.legal_representative) if v)
    parts.extend(law.law for law in result.laws if law.law)
    return "\n".join(parts)


def apply_fields(case: Case, fields: dict[str, Any]) -> None:
    """Set the case's filter/sort columns from its (extracted or corrected) fields, ID numbers masked.
    The fields are stored as given: keys a newer version wrote survive an older one's correction."""
    fields = mask_value(fields)
    result = reviewed(fields)
    case.fields = fields
    case.doc_number = result.doc_number
    case.agency = result.agency
    case.decision_date = _parse_date(result.decision_date)
    case.decision_month = case.decision_date.strftime("%Y-%m") if case.decision_date else None
    case.category = result.violation.category
    case.category_label = result.violation.label
    case.risk_level = result.criminal_risk.level
    case.risk_rank = risk_rank(result.criminal_risk.level)
    case.risk_score = result.criminal_risk.score
    case.search_text = search_text(result, case.file_name)


def case_from_result(payload: dict[str, Any], file_name: str) -> Case:
    case = Case(file_name=mask_text(file_name), review_state="pending", review={}, version=1)
    apply_fields(case, payload)
    return case
