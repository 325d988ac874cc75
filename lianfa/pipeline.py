"""File → ExtractResult: ingest, extract every field, let the classifiers judge, fill the contract.

    process_file(path)         one file (a ZIP gives an error result: it is a batch)
    process_path(path)         one file, or one result per member of a ZIP
    process_many(paths)        a batch, lazily and in input order; one bad file never stops it
    process_document(doc, ...) a Document already read (the API's uploads, tests, benchmarks)

The classifiers plug in through one hook, `Classifier`: a callable taking the Document and the
extracted Fields and returning an object with `violation` and `criminal_risk` attributes (any
dataclasses or mappings with the contract's member names). The active one is the module
`classifiers.verdict` exposing `classify(document, fields)` when it is installed, or whichever
`set_classifier` was given. Without one, both stay null: the contract never changes shape.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from lianfa.contract import (
    AmountOut,
    BoxOut,
    CriminalRiskOut,
    EvidenceOut,
    ExtractResult,
    FieldOut,
    LawOut,
    PageErrorOut,
    PageGeometryOut,
    PartyOut,
    PenaltyOut,
    QuantityOut,
    RelatedNumberOut,
    ViolationOut,
)
from lianfa.errors import ConfigError
from lianfa.extractors.fields import Fields, extract
from lianfa.extractors.masking import mask_text
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.document import Document, Evidence
from lianfa.ingest.pipeline import IngestResult, ingest_file, ingest_many, ingest_path

log = logging.getLogger(__name__)


class Verdict(Protocol):
    violation: Any
    criminal_risk: Any


class Classifier(Protocol):
    """`category`: a reviewer's correction, taken as certain (the service re-judges a corrected case)."""

    def __call__(self, document: Document, fields: Fields, category: str | None = None) -> Verdict: ...

_CLASSIFIER_MODULE = "lianfa.classifiers.verdict"
_state: dict[str, Classifier | None] = {}


def set_classifier(classifier: Classifier | None) -> None:
    """Use `classifier` for every later result (None: no classification)."""
    _state["classifier"] = classifier


def use_installed_classifier() -> None:
    """Go back to the installed `classifiers.verdict` (found again on the next result)."""
    _state.clear()


def active_classifier() -> Classifier | None:
    if "classifier" not in _state:
        found = importlib.util.find_spec(_CLASSIFIER_MODULE) is not None
        _state["classifier"] = importlib.import_module(_CLASSIFIER_MODULE).classify if found else None
    return _state["classifier"]


def _required(ev: Evidence) -> EvidenceOut:
    box = BoxOut(x0=ev.box.x0, y0=ev.box.y0, x1=ev.box.x1, y1=ev.box.y1) if ev.box else None
    return EvidenceOut(page=ev.page, start=ev.start, end=ev.end, text=mask_text(ev.text), box=box)


def _evidence(ev: Evidence | None) -> EvidenceOut | None:
    return _required(ev) if ev is not None else None


def _fill(result: ExtractResult, fields: Fields) -> None:
    result.doc_number = fields.doc_number.value if fields.doc_number else None
    if fields.doc_number:
        result.doc_number_source = fields.doc_number.source
        result.doc_number_confidence = fields.doc_number.confidence
    result.related_numbers = [
        RelatedNumberOut(number=r.value, kind=r.kind, evidence=_required(r.evidence)) for r in fields.related_numbers
    ]
    result.agency = fields.agency.name if fields.agency else None
    result.decision_date = fields.decision_date.value.isoformat() if fields.decision_date else None
    result.case_cause = fields.case_cause.value if fields.case_cause else None
    result.evidence = FieldOut(
        doc_number=_evidence(fields.doc_number.evidence if fields.doc_number else None),
        agency=_evidence(fields.agency.evidence if fields.agency else None),
        decision_date=_evidence(fields.decision_date.evidence if fields.decision_date else None),
        case_cause=_evidence(fields.case_cause.evidence if fields.case_cause else None),
    )
    result.parties = [
        PartyOut(
            name=p.name,
            kind=p.kind,
            credit_code=p.credit_code,
            credit_code_valid=p.credit_code_valid,
            credit_code_suggestion=p.credit_code_suggestion,
            registration_no=p.registration_no,
            legal_representative=p.legal_representative,
            id_number_masked=p.id_number_masked,
            address=mask_text(p.address) if p.address else None,
            evidence=_evidence(p.evidence),
            source=p.source,
            confidence=p.confidence,
        )
        for p in fields.parties
    ]
    # model_validate checks each role and kind against the contract's literals at run time
    result.amounts = [
        AmountOut.model_validate({"role": a.role, "yuan": a.yuan, "evidence": _required(a.evidence)})
        for a in fields.amounts
    ]
    result.quantities = [
        QuantityOut.model_validate(
            {"kind": q.kind, "value": q.value, "unit": q.unit, "subject": q.subject, "evidence": _required(q.evidence)}
        )
        for q in fields.quantities
    ]
    result.laws = [
        LawOut.model_validate(
            {"law": x.law, "article": x.article, "paragraph": x.paragraph, "item": x.item, "role": x.role,
             "evidence": _required(x.evidence)}
        )
        for x in fields.laws
    ]
    result.penalties = [
        PenaltyOut.model_validate({"kind": p.kind, "yuan": p.yuan, "evidence": _required(p.evidence)})
        for p in fields.penalties
    ]
    result.missing_elements = list(fields.missing_elements)


def _classify(result: ExtractResult, document: Document, fields: Fields, classifier: Classifier | None) -> None:
    if classifier is None:
        return
    verdict = classifier(document, fields)
    if verdict.violation is not None:
        result.violation = ViolationOut.model_validate(verdict.violation, from_attributes=True)
    if verdict.criminal_risk is not None:
        result.criminal_risk = CriminalRiskOut.model_validate(verdict.criminal_risk, from_attributes=True)


def process_document(
    document: Document,
    *,
    file: str,
    sha256: str | None = None,
    with_text: bool = False,
    classifier: Classifier | None = None,
) -> ExtractResult:
    """Extract and classify a Document that was already read. `classifier` defaults to the active one."""
    result = ExtractResult(
        file=file,
        status="ok",
        sha256=sha256,
        text_source=document.text_source,
        pages=len(document.pages),
        page_errors=[PageErrorOut(page=p.number, error=p.error) for p in document.pages if p.error],
        page_geometry=[PageGeometryOut(page=p.number, rotation=p.rotation, skew=p.skew)
                       for p in document.pages if p.source == "ocr" and p.error is None],
    )
    fields = extract(document)
    _fill(result, fields)
    _classify(result, document, fields, classifier or active_classifier())
    if with_text:
        result.text = mask_text(document.text)
    return result


def _from_ingest(ingested: IngestResult, with_text: bool) -> ExtractResult:
    if ingested.document is None:
        return ExtractResult(
            file=ingested.file,
            status="error",
            error=ingested.error or f"{ingested.file}: 无法读取 / could not be read",
            sha256=ingested.sha256,
            page_errors=[PageErrorOut(page=e.page, error=e.error) for e in ingested.page_errors],
        )
    try:
        result = process_document(
            ingested.document, file=ingested.file, sha256=ingested.sha256, with_text=with_text
        )
    except ConfigError:
        raise
    except Exception as exc:
        log.exception("internal error while extracting %s", ingested.file)
        return ExtractResult(
            file=ingested.file,
            status="error",
            sha256=ingested.sha256,
            error=(
                f"{ingested.file}: lianfa 内部错误 / internal error ({type(exc).__name__}: {exc}): "
                "请报告维护人员 / report it"
            ),
        )
    result.page_errors = [PageErrorOut(page=e.page, error=e.error) for e in ingested.page_errors]
    return result


def process_file(
    path: Path, display_name: str | None = None, *, with_text: bool = False, settings: IngestSettings | None = None
) -> ExtractResult:
    """One file on disk → its ExtractResult (`display_name` is how the result and messages name it)."""
    return _from_ingest(ingest_file(Path(path), settings, name=display_name), with_text)


def process_path(
    path: Path, display_name: str | None = None, *, with_text: bool = False, settings: IngestSettings | None = None
) -> Iterator[ExtractResult]:
    """One path → one result, or one per member for a ZIP."""
    for ingested in ingest_path(Path(path), settings, name=display_name):
        yield _from_ingest(ingested, with_text)


def process_many(
    paths: Iterable[Path], *, with_text: bool = False, settings: IngestSettings | None = None
) -> Iterator[ExtractResult]:
    """Results for a batch, in input order, ZIPs expanded in place."""
    for ingested in ingest_many(paths, settings):
        yield _from_ingest(ingested, with_text)
