"""What published decisions show about 文号: the words that make a number a penalty decision's own,
the marks and surrounding words that make it another document's (a 先行登记保存 notice, a 责令改正
order, a 移送 letter...), and the shapes seen, with how often each was seen.

The data is corpora/data/real_forms/doc_numbers.yaml, read from published decisions of many agency
types; the 文号 chooser and the corpus generator both read it, so a form learnt once reaches both.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from lianfa.corpora.datafile import DATA_DIR, load_model

PATH = DATA_DIR / "real_forms" / "doc_numbers.yaml"


class PenaltyWord(BaseModel):
    word: str = Field(min_length=1)
    count: int = Field(ge=0)


class RelatedKind(BaseModel):
    """Another document's number: `marks` are letters inside the number itself (先登, 责改),
    `context` the words around it that name the document (先行登记保存通知书)."""

    kind: str = Field(min_length=1)
    marks: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    count: int = Field(ge=0)


class Shape(BaseModel):
    shape: str = Field(min_length=1, description="a pattern: ABBR agency letters, YYYY year, N serial")
    description: str
    count: int = Field(ge=0)
    agency_types: list[str] = Field(min_length=1)


class Position(BaseModel):
    where: str = Field(min_length=1)
    description: str
    count: int = Field(ge=0)


class FineForm(BaseModel):
    form: str = Field(min_length=1)
    description: str
    count: int = Field(ge=0)


class Survey(BaseModel):
    decisions: int = Field(ge=1)
    agency_types: dict[str, int]

    @model_validator(mode="after")
    def _types_add_up(self) -> Survey:
        if sum(self.agency_types.values()) != self.decisions:
            raise ValueError(f"agency_types add up to {sum(self.agency_types.values())}, not {self.decisions} decisions")
        return self


class DocNumberForms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    survey: Survey
    penalty_words: list[PenaltyWord] = Field(min_length=1)
    # letters that make a number a decision's only where no penalty word or other document's mark is in
    # it (`自然资决字`): written last in many other papers' numbers too (`责改决字`), so never a mark of their own
    decision_words: list[PenaltyWord] = Field(default_factory=list)
    related_kinds: list[RelatedKind] = Field(min_length=1)
    shapes: list[Shape] = Field(min_length=1)
    positions: list[Position] = Field(default_factory=list)
    fine_forms: list[FineForm] = Field(default_factory=list)

    def kinds(self) -> list[str]:
        return [k.kind for k in self.related_kinds]


@lru_cache(maxsize=1)
def doc_number_forms() -> DocNumberForms:
    return load_model(PATH, DocNumberForms)
