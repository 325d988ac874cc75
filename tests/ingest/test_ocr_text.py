"""Engine-independent parts of ingest.ocr: text clean-up, CER, the registry. No model is loaded."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lianfa.errors import ConfigError
from lianfa.ingest.ocr import engine_names, get_engine
from lianfa.ingest.ocr.postprocess import clean_text
from lianfa.ingest.ocr.quality import cer, edit_distance


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("违法经营额259，200元", "违法经营额259,200元"),
        ("罚款人民币５１８，４００．００元", "罚款人民币518,400.00元"),
        ("某市监处罚【2024】318号", "某市监处罚〔2024〕318号"),
        ("某市监处罚[2024]第318号", "某市监处罚〔2024〕第318号"),
        ("某市监处罚（2024） 318 号", "某市监处罚〔2024〕318号"),
        ("当事人 某某 公司 Co. Ltd 罚款 2 万元", "当事人某某公司Co. Ltd罚款2万元"),
        ("  当事人：某某公司　", "当事人:某某公司"),
    ],
)
def test_clean_text_reads_numbers_and_document_numbers(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_leaves_brackets_that_are_not_a_document_year() -> None:
    assert clean_text("（一）没收违法所得") == "(一)没收违法所得"
    assert clean_text("【2024】年度报告") == "【2024】年度报告"


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@given(st.text(alphabet="ab中文,，1", max_size=12), st.text(alphabet="ab中文,，1", max_size=12))
def test_edit_distance_matches_the_textbook_recurrence(a: str, b: str) -> None:
    assert edit_distance(a, b) == _levenshtein(a, b)


def test_cer_ignores_whitespace_and_optionally_width() -> None:
    assert cer("罚款 259，200 元", "罚款259，200元") == 0.0
    assert cer("罚款259，200元", "罚款259,200元") == pytest.approx(1 / 10)
    assert cer("罚款259，200元", "罚款259,200元", nfkc=True) == 0.0
    assert cer("", "") == 0.0


def test_unknown_engine_is_a_config_error_naming_the_choices() -> None:
    with pytest.raises(ConfigError) as e:
        get_engine("abbyy")
    assert "rapidocr" in str(e.value)
    assert "rapidocr" in engine_names()
