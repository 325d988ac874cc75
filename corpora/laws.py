"""The legal dictionary: law names as decisions print them, mapped to lianfa's short names.

Decisions cite the same law as 《中华人民共和国产品质量法》, 《产品质量法》(2018年修正), 产品质量法第五十条
or, after OCR, 《中华人民共和国产晶质量法》. `normalize_law_name` maps all of them to 产品质量法. The
same data feeds the jieba user dictionary, so a segmenter keeps law names and legal terms whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field, model_validator

from lianfa.corpora.datafile import DATA_DIR, load_model
from lianfa.ingest.normalize import normalize

if TYPE_CHECKING:
    import jieba

_PRC = "中华人民共和国"
# A name shorter than this differs from another law by one character too often (海关法/海商法).
_FUZZY_MIN_LEN = 5
_TITLE = re.compile(r"《([^《》]+)》")
_QUOTES = re.compile(r"[《》〈〉<>\"'“”‘’「」『』\s]")
_EDITION = re.compile(r"[(\[【][^()\[\]【】]*\d{4}[^()\[\]【】]*[)\]】]$")
_ARTICLE = re.compile(r"第[一二三四五六七八九十百千零〇两\d]+[条款项].*$")


class LawEntry(BaseModel):
    short: str
    full: list[str] = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    variants: list[str] = Field(default_factory=list)
    kind: Literal["law", "regulation", "rule", "interpretation"]

    def names(self) -> list[str]:
        return [self.short, *self.full, *self.aliases, *self.variants]


class LawBook(BaseModel):
    laws: list[LawEntry] = Field(min_length=1)
    terms: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unambiguous(self) -> LawBook:
        owner: dict[str, str] = {}
        for law in self.laws:
            for name in law.names():
                key = _clean(name)
                if key in owner and owner[key] != law.short:
                    raise ValueError(f"name {name!r} belongs to both {owner[key]} and {law.short}")
                owner[key] = law.short
        return self

    def index(self) -> dict[str, str]:
        return {_clean(name): law.short for law in self.laws for name in law.names()}


def _strip_prc(name: str) -> str:
    head = name[: len(_PRC)]
    if len(name) > len(_PRC) and sum(a != b for a, b in zip(head, _PRC)) <= 1:
        return name[len(_PRC) :]
    return name


def _clean(raw: str) -> str:
    # Inside 《》 is the name; outside may be an issuer (国务院《…》) or the article cited.
    quoted = _TITLE.search(raw)
    name = _QUOTES.sub("", normalize(quoted.group(1) if quoted else raw))
    name = _ARTICLE.sub("", name)
    name = _EDITION.sub("", name)
    name = _QUOTES.sub("", name)
    return _strip_prc(name)


@lru_cache(maxsize=4)
def load_laws(path: Path | None = None) -> LawBook:
    return load_model(path or DATA_DIR / "laws.yaml", LawBook)


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    return load_laws().index()


def normalize_law_name(raw: str) -> str | None:
    """The short name of the law `raw` names, or None when it names no law in laws.yaml.

    Accepts 《》, the 中华人民共和国 prefix (even misread by one character), an edition note such as
    (2018年修正), a trailing article reference, and one misread character in names of five or more
    characters when exactly one known name is that close."""
    name = _clean(raw)
    if not name:
        return None
    index = _index()
    if name in index:
        return index[name]
    if len(name) < _FUZZY_MIN_LEN:
        return None
    close = {
        short
        for known, short in index.items()
        if len(known) == len(name) and sum(a != b for a, b in zip(known, name)) == 1
    }
    return close.pop() if len(close) == 1 else None


def jieba_words() -> list[str]:
    """Law names, agency names and legal terms a segmenter must not split."""
    from lianfa.corpora.taxonomy import load_agencies

    book = load_laws()
    words: list[str] = list(book.terms)
    for law in book.laws:
        words += [law.short, *law.full, *law.aliases]
    for agency in load_agencies().agency_types:
        words += [agency.name, *agency.aliases]
    return list(dict.fromkeys(w for w in words if len(w) > 1))


def jieba_user_dict() -> str:
    """The words as a jieba user dictionary (word, frequency, part of speech per line)."""
    return "".join(f"{word} 100000 nz\n" for word in jieba_words())


def add_to_jieba(tokenizer: jieba.Tokenizer) -> None:
    for word in jieba_words():
        tokenizer.add_word(word, freq=100000, tag="nz")
