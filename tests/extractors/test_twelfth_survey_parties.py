"""The party as a twelfth survey of published pages (应急管理 and 药监 news, listed companies' notices
among them) printed it: a business introduced with a short name that has no business ending, then
fined by that short name. Texts are made up; only the forms are real."""

from __future__ import annotations

from lianfa.extractors.fields import Fields, extract
from lianfa.ingest.pipeline import text_document


def _fields(text: str) -> Fields:
    return extract(text_document(text))


def _names(text: str) -> list[str]:
    return [p.name for p in _fields(text).parties]


def test_a_short_name_the_penalty_sentence_gives_is_read_as_the_full_name_introduced() -> None:
    text = (
        "某报讯 某某新材料股份有限公司发布公告称，其全资子公司青州远航铝业有限公司（简称“远航铝业”）"
        "收到某市应急管理局的《行政处罚决定书》。某市应急管理局决定给予远航铝业人民币80万元罚款。\n"
    )
    assert _names(text) == ["青州远航铝业有限公司"]


def test_a_short_name_fined_after_because_is_read_as_the_full_name_introduced() -> None:
    text = (
        "据企业信息平台显示，南岭制药集团有限公司（以下简称“南岭制药”）新增一则行政处罚。"
        "南岭制药因销售不符合标准的医用口罩，被某省药品监督管理局罚款6万元。\n"
    )
    assert _names(text) == ["南岭制药集团有限公司"]


def test_a_short_name_introduced_but_never_fined_names_no_party() -> None:
    text = "北塘机械有限公司（以下简称“北塘机械”）今年产值增长。北塘机械计划扩建厂房。\n"
    assert _names(text) == []
