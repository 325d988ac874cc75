"""Ground-truth records for generated decisions: the contract between the generator, the renderer
and the evaluation harness.

A corpus directory holds `decisions.jsonl` (one GoldRecord per line) and `docs/<id>.txt` (the
decision's text, identical to `GoldRecord.text`). Rendered corpora add `<id>.pdf` / page images and
`<id>.pages.json` (a RenderedPages record) next to them.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from lianfa.kinds import AmountRole, PartyKind, PenaltyKind, QuantityKind

BlockKind = Literal[
    "header", "title", "doc_number", "parties", "paragraph", "heading", "signature", "date", "footer"
]


class GoldParty(BaseModel):
    name: str
    kind: PartyKind
    credit_code: str | None = None  # as printed
    credit_code_valid: bool | None = None  # GB 32100-2015 checksum of the printed code
    registration_no: str | None = None
    legal_representative: str | None = None
    id_number_masked: str | None = None
    address: str | None = None


class GoldAmount(BaseModel):
    role: AmountRole
    yuan: float


class GoldQuantity(BaseModel):
    """Canonical units: area 平方米, volume 立方米, weight 千克; counts keep their unit (株, 只, 支,
    条, 份, 册, 张, 盒, 人, 尾, 头...). `value` is in the canonical unit."""

    kind: QuantityKind
    value: float
    unit: str
    subject: str  # what was counted or measured, e.g. 卷烟, 危险废物, 林木, 耕地


class GoldLaw(BaseModel):
    law: str  # normalised short name, e.g. 产品质量法 (no 《》, no 中华人民共和国)
    article: int
    paragraph: int | None = None  # 款
    item: int | None = None  # 项
    role: Literal["violated", "basis"]


class GoldPenalty(BaseModel):
    kind: PenaltyKind
    yuan: float | None = None


class GoldCriminal(BaseModel):
    label: bool  # crosses a prosecution threshold
    rule_id: str | None = None
    crime: str | None = None
    reason: str = ""
    # the police declined the case and sent it back: a 立案监督 lead, still expected flagged (review)
    declined_by_police: bool = False
    # a prosecutor did not prosecute (不起诉 + 检察意见) and sent it back: decided, expected unflagged
    decided_by_prosecutor: bool = False
    # label False, yet a measured value of an applicable rule reaches 80% of its threshold: the
    # spec expects `review` (临近立案标准), not `low`
    near_threshold: bool = False


class Block(BaseModel):
    """A layout unit for the renderer; the decision text is the blocks' texts joined by newlines."""

    kind: BlockKind
    text: str = ""
    align: Literal["left", "center", "right"] = "left"
    rows: list[list[str]] | None = None  # for `parties` blocks drawn as a table


class GoldRecord(BaseModel):
    id: str
    style: Literal["default", "holdout"]
    seed: int
    category: str  # taxonomy category id
    agency: str
    agency_type: str
    doc_number: str
    decision_date: date
    conduct_date: date | None = None
    province: str | None = None
    case_cause: str | None = None  # 案由
    parties: list[GoldParty]
    amounts: list[GoldAmount]
    quantities: list[GoldQuantity] = Field(default_factory=list)
    laws: list[GoldLaw] = Field(default_factory=list)
    penalties: list[GoldPenalty] = Field(default_factory=list)
    missing_elements: list[str] = Field(default_factory=list)
    criminal: GoldCriminal
    blocks: list[Block]
    text: str


class RenderedPage(BaseModel):
    number: int
    image: str | None = None  # path relative to the corpus dir, for image outputs
    text: str  # ground-truth text of the page in reading order
    rotation: int = 0  # degrees the page was turned by the scan (0, 90, 180, 270)
    skew: float = 0.0
    damaged: bool = False
    text_layer: bool = False
    seal_over: list[str] = Field(default_factory=list)  # texts that a red seal covers
    # printed outside the decision text (page numbers like 第 1 页 共 2 页), in reading order
    furniture: list[str] = Field(default_factory=list)
    damage: dict[str, float] = Field(default_factory=dict)  # the scan-damage parameters applied


class RenderedPages(BaseModel):
    id: str
    file: str  # the rendered PDF or image file, relative to the corpus dir
    pages: list[RenderedPage]
