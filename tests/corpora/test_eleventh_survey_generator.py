"""The generator writes the eleventh survey's forms, each style its own wording, and the extractor reads
each back to the gold 文号, parties and money: the penalty sentence that fines a person (给予), a business
called by its bare kind after its full name, a list's numeral before the agency that 查处, a headline's
被罚, a 公示表 column printed over two lines with its 文号 lost its 号, a number handed down (下发了), a
licence's number cited, a person's line under a heading, a label above its value past an empty line,
a decision worded as a proposal, 违法经营所得 confiscated."""

from __future__ import annotations

import re

import pytest

from lianfa.corpora.generator import page
from lianfa.corpora.generator.numbers import write_amount
from lianfa.corpora.generator.style import Style
from lianfa.corpora.generator.writer import generate
from lianfa.corpora.gold import GoldRecord
from lianfa.corpora.scoring import normalize as norm
from lianfa.extractors.fields import extract
from lianfa.ingest.document import document_from_text

N = 1500

# forms a decision's blocks carry, common enough to show in a corpus of N, with the styles that write them
# (the news leads, one template among many a page picks now and then, are read back one by one below)
FORMS: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "handed_down": (re.compile(r"并下发了"), ("default",)),
    "licence_cited": (re.compile(r"许可证编号为|许可证（"), ("default", "holdout")),
    "person_line": (re.compile(r"(?m)^(?:一、当事人基本情况|（一）当事人基本信息)$"), ("default", "holdout")),
    "label_above_blank": (re.compile(r"(?:违法主体名称或姓名|被处罚人姓名或名称)\n\n"), ("default", "holdout")),
    "proposal_worded": (re.compile(r"拟对当事人作出如下行政处罚|拟给予当事人以下处罚"), ("default", "holdout")),
    "business_income": (re.compile(r"违法经营所得"), ("default", "holdout")),
}


@pytest.fixture(scope="module", params=["default", "holdout"])
def records(request: pytest.FixtureRequest) -> list[GoldRecord]:
    return list(generate(N, seed=11, style=request.param))


def _money(amounts: list[tuple[str, float]], role: str) -> list[float]:
    return sorted(y for r, y in amounts if r == role)


@pytest.mark.parametrize("form", list(FORMS))
def test_each_eleventh_survey_form_is_written_and_read_back(form: str, records: list[GoldRecord]) -> None:
    pattern, styles = FORMS[form]
    shown = [r for r in records if pattern.search(r.text)]
    assert bool(shown) == (records[0].style in styles), f"{records[0].style} {form}: {len(shown)}"
    for r in shown:
        fields = extract(document_from_text(r.text))
        assert fields.doc_number is not None and norm.doc_number(fields.doc_number.value) == norm.doc_number(r.doc_number), r.id
        names = [norm.plain(p.name) for p in fields.parties]
        assert all(norm.plain(p.name) in names for p in r.parties), r.id
        got = [(a.role, a.yuan) for a in fields.amounts]
        gold = [(a.role, a.yuan) for a in r.amounts]
        for role in ("fine", "confiscated_income"):
            assert _money(got, role) == _money(gold, role), (r.id, role)


# The news and table forms a page prints only now and then: each template the survey added, written
# out for a business whose name ends in a kind a page calls it by, read back to its name and fine.
_NAME = "某某县青禾食品加工厂"
_NEWS = {
    "default": ("现决定给予{name}处罚款", "对{kind}作出罚款", "一、{agency}查处{name}"),
    "holdout": ("对{name}给予人民币", "对{kind}给予警告", "二、{agency}查处{name}", "被罚{fine}"),
}


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_the_surveys_news_leads_read_back_to_the_name_and_fine(style: Style) -> None:
    leads = [t for t in page.NEWS_LEADS[style] if any(m in t for m in _NEWS[style])]
    assert len(leads) == len(_NEWS[style])
    for lead in leads:
        text = lead.format(
            agency="某某县农业农村局", name=_NAME, kind=page._bare_kind(_NAME), act="无证经营兽药",
            fine=write_amount(30000, "wan"), brief="", code="", confiscated="",
        )
        fields = extract(document_from_text(text + "\n"))
        assert [p.name for p in fields.parties] == [_NAME], text
        if "{fine}" in lead:
            assert [a.yuan for a in fields.amounts if a.role == "fine"] == [30000.0], text


def test_a_notice_tables_split_header_and_a_number_handed_down_read_back() -> None:
    number = "某农(兽药)罚〔2025〕17号"
    header, row = next(t for t in page.DISCLOSURE_TABLES["holdout"] if "被处罚人 姓名或名称" in t[0])
    text = header + "\n" + row.format(bare=number.removesuffix("号"), name=_NAME, act="无证经营兽药") + "\n"
    fields = extract(document_from_text(text))
    assert [p.name for p in fields.parties] == [_NAME]
    assert fields.doc_number is not None and fields.doc_number.value == number
    lead = next(t for t in page.NOTICE_LEADS["default"] if "下发了" in t)
    fields = extract(document_from_text(lead.format(agency="某某县农业农村局", name=_NAME, act="无证经营兽药", number=number)))
    assert fields.doc_number is not None and fields.doc_number.value == number
