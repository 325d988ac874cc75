"""Violation categories and agency types, loaded from corpora/data/taxonomy.yaml and agencies.yaml.

Loading the bundled taxonomy also checks its references: agency types, threshold rule ids and law
names must exist, and every candidate crime needs a rule for that crime or a note saying why not.
A broken reference is a DataFileError at start-up, not a KeyError in the middle of a batch.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field, field_validator, model_validator

from lianfa.corpora.datafile import DATA_DIR, load_model
from lianfa.corpora.laws import LawBook, load_laws
from lianfa.corpora.rules import RuleBook, load_rules
from lianfa.errors import DataFileError

_ID = r"^[a-z][a-z0-9_]*$"
_PLACEHOLDERS = {"province", "city", "district", "county"}


class AgencyType(BaseModel):
    id: str = Field(pattern=_ID)
    name: str
    aliases: list[str] = Field(default_factory=list)
    name_patterns: list[str] = Field(min_length=1)
    doc_prefixes: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_placeholders(self) -> AgencyType:
        for pattern in self.name_patterns:
            unknown = set(re.findall(r"\{(\w+)\}", pattern)) - _PLACEHOLDERS
            if unknown:
                raise ValueError(f"agency {self.id}: pattern {pattern!r} uses unknown placeholders {unknown}")
        return self


class Agencies(BaseModel):
    agency_types: list[AgencyType] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Agencies:
        ids = [a.id for a in self.agency_types]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate agency type ids in {ids}")
        return self

    def get(self, agency_id: str) -> AgencyType:
        for agency in self.agency_types:
            if agency.id == agency_id:
                return agency
        raise KeyError(agency_id)

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.agency_types]


class LawRef(BaseModel):
    law: str  # short name from laws.yaml
    article: int = Field(ge=1)
    paragraph: int | None = Field(default=None, ge=1)  # 款
    item: int | None = Field(default=None, ge=1)  # 项
    unverified: bool = False


class CandidateCrime(BaseModel):
    crime: str
    article: int  # 刑法 article
    paragraph: int | None = None
    note: str = ""  # why there is no rule, or how the crime relates to this conduct
    # the names the charge had before 刑法修正案（十一） and 罪名补充规定（七） (2021-03-01) merged
    # it: judgments and decisions of earlier years name it so
    formerly: list[str] = Field(default_factory=list)


class Category(BaseModel):
    id: str = Field(pattern=_ID)
    name: str
    agency_types: list[str] = Field(min_length=1)
    laws_violated: list[LawRef] = Field(default_factory=list)
    laws_applied: list[LawRef] = Field(min_length=1)
    candidate_crimes: list[CandidateCrime] = Field(default_factory=list)
    rule_ids: list[str] = Field(default_factory=list)
    cues: list[str] = Field(default_factory=list)
    vocabulary: list[str] = Field(default_factory=list)
    # cues or vocabulary every category of its kind shares (虚构事实、骗取 in any fraud): features and
    # generator words, but no evidence on their own that a text is about this category
    generic: list[str] = Field(default_factory=list)

    @field_validator("vocabulary")
    @classmethod
    def _terms(cls, terms: list[str]) -> list[str]:
        short = [t for t in terms if len(t) < 2]
        if short:
            raise ValueError(f"vocabulary terms need two characters or more (one matches anywhere): {short}")
        return terms

    @property
    def has_criminal_counterpart(self) -> bool:
        return bool(self.candidate_crimes)


class Taxonomy(BaseModel):
    categories: list[Category] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Taxonomy:
        ids = [c.id for c in self.categories]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate category ids: {dupes}")
        return self

    def get(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.categories]

    def problems(self, agencies: Agencies, rules: RuleBook, laws: LawBook) -> list[str]:
        """Every dangling reference, as messages naming the category."""
        out: list[str] = []
        agency_ids = set(agencies.ids)
        rule_ids = {r.id for r in rules.rules}
        law_names = {law.short for law in laws.laws}
        for cat in self.categories:
            out += [f"{cat.id}: unknown agency type {a!r}" for a in cat.agency_types if a not in agency_ids]
            out += [f"{cat.id}: unknown rule id {r!r}" for r in cat.rule_ids if r not in rule_ids]
            for ref in cat.laws_violated + cat.laws_applied:
                if ref.law not in law_names:
                    out.append(f"{cat.id}: law {ref.law!r} is not a short name in laws.yaml")
            crimes_with_rules = {rules.rule(r).crime for r in cat.rule_ids if r in rule_ids}
            for crime in cat.candidate_crimes:
                if crime.crime not in crimes_with_rules and not crime.note:
                    out.append(f"{cat.id}: candidate crime {crime.crime} has no rule in rule_ids and no note")
            for rid in cat.rule_ids:
                if rid in rule_ids and rules.rule(rid).crime not in {c.crime for c in cat.candidate_crimes}:
                    out.append(f"{cat.id}: rule {rid} is for {rules.rule(rid).crime}, not a candidate crime")
        return out


@lru_cache(maxsize=4)
def load_agencies(path: Path | None = None) -> Agencies:
    return load_model(path or DATA_DIR / "agencies.yaml", Agencies)


@lru_cache(maxsize=4)
def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The violation taxonomy, checked against the bundled agencies, rules and laws."""
    file = path or DATA_DIR / "taxonomy.yaml"
    taxonomy = load_model(file, Taxonomy)
    problems = taxonomy.problems(load_agencies(), load_rules(), load_laws())
    if problems:
        raise DataFileError(f"{file}: " + "; ".join(problems[:10]))
    return taxonomy
