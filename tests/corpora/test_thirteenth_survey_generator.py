"""The generator writes the thirteenth survey's forms (税务, 海关 and 林业 pages), each style its own
wording, and the extractor reads each back one by one: the case a news page says the agency 查处, a
decision reprinted under its `关于…处罚决定书` heading, a court's plaintiff, a numbered list of cases, an
agent the party engaged (`当事人委托…`), a fine named by its field (`…元的林业行政罚款`), a firm masked
with a Latin initial, and a 文号 whose issuer letters were masked."""

from __future__ import annotations

import random
import re

import pytest

from lianfa.corpora.generator import page
from lianfa.corpora.generator.geo import pick_place
from lianfa.corpora.generator.numbers import write_amount
from lianfa.corpora.generator.parties import make_party
from lianfa.corpora.generator.style import Style
from lianfa.extractors.fields import extract
from lianfa.ingest.document import document_from_text

_NAME = "青岚宏运商贸有限公司"
_ACT = "未按规定申报纳税"
_AGENCY = "某市税务局稽查局"
# a distinctive stretch of each new lead, by style
_MARKS: dict[Style, tuple[str, ...]] = {
    "default": ("依法查处{name}{act}案件", "关于{name}违反海关监管规定", "原告{name}，", "1、{name}{act}案", "当事人委托某某报关"),
    "holdout": (
        "（以下简称“{brief}”）{act}案件", "等5户企业", "关于{name}涉证", "上诉人（原审原告）{name}", "一、{name}{act}案",
        "林政行政罚款", "当事人委托某某货运",
    ),
}


def _leads(style: Style) -> list[str]:
    found = [next(t for t in page.NEWS_LEADS[style] if mark in t) for mark in _MARKS[style]]
    assert len(found) == len(_MARKS[style])
    return found


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_each_new_news_lead_reads_back_to_the_party_and_fine(style: Style) -> None:
    for lead in _leads(style):
        text = lead.format(
            agency=_AGENCY, name=_NAME, act=_ACT, brief=page._brief_name(_NAME), fine=write_amount(60000, "wan"),
            short="", kind="", code="", confiscated="", headline="",
        )
        fields = extract(document_from_text(text + "\n"))
        assert [p.name for p in fields.parties] == [_NAME], text
        if "{fine}" in lead:
            assert [a.yuan for a in fields.amounts if a.role == "fine"] == [60000.0], text


class _Draw(random.Random):
    """A stream whose next draws fall where the masked-number branch is chosen."""

    def random(self) -> float:
        return page.P_BARE_NUMBER + page.P_MASKED_SERIAL / 2


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_a_number_whose_issuer_letters_are_masked_reads_back_as_printed(style: Style) -> None:
    stars = page.MASKED_ISSUERS[style][0]
    for n in range(1, 400):
        printed = f"某市税稽罚〔2025〕{n}号"
        shown, filed = page._number(_Draw(), style, printed)
        if shown.startswith(stars):
            break
    else:
        pytest.fail("no number had its issuer masked")
    assert shown == filed and re.fullmatch(rf"{re.escape(stars)}[\u4e00-\u9fff]+〔2025〕\d+号", shown)
    text = f"国家税务总局某市税务局稽查局\n税务行政处罚决定书\n{shown}\n{_NAME}：\n我局对你公司进行了检查。\n"
    doc = extract(document_from_text(text)).doc_number
    assert doc is not None and doc.value == shown


@pytest.mark.parametrize("mask", ["某", "*"])
def test_a_firm_masked_with_a_latin_initial_reads_back_as_addressee_and_name_line(mask: str) -> None:
    rng = random.Random(13)
    for _ in range(3000):
        party = make_party(rng, "organisation", "general", pick_place(rng), name_mask=mask)
        if re.search("[A-Z]", party.name):
            break
    else:
        pytest.fail("no firm came out masked with an initial")
    for text in (f"某市税务局稽查局\n税务处理决定书\n{party.name}：\n我局对你公司进行了检查。\n",
                 f"某市林业局\n行政处罚决定书\n{party.name}\n统一社会信用代码：91350100MA2XXXXX0X\n经查，存在违法行为。\n"):
        assert [p.name for p in extract(document_from_text(text)).parties] == [party.name], text
