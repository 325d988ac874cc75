from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lianfa.extractors.masking import mask_value
from lianfa.kinds import AmountRole, PartyKind, PenaltyKind, QuantityKind
from lianfa.service.cases import CORRECTABLE
from lianfa.service.schemas.common import DbInt, MaskedJson, MaskedStr, UtcDatetime

RiskLevel = Literal["high", "review", "low"]
ReviewState = Literal["pending", "confirmed", "rejected", "corrected"]


class CaseSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    document_id: int
    file_name: MaskedStr
    doc_number: str | None
    agency: str | None
    decision_date: date | None
    category: str | None
    category_label: str | None
    risk_level: str | None
    risk_score: float | None
    review_state: str
    version: int
    created_at: UtcDatetime


class CaseList(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[CaseSummary]


class PageOut(BaseModel):
    number: int
    image_url: str


class EvidenceBox(BaseModel):
    """Where a value was read: page number and the box as page fractions (0..1, origin top-left)."""

    field: str
    role: str | None = None
    text: str | None = None
    page: int | None = None
    box: dict[str, float] | None = None


class CaseDetail(CaseSummary):
    fields: MaskedJson
    review: MaskedJson
    pages: list[PageOut]
    evidence: list[EvidenceBox]
    sha256: str


class _Row(BaseModel):
    model_config = ConfigDict(extra="allow")  # keys the extractors add (evidence, credit_code_valid...) pass through
    evidence: dict[str, Any] | None = None


class CorrectedParty(_Row):
    name: str = Field(min_length=1, max_length=200)
    kind: PartyKind = "organisation"
    credit_code: str | None = Field(default=None, max_length=40)
    legal_representative: str | None = Field(default=None, max_length=100)


class CorrectedAmount(_Row):
    role: AmountRole
    yuan: float = Field(ge=0, description="元")


class CorrectedQuantity(_Row):
    kind: QuantityKind
    value: float = Field(ge=0)
    unit: str = Field(min_length=1, max_length=20)
    subject: str = Field(default="", max_length=100)


class CorrectedLaw(_Row):
    law: str = Field(min_length=1, max_length=100)
    article: int = Field(ge=1)
    paragraph: int | None = Field(default=None, ge=1)
    item: int | None = Field(default=None, ge=1)
    role: Literal["violated", "basis"] = "violated"


class CorrectedPenalty(_Row):
    kind: PenaltyKind
    yuan: float | None = Field(default=None, ge=0)


class CorrectedFields(BaseModel):
    """What a correction may replace; a list replaces the whole list (send the rows to keep too)."""

    model_config = ConfigDict(extra="forbid")
    doc_number: str | None = Field(default=None, max_length=100)
    agency: str | None = Field(default=None, max_length=200)
    decision_date: date | None = None
    case_cause: str | None = Field(default=None, max_length=200)
    parties: list[CorrectedParty] | None = None
    amounts: list[CorrectedAmount] | None = None
    quantities: list[CorrectedQuantity] | None = None
    laws: list[CorrectedLaw] | None = None
    penalties: list[CorrectedPenalty] | None = None


def _review_rules(schema: dict[str, Any]) -> None:
    """What each action requires, in the schema itself, so a client (or a schema-driven test) can
    tell a complete request from one the validator below refuses."""
    schema["allOf"] = [
        {"if": {"properties": {"action": {"const": "reject"}}},
         "then": {"required": ["reason"], "properties": {"reason": {"type": "string", "pattern": r"\S"}}}},
        {"if": {"properties": {"action": {"const": "correct"}}},
         "then": {"anyOf": [
             {"required": ["fields"], "properties": {"fields": {"type": "object", "minProperties": 1}}},
             {"required": ["category"], "properties": {"category": {"type": "string", "minLength": 1}}},
         ]}},
    ]


class ReviewRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra=_review_rules)

    action: Literal["confirm", "reject", "correct"]
    version: DbInt = Field(description="the case version the reviewer saw; a stale one is refused with 409")
    reason: str | None = Field(default=None, max_length=2000)
    suspected_crime: str | None = Field(default=None, max_length=200, description="confirm: 涉嫌罪名")
    recommend_transfer: bool = Field(default=True, description="confirm: 建议移送公安机关")
    fields: dict[str, Any] | None = Field(
        default=None,
        description="correct: extracted fields to replace",
        json_schema_extra={"propertyNames": {"enum": list(CORRECTABLE)}},
    )
    category: str | None = Field(default=None, max_length=64, description="correct: violation category")

    @field_validator("reason", "suspected_crime", "fields", "category")
    @classmethod
    def _masked(cls, value: Any) -> Any:
        # A reviewer's text is stored, audited, exported and printed in the letter: mask it once here.
        return mask_value(value)

    @field_validator("fields")
    @classmethod
    def _correctable(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        unknown = set(value or {}) - set(CORRECTABLE)
        if unknown:
            raise ValueError(f"这些字段不能更正：{'、'.join(sorted(unknown))}；可更正：{'、'.join(CORRECTABLE)}")
        return value

    @model_validator(mode="after")
    def _complete(self) -> ReviewRequest:
        if self.action == "reject" and not (self.reason and self.reason.strip()):
            raise ValueError("驳回必须填写理由（reason）")
        if self.action == "correct" and not self.fields and not self.category:
            raise ValueError("更正必须给出要更正的字段（fields）或类别（category）")
        return self


class AuditOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    at: UtcDatetime
    user_name: str
    action: str
    entity: str
    entity_id: int
    before: MaskedJson | None
    after: MaskedJson | None
