"""Every field of a penalty decision, each with the Evidence it was read from: `extract(document)`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lianfa.extractors.agency import Agency, extract_agency, is_agency_name
from lianfa.extractors.amounts import Amount, MaskedAmount, extract_amounts, extract_masked_amounts
from lianfa.extractors.case_cause import CaseCause, extract_case_cause
from lianfa.extractors.dates import DecisionDate, extract_decision_date
from lianfa.extractors.doc_number import DocNumber, RelatedNumber, extract_doc_numbers
from lianfa.extractors.laws import LawRef, extract_laws
from lianfa.extractors.missing import missing_elements
from lianfa.extractors.parties import Party, extract_parties
from lianfa.extractors.penalties import Penalty, extract_penalties
from lianfa.extractors.quantities import Quantity, extract_quantities
from lianfa.extractors.quotes import quoted_spans
from lianfa.extractors.regions import find_regions
from lianfa.extractors.view import View, build_view
from lianfa.ingest.document import Document


@dataclass(frozen=True)
class Fields:
    doc_number: DocNumber | None = None
    related_numbers: list[RelatedNumber] = field(default_factory=list)
    agency: Agency | None = None
    decision_date: DecisionDate | None = None
    case_cause: CaseCause | None = None
    parties: list[Party] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    # sums the publisher masked (人民币XXXXXXX元), in a role a threshold measures: not in the contract's
    # amounts, which are figures; the rules ask a reviewer to read them in the original
    masked_amounts: list[MaskedAmount] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    laws: list[LawRef] = field(default_factory=list)
    penalties: list[Penalty] = field(default_factory=list)
    missing_elements: list[str] = field(default_factory=list)
    # the View the fields were read from, kept so the classifiers read the same one instead of
    # building it again; None for fields that come back from a stored result
    view: View | None = field(default=None, repr=False, compare=False)

    @property
    def decided_on(self) -> date | None:
        return self.decision_date.value if self.decision_date else None

    def amount(self, role: str) -> float | None:
        """The first amount of `role`, in yuan (the one classifiers compare to thresholds)."""
        return next((a.yuan for a in self.amounts if a.role == role), None)


def extract(document: Document) -> Fields:
    view = build_view(document)
    regions = find_regions(view)
    text = view.text
    n = len(text)
    header = regions.get("header")
    header_end = header[1] if header else min(n, 400)
    decision = regions.get("decision")
    signature = regions.get("signature")
    narrative = [span[0] for span in (regions.get(k) for k in ("facts", "evidence", "finding", "decision")) if span]
    party_end = min(narrative) if narrative else n
    parties_span = regions.get("parties")
    if parties_span:
        party_end = max(party_end, parties_span[1])

    numbers = extract_doc_numbers(view, header_end)
    parties = extract_parties(view, party_end)
    amounts = extract_amounts(view, regions, numbers.other_decisions)
    laws = extract_laws(view)
    penalties = extract_penalties(
        view,
        decision,
        next((a.yuan for a in amounts if a.role == "fine"), None),
        next((a.yuan for a in amounts if a.role == "confiscated_income"), None),
    )
    agency = extract_agency(view, header_end, signature)
    decision_date = extract_decision_date(view.without_chrome(), signature, is_agency_name)
    signed = decision_date is not None and decision_date.evidence.start >= int(len(document.text) * 0.6)
    return Fields(
        doc_number=numbers.own,
        related_numbers=numbers.related,
        agency=agency,
        decision_date=decision_date,
        case_cause=extract_case_cause(view, agency.name if agency else None, tuple(p.name for p in parties)),
        parties=parties,
        amounts=amounts,
        masked_amounts=extract_masked_amounts(view, regions),
        quantities=extract_quantities(view, quoted_spans(text) + list(view.chrome) + numbers.spans),
        laws=laws,
        penalties=penalties,
        missing_elements=missing_elements(
            text,
            has_party_name=bool(parties),
            has_party_address=any(p.address for p in parties),
            has_money_penalty=any(a.role in ("fine", "confiscated_income") for a in amounts),
            has_basis=any(law.role == "basis" for law in laws),
            has_signature=decision_date is not None and signed,
        ),
        view=view,
    )
