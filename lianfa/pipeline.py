"""The library's one entry point: `Pipeline`, built once from one `Settings`.

    pipeline = Pipeline(Settings(data_dir=...))
    pipeline.read(path)               file → IngestResult (its Document, or why it could not be read)
    pipeline.read_page(path, n)       page n of a PDF → PageRead; pipeline.join(pages) lays them out and
                                      gives the file's ExtractResult (a long PDF read by many workers)
    pipeline.extract(document)        Document → Fields
    pipeline.judge(document, fields)  → Verdict (violation, criminal_risk), or None without a classifier
    pipeline.process(paths)           a batch → ExtractResult per file, lazily, in input order, ZIPs
                                      expanded in place; one bad file never stops it
    pipeline.result(document, ...)    a Document already read (the API's uploads, tests, benchmarks)

Everything it uses is built from its settings or passed in: the OCR engine, the tokenizer, the rule
book and the classifier, any callable `(document, fields) -> Verdict`. A fake one is how tests and
benchmarks judge without a model; `classifier=None` leaves violation and criminal_risk null, and
the contract never changes shape. The default classifier reads the model registry in the data
folder; without a model it is a ConfigError saying to run `lianfa setup` (nothing trains here).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

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
    ReasonOut,
    RelatedNumberOut,
    ViolationOut,
)
from lianfa.errors import ConfigError, internal_error
from lianfa.extractors.fields import Fields, extract
from lianfa.extractors.masking import mask_text
from lianfa.ingest.document import Document, Evidence
from lianfa.ingest.intake import source_from_path
from lianfa.ingest.pages import PageRead
from lianfa.ingest.pipeline import IngestResult, assemble, ingest_file, ingest_many, ingest_page, ingest_path
from lianfa.settings import Settings

if TYPE_CHECKING:
    import jieba

    from lianfa.corpora.rules import RuleBook
    from lianfa.ingest.ocr import Engine

log = logging.getLogger(__name__)


class Verdict(Protocol):
    """What a classifier returns: dataclasses or mappings with the contract's member names (read-only,
    so frozen dataclasses fit)."""

    @property
    def violation(self) -> Any: ...

    @property
    def criminal_risk(self) -> Any: ...


class Classifier(Protocol):
    """`category`: a reviewer's correction, taken as certain (the service re-judges a corrected case)."""

    def __call__(self, document: Document, fields: Fields, category: str | None = None) -> Verdict: ...


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


def _reason_out(reason: Any) -> ReasonOut:
    if isinstance(reason, Mapping):
        return ReasonOut.model_validate(reason)
    # a classifier's Reason dataclass: its flat fields, the typed finding behind them left out
    values = {f.name: getattr(reason, f.name) for f in dataclasses.fields(reason) if f.name not in ("evidence", "finding")}
    out = {k: v for k, v in values.items() if v is not None}
    return ReasonOut.model_validate({**out, "evidence": _evidence(getattr(reason, "evidence", None))})


def risk_out(risk: Any) -> CriminalRiskOut:
    """A classifier's criminal risk in the contract's form: where a reason's evidence is masked and
    turned into the contract's, once, for the pipeline and for a reviewed case judged again."""
    if risk is None:
        return CriminalRiskOut()
    if isinstance(risk, Mapping):
        return CriminalRiskOut.model_validate(risk)
    return CriminalRiskOut(
        level=risk.level, score=round(risk.score, 4), reasons=[_reason_out(r) for r in risk.reasons]
    )


def violation_out(violation: Any) -> ViolationOut:
    return ViolationOut.model_validate(violation, from_attributes=True)


def _classify(result: ExtractResult, verdict: Verdict | None) -> None:
    if verdict is None:
        return
    if verdict.violation is not None:
        result.violation = violation_out(verdict.violation)
    if verdict.criminal_risk is not None:
        result.criminal_risk = risk_out(verdict.criminal_risk)


class Pipeline:
    """File or Document → ExtractResult. Thread-safe; heavy parts (OCR engine, tokenizer, model) are
    built on first use, so building one is cheap and a text-only batch never loads OCR."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        engine: Engine | None = None,
        tokenizer: jieba.Tokenizer | None = None,
        rules: RuleBook | None = None,
        classifier: Classifier | None | Literal["registry"] = "registry",
    ) -> None:
        """`settings`: the environment's (LIANFA_*) when not given. `classifier`: "registry" judges
        with the data folder's active model; None does not classify."""
        self.settings = settings if settings is not None else Settings()
        self.engine = engine
        self.rules = rules
        self._tokenizer = tokenizer
        self._from_registry = classifier == "registry"
        self._classifier: Classifier | None = None if classifier == "registry" else classifier
        self._lock = threading.Lock()

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        from lianfa.ingest.tokenize import get_tokenizer, jieba_cache_dir

        with self._lock:
            if self._tokenizer is None:
                self._tokenizer = get_tokenizer(jieba_cache_dir(self.settings.data_dir))
            return self._tokenizer

    @property
    def classifier(self) -> Classifier | None:
        """The classifier `judge` calls (the registry's is built on first use)."""
        if not self._from_registry:
            return self._classifier
        from lianfa.classifiers.verdict import RegistryClassifier, model_registry

        tokenizer = self.tokenizer
        with self._lock:
            if self._classifier is None:
                self._classifier = RegistryClassifier(
                    model_registry(self.settings.data_dir), self.settings, tokenizer, self.rules
                )
            return self._classifier

    def read(self, path: Path | str, name: str | None = None) -> IngestResult:
        """One file → its Document (a ZIP gives an error result: it is a batch, see `process`).
        `name` is how the result and messages call it (default: the path)."""
        return ingest_file(Path(path), self.settings, engine=self.engine, name=name)

    def read_page(self, path: Path | str, number: int, name: str | None = None, *, sha256: str | None = None) -> PageRead:
        """Page `number` of a PDF, read as `read` reads each page (the costly part: rendering, righting,
        OCR); `join` lays pages read this way out into the file's Document. A long PDF's pages can so be
        read by many processes at once. `sha256`, when the caller knows it, spares hashing the whole file.
        A problem with the whole file raises its IngestError."""
        source = source_from_path(Path(path), self.settings, name, sha256)
        return ingest_page(source, number, self.settings, engine=self.engine)

    def join(self, pages: Iterable[PageRead], *, file: str, sha256: str | None = None,
             with_text: bool = False) -> ExtractResult:
        """A PDF's pages, each from `read_page`, in page order → its ExtractResult, as `process_file`
        gives it: one Document, extracted and judged once; pages that failed are its page_errors."""
        return self._from_ingest(assemble(file, sha256, "pdf", pages), with_text)

    def extract(self, document: Document) -> Fields:
        return extract(document)

    def judge(self, document: Document, fields: Fields) -> Verdict | None:
        classifier = self.classifier
        return classifier(document, fields) if classifier is not None else None

    def result(
        self, document: Document, *, file: str, sha256: str | None = None, with_text: bool = False
    ) -> ExtractResult:
        """Extract and judge a Document that was already read."""
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
        fields = self.extract(document)
        _fill(result, fields)
        _classify(result, self.judge(document, fields))
        if with_text:
            result.text = mask_text(document.text)
        return result

    def _from_ingest(self, ingested: IngestResult, with_text: bool) -> ExtractResult:
        if ingested.document is None:
            return ExtractResult(
                file=ingested.file,
                status="error",
                error=ingested.error or f"{ingested.file}: 无法读取 / could not be read",
                sha256=ingested.sha256,
                page_errors=[PageErrorOut(page=e.page, error=e.error) for e in ingested.page_errors],
            )
        try:
            result = self.result(ingested.document, file=ingested.file, sha256=ingested.sha256, with_text=with_text)
        except ConfigError:
            raise
        except Exception as exc:
            log.exception("internal error while extracting %s", ingested.file)
            return ExtractResult(
                file=ingested.file,
                status="error",
                sha256=ingested.sha256,
                error=internal_error(exc, ingested.file),
            )
        result.page_errors = [PageErrorOut(page=e.page, error=e.error) for e in ingested.page_errors]
        return result

    def process_file(self, path: Path | str, name: str | None = None, *, with_text: bool = False) -> ExtractResult:
        """One file on disk → its ExtractResult (a ZIP gives an error result)."""
        return self._from_ingest(self.read(path, name), with_text)

    def process_path(
        self, path: Path | str, name: str | None = None, *, with_text: bool = False
    ) -> Iterator[ExtractResult]:
        """One path → one result, or one per member for a ZIP (named `archive.zip/member.pdf`)."""
        for ingested in ingest_path(Path(path), self.settings, engine=self.engine, name=name):
            yield self._from_ingest(ingested, with_text)

    def process(self, paths: Iterable[Path | str], *, with_text: bool = False) -> Iterator[ExtractResult]:
        """Results for a batch, lazily and in input order, ZIPs expanded in place."""
        for ingested in ingest_many((Path(p) for p in paths), self.settings, engine=self.engine):
            yield self._from_ingest(ingested, with_text)
