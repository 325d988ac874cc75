"""The legal dictionary: law names as decisions print them, mapped to lianfa's short names.

Decisions cite the same law as 《中华人民共和国产品质量法》, 《产品质量法》(2018年修正), 产品质量法第五十条
or, after OCR, 《中华人民共和国产晶质量法》. `law_key` reduces each name the data gives to the key a
citation is looked up by (lianfa.extractors.laws.normalize_law_name maps all of them to 产品质量法).
The same data feeds the jieba user dictionary, so a segmenter keeps law names and legal terms whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field, model_validator

from lianfa.corpora.datafile import DATA_DIR, load_model

if TYPE_CHECKING:
    import jieba

_PRC = "中华人民共和国"
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
                key = law_key(name)
                if key in owner and owner[key] != law.short:
                    raise ValueError(f"name {name!r} belongs to both {owner[key]} and {law.short}")
                owner[key] = law.short
        return self

    def index(self) -> dict[str, str]:
        return {law_key(name): law.short for law in self.laws for name in law.names()}


def _strip_prc(name: str) -> str:
    head = name[: len(_PRC)]
    if len(name) > len(_PRC) and sum(a != b for a, b in zip(head, _PRC, strict=True)) <= 1:
        return name[len(_PRC) :]
    return name


def law_key(name: str) -> str:
    """The key a law name is indexed by: inside 《》 if quoted (outside may be an issuer, 国务院《…》, or
    the article cited), without quotes, article, edition note or 中华人民共和国 prefix. Characters are
    taken as they are: the bundled names are written normalised, and text from a document is
    normalised by ingest (lianfa.ingest.normalize) before it is looked up."""
    quoted = _TITLE.search(name)
    name = _QUOTES.sub("", quoted.group(1) if quoted else name)
    name = _ARTICLE.sub("", name)
    name = _EDITION.sub("", name)
    name = _QUOTES.sub("", name)
    return _strip_prc(name)


@lru_cache(maxsize=4)
def load_laws(path: Path | None = None) -> LawBook:
    return load_model(path or DATA_DIR / "laws.yaml", LawBook)


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
