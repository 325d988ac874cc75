"""The one vocabulary (corpora/data/vocabulary.yaml) names every code of the extract contract and of
the rules, and nothing else: a Literal added to lianfa/contract.py without a Chinese name, or a name
left behind for a code the contract dropped, fails here."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from lianfa import contract
from lianfa.corpora.datafile import DATA_DIR, load_model
from lianfa.corpora.rules import Measure, RuleRole, load_rules
from lianfa.corpora.vocabulary import Vocabulary, flagged_levels, names, risk_rank, role_name, vocabulary
from lianfa.errors import DataFileError
from lianfa.ingest.party_labels import all_labels, field_labels, name_labels

# Sections of the vocabulary that name the codes of one contract Literal each.
CONTRACT_SECTIONS = (
    "amount_roles",
    "quantity_kinds",
    "penalty_kinds",
    "party_kinds",
    "party_sources",
    "doc_number_sources",
    "law_roles",
    "text_sources",
    "statuses",
    "risk_levels",
)


def _literals(annotation: object) -> list[frozenset[str]]:
    """The value sets of every Literal inside a field's annotation (through Optional, list, unions)."""
    if typing.get_origin(annotation) is typing.Literal:
        return [frozenset(typing.get_args(annotation))]
    return [s for arg in typing.get_args(annotation) for s in _literals(arg)]


def _contract_literals() -> dict[frozenset[str], list[str]]:
    found: dict[frozenset[str], list[str]] = {}
    models = [m for m in vars(contract).values() if isinstance(m, type) and issubclass(m, BaseModel)]
    for model in models:
        if model.__module__ != contract.__name__:
            continue
        for name, info in model.model_fields.items():
            for values in _literals(info.annotation):
                found.setdefault(values, []).append(f"{model.__name__}.{name}")
    return found


def test_every_contract_literal_has_its_vocabulary_section_and_no_section_is_left_over() -> None:
    v = vocabulary()
    sections = {s: frozenset(t.code for t in getattr(v, s)) for s in CONTRACT_SECTIONS}
    literals = _contract_literals()
    unnamed = {", ".join(where): sorted(values) for values, where in literals.items() if values not in sections.values()}
    assert not unnamed, f"contract Literals with no vocabulary section: {unnamed}"
    left_over = [s for s, codes in sections.items() if codes not in literals]
    assert not left_over, f"vocabulary sections naming no contract Literal: {left_over}"


def test_contract_literal_fields_read_as_expected() -> None:
    """The walk above sees the Literals it must: a contract refactor that hid them (a plain str)
    would make the first test pass vacuously."""
    where = {w for ws in _contract_literals().values() for w in ws}
    assert {"AmountOut.role", "PartyOut.kind", "PartyOut.source", "CriminalRiskOut.level"} <= where


def test_rule_roles_are_the_rules_roles_beyond_the_extracted_ones() -> None:
    v = vocabulary()
    assert {t.code for t in v.amount_roles} | {t.code for t in v.rule_roles} == set().union(*_literals(RuleRole))
    assert not {t.code for t in v.amount_roles} & {t.code for t in v.rule_roles}


def test_rule_measures_name_every_kind_of_measure_a_rule_may_take() -> None:
    assert {t.code for t in vocabulary().rule_measures} == set(typing.get_args(Measure))


def test_every_role_a_rule_measures_has_a_chinese_name() -> None:
    book = load_rules()
    roles = {t.role for r in book.rules for ver in r.versions for c in ver.criteria for t in c.terms}
    assert roles and all(role_name(r) != r for r in roles)


def test_field_names_are_the_contract_fields_and_the_reviewers_reason() -> None:
    codes = set(names(vocabulary().field_names))
    assert codes - set(contract.ExtractResult.model_fields) == {"reason"}


def test_one_term_per_concept_from_the_statutes() -> None:
    roles = names(vocabulary().amount_roles)
    assert roles["illegal_revenue"] == "非法经营数额"
    assert roles["tax_evaded"] == "逃避缴纳税款数额"
    assert names(vocabulary().field_names)["laws"] == "法律依据"


def test_risk_levels_have_one_order() -> None:
    assert risk_rank("high") > risk_rank("review") > risk_rank("low") > risk_rank(None) == 0
    assert risk_rank("unknown") == 0
    assert flagged_levels() == ("high", "review")


def test_each_party_label_is_listed_once() -> None:
    pl = vocabulary().party_labels
    listed = [x.label for x in pl.names] + [x.label for xs in pl.fields.values() for x in xs] + list(pl.block)
    assert len(listed) == len(set(listed)) == len(all_labels())
    assert "当事人" in name_labels() and "统一社会信用代码" in field_labels("credit_code")


def test_a_code_listed_twice_is_refused_with_the_file_named(tmp_path: Path) -> None:
    src = (DATA_DIR / "vocabulary.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "vocabulary.yaml"
    broken.write_text(src.replace("  - {code: area, zh: 面积}", "  - {code: area, zh: 面积}\n  - {code: area, zh: 地积}"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"vocabulary\.yaml.*quantity_kinds.*area"):
        load_model(broken, Vocabulary)


def test_unknown_role_shows_as_its_code() -> None:
    assert role_name("not_a_role") == "not_a_role"

