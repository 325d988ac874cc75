"""Decisions through extraction and the classifier hook: the contract's violation and
criminal_risk, reasons with evidence, police declines, and training-data formats."""

from __future__ import annotations

import json
from pathlib import Path

import jieba
import pytest

from lianfa.classifiers.classify import Classifier
from lianfa.classifiers.config import ClassifierSettings
from lianfa.classifiers.registry import Registry
from lianfa.classifiers.schemas import ModelMeta
from lianfa.classifiers.training import load_examples
from lianfa.classifiers.verdict import Verdict
from lianfa.contract import ExtractResult
from lianfa.corpora.gold import GoldRecord
from lianfa.errors import DataFileError
from lianfa.extractors.fields import extract
from lianfa.ingest.pipeline import text_document
from lianfa.ingest.sections import segment
from lianfa.pipeline import Pipeline


@pytest.fixture(scope="module")
def results(tokenizer: jieba.Tokenizer, trained: tuple[Registry, ModelMeta], tiny_corpus: Path) -> list[tuple[GoldRecord, ExtractResult]]:
    registry, meta = trained
    classifier = Classifier(registry.load(meta.version), ClassifierSettings(), tokenizer)

    def hook(doc, fields):  # type: ignore[no-untyped-def]
        got = classifier.classify(doc, fields)
        return Verdict(got.violation, got.risk)

    pipeline = Pipeline(classifier=hook)
    out = []
    for line in (tiny_corpus / "decisions.jsonl").read_text(encoding="utf-8").splitlines()[:80]:
        gold = GoldRecord.model_validate_json(line)
        doc = text_document(gold.text)
        doc = doc.with_sections(segment(doc.text))
        out.append((gold, pipeline.result(doc, file=gold.id)))
    return out


def test_contract_is_filled(results: list[tuple[GoldRecord, ExtractResult]]) -> None:
    for _gold, res in results:
        assert res.violation.category and res.violation.confidence is not None
        assert 0.0 <= res.violation.confidence <= 1.0
        assert res.criminal_risk.level in ("high", "review", "low")
        assert res.criminal_risk.score is not None and 0.0 <= res.criminal_risk.score <= 1.0
    right = sum(g.category == r.violation.category for g, r in results)
    assert right >= 0.6 * len(results)  # a 136-document model; real accuracy is measured by lianfa eval


def test_every_flag_has_a_reason_with_evidence(results: list[tuple[GoldRecord, ExtractResult]]) -> None:
    flagged = [r for _g, r in results if r.criminal_risk.level in ("high", "review")]
    assert flagged
    for res in flagged:
        with_evidence = [x for x in res.criminal_risk.reasons if x.evidence is not None]
        assert with_evidence, res.criminal_risk
        for reason in with_evidence:
            ev = reason.evidence
            assert ev is not None and ev.end > ev.start and ev.text
            assert reason.text


def test_threshold_reasons_name_crime_article_rule_and_figures(
    results: list[tuple[GoldRecord, ExtractResult]],
) -> None:
    reasons = [x for _g, r in results for x in r.criminal_risk.reasons if x.measure == "amount"]
    assert reasons
    for x in reasons:
        assert x.crime and x.article and x.article.startswith("刑法第") and x.rule_id and x.rule_version
        assert x.value is not None and x.threshold is not None and x.unit == "元"
        extra = x.model_extra or {}
        assert (
            extra.get("source")
            and extra.get("source_article")
            and (extra.get("level") in ("high", "review") or extra.get("kind") == "near_threshold")
        )


def test_police_declined_cases_are_leads_for_supervision(results: list[tuple[GoldRecord, ExtractResult]]) -> None:
    declined = [(g, r) for g, r in results if g.criminal.declined_by_police]
    assert declined, "the tiny corpus should hold a declined case; raise TINY_DOCUMENTS"
    for _g, r in declined:
        assert r.criminal_risk.level == "review"
        kinds = [(x.model_extra or {}).get("kind") for x in r.criminal_risk.reasons]
        assert "declined_by_police" in kinds


def test_training_accepts_the_service_export_format(tmp_path: Path) -> None:
    rows = [
        {
            "case_id": 7,
            "text": "当事人销售假冒注册商标的商品……",
            "category": "trademark_infringement",
            "criminal_label": 1,
        },
        {
            "case_id": 8,
            "text": "当事人未按规定公示……",
            "category": "credit_disclosure",
            "criminal_label": None,
        },
        {"case_id": 9, "text": "当事人……", "category": None, "criminal_label": 0},
    ]
    path = tmp_path / "reviewed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    examples, source = load_examples(path)
    assert source.kind == "reviewed" and source.documents == 3
    assert [(e.category, e.criminal) for e in examples] == [
        ("trademark_infringement", True),
        ("credit_disclosure", None),
        (None, False),
    ]
    path.write_text('{"case_id": 1}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="reviewed.jsonl:1"):
        load_examples(path)


def test_low_cases_have_no_amount_within_20_percent_below_a_threshold(
    results: list[tuple[GoldRecord, ExtractResult]],
) -> None:
    """Checked from the rules data, not the engine: for every case left `low` (prosecutors'
    decisions aside), an extracted amount in [80%, 100%) of a plain single-amount criterion of its
    category's rules in force at the conduct date is listed as a near-threshold reason."""
    from lianfa.corpora.rules import load_rules
    from lianfa.corpora.taxonomy import load_taxonomy

    book, taxonomy = load_rules(), load_taxonomy()
    checked = 0
    for gold, res in results:
        if (
            res.criminal_risk.level != "low"
            or gold.criminal.decided_by_prosecutor
            or res.violation.category is None
        ):
            continue
        party = res.parties[0].kind if res.parties else None
        when = gold.conduct_date or gold.decision_date
        for rule_id in taxonomy.get(res.violation.category).rule_ids:
            version = book.rule(rule_id).version_at(when)
            for crit in version.criteria if version else []:
                if len(crit.terms) != 1 or crit.facts or crit.prior_penalties or crit.terms[0].weight != 1:
                    continue
                if party is None or not crit.covers(party):
                    continue
                low, _high, _unit = book.threshold_bounds(crit)
                for amount in res.amounts:
                    if amount.role == crit.terms[0].role:
                        checked += 1
                        near = [x for x in res.criminal_risk.reasons if (x.model_extra or {}).get("kind") == "near_threshold"]
                        assert near or not 0.8 * low <= amount.yuan < low, (gold.id, rule_id, crit.id, amount.yuan)
    assert checked


def test_fast_paths_equal_sklearn(tokenizer: jieba.Tokenizer, trained: tuple[Registry, ModelMeta], tiny_corpus: Path) -> None:
    """The one-pass probabilities and the direct column transform give sklearn's own numbers."""
    import numpy as np

    from lianfa.classifiers.category_model import probabilities
    from lianfa.classifiers.features import feature_rows, parts_from_text, transform

    registry, meta = trained
    bundle = registry.load(meta.version).bundle
    texts = [
        json.loads(x)["text"]
        for x in (tiny_corpus / "decisions.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    ]
    rows = feature_rows([parts_from_text(t) for t in texts], tokenizer)
    ours, theirs = transform(bundle["features"], rows), bundle["features"].transform(rows)
    assert abs(ours - theirs).max() < 1e-6
    assert np.allclose(
        probabilities(bundle["category"], ours), bundle["category"].predict_proba(theirs), atol=1e-9
    )


def test_a_category_below_the_floor_may_only_ask_for_review(
    tokenizer: jieba.Tokenizer,
    trained: tuple[Registry, ModelMeta], results: list[tuple[GoldRecord, ExtractResult]]
) -> None:
    registry, meta = trained
    model = registry.load(meta.version)
    sure, unsure = Classifier(model, ClassifierSettings(), tokenizer), Classifier(model, ClassifierSettings(category_floor=1.0), tokenizer)
    high = [gold for gold, result in results if result.criminal_risk.level == "high"]
    assert high
    for gold in high:
        doc = text_document(gold.text)
        doc = doc.with_sections(segment(doc.text))
        fields = extract(doc)
        assert sure.classify(doc, fields).risk.level == "high"
        doubtful = unsure.classify(doc, fields).risk
        assert doubtful.level != "high" and all(r.level != "high" for r in doubtful.reasons)


def test_near_tied_guesses_below_the_floor_both_bring_their_rules(tokenizer: jieba.Tokenizer, trained: tuple[Registry, ModelMeta]) -> None:
    """Food past its shelf life worded unlike any training decision: the model splits ~0.1 between
    two food categories; the amount rule of the second still asks for review."""
    from lianfa.classifiers.category_model import Ranked

    registry, meta = trained
    classifier = Classifier(registry.load(meta.version), ClassifierSettings(), tokenizer)
    text = (
        "某某市市场监督管理局\n行政处罚决定书\n当事人：某某食品有限公司\n"
        "经查，当事人使用过期原料加工糕点并通过网店出售，已售出部分销售金额为人民币52,080元。\n"
        "决定如下：没收违法所得人民币8,930元，罚款人民币100,000元。\n某某市市场监督管理局\n2022年7月19日\n"
    )
    doc = text_document(text)
    doc = doc.with_sections(segment(doc.text))
    fields = extract(doc)
    tied = [Ranked("toxic_food", 0.098), Ranked("unsafe_food", 0.097), Ranked("electric_poison_fishing", 0.05)]
    # the conduct's words are there (support 3 each): only the probabilities are too low
    judged = classifier._judge(doc, fields, tied, 0.1, [3, 3, 3])
    risk = judged.risk
    # too unsure to file a category; the guesses stay listed for the reviewer
    assert judged.violation.category is None and judged.violation.candidate_crimes == []
    assert [t.category for t in judged.violation.top_categories][:2] == ["toxic_food", "unsafe_food"]
    assert risk.level == "review"
    assert {r.rule_id for r in risk.reasons} == {"fake_products_amount"}
    assert all(r.level == "review" for r in risk.reasons)


def test_a_text_without_its_categorys_vocabulary_is_out_of_domain(tokenizer: jieba.Tokenizer, trained: tuple[Registry, ModelMeta]) -> None:
    """A theft written as a court writes it: some category comes first and, with no floor, would be
    filed; none of that category's conduct terms is in the text, so it is not."""
    registry, meta = trained
    model = registry.load(meta.version)
    text = "经审理查明，被告人王某趁店内无人之际，秘密窃取柜台内现金及手机一部，经鉴定价值人民币三千元。"
    doc = text_document(text)
    doc = doc.with_sections(segment(doc.text))
    fields = extract(doc)
    lax = Classifier(model, ClassifierSettings(category_floor=0.0, category_min_support=0), tokenizer).classify(doc, fields)
    gated = Classifier(model, ClassifierSettings(category_floor=0.0), tokenizer).classify(doc, fields)
    assert lax.violation.category is not None
    assert gated.violation.category is None and gated.violation.candidate_crimes == []
    assert gated.violation.vocabulary_support < 3 and gated.violation.top_categories


def test_a_text_holding_its_categorys_vocabulary_is_filed(tokenizer: jieba.Tokenizer, trained: tuple[Registry, ModelMeta]) -> None:
    """The same gate lets a hunting case through: the first guess's own terms are in the text."""
    from lianfa.classifiers.category_model import Ranked
    from lianfa.classifiers.features import vocabulary_hits, vocabulary_support

    registry, meta = trained
    classifier = Classifier(registry.load(meta.version), ClassifierSettings(), tokenizer)
    text = "经审理查明，被告人李某在禁猎期内使用猎套、捕鸟网猎捕野生动物斑鸠二十只。"
    doc = text_document(text)
    doc = doc.with_sections(segment(doc.text))
    ranked = [Ranked("illegal_hunting", 0.4), Ranked("fishing_banned_gear", 0.2), Ranked("illegal_logging", 0.1)]
    support = vocabulary_support(vocabulary_hits(text), [r.category for r in ranked])
    judged = classifier._judge(doc, extract(doc), ranked, 0.1, support)
    assert judged.violation.category == "illegal_hunting" and judged.violation.vocabulary_support >= 4
    assert "非法狩猎罪" in judged.violation.candidate_crimes
    theft = "经审理查明，被告人王某秘密窃取被害人手机一部。"
    assert vocabulary_support(vocabulary_hits(theft), ["illegal_hunting"]) == [0]


def test_a_text_naming_a_categorys_crime_counts_as_much_as_citing_its_article(
    tokenizer: jieba.Tokenizer, trained: tuple[Registry, ModelMeta],
) -> None:
    """A court's finding masks the article (刑法××) but names the charge: 合同诈骗犯罪 is evidence
    the text is about contract fraud; the bare word 诈骗 is not."""
    from lianfa.classifiers.category_model import Ranked
    from lianfa.classifiers.classify import CRIME_SUPPORT

    registry, meta = trained
    classifier = Classifier(registry.load(meta.version), ClassifierSettings(), tokenizer)
    ranked = [Ranked("contract_fraud", 0.5), Ranked("illegal_hunting", 0.1)]
    named = "本院查明，上诉人单某的合同诈骗犯罪数额应扣减已收取的租金。"
    bare = "本院查明，上诉人单某诈骗被害人钱财，数额应扣减已收取的租金。"
    doc = text_document(named)
    with_name = classifier._support([], ranked, extract(doc), named)
    without = classifier._support([], ranked, extract(text_document(bare)), bare)
    assert with_name == [CRIME_SUPPORT, 0] and without == [0, 0]


def test_the_criminal_model_reads_no_conduct_vocabulary(
    tokenizer: jieba.Tokenizer, trained: tuple[Registry, ModelMeta], tiny_corpus: Path
) -> None:
    """The vocabulary block names a category, not a crossed threshold: the text model is fitted on
    the columns before it, and scores full feature rows by reading only those."""
    from lianfa.classifiers.criminal_model import criminal_scores
    from lianfa.classifiers.features import feature_rows, parts_from_text, transform, vocabulary_width

    registry, meta = trained
    bundle = registry.load(meta.version).bundle
    texts = [
        json.loads(x)["text"]
        for x in (tiny_corpus / "decisions.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    ]
    x = transform(bundle["features"], feature_rows([parts_from_text(t) for t in texts], tokenizer))
    model = bundle["criminal"]
    assert model.n_features_in_ == x.shape[1] - vocabulary_width(bundle["features"])
    lead = model.predict_proba(x[:, : model.n_features_in_])[:, list(model.classes_).index(1)]
    assert (criminal_scores(model, x) == lead).all()
