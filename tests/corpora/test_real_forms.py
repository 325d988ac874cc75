"""The generator writes the 文号 shapes, the cited numbers of other papers and the reckoned fines that
published decisions show (corpora/data/real_forms/doc_numbers.yaml), in both styles, with exact gold;
and the extractor reads them back."""

from __future__ import annotations

import re

import pytest

from lianfa.corpora.doc_number_forms import doc_number_forms
from lianfa.corpora.generator import phrasing as ph
from lianfa.corpora.generator.penalties import RECKONED_FINE
from lianfa.corpora.generator.writer import generate
from lianfa.corpora.gold import GoldRecord
from lianfa.corpora.scoring import normalize as norm
from lianfa.extractors.fields import extract
from lianfa.ingest.normalize import normalize
from lianfa.ingest.pipeline import text_document

N = 240
_SHAPES = {
    "county code": re.compile(r"^[\u4e00-\u9fff]\d{4}[\u4e00-\u9fff]"),
    "issuer in brackets": re.compile(r"^（[\u4e00-\u9fff]{2}）"),
    "hyphenated serial": re.compile(r"〕(?:[A-Z]-)?\d{2}-\d+号$"),
}
_CITED = re.compile(r"[\u4e00-\u9fff()]+(?:先登|责改字|证保|限改|罚告字|罚告|听告字|事告)〔\d{4}〕\d+号")


@pytest.fixture(scope="module", params=["default", "holdout"])
def records(request: pytest.FixtureRequest) -> list[GoldRecord]:
    return list(generate(N, seed=23, style=request.param))


def test_real_doc_number_shapes_are_written(records: list[GoldRecord]) -> None:
    seen = {name for r in records for name, shape in _SHAPES.items() if shape.search(r.doc_number)}
    style = records[0].style
    want = {"county code", "hyphenated serial"} if style == "default" else {"issuer in brackets", "hyphenated serial"}
    assert want <= seen
    assert all(_printed_as_filed(r) for r in records)


_FURNITURE_OF_A_NUMBER = re.compile(r"[〔〕\[\]()（）【】［］号\-—\s]")


def _printed_as_filed(r: GoldRecord) -> bool:
    """The header prints the gold 文号: as filed, in traditional characters, or (as some pages do)
    without its brackets and 号."""
    line = next((b.text for b in r.blocks if b.kind == "doc_number"), None)
    if line is None:
        # a disclosure table's row prints the number in a cell, as filed (a 公示表's without its 号)
        return norm.doc_number(r.doc_number).removesuffix("号") in norm.doc_number(normalize(r.text))
    printed = normalize(line)
    filed = normalize(r.doc_number)
    if norm.doc_number(printed) == norm.doc_number(filed):
        return True
    return _FURNITURE_OF_A_NUMBER.sub("", printed) == _FURNITURE_OF_A_NUMBER.sub("", filed)


def test_cited_papers_keep_their_numbers_apart_from_the_decisions(records: list[GoldRecord]) -> None:
    citing = [r for r in records if _CITED.search(r.text)]
    assert len(citing) >= N // 10
    for record in citing:
        fields = extract(text_document(record.text))
        assert fields.doc_number is not None, record.id
        assert norm.doc_number(fields.doc_number.value) == norm.doc_number(record.doc_number), record.id
        kinds = {r.kind for r in fields.related_numbers}
        # (an earlier decision the text recounts is a penalty decision of its own: 处罚决定)
        assert kinds and kinds <= {*doc_number_forms().kinds(), "处罚决定"}, (record.id, kinds)


def test_a_reckoned_fine_is_read_as_the_fine_not_its_base(records: list[GoldRecord]) -> None:
    reckoned = [r for r in records if "×" in r.text and "%" in r.text]
    assert reckoned
    for record in reckoned:
        got = sorted(a.yuan for a in extract(text_document(record.text)).amounts if a.role == "fine")
        assert got == sorted(a.yuan for a in record.amounts if a.role == "fine"), record.id


def test_every_mark_the_generator_writes_names_a_kind_the_chooser_knows() -> None:
    marks = {mark: k.kind for k in doc_number_forms().related_kinds for mark in k.marks}
    written = [m for style in ("default", "holdout") for _, m in ph.CITED_PAPERS[style]]
    written += [m for style in ("default", "holdout") for m in ph.NOTICE_MARKS[style]]
    for mark in written:
        assert any(known in mark for known in marks), mark
    assert all("{base}" in t and "{plain}" in t for style in ("default", "holdout") for t in RECKONED_FINE[style])


def test_the_survey_data_is_consistent() -> None:
    forms = doc_number_forms()
    assert sum(forms.survey.agency_types.values()) == forms.survey.decisions
    kinds = forms.kinds()
    assert len(kinds) == len(set(kinds))
    assert all(c.count <= forms.survey.decisions for c in [*forms.related_kinds, *forms.shapes, *forms.fine_forms])


def test_fines_for_several_taxes_are_read_as_their_total(records: list[GoldRecord]) -> None:
    taxed = [r for r in records if re.search(r"罚款(?:分别为)?[^，。]+?、[^，。]+?，(?:合计|共计)", r.text)]
    assert taxed
    for record in taxed:
        got = [a.yuan for a in extract(text_document(record.text)).amounts if a.role == "fine"]
        assert got == [a.yuan for a in record.amounts if a.role == "fine"], record.id
