"""A disclosure's money field or column whose name carries the unit, 万元 or 元 (`罚款金额（元）：5000`,
`处罚金额(万元):1.2`), the value a bare number. Texts are made up; only the forms are real."""

from __future__ import annotations

import pytest
from reading import fine_amounts

from lianfa.corpora.generator import page
from lianfa.corpora.generator.numbers import write_number
from lianfa.corpora.generator.style import Style


@pytest.mark.parametrize(
    ("line", "fine"),
    [
        ("罚款金额（元）：5000", 5000.0),
        ("罚款金额(元):5000.00　处罚机关：某市应急管理局", 5000.0),
        ("处罚金额（万元）：1.2", 12000.0),
        ("罚款数额（元）：860", 860.0),
    ],
)
def test_a_fields_unit_in_its_name_scales_the_bare_value(line: str, fine: float) -> None:
    assert fine_amounts(f"当事人：东川建材有限公司\n{line}\n") == [fine]


def test_a_columns_unit_in_its_name_scales_the_cell_below() -> None:
    text = "行政相对人名称 | 罚款金额（元） | 处罚机关 |\n东川建材有限公司 | 5000 | 某市应急管理局 |\n"
    assert fine_amounts(text) == [5000.0]


def test_a_value_that_states_its_own_unit_is_read_once() -> None:
    assert fine_amounts("当事人：东川建材有限公司\n罚款金额（元）：5000元\n") == [5000.0]


@pytest.mark.parametrize("style", ["default", "holdout"])
def test_the_generators_field_in_yuan_reads_back(style: Style) -> None:
    lead = next(t for t in page.WAN_FIELD_LEADS[style] if "{yuan}" in t)
    for fine in (5000.0, 12345.5):
        line = lead.format(agency="某市应急管理局", wan=write_number(fine / 10000, places=6), yuan=write_number(fine, places=2))
        assert fine_amounts(f"当事人：东川建材有限公司\n{line}\n") == [fine], line
