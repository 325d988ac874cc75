"""A reviewer's corrected fields judged again: the stored text and the (corrected) fields go back
through the pipeline's classifier, so a corrected 非法经营额 or quantity moves the criminal risk the
same way an extracted one would.

The stored result is read as the contract's ReviewedResult; the classifiers read the extractors'
dataclasses. The
text is the stored (masked) text: masking keeps every offset, so evidence spans still point into it.
A value a reviewer typed has no place on the page: its evidence says so instead of pointing anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from lianfa.contract import EvidenceOut, ReviewedResult
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
from lianfa.pipeline import Verdict, risk_out, violation_out
from lianfa.service.cases import reviewed

TYPED = "（审核人员更正）"  # the evidence text of a value a reviewer entered


def _evidence(ev: EvidenceOut | None) -> Evidence:
    if ev is None:
        return Evidence(page=1, start=0, end=0, text=TYPED, box=None)
    box = Box(ev.box.x0, ev.box.y0, ev.box.x1, ev.box.y1) if ev.box else None
    return Evidence(page=ev.page, start=ev.start, end=ev.end, text=ev.text, box=box)


def fields_from_contract(r: ReviewedResult) -> Fields:
    """The extractors' Fields from a stored (possibly corrected) result."""
    ev = r.evidence
    return Fields(
        doc_number=DocNumber(r.doc_number, _evidence(ev.doc_number)) if r.doc_number else None,
        agency=Agency(r.agency, _evidence(ev.agency)) if r.agency else None,
        decision_date=(DecisionDate(date.fromisoformat(r.decision_date[:10]), _evidence(ev.decision_date))
                       if r.decision_date else None),
        case_cause=CaseCause(r.case_cause, _evidence(ev.case_cause)) if r.case_cause else None,
        parties=[Party(name=p.name, kind=p.kind, credit_code=p.credit_code, credit_code_valid=p.credit_code_valid,
                       credit_code_suggestion=p.credit_code_suggestion, registration_no=p.registration_no,
                       legal_representative=p.legal_representative, id_number_masked=p.id_number_masked,
                       address=p.address, evidence=_evidence(p.evidence))
                 for p in r.parties],
        amounts=[Amount(a.role, a.yuan, _evidence(a.evidence)) for a in r.amounts],
        quantities=[Quantity(q.kind, q.value, q.unit, q.subject, _evidence(q.evidence)) for q in r.quantities],
        laws=[LawRef(x.law, x.article, x.paragraph, x.item, x.role, _evidence(x.evidence)) for x in r.laws],
        penalties=[Penalty(p.kind, p.yuan, _evidence(p.evidence)) for p in r.penalties],
        missing_elements=list(r.missing_elements),
    )


# (document, fields[, category=...]) -> Verdict: lianfa.classifiers.verdict.RegistryClassifier
Rejudge = Callable[..., Verdict]


def reassess(fields: dict[str, Any], classifier: Rejudge | None) -> dict[str, Any]:
    """`fields` with `violation` and `criminal_risk` judged again by `classifier` (the app's
    Pipeline's; None: unchanged). A category a reviewer corrected (`violation.corrected_by`) stays:
    its rules are the ones checked."""
    if classifier is None:
        return fields
    stored = reviewed(fields)
    corrected_by = stored.violation.corrected_by
    forced = stored.violation.category if corrected_by else None
    document = text_document(stored.text or "")
    extracted = fields_from_contract(stored)
    verdict = classifier(document, extracted, category=forced) if forced else classifier(document, extracted)
    out = dict(fields)
    if verdict.violation is not None:
        judged = violation_out(verdict.violation).model_dump(mode="json")
        out["violation"] = {**judged, **({"corrected_by": corrected_by} if forced else {})}
    if verdict.criminal_risk is not None:
        out["criminal_risk"] = risk_out(verdict.criminal_risk).model_dump(mode="json")
    return out
