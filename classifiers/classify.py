"""One decision (Document + extracted Fields) → violation category and criminal risk.

The category model ranks categories. The first is filed as the decision's category only when the
text is in the taxonomy's domain: its probability reaches the floor and its support reaches
`category_min_support`: the distinct terms of that category's conduct vocabulary and cues
(taxonomy.yaml) in the text, long ones counting two, LAW_SUPPORT for citing one of the category's
articles and as much for naming one of its candidate crimes as a crime. A theft or an assault
written as a court writes it gets some category first, since one must come first, but holds none
of its words. The likely categories bring their threshold rules, which the rules engine checks
against the extracted amounts and quantities and the text's signals; risk.assess combines the
reasons with the text model's score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import jieba

from lianfa.classifiers.category_model import Ranked, rank_categories
from lianfa.classifiers.config import ClassifierSettings
from lianfa.classifiers.criminal_model import criminal_scores
from lianfa.classifiers.features import feature_rows, row_hits, split_sections, transform, vocabulary_support
from lianfa.classifiers.registry import LoadedModel
from lianfa.classifiers.risk import CriminalRisk, assess, case_facts
from lianfa.classifiers.rules_engine import RulesEngine
from lianfa.classifiers.signals import read_signals
from lianfa.corpora.rules import RuleBook, load_rules
from lianfa.corpora.taxonomy import Category, load_taxonomy
from lianfa.corpora.vocabulary import risk_rank
from lianfa.extractors.fields import Fields
from lianfa.extractors.view import build_view
from lianfa.ingest.document import Document

# An article the category's decisions cite is in-domain evidence on its own (most decisions state
# the conduct in words of their own but cite its law): enough to pass category_min_support.
LAW_SUPPORT = 3
# So is a text that names one of the category's crimes as a crime (合同诈骗犯罪数额, 构成非法行医罪):
# a court's finding often masks the article (刑法××) but not the charge.
CRIME_SUPPORT = LAW_SUPPORT
# Not a name as general as 诈骗罪 (medical insurance fraud's crime, and every other fraud's).
CRIME_NAME_MIN = 4
# A text between two related categories (felling beyond a permit on another's land: 滥伐 or 盗伐)
# lists the crimes of each in-domain guess at least this share as likely as the first.
CANDIDATE_SHARE = 0.4


@dataclass(frozen=True)
class RankedCategory:
    category: str
    label: str | None
    probability: float


@dataclass(frozen=True)
class Violation:
    """The contract's `violation` (lianfa.contract.ViolationOut reads these attributes)."""

    # null when the first guess is out of the domain: statistics would otherwise count every
    # decision outside the taxonomy under whatever class sits nearest
    category: str | None
    label: str | None
    confidence: float
    candidate_crimes: list[str]
    # the first guess's in-domain evidence (its terms and articles in the text): `category` is
    # null below LIANFA_CATEGORY_MIN_SUPPORT
    vocabulary_support: int
    top_categories: list[RankedCategory]  # the guesses stay here for the reviewer


@dataclass
class Classified:
    violation: Violation
    ranked: list[Ranked]
    text_score: float
    risk: CriminalRisk


class Classifier:
    def __init__(
        self,
        model: LoadedModel,
        settings: ClassifierSettings,
        tokenizer: jieba.Tokenizer,
        book: RuleBook | None = None,
    ) -> None:
        """`book`: the threshold rules (default: corpora/data's rule book)."""
        self.model = model
        self.settings = settings
        self.tokenizer = tokenizer
        self.book = book if book is not None else load_rules()
        self.taxonomy = load_taxonomy()
        self.engine = RulesEngine(self.book, province=settings.province, near=settings.near_threshold)
        self._crime_names: dict[str, re.Pattern[str]] = {}
        for c in self.taxonomy.categories:
            names = [k.crime.removesuffix("罪") for k in c.candidate_crimes]
            names = [re.escape(n) for n in names if len(n) >= CRIME_NAME_MIN]
            if names:
                self._crime_names[c.id] = re.compile("(?:" + "|".join(names) + ")(?:犯)?罪")

    def _category(self, category_id: str) -> Category | None:
        try:
            return self.taxonomy.get(category_id)
        except KeyError:
            return None

    def _label(self, category_id: str) -> str | None:
        category = self._category(category_id)
        return category.name if category else None

    def classify(self, document: Document, fields: Fields, category: str | None = None) -> Classified:
        """`category`: a reviewer's correction, taken as certain, so its rules are the ones that count."""
        if category is None:
            return self.classify_many([(document, fields)])[0]
        bundle = self.model.bundle
        rows = feature_rows([split_sections(document)], self.tokenizer)
        x = transform(bundle["features"], rows)
        ranked = rank_categories(bundle["category"], x, self.settings.top_k)[0]
        score = float(criminal_scores(bundle["criminal"], x)[0])
        forced = [Ranked(category, 1.0), *(r for r in ranked if r.category != category)]
        support = self._support(row_hits(rows)[0], forced, fields, document.text)
        # A reviewer who names the category has placed the decision in the domain, whatever its wording.
        support[0] = max(support[0], self.settings.category_min_support)
        return self._judge(document, fields, forced, score, support)

    def classify_many(self, cases: Sequence[tuple[Document, Fields]]) -> list[Classified]:
        """Classify a batch (the models run once on all rows)."""
        if not cases:
            return []
        bundle = self.model.bundle
        rows = feature_rows([split_sections(doc) for doc, _ in cases], self.tokenizer)
        x = transform(bundle["features"], rows)
        ranked = rank_categories(bundle["category"], x, self.settings.top_k)
        scores = criminal_scores(bundle["criminal"], x)
        supports = [
            self._support(hits, ranks, fields, doc.text)
            for hits, ranks, (doc, fields) in zip(row_hits(rows), ranked, cases, strict=True)
        ]
        return [
            self._judge(doc, fields, r, float(s), sup)
            for (doc, fields), r, s, sup in zip(cases, ranked, scores, supports, strict=True)
        ]

    def _support(self, hits: list[str], ranked: list[Ranked], fields: Fields, text: str) -> list[int]:
        """Each guess's in-domain evidence: its conduct terms in the text, LAW_SUPPORT more when
        the decision cites an article the category's decisions violate or apply, and CRIME_SUPPORT
        more when it names one of the category's crimes."""
        cited = {(law.law, law.article) for law in fields.laws}
        out = []
        for r, terms in zip(ranked, vocabulary_support(hits, [r.category for r in ranked]), strict=True):
            category = self._category(r.category)
            laws = category.laws_violated + category.laws_applied if category else []
            refs = {(ref.law, ref.article) for ref in laws}
            names = self._crime_names.get(r.category)
            named = CRIME_SUPPORT if names is not None and names.search(text) else 0
            out.append(terms + (LAW_SUPPORT if cited & refs else 0) + named)
        return out

    def _in_domain(self, ranked: Ranked, support: int) -> bool:
        settings = self.settings
        return ranked.probability >= settings.category_floor and support >= settings.category_min_support

    def _judge(
        self, document: Document, fields: Fields, ranked: list[Ranked], text_score: float, support: list[int]
    ) -> Classified:
        confident = bool(ranked) and self._in_domain(ranked[0], support[0])
        likely = [r for r, n in zip(ranked, support, strict=True) if self._in_domain(r, n)] if confident else []
        # A first guess out of the domain means the decision is worded in a way the model barely knows
        # (公路超限, or food past its shelf life written as no training decision was): the guesses
        # about as likely as the best one still bring their rules, but those may only ask for
        # review, and may not assume that a quantity of something else (建筑渣土 72.6吨) is what
        # they measure.
        # They must use one word of their category at least: a guess from no word of its own (电鱼's
        # rules on a theft of trees, through 价值5400元) is the model's noise, not a reading.
        if not confident and ranked:
            likely = [
                r for r, n in zip(ranked, support, strict=True)
                if r.probability >= 0.75 * ranked[0].probability and n >= 1
            ]
        categories = [c for c in (self._category(r.category) for r in likely) if c is not None]
        view = fields.view if fields.view is not None else build_view(document)
        signals = read_signals(view, self.book, fields.decided_on)
        facts = case_facts(fields, signals, document.text)
        top = categories[0] if categories else None
        main = list(top.rule_ids) if top else []
        reasons = self.engine.evaluate(main, replace(facts, infer_subjects=confident))
        if not confident:
            reasons = [replace(r, level="review") if r.level == "high" else r for r in reasons]
        # A less likely category's rules may ask for review, never raise a lead on their own; and
        # none run beside a first guess the model is sure of (贮存 of hazardous waste filed as
        # storage is not also checked as 处置).
        sure = confident and ranked[0].probability >= self.settings.category_sure
        others = [rid for c in categories[1:] for rid in c.rule_ids if rid not in main] if not sure else []
        reasons += [
            replace(r, level="review") if r.level == "high" else r
            for r in self.engine.evaluate(others, facts)
        ]
        cued = self.engine.evaluate_cued(facts, exclude=main + others)
        reasons += cued
        reasons.sort(key=lambda r: (risk_rank(r.level), r.ratio or 0.0), reverse=True)
        near = [
            c
            for r in likely
            if r.probability >= CANDIDATE_SHARE * ranked[0].probability
            and (c := self._category(r.category)) is not None
        ]
        crimes = list(dict.fromkeys(k.crime for c in near for k in c.candidate_crimes))
        risk = assess(
            document,
            reasons,
            signals,
            text_score,
            text_review_score=self.settings.text_review_score,
            crime_names=crimes,
        )
        # a guess the model barely believes is not filed as the category
        filed = ranked[0].category if confident else None
        violation = Violation(
            category=filed,
            label=top.name if filed and top and top.id == filed else None,
            confidence=round(ranked[0].probability, 4),
            # a rule its own words brought in and whose standard the text meets names a crime the
            # conduct can amount to, filed or not (a protected tree felled, no category recognised)
            candidate_crimes=list(dict.fromkeys(
                (crimes if filed else []) + [r.crime for r in cued if r.crime and risk_rank(r.level) > risk_rank("low")]
            )),
            vocabulary_support=support[0] if support else 0,
            top_categories=[
                RankedCategory(r.category, self._label(r.category), round(r.probability, 4)) for r in ranked
            ],
        )
        return Classified(violation=violation, ranked=ranked, text_score=text_score, risk=risk)
