"""The generator writes the news leads that say whom a decision penalised and the 公示 table printed one
cell a line, each style its own wording, and the extractor reads each back to the gold party (and the
table's 文号). Each form is read back directly: a corpus shows a lead only now and then."""

from __future__ import annotations

import pytest

from lianfa.corpora.generator import page
from lianfa.corpora.generator.numbers import write_amount
from lianfa.corpora.generator.style import Style
from lianfa.extractors.fields import extract
from lianfa.ingest.document import document_from_text

_NAME = "东川恒远建材有限公司"
_MARKS = {
    "default": ("被处罚的企业为", "检查中发现，", "}近日收到", "信息显示，", "收到子公司"),
    "holdout": ("处罚对象是", "检查中发现：", "涉事企业为", "公布了对", "一案立案调查"),
}


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_the_penalised_party_leads_read_back_to_the_name(style: Style) -> None:
    leads = [t for t in page.NEWS_LEADS[style] if any(m in t for m in _MARKS[style])]
    assert len(leads) == len(_MARKS[style])
    for lead in leads:
        text = lead.format(
            agency="某市应急管理局", name=_NAME, act="未按规定排查事故隐患", fine=write_amount(60000, "wan"),
            brief=page._brief_name(_NAME),
        )
        fields = extract(document_from_text(text + "\n"))
        assert [p.name for p in fields.parties] == [_NAME], text
        if "{fine}" in lead:
            assert [a.yuan for a in fields.amounts if a.role == "fine"] == [60000.0], text


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_the_table_printed_one_cell_a_line_reads_back_to_the_party_and_number(style: Style) -> None:
    tables = [(h, r) for h, r in page.DISCLOSURE_TABLES[style] if "|" not in h]
    assert len(tables) == 1
    header, row = tables[0]
    number = "东川应急罚〔2024〕17号"
    text = header + "\n" + row.format(number=number, name=_NAME, act="未按规定排查事故隐患", agency="东川市应急管理局")
    fields = extract(document_from_text(text + "\n"))
    assert [p.name for p in fields.parties] == [_NAME], text
    assert fields.doc_number is not None and fields.doc_number.value == number
