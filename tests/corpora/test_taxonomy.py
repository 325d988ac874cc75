from __future__ import annotations

import re
from pathlib import Path

import jieba
import pytest

from lianfa.corpora.laws import add_to_jieba, jieba_user_dict, load_laws
from lianfa.corpora.rules import load_rules
from lianfa.corpora.taxonomy import load_agencies, load_taxonomy
from lianfa.errors import DataFileError
from lianfa.extractors.laws import normalize_law_name

REQUIRED = {
    "substandard_products", "unsafe_food", "toxic_food", "unlicensed_business", "trademark_infringement",
    "price_violation", "advertising_violation", "counterfeit_drugs", "substandard_drugs",
    "hazardous_waste_dumping", "emission_exceedance", "evasive_discharge", "monitoring_data_fraud",
    "construction_without_eia", "dust_pollution", "illegal_land_occupation", "illegal_mining",
    "illegal_land_transfer", "illegal_logging", "excessive_logging", "forest_land_conversion",
    "fishing_banned_gear", "electric_poison_fishing", "illegal_fishing_catch", "tobacco_unlicensed_retail",
    "tobacco_transport_without_permit", "tobacco_illegal_business", "tax_evasion", "false_invoicing",
    "illegal_publications", "copyright_infringement", "illegal_medical_practice", "smuggling",
    "production_safety_accident", "illegal_deposit_taking",
}


def test_taxonomy_covers_the_required_categories_and_admin_only_ones() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy.categories) >= 30
    assert REQUIRED <= set(taxonomy.ids)
    admin_only = [c for c in taxonomy.categories if not c.candidate_crimes]
    assert len(admin_only) >= 8


def test_every_reference_resolves() -> None:
    taxonomy, rules = load_taxonomy(), load_rules()
    assert taxonomy.problems(load_agencies(), rules, load_laws()) == []
    rule_ids = {r.id for r in rules.rules}
    for cat in taxonomy.categories:
        assert set(cat.rule_ids) <= rule_ids, cat.id


def test_every_rule_and_fact_is_used() -> None:
    taxonomy, rules = load_taxonomy(), load_rules()
    used_rules = {r for cat in taxonomy.categories for r in cat.rule_ids}
    assert [r.id for r in rules.rules if r.id not in used_rules] == []
    used_facts = {f for r in rules.rules for v in r.versions for c in v.criteria for f in c.facts}
    assert [f.id for f in rules.facts if f.id not in used_facts] == []


def test_every_candidate_crime_has_a_rule_or_a_note() -> None:
    taxonomy, rules = load_taxonomy(), load_rules()
    for cat in taxonomy.categories:
        crimes = {rules.rule(r).crime for r in cat.rule_ids}
        for crime in cat.candidate_crimes:
            assert crime.crime in crimes or crime.note, (cat.id, crime.crime)


def test_a_dangling_rule_id_is_a_data_file_error(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "corpora/data/taxonomy.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "taxonomy.yaml"
    dangling = text.replace("rule_ids: [fake_products_amount]", "rule_ids: [no_such_rule]", 1)
    broken.write_text(dangling, encoding="utf-8")
    with pytest.raises(DataFileError, match="no_such_rule"):
        load_taxonomy(broken)


def test_agencies_have_name_shapes_and_doc_prefixes() -> None:
    agencies = load_agencies()
    for needed in ["market_regulation", "tax", "customs", "tobacco", "ecology_environment", "forestry"]:
        assert needed in agencies.ids
    tax = agencies.get("tax")
    assert any(p.startswith("国家税务总局") and "稽查局" in p for p in tax.name_patterns)
    assert "税稽罚" in tax.doc_prefixes
    filled = agencies.get("market_regulation").name_patterns[0].format(
        city="杭州", district="西湖", county="", province=""
    )
    assert filled == "杭州市西湖区市场监督管理局"


@pytest.mark.parametrize(
    ("raw", "short"),
    [
        ("《中华人民共和国产品质量法》", "产品质量法"),
        ("《产品质量法》（2018年修正）", "产品质量法"),
        ("中华人民共和国烟草专卖法实施条例", "烟草专卖法实施条例"),
        ("《中华人民共和国产晶质量法》第五十条", "产品质量法"),  # OCR 品→晶, with an article after it
        ("中华人民共和图食品安全法", "食品安全法"),  # misread prefix
        ("《税收征管法》", "税收征收管理法"),
        ("固废法", "固体废物污染环境防治法"),
        ("食品安全法实施条列", "食品安全法实施条例"),
        ("《 大气污染防治法 》", "大气污染防治法"),
        ("国务院《无证无照经营查处办法》第十三条", "无证无照经营查处办法"),
        ("水污染防治法", "水污染防治法"),
    ],
)
def test_normalize_law_name(raw: str, short: str) -> None:
    assert normalize_law_name(raw) == short


@pytest.mark.parametrize("raw", ["海商法", "", "《》", "某某条例", "大气污染治理办法"])
def test_unknown_law_names_are_none(raw: str) -> None:
    assert normalize_law_name(raw) is None


def test_one_wrong_character_maps_only_when_one_law_is_that_close() -> None:
    # 农药管理条例 and 兽药管理条例 differ in one character: a misread of the other characters
    # still identifies one of them, a misread of the differing one identifies neither.
    assert normalize_law_name("农药管埋条例") == "农药管理条例"
    assert normalize_law_name("兽药管埋条例") == "兽药管理条例"
    assert normalize_law_name("曾药管理条例") is None


def test_jieba_dictionary_keeps_law_names_and_terms_whole() -> None:
    lines = jieba_user_dict().splitlines()
    assert all(re.fullmatch(r"\S+ \d+ nz", line) for line in lines)
    tok = jieba.Tokenizer()
    add_to_jieba(tok)
    words = tok.lcut("依据中华人民共和国产品质量法，当事人违法所得为二千元，货值金额三万元")
    assert "中华人民共和国产品质量法" in words
    assert "违法所得" in words and "货值金额" in words
