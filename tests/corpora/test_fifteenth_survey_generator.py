"""The generator writes the fifteenth survey's forms, each style its own wording, and the extractor
reads each back to the gold party and fine, template by template (a form a page prints now and then
is read back directly, not by sampling a corpus)."""

from __future__ import annotations

import pytest

from lianfa.corpora.generator import page
from lianfa.corpora.generator.numbers import write_amount
from lianfa.corpora.generator.style import Style
from lianfa.extractors.fields import extract
from lianfa.ingest.document import document_from_text

_NAME = "东川恒远建材有限公司"
_ACT = "未按规定排查事故隐患"
_NEWS = {
    "default": ("案例一\\n", "涉案企业", "（以下简称{short}）", "收到了{agency}的罚单", "被处罚的{name}", "林业行政罚款", "“罚单”"),
    "holdout": ("（二）", "涉事企业{name}", "（下称{short}）", "开出的罚单", "被处罚单位为", "水行政罚款", "被罚{headline} "),
}
_FINDINGS = {
    "default": ("{year} 年 3 月，", "监督检查时发现", "核查时发现，"),
    "holdout": ("今年6月，", "日常检查时发现", "巡查时发现："),
}
_PERSONS = {"default": ("予以查处",), "holdout": ("予以立案查处",)}


def _read(text: str) -> tuple[list[str], list[float]]:
    fields = extract(document_from_text(text + "\n"))
    return [p.name for p in fields.parties], [a.yuan for a in fields.amounts if a.role == "fine"]


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_the_surveys_news_leads_read_back_to_the_name_and_fine(style: Style) -> None:
    short = page._brief_name(_NAME).removesuffix("公司")
    for mark in _NEWS[style]:
        leads = [t for t in page.NEWS_LEADS[style] if mark.replace("\\n", "\n") in t]
        assert len(leads) == 1, mark
        text = leads[0].format(
            agency="某市应急管理局", name=_NAME, short=short, brief="", kind="", act=_ACT,
            fine=write_amount(60000, "wan"), code="", confiscated="", headline="6万",
        )
        names, fines = _read(text)
        assert names == [_NAME], text
        if "{fine}" in leads[0] or "{headline}" in leads[0]:
            assert fines == [60000.0], text


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_the_surveys_findings_read_back_to_the_name(style: Style) -> None:
    for mark in _FINDINGS[style]:
        findings = [t for t in page.PARTY_FINDINGS[style] if mark in t]
        assert len(findings) == 1, mark
        names, _ = _read(findings[0].format(name=_NAME, act=_ACT, year=2024, no=8))
        assert names == [_NAME], findings[0]


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_a_masked_person_dealt_with_reads_back_to_the_name_and_fine(style: Style) -> None:
    for mark in _PERSONS[style]:
        forms = [t for t in page.PERSON_FINDINGS[style] if mark in t]
        assert len(forms) == 1, mark
        names, fines = _read(forms[0].format(name="孙某某", act="滥伐林木", fine=write_amount(6000, "plain")))
        assert names == ["孙某某"], forms[0]
        assert fines == [6000.0], forms[0]
