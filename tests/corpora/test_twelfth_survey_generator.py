"""The generator writes the twelfth survey's news form, each style its own wording, and the extractor
reads it back to the gold party and fine: a business introduced by a short name with no business ending,
then fined by that short name."""

from __future__ import annotations

import pytest

from lianfa.corpora.generator import page
from lianfa.corpora.generator.numbers import write_amount
from lianfa.corpora.generator.style import Style
from lianfa.extractors.fields import extract
from lianfa.ingest.document import document_from_text

_NAME = "东川恒远建材有限公司"
_MARKS = {"default": "决定给予{short}人民币", "holdout": "{short}因{act}，被"}


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_a_short_name_fined_reads_back_to_the_full_name_and_fine(style: Style) -> None:
    brief = page._brief_name(_NAME)
    short = brief.removesuffix("公司")
    assert short and not short.endswith("公司")
    leads = [t for t in page.NEWS_LEADS[style] if _MARKS[style] in t]
    assert len(leads) == 1
    text = leads[0].format(
        agency="某市应急管理局", name=_NAME, short=short, brief=brief, kind="", act="未按规定排查事故隐患",
        fine=write_amount(60000, "wan"), code="", confiscated="",
    )
    fields = extract(document_from_text(text + "\n"))
    assert [p.name for p in fields.parties] == [_NAME], text
    assert [a.yuan for a in fields.amounts if a.role == "fine"] == [60000.0], text


def test_a_headlines_fine_without_its_yuan_reads_back() -> None:
    # a mirror page's headline: the fine in square brackets, 万 with no 元
    lead = next(t for t in page.NEWS_LEADS["holdout"] if "{headline}" in t)
    text = lead.format(name=_NAME, act="未按规定排查事故隐患", headline="8万")
    fields = extract(document_from_text(text + "\n"))
    assert [p.name for p in fields.parties] == [_NAME]
    assert [a.yuan for a in fields.amounts if a.role == "fine"] == [80000.0]
