"""The conduct vocabulary (taxonomy.yaml `vocabulary`): found in a text as features and as the
classifier's in-domain evidence."""

from __future__ import annotations

import jieba
import numpy as np
import pytest
from pydantic import ValidationError

from lianfa.classifiers.features import (
    feature_rows,
    parts_from_text,
    row_hits,
    vocabulary_hits,
    vocabulary_support,
)
from lianfa.corpora.taxonomy import Category, load_taxonomy


def test_every_category_has_conduct_vocabulary() -> None:
    for category in load_taxonomy().categories:
        assert len(category.vocabulary) >= 5, category.id


def test_a_one_character_term_is_refused() -> None:
    with pytest.raises(ValidationError, match="two characters"):
        Category(
            id="x",
            name="x",
            agency_types=["market_regulation"],
            laws_applied=[{"law": "x", "article": 1}],
            vocabulary=["条"],
        )


def test_hits_find_every_position_longest_term_first() -> None:
    hits = vocabulary_hits("被告人盗伐林木十株，并在禁猎期猎捕野猪")
    assert hits[:2] == ["盗伐林木", "林木"]
    assert {"禁猎期", "猎捕", "野猪"} <= set(hits)


def test_support_counts_distinct_terms_long_ones_twice() -> None:
    hits = vocabulary_hits("非法吸收公众存款，吸收公众存款，承诺高额利息")
    [deposits, logging] = vocabulary_support(hits, ["illegal_deposit_taking", "illegal_logging"])
    # 非法吸收 (4) + 吸收公众存款 (6) + 高额利息 (4) count two each; repeats count once
    assert deposits == 6 and logging == 0


def test_feature_rows_carry_the_hits_of_the_core_text(tokenizer: jieba.Tokenizer) -> None:
    # a court's finding of fact lands in the segmenter's header; it is still the core
    rows = feature_rows([parts_from_text("经审理查明，被告人在禁渔期使用地笼网捕捞。")], tokenizer)
    assert rows.shape == (1, 4)
    assert row_hits(rows) == [["禁渔期", "地笼网", "捕捞"]]
    assert isinstance(rows[0, 3], str) and np.all(rows[:, 0] != "")


def test_generic_terms_are_features_but_no_evidence() -> None:
    """Any fraud 虚构事实、隐瞒真相 and 骗取s: found in the text, they do not place it under contract
    fraud; the contract does."""
    theft_of_trust = "被告人虚构事实、隐瞒真相，骗取被害人现金五千元。"
    hits = vocabulary_hits(theft_of_trust)
    assert {"虚构事实", "隐瞒真相", "骗取"} <= set(hits)
    assert vocabulary_support(hits, ["contract_fraud"]) == [0]
    contract = "被告人在签订、履行合同过程中虚构事实，以房屋转让为名骗取被害人钱款。"
    assert vocabulary_support(vocabulary_hits(contract), ["contract_fraud"])[0] >= 3


@pytest.mark.parametrize(
    ("category", "fact"),
    [
        ("illegal_sand_mining", "被告人未取得采矿许可证，驾驶抽沙船在河床下盗采河沙二千余方。"),
        ("contract_fraud", "被告人以自驾旅游为由与租车行签订租赁协议骗租轿车，随即将车重复抵押给他人后逃匿。"),
        ("emission_exceedance", "被告人将含有镉的酸洗废水直接外排，经检测镉含量超标十余倍。"),
        ("illegal_deposit_taking", "被告人组织民间标会，以高额月息为诱饵收取会员会金，后资金链断裂。"),
        ("illegal_land_transfer", "被告人与他人私下签订土地买卖协议，将村集体耕地倒卖土地获利。"),
        ("illegal_medical_practice", "被告人未取得医生执业资格，在出租屋内为多名妇女施行终止妊娠手术并取环。"),
    ],
)
def test_court_wording_of_the_conduct_is_in_domain_evidence(category: str, fact: str) -> None:
    """Court findings write conduct in words of their own (采沙, 骗租, 标会): the category's terms."""
    assert vocabulary_support(vocabulary_hits(fact), [category])[0] >= 3, vocabulary_hits(fact)
