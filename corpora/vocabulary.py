"""The one vocabulary (corpora/data/vocabulary.yaml): the codes of the extract contract and of the
rules, with the Chinese name every reader prints, the order of the risk levels, and the labels of a
当事人 block. Extractors, reasons, pages, exports and the 移送函 all take their words from here, so a
term is changed in one place and no two screens disagree."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from lianfa.corpora.datafile import DATA_DIR, load_model

FieldRole = Literal["credit_code", "registration_no", "legal_representative", "address", "id_number", "other"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Term(_Strict):
    code: str = Field(min_length=1)
    zh: str = Field(min_length=1)
    en: str | None = None


class RiskLevel(Term):
    flagged: bool


class SeenLabel(_Strict):
    label: str = Field(min_length=2)
    seen: int = Field(ge=1)
    agencies: list[str] = Field(default_factory=list)


class PartyLabels(_Strict):
    names: list[SeenLabel]
    fields: dict[FieldRole, list[SeenLabel]]
    block: list[str]


def _unique(terms: list[Term]) -> list[Term]:
    codes = [t.code for t in terms]
    doubled = sorted({c for c in codes if codes.count(c) > 1})
    if doubled:
        raise ValueError(f"codes listed twice: {', '.join(doubled)}")
    return terms


class Vocabulary(_Strict):
    amount_roles: list[Term]
    rule_roles: list[Term]
    rule_measures: list[Term]
    quantity_kinds: list[Term]
    penalty_kinds: list[Term]
    party_kinds: list[Term]
    party_sources: list[Term]
    doc_number_sources: list[Term]
    law_roles: list[Term]
    text_sources: list[Term]
    statuses: list[Term]
    risk_levels: list[RiskLevel] = Field(description="highest first")
    risk_unassessed: str
    field_names: list[Term]
    party_labels: PartyLabels

    _check = field_validator(
        "amount_roles", "rule_roles", "rule_measures", "quantity_kinds", "penalty_kinds", "party_kinds", "party_sources",
        "doc_number_sources", "law_roles", "text_sources", "statuses", "risk_levels", "field_names",
    )(_unique)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return load_model(DATA_DIR / "vocabulary.yaml", Vocabulary)


def names(terms: Sequence[Term]) -> dict[str, str]:
    """code → Chinese name, in the list's order."""
    return {t.code: t.zh for t in terms}


def role_name(role: str) -> str:
    """The Chinese name of an amount role, extracted or only measured by the rules; an unknown role
    (a rule book newer than this vocabulary) shows as its code."""
    v = vocabulary()
    return names(v.amount_roles).get(role) or names(v.rule_roles).get(role, role)


def flagged_levels() -> tuple[str, ...]:
    """The levels that flag a case, highest first."""
    return tuple(t.code for t in vocabulary().risk_levels if t.flagged)


def risk_rank(level: str | None) -> int:
    """The order of risk levels as one number: low 1, review 2, high 3; 0 for a case not assessed
    (or a level this vocabulary does not know), so such cases sort last."""
    levels = [t.code for t in vocabulary().risk_levels]
    return len(levels) - levels.index(level) if level in levels else 0
