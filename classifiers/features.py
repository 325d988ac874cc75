"""Text features for the classifiers: jieba tokens (with the project's legal dictionary) and
character n-grams, weighted by section.

What the party did is said in the facts, the finding and the legal basis; the header, payment
and remedy paragraphs are boilerplate every decision shares. So a decision is cut into a `core`
(facts, evidence, finding, basis) and the `rest`; core tokens and core character n-grams carry
full weight, the rest a fraction. Character n-grams keep a word recognisable when OCR garbles one
of its characters, which splits the jieba token. Digits are folded to 0: amounts say nothing about
the category, and the rules engine reads them properly.

A fourth column holds the conduct vocabulary of every category (taxonomy.yaml `vocabulary` and
`cues`) found in the core text, one token per occurrence: the statute's own words for the conduct,
whatever template or genre surrounds them. `vocabulary_support` counts them per category (less the
category's `generic` terms, which every fraud or every accident shares), the evidence the
classifier needs before it files a text under a category at all.

The fitted transformer is plain scikit-learn (no Python callables inside), so the model file
loads with skops and an explicit list of trusted types.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import jieba
import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from lianfa.corpora.taxonomy import load_taxonomy
from lianfa.ingest.document import Document, document_from_text
from lianfa.ingest.sections import segment

CORE_SECTIONS = frozenset({"facts", "evidence", "finding", "basis"})
REST_WEIGHT = 0.4
VOCABULARY_WEIGHT = 2.0
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
_PROSE = re.compile(r"[，。；]")
# A term this long names the conduct by itself (吸收公众存款, 禁猎区 does not): it counts twice.
LONG_TERM = 4


@dataclass(frozen=True)
class TextParts:
    core: str
    rest: str


def _is_core(name: str, text: str) -> bool:
    # A decision's header is its agency and title, never prose: prose there is a text whose
    # opening the segmenter did not recognise (a court's 经审理查明, a news item), and it is
    # that text's account of the conduct.
    return name in CORE_SECTIONS or (name == "header" and bool(_PROSE.search(text)))


def split_sections(document: Document) -> TextParts:
    """Core and rest text; a document whose sections were not found is all core."""
    sections = document.sections or segment(document.text)
    texts = [(s.name, document.text[s.start : s.end]) for s in sections]
    core = [t for name, t in texts if _is_core(name, t)]
    rest = [t for name, t in texts if not _is_core(name, t)]
    if not core:
        return TextParts(core=document.text, rest="")
    return TextParts(core="\n".join(core), rest="\n".join(rest))


def parts_from_text(text: str) -> TextParts:
    return split_sections(document_from_text(text))


def _fold(text: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("0", text))


def _tokens(text: str, tokenizer: jieba.Tokenizer) -> str:
    # Without jieba's HMM for unknown words: a third faster, and the project dictionary keeps
    # the legal terms whole either way.
    return " ".join(t for t in tokenizer.cut(_fold(text), HMM=False) if t.strip() and t != "0")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """Every category's terms indexed by their first two characters (longest first), and each
    category's term set. A dictionary look-up per position: one regular expression alternating
    over a thousand terms was tried at every position and cost more than the rest of
    classification."""
    categories = load_taxonomy().categories
    terms = {t for c in categories for t in (*c.vocabulary, *c.cues) if len(t) >= 2}
    by_category = {
        c.id: frozenset(t for t in (*c.vocabulary, *c.cues) if len(t) >= 2 and t not in c.generic)
        for c in categories
    }
    index: dict[str, list[str]] = {}
    for term in sorted(terms, key=lambda t: (-len(t), t)):
        index.setdefault(term[:2], []).append(term)
    return {k: tuple(v) for k, v in index.items()}, by_category


def vocabulary_hits(text: str) -> list[str]:
    """The vocabulary terms found in `text`, in order, with repeats: at each position the longest
    term starting there (盗伐林木 at one position, 林木 two characters on)."""
    index, _ = _vocabulary()
    found: list[str] = []
    for i in range(len(text) - 1):
        terms = index.get(text[i : i + 2])
        if terms:
            found += [t for t in terms if text.startswith(t, i)][:1]
    return found


def vocabulary_support(hits: Sequence[str], categories: Sequence[str]) -> list[int]:
    """The distinct terms of each category's vocabulary among `hits`, a term of LONG_TERM
    characters or more counting two."""
    _, by_category = _vocabulary()
    present = set(hits)
    return [
        sum(2 if len(t) >= LONG_TERM else 1 for t in present & by_category.get(c, frozenset()))
        for c in categories
    ]


def feature_rows(parts: list[TextParts], tokenizer: jieba.Tokenizer) -> np.ndarray:
    """One row per document: (core tokens, core characters, rest tokens, core vocabulary terms),
    the transformer's input (`tokenizer`: ingest.tokenize.get_tokenizer's)."""
    rows = np.empty((len(parts), 4), dtype=object)
    for i, p in enumerate(parts):
        rows[i, 0] = _tokens(p.core, tokenizer)
        rows[i, 1] = _fold(p.core)
        rows[i, 2] = _tokens(p.rest, tokenizer)
        rows[i, 3] = " ".join(vocabulary_hits(p.core))
    return rows


def row_hits(rows: np.ndarray) -> list[list[str]]:
    """The vocabulary terms of each feature row (its fourth column)."""
    return [str(r).split() for r in rows[:, 3]]


def build_transformer() -> ColumnTransformer:
    words = dict(token_pattern=r"\S+", lowercase=False, sublinear_tf=True, min_df=2, dtype=np.float32)
    return ColumnTransformer(
        [
            ("core_words", TfidfVectorizer(ngram_range=(1, 2), max_features=200_000, **words), 0),
            (
                "core_chars",
                TfidfVectorizer(
                    analyzer="char",
                    ngram_range=(2, 3),
                    min_df=2,
                    max_features=200_000,
                    sublinear_tf=True,
                    dtype=np.float32,
                ),
                1,
            ),
            ("rest_words", TfidfVectorizer(max_features=50_000, **words), 2),
            (
                "vocabulary",
                TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True, dtype=np.float32),
                3,
            ),
        ],
        transformer_weights={
            "core_words": 1.0,
            "core_chars": 1.0,
            "rest_words": REST_WEIGHT,
            "vocabulary": VOCABULARY_WEIGHT,
        },
        sparse_threshold=1.0,
    )


def vocabulary_width(transformer: ColumnTransformer) -> int:
    """Columns of the fitted conduct-vocabulary block, the last block of `transform`'s output."""
    [vectorizer] = [v for name, v, _cols in transformer.transformers_ if name == "vocabulary"]
    return len(vectorizer.vocabulary_)


def slim(transformer: ColumnTransformer) -> ColumnTransformer:
    """Drop each fitted vectorizer's `stop_words_` (every term min_df/max_features pruned): only
    informational, and most of the model file's size and save time."""
    for _name, vectorizer, _cols in transformer.transformers_:
        if hasattr(vectorizer, "stop_words_"):
            delattr(vectorizer, "stop_words_")
    return transformer


def _tfidf(vectorizer: TfidfVectorizer, texts: np.ndarray) -> csr_matrix:
    """vectorizer.transform(texts): its counts, then the tf-idf weighting done here, since
    sklearn's TfidfTransformer validates its input again on every call, which cost more than the
    counting on one document. Same sublinear tf, idf and norm (a test compares the two)."""
    counts = CountVectorizer.transform(vectorizer, texts).astype(vectorizer.dtype)
    if vectorizer.sublinear_tf:
        np.log(counts.data, counts.data)
        counts.data += 1.0
    if vectorizer.use_idf:
        counts.data *= vectorizer.idf_[counts.indices].astype(vectorizer.dtype)
    return normalize(counts, norm=vectorizer.norm, copy=False) if vectorizer.norm else counts


def transform(transformer: ColumnTransformer, rows: np.ndarray) -> csr_matrix:
    """transformer.transform(rows) without its per-call dispatch (a third of the time of
    classifying one document): each fitted vectorizer on its column, weighted, side by side."""
    weights = transformer.transformer_weights or {}
    blocks = [
        _tfidf(vectorizer, rows[:, column]) * weights.get(name, 1.0)
        for name, vectorizer, column in transformer.transformers_
        if name != "remainder"
    ]
    return hstack(blocks, format="csr")
