"""A reviewer's corrected fields judged again: the stored text and the (corrected) fields go back
through the pipeline's classifier, so a corrected 非法经营额 or quantity moves the criminal risk the
same way an extracted one would.

The stored result is the contract's JSON; the classifiers read the extractors' dataclasses. The
text is the stored (masked) text: masking keeps every offset, so evidence spans still point into it.
A value a reviewer typed has no place on the page: its evidence says so instead of pointing anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from lianfa.contract import CriminalRiskOut, ViolationOut
from lianfa.extractors.agency import Agency
from lianfa.extractors.amounts import Amount
from lianfa.extractors.case_cause import CaseCause
from lianfa.extractors.dates import DecisionDate
from lianfa.extractors.doc_number import DocNumber
from lianfa.extractors.fields import Fields
from lianfa.extractors.laws import LawRef
from lianfa.extractors.parties import Party
from lianfa.extractors.penalties import Penalty
from lianfa.extractors.quantities import Quantity
from lianfa.ingest.document import Box, Evidence
from lianfa.ingest.pipeline import text_document
from lianfa.pipeline import Verdict

TYPED = "（审核人员更正）"  # the evidence text of a value a reviewer entered


def _evidence(raw: Any) -> Evidence:
    if not isinstance(raw, dict):
        return Evidence(page=1, start=0, end=0, text=TYPED, box=None)
    box = raw.get("box")
    return Evidence(
        page=int(raw.get("page") or 1), start=int(raw.get("start") or 0), end=int(raw.get("end") or 0),
        text=str(raw.get("text") or TYPED),
        box=Box(box["x0"], box["y0"], box["x1"], box["y1"]) if isinstance(box, dict) else None,
    )


def _rows(fields: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [r for r in fields.get(key) or [] if isinstance(r, dict)]


def _evidence_of(fields: dict[str, Any], key: str) -> Evidence:
    return _evidence((fields.get("evidence") or {}).get(key))


def fields_from_contract(fields: dict[str, Any]) -> Fields:
    """The extractors' Fields from a stored (possibly corrected) contract result."""
    decided = fields.get("decision_date")
    return Fields(
        doc_number=DocNumber(fields["doc_number"], _evidence_of(fields, "doc_number")) if fields.get("doc_number") else None,
        agency=Agency(fields["agency"], _evidence_of(fields, "agency")) if fields.get("agency") else None,
        decision_date=(DecisionDate(date.fromisoformat(str(decided)[:10]), _evidence_of(fields, "decision_date"))
                       if decided else None),
        case_cause=CaseCause(fields["case_cause"], _evidence_of(fields, "case_cause")) if fields.get("case_cause") else None,
        parties=[Party(name=str(p.get("name") or ""), kind=p.get("kind") or "organisation",
                       credit_code=p.get("credit_code"), credit_code_valid=p.get("credit_code_valid"),
                       credit_code_suggestion=p.get("credit_code_suggestion"), registration_no=p.get("registration_no"),
                       legal_representative=p.get("legal_representative"), id_number_masked=p.get("id_number_masked"),
                       address=p.get("address"), evidence=_evidence(p.get("evidence")))
                 for p in _rows(fields, "parties")],
        amounts=[Amount(str(a["role"]), float(a["yuan"]), _evidence(a.get("evidence"))) for a in _rows(fields, "amounts")],
        quantities=[Quantity(str(q["kind"]), float(q["value"]), str(q.get("unit") or ""), str(q.get("subject") or ""),
                             _evidence(q.get("evidence"))) for q in _rows(fields, "quantities")],
        laws=[LawRef(str(x["law"]), int(x["article"]), x.get("paragraph"), x.get("item"), str(x.get("role") or "violated"),
                     _evidence(x.get("evidence"))) for x in _rows(fields, "laws")],
        penalties=[Penalty(str(p["kind"]), None if p.get("yuan") is None else float(p["yuan"]), _evidence(p.get("evidence")))
                   for p in _rows(fields, "penalties")],
        missing_elements=list(fields.get("missing_elements") or []),
    )


# (document, fields[, category=...]) -> Verdict: lianfa.classifiers.verdict.RegistryClassifier
Rejudge = Callable[..., Verdict]


def reassess(fields: dict[str, Any], classifier: Rejudge | None) -> dict[str, Any]:
    """`fields` with `violation` and `criminal_risk` judged again by `classifier` (the app's
    Pipeline's; None: unchanged). A category a reviewer corrected (`violation.corrected_by`) stays:
    its rules are the ones checked."""
    if classifier is None:
        return fields
    violation = fields.get("violation") or {}
    forced = violation.get("category") if violation.get("corrected_by") else None
    document = text_document(str(fields.get("text") or ""))
    extracted = fields_from_contract(fields)
    verdict = classifier(document, extracted, category=forced) if forced else classifier(document, extracted)
    out = dict(fields)
    if verdict.violation is not None:
        judged = ViolationOut.model_validate(verdict.violation, from_attributes=True).model_dump(mode="json")
        out["violation"] = {**judged, **({"corrected_by": violation["corrected_by"]} if forced else {})}
    if verdict.criminal_risk is not None:
        out["criminal_risk"] = CriminalRiskOut.model_validate(verdict.criminal_risk, from_attributes=True).model_dump(mode="json")
    return out
