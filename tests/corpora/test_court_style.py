"""Court-, news- and table-style texts of each category's conduct (corpora.generator.court_style)."""

from __future__ import annotations

from collections import Counter

from lianfa.classifiers.features import vocabulary_hits, vocabulary_support
from lianfa.corpora.generator.court_style import court_examples
from lianfa.corpora.taxonomy import load_taxonomy


def test_same_seed_same_texts_other_seed_other_texts() -> None:
    first, again, other = court_examples(3, seed=1), court_examples(3, seed=1), court_examples(3, seed=2)
    assert first == again
    assert [e.text for e in first] != [e.text for e in other]


def test_every_category_gets_its_share() -> None:
    counts = Counter(e.category for e in court_examples(4, seed=0))
    assert set(counts) == set(load_taxonomy().ids) and set(counts.values()) == {4}


def test_texts_state_their_own_categorys_conduct() -> None:
    examples = court_examples(6, seed=5)
    own = [vocabulary_support(vocabulary_hits(e.text), [e.category])[0] for e in examples]
    # two to six terms of the category (or its cues) per text: most hold vocabulary of their own
    assert sum(n >= 1 for n in own) >= 0.9 * len(examples)


def test_genres_vary() -> None:
    texts = [e.text for e in court_examples(20, seed=3)]
    assert any("被告人" in t for t in texts) and any(" | " in t or t.startswith("序号") for t in texts)
    assert any("近日" in t or "典型案例" in t or "【案情简介】" in t for t in texts)
