"""The public JSON contract of `lianfa extract` (and of the API that serves the same results).

One ExtractResult per input file, or per member of a ZIP. Keys are only ever added, never renamed
or removed; `lianfa schema` prints the JSON Schema generated from these models.

Conventions:
- `status` is "ok" when a Document was read (pages that failed are listed in `page_errors`), and
  "error" when nothing could be read; `error` then says which file and what to do.
- Money is in yuan (`yuan`, a number). Quantities are in canonical units: area 平方米, volume
  立方米, weight 千克; counts keep their unit (条, 支, 株, 只...).
- Every extracted value carries `evidence`: the page (1-based), the character span in the
  document text, the text read there, and `box` (fractions of the page, origin top-left) when the
  page has geometry (OCR or a PDF text layer), else null.
- 身份证号 are masked (first 6 and last 4 characters kept) everywhere, including `text`.
- `violation` and `criminal_risk` are filled by the classifiers; with none installed their
  members are null / empty.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lianfa.kinds import AmountRole, PartyKind, PenaltyKind, QuantityKind

CONTRACT_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BoxOut(_Model):
    x0: float
    y0: float
    x1: float
    y1: float


class EvidenceOut(_Model):
    page: int = Field(description="1-based page number")
    start: int = Field(description="start offset in the document text")
    end: int = Field(description="end offset (exclusive) in the document text")
    text: str = Field(description="the text read there (身份证号 masked)")
    box: BoxOut | None = Field(default=None, description="page fractions, origin top-left; null without geometry")


PartySource = Literal["label", "addressee", "table", "title", "finding"]


class PartyOut(_Model):
    name: str
    kind: PartyKind
    credit_code: str | None = Field(default=None, description="统一社会信用代码 as printed")
    credit_code_valid: bool | None = Field(default=None, description="GB 32100-2015 checksum of the printed code")
    credit_code_suggestion: str | None = Field(
        default=None, description="the valid code one OCR-confusable character away, when exactly one exists"
    )
    registration_no: str | None = Field(default=None, description="注册号")
    legal_representative: str | None = Field(default=None, description="法定代表人 / 负责人 / 经营者")
    id_number_masked: str | None = Field(default=None, description="身份证号, masked")
    address: str | None = None
    evidence: EvidenceOut | None = None
    source: PartySource = Field(
        default="label",
        description="where the name was read: after a party label, the addressee line, a 信息公开 table row, "
        "the title, or the finding's first sentence",
    )
    confidence: float = Field(default=0.95, ge=0.0, le=1.0, description="how far that source is trusted, 0–1")


# Each row's values without its evidence: the extracted row requires evidence, a reviewed one may lack it.
class _AmountValues(_Model):
    role: AmountRole
    yuan: float


class AmountOut(_AmountValues):
    evidence: EvidenceOut


class _QuantityValues(_Model):
    kind: QuantityKind
    value: float = Field(description="in `unit`: 平方米, 立方米, 千克, or the count's own unit")
    unit: str
    subject: str = Field(description="what was measured or counted (卷烟, 危险废物, 林木, 耕地...); empty if unknown")


class QuantityOut(_QuantityValues):
    evidence: EvidenceOut


class _LawValues(_Model):
    law: str = Field(description="normalised short name: no 《》, no 中华人民共和国")
    article: int
    paragraph: int | None = Field(default=None, description="款")
    item: int | None = Field(default=None, description="项")
    role: Literal["violated", "basis"]


class LawOut(_LawValues):
    evidence: EvidenceOut


class _PenaltyValues(_Model):
    kind: PenaltyKind
    yuan: float | None = Field(default=None, description="for a fine: the amount")


class PenaltyOut(_PenaltyValues):
    evidence: EvidenceOut


class FieldOut(_Model):
    """Evidence of a single-valued field (doc_number, agency, decision_date, case_cause)."""

    doc_number: EvidenceOut | None = None
    agency: EvidenceOut | None = None
    decision_date: EvidenceOut | None = None
    case_cause: EvidenceOut | None = None


class RelatedNumberOut(_Model):
    """Another document's number the decision cites (its 先行登记保存 notice, 责令改正 order, 告知书...)."""

    number: str = Field(description="as filed: brackets unified to 〔〕, spaces removed")
    kind: str = Field(
        description="先行登记保存, 查封扣押, 责令改正, 告知书, 送达公告, 检察意见, 移送, 不起诉, 立案, 鉴定检验, 变更, 许可证, 引用文件, "
        "处罚决定 (another penalty decision), 其他"
    )
    evidence: EvidenceOut


class CategoryProbabilityOut(_Model):
    category: str
    label: str | None = None
    probability: float


class ViolationOut(_Model):
    category: str | None = None
    label: str | None = None
    confidence: float | None = None
    candidate_crimes: list[str] = Field(default_factory=list)
    top_categories: list[CategoryProbabilityOut] = Field(
        default_factory=list, description="the k most likely categories with probabilities, most likely first"
    )
    vocabulary_support: int | None = Field(
        default=None,
        description="distinct terms of the first guess's conduct vocabulary in the text; below"
        " LIANFA_CATEGORY_MIN_SUPPORT the text is out of domain and `category` is null",
    )


class ReasonOut(BaseModel):
    """Why a case was flagged; classifiers may add keys (the contract only adds)."""

    model_config = ConfigDict(extra="allow")

    crime: str | None = None
    article: str | None = None
    rule_id: str | None = None
    rule_version: str | None = None
    measure: str | None = None
    value: float | None = None
    threshold: float | None = None
    unit: str | None = None
    text: str | None = None
    evidence: EvidenceOut | None = None


class CriminalRiskOut(_Model):
    level: Literal["high", "review", "low"] | None = None
    score: float | None = None
    reasons: list[ReasonOut] = Field(default_factory=list)


class PageErrorOut(_Model):
    page: int
    error: str


class PageGeometryOut(_Model):
    """How ingest righted a page before reading it: the review screen's page image is righted the same way."""

    page: int
    rotation: int = Field(description="degrees clockwise applied to right the page (EXIF orientation included)")
    skew: float = Field(description="degrees of skew levelled (counter-clockwise)")


# What an extracted and a reviewed result share, in the contract's key order.
class _ResultHead(_Model):
    contract_version: str = CONTRACT_VERSION
    file: str
    status: Literal["ok", "error"]
    error: str | None = None
    sha256: str | None = None
    text_source: Literal["text", "text_layer", "ocr", "mixed"] | None = None
    pages: int = 0
    page_errors: list[PageErrorOut] = Field(default_factory=list)
    page_geometry: list[PageGeometryOut] = Field(default_factory=list)
    doc_number: str | None = Field(default=None, description="文号, brackets unified to 〔〕, spaces removed")
    doc_number_source: Literal["header", "title", "label", "body"] | None = Field(
        default=None, description="where the 文号 was found: the header, the title line, a 文号 label, or running text"
    )
    doc_number_confidence: float | None = Field(default=None, description="0..1: how sure the 文号 is the decision's own")
    related_numbers: list[RelatedNumberOut] = Field(
        default_factory=list, description="other documents' numbers the decision cites, with their kind"
    )
    agency: str | None = Field(default=None, description="作出机关")
    decision_date: str | None = Field(default=None, description="决定日期, ISO yyyy-mm-dd, from the 落款")
    case_cause: str | None = Field(default=None, description="案由")
    evidence: FieldOut = Field(default_factory=FieldOut, description="evidence of the single-valued fields")


_MISSING_ELEMENTS = (
    "行政处罚法第五十九条 elements absent: party_name, party_address, facts, evidence, penalty, "
    "legal_basis, performance, remedy, agency, decision_date"
)
_TEXT = "the document text, only with --with-text"


class ExtractResult(_ResultHead):
    parties: list[PartyOut] = Field(default_factory=list)
    amounts: list[AmountOut] = Field(default_factory=list)
    quantities: list[QuantityOut] = Field(default_factory=list)
    laws: list[LawOut] = Field(default_factory=list)
    penalties: list[PenaltyOut] = Field(default_factory=list)
    missing_elements: list[str] = Field(default_factory=list, description=_MISSING_ELEMENTS)
    violation: ViolationOut = Field(default_factory=ViolationOut)
    criminal_risk: CriminalRiskOut = Field(default_factory=CriminalRiskOut)
    text: str | None = Field(default=None, description=_TEXT)


# The reviewed form: an ExtractResult as the service keeps it once reviewers have corrected it.
# A row a reviewer typed was read nowhere, so its evidence is null; a category a reviewer chose
# names them (`corrected_by`). Keys this version does not know (a newer writer's) are ignored on
# reading, never refused, so a stored case always opens.
_TYPED = "null: a reviewer typed the value, it was read nowhere on the page"


class ReviewedAmount(_AmountValues):
    model_config = ConfigDict(extra="ignore")
    evidence: EvidenceOut | None = Field(default=None, description=_TYPED)


class ReviewedQuantity(_QuantityValues):
    model_config = ConfigDict(extra="ignore")
    evidence: EvidenceOut | None = Field(default=None, description=_TYPED)


class ReviewedLaw(_LawValues):
    model_config = ConfigDict(extra="ignore")
    evidence: EvidenceOut | None = Field(default=None, description=_TYPED)


class ReviewedPenalty(_PenaltyValues):
    model_config = ConfigDict(extra="ignore")
    evidence: EvidenceOut | None = Field(default=None, description=_TYPED)


class ReviewedParty(PartyOut):
    model_config = ConfigDict(extra="ignore")


class ReviewedViolation(ViolationOut):
    model_config = ConfigDict(extra="ignore")
    corrected_by: str | None = Field(default=None, description="the reviewer who chose the category")


class ReviewedResult(_ResultHead):
    model_config = ConfigDict(extra="ignore")
    parties: list[ReviewedParty] = Field(default_factory=list)
    amounts: list[ReviewedAmount] = Field(default_factory=list)
    quantities: list[ReviewedQuantity] = Field(default_factory=list)
    laws: list[ReviewedLaw] = Field(default_factory=list)
    penalties: list[ReviewedPenalty] = Field(default_factory=list)
    missing_elements: list[str] = Field(default_factory=list, description=_MISSING_ELEMENTS)
    violation: ReviewedViolation = Field(default_factory=ReviewedViolation)
    criminal_risk: CriminalRiskOut = Field(default_factory=CriminalRiskOut)
    text: str | None = Field(default=None, description=_TEXT)


def json_schema() -> dict[str, object]:
    """JSON Schema of one output line of `lianfa extract --format jsonl`."""
    schema = ExtractResult.model_json_schema()
    schema["$id"] = f"https://lianfa.local/schema/extract-result/{CONTRACT_VERSION}"
    schema["title"] = "lianfa ExtractResult"
    return schema
