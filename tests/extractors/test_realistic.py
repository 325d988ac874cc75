"""Decisions written the way real agencies write them (tax, customs, land, forestry, tobacco, health,
joint 双罚, 个体工商户 with an old 注册号, OCR noise, full-width digits, fixed-width line breaks),
each checked field by field against tests/fixtures/realistic/expected.yaml.

The texts were written for lianfa, independently of the corpus generator, so they test the
extractors on phrasing they were not built from. `score()` is also what measures the per-field hit
rate on the set: `.venv/bin/python tests/extractors/test_realistic.py`.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from lianfa.extractors.fields import Fields, extract
from lianfa.extractors.masking import mask_text
from lianfa.ingest.pipeline import text_document
from lianfa.ingest.sections import segment

_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "realistic"
_EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((_DIR / "expected.yaml").read_text(encoding="utf-8"))
_PARTY_KEYS = (
    "name", "kind", "credit_code", "registration_no", "legal_representative", "id_number_masked", "address",
)


@cache
def _fields(name: str) -> Fields:
    doc = text_document((_DIR / name).read_text(encoding="utf-8"))
    return extract(doc.with_sections(segment(doc.text)))


def _actual(f: Fields, field: str, expected: Any) -> Any:
    """The extracted value of `field`, shaped like its expectation."""
    if field == "doc_number":
        return f.doc_number.value if f.doc_number else None
    if field == "agency":
        return f.agency.name if f.agency else None
    if field == "decision_date":
        return f.decided_on
    if field == "case_cause":
        return f.case_cause.value if f.case_cause else None
    if field == "parties":
        keys = [[k for k in _PARTY_KEYS if k in p] for p in expected]
        return [{k: getattr(p, k) for k in ks} for p, ks in zip(f.parties, keys, strict=False)] + [
            {"name": p.name} for p in f.parties[len(keys) :]
        ]
    if field == "amounts":
        return Counter((a.role, round(a.yuan, 2)) for a in f.amounts)
    if field == "quantities":
        return {(q.kind, round(q.value, 2), q.unit) for q in f.quantities}
    if field == "laws":
        return {(x.law, x.article, x.role) for x in f.laws}
    if field == "penalties":
        return {p.kind for p in f.penalties}
    raise KeyError(field)


def _wanted(field: str, expected: Any) -> Any:
    if field == "amounts":
        return Counter((role, round(float(yuan), 2)) for role, yuan in expected)
    if field == "quantities":
        return {(kind, round(float(value), 2), unit) for kind, value, unit in expected}
    if field == "laws":
        return {(law, int(article), role) for law, article, role in expected}
    if field == "penalties":
        return set(expected)
    if field == "decision_date" and not isinstance(expected, date):
        return date.fromisoformat(str(expected))
    return expected


_CASES = [(name, field) for name, spec in _EXPECTED.items() for field in spec]


@pytest.mark.parametrize(("name", "field"), _CASES, ids=[f"{n.removesuffix('.txt')}-{f}" for n, f in _CASES])
def test_realistic_field(name: str, field: str) -> None:
    expected = _EXPECTED[name][field]
    assert _actual(_fields(name), field, expected) == _wanted(field, expected)


def test_every_fixture_has_expectations() -> None:
    assert sorted(p.name for p in _DIR.glob("*.txt")) == sorted(_EXPECTED)
    assert len(_EXPECTED) >= 15


# Region code then a birth year and month still readable: an ID not masked enough to leave lianfa.
_BIRTH_DATE_SHOWN = re.compile(r"(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])[\d*]")


@pytest.mark.parametrize("name", sorted(_EXPECTED))
def test_no_birth_date_survives_masking(name: str) -> None:
    """Whole IDs and IDs an agency masked leaving the birth date (460100197405******) are masked."""
    text = (_DIR / name).read_text(encoding="utf-8")
    assert _BIRTH_DATE_SHOWN.search(mask_text(text)) is None


def score() -> dict[str, tuple[int, int]]:
    """(hits, checked) per field over the whole set."""
    out: dict[str, list[int]] = {}
    for name, spec in _EXPECTED.items():
        f = _fields(name)
        for field, expected in spec.items():
            hit = _actual(f, field, expected) == _wanted(field, expected)
            out.setdefault(field, [0, 0])
            out[field][0] += int(hit)
            out[field][1] += 1
            if not hit and "-v" in sys.argv:
                got = _actual(f, field, expected)
                print(f"MISS {name} {field}\n  want {_wanted(field, expected)}\n  got  {got}")
    return {k: (v[0], v[1]) for k, v in out.items()}


if __name__ == "__main__":
    total = [0, 0]
    for field, (hits, checked) in score().items():
        total[0] += hits
        total[1] += checked
        print(f"{field:15} {hits:3}/{checked:<3} {hits / checked:.0%}")
    print(f"{'all':15} {total[0]:3}/{total[1]:<3} {total[0] / total[1]:.0%}")
