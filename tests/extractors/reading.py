"""What the extractor reads from a made-up text: the fields, the parties' names, the fines. Shared by
the survey passes' test files, which each check forms on short texts of their own."""

from __future__ import annotations

from lianfa.extractors.fields import Fields, extract
from lianfa.ingest.pipeline import text_document


def read_fields(text: str) -> Fields:
    return extract(text_document(text))


def party_names(text: str) -> list[str]:
    return [p.name for p in read_fields(text).parties]


def fine_amounts(text: str) -> list[float]:
    return [a.yuan for a in read_fields(text).amounts if a.role == "fine"]
