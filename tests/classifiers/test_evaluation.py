"""Scoring real fact descriptions: is a judgment's charge among the candidate crimes."""

from __future__ import annotations

from lianfa.classifiers.evaluation import charge_among


def test_a_charge_matches_its_crime_written_with_or_without_its_marks() -> None:
    assert charge_among(["虚开发票"], ["虚开发票罪"])
    # 刑法修正案（十一） added 提供 to the name of the 假药 crime
    assert charge_among(["生产、销售假药"], ["生产、销售、提供假药罪"])
    assert not charge_among(["盗窃"], ["盗伐林木罪"])


def test_a_charge_named_as_it_was_before_2021_matches_the_crime_it_was_merged_into() -> None:
    assert charge_among(["非法猎捕、杀害珍贵、濒危野生动物"], ["非法狩猎罪", "危害珍贵、濒危野生动物罪"])
    assert charge_among(["非法采伐、毁坏国家重点保护植物"], ["盗伐林木罪", "危害国家重点保护植物罪"])
    assert not charge_among(["非法采伐、毁坏国家重点保护植物"], ["盗伐林木罪"])
