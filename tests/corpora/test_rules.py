from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import get_args

import pytest
import yaml

from lianfa.corpora.rules import CANONICAL_UNIT, Rule, RuleRole, load_rules
from lianfa.errors import DataFileError

DATA = Path(__file__).parents[2] / "corpora" / "data" / "thresholds.yaml"


def _raw() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def test_every_rule_parses_with_roles_and_units_from_the_gold_contract() -> None:
    book = load_rules()
    assert len(book.rules) >= 26
    roles = {r for arg in get_args(RuleRole) for r in get_args(arg)}
    for rule in book.rules:
        for version in rule.versions:
            for crit in version.criteria:
                assert {t.role for t in crit.terms} <= roles
                if crit.quantity_kind and CANONICAL_UNIT[crit.quantity_kind]:
                    assert book.threshold_bounds(crit)[2] == CANONICAL_UNIT[crit.quantity_kind]


def test_versions_of_a_rule_do_not_overlap() -> None:
    for rule in load_rules().rules:
        for earlier, later in pairwise(rule.versions):
            assert earlier.effective_to is not None and earlier.effective_to <= later.effective_from, rule.id


def test_overlapping_versions_are_rejected(tmp_path: Path) -> None:
    raw = _raw()
    tax = next(r for r in raw["rules"] if r["id"] == "tax_evasion_amount")
    tax["versions"][0]["effective_to"] = date(2023, 1, 1)  # runs past the 2022 version's start
    bad = tmp_path / "thresholds.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="tax_evasion_amount.*overlaps"):
        load_rules(bad)


def test_unknown_fact_and_wrong_unit_are_rejected(tmp_path: Path) -> None:
    raw = _raw()
    fishing = next(r for r in raw["rules"] if r["id"] == "illegal_fishing_behaviour")
    fishing["versions"][0]["criteria"][0]["facts"] = ["closed_fishing_area", "dynamite"]
    bad = tmp_path / "facts.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="dynamite"):
        load_rules(bad)

    raw = _raw()
    hw = next(r for r in raw["rules"] if r["id"] == "pollution_hazardous_waste")
    hw["versions"][0]["criteria"][0]["threshold"]["unit"] = "亩"
    bad = tmp_path / "unit.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="does not convert to 千克"):
        load_rules(bad)


def test_broken_yaml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "thresholds.yaml"
    bad.write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="thresholds.yaml: not valid YAML"):
        load_rules(bad)


@pytest.mark.parametrize(
    ("rule_id", "day", "version", "criterion", "low"),
    [
        ("tax_evasion_amount", date(2021, 6, 1), "追诉标准（二）2010", "taxpayer", 50_000),
        ("tax_evasion_amount", date(2022, 5, 15), "追诉标准（二）2022", "taxpayer", 100_000),
        ("false_vat_invoice_amount", date(2015, 1, 1), "追诉标准（二）2010", "invoiced_tax", 10_000),
        ("illegal_fishing_quantity", date(2020, 1, 1), "追诉标准（一）2008", "inland_weight", 500),
        ("illegal_fishing_quantity", date(2023, 1, 1), "法释〔2022〕12号", "weight", 10_000),
        ("illegal_deposit_amount", date(2019, 1, 1), "追诉标准（二）2010", "amount_individual", 200_000),
        ("illegal_deposit_amount", date(2024, 1, 1), "追诉标准（二）2022", "amount", 1_000_000),
    ],
)
def test_version_at_picks_the_standard_in_force(
    rule_id: str, day: date, version: str, criterion: str, low: float
) -> None:
    book = load_rules()
    chosen = book.rule(rule_id).version_at(day)
    assert chosen is not None and chosen.version == version
    crit = next(c for c in chosen.criteria if c.id == criterion)
    assert book.threshold_bounds(crit)[0] == low


def test_no_version_before_a_rule_existed_or_after_its_source_was_repealed() -> None:
    salt = load_rules().rule("salt_business_quantity")
    assert salt.version_at(date(2002, 9, 12)) is None
    # 高检发释字〔2002〕6号 was repealed from 2020-04-01; the 2022 standard's salt item is unverified
    assert salt.version_at(date(2021, 12, 31)) is None


def test_thresholds_in_other_units_convert_to_canonical() -> None:
    book = load_rules()
    hw = book.rule("pollution_hazardous_waste").version_at(date(2024, 1, 1))
    assert hw is not None
    assert book.threshold_bounds(hw.criteria[0]) == (3000.0, 3000.0, "千克")
    land = book.rule("farmland_occupation_area").versions[0].criteria[0]
    low, _, unit = book.threshold_bounds(land)
    assert unit == "平方米" and low == pytest.approx(5 * 666.67)
    assert book.convert(1000, "条", "卷烟") == (200000, "支")
    assert book.convert(1150, "条", "香烟") == (230000, "支")
    assert book.convert(3, "只", "野兔") == (3, "只")
    assert book.convert(2.5, "吨", "食盐") == (2500, "千克")


def test_provincial_range_gives_low_and_high_unless_the_province_fixed_it() -> None:
    book = load_rules()
    version = book.rule("illegal_logging_quantity").version_at(date(2020, 1, 1))
    assert version is not None and version.criteria[0].threshold is not None
    crit = version.criteria[0]
    assert book.threshold_bounds(crit) == (2, 5, "立方米")
    with_figure = crit.threshold.model_copy(update={"by_province": {"浙江": 4}})
    fixed = crit.model_copy(update={"threshold": with_figure})
    assert book.threshold_bounds(fixed, "浙江") == (4, 4, "立方米")
    assert book.threshold_bounds(fixed, "福建") == (2, 5, "立方米")


def test_party_scope() -> None:
    crits = {c.id: c for c in load_rules().rule("illegal_business_amount").versions[0].criteria}
    assert crits["revenue_unit"].covers("organisation") and not crits["revenue_unit"].covers("individual")
    assert crits["revenue_individual"].covers("individual_business")
    assert not crits["revenue_individual"].covers("organisation")


def test_unverified_flags_are_kept() -> None:
    rule = load_rules().rule("illegal_logging_quantity")
    assert not rule.versions[0].unverified
    assert rule.versions[1].unverified and "未核实" in rule.versions[1].unverified_note


def test_a_criterion_must_state_a_condition() -> None:
    with pytest.raises(ValueError, match="states no condition"):
        Rule.model_validate(
            {
                "id": "x", "crime": "x罪", "article": 1, "measure": "behaviour",
                "versions": [{"version": "v", "effective_from": "2020-01-01", "source": "s",
                              "source_article": "a", "criteria": [{"id": "c", "description": "d"}]}],
            }
        )


def test_cue_words_are_data_per_rule_and_one_character_is_rejected(tmp_path: Path) -> None:
    book = load_rules()
    assert "盗伐" in book.rule("illegal_logging_quantity").cues
    assert "禁渔期" in book.rule("illegal_fishing_behaviour").cues
    raw = _raw()
    logging = next(r for r in raw["rules"] if r["id"] == "illegal_logging_quantity")
    logging["cues"] = ["盗伐", "伐"]
    bad = tmp_path / "cues.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="illegal_logging_quantity.*cue words"):
        load_rules(bad)


def test_discharge_limits_are_data_and_must_belong_to_an_exceedance_criterion(tmp_path: Path) -> None:
    book = load_rules()
    arsenic = book.limit_for("总砷")
    assert arsenic is not None and (arsenic.pollutant, arsenic.limit, arsenic.unit) == ("砷", 0.5, "mg/L")
    assert book.limit_for("化学需氧量") is None
    raw = _raw()
    raw["discharge_limits"].append({"pollutant": "氨氮", "names": ["氨氮"], "limit": 8, "unit": "mg/L", "standard": "x"})
    bad = tmp_path / "limits.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="氨氮"):
        load_rules(bad)


def test_copies_and_invoices_convert_only_for_their_own_subjects() -> None:
    book = load_rules()
    assert book.convert(300, "册", "盗版") == (300, "张")
    assert book.convert(300, "册", "期刊") == (300, "册")
    assert book.convert(59, "组", "发票") == (59, "份")


def test_continued_needs_prior_penalties(tmp_path: Path) -> None:
    raw = _raw()
    mining = next(r for r in raw["rules"] if r["id"] == "illegal_mining_repeat")
    crit = next(c for c in mining["versions"][0]["criteria"] if c["id"] == "continued")
    del crit["prior_penalties"]
    bad = tmp_path / "continued.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="continued without prior_penalties"):
        load_rules(bad)
