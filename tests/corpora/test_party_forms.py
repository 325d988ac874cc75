"""The generator writes the party forms published decisions use (an unlabelled addressee or name
line, `名称，法定代表人为：…`, letter-spaced labels, `label | value` rows, masked names), each
style its own, and the extractor reads every one back to the exact gold name."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from lianfa.corpora.generator.writer import generate
from lianfa.corpora.gold import GoldRecord
from lianfa.extractors.fields import extract
from lianfa.ingest.normalize import normalize
from lianfa.ingest.pipeline import text_document

N = 160


def _addressee(r: GoldRecord) -> bool:
    return f"\n{r.parties[0].name}：\n" in r.text or f"\n{r.parties[0].name}（个体工商户）：\n" in r.text


def _name_alone(r: GoldRecord) -> bool:
    # (a title line that names the party ends with its 案)
    return any(
        line.startswith(r.parties[0].name) and not re.search(r"[:：，,|]", line) and not line.endswith("案")
        for line in r.text.split("\n")[2:6]
    )


def _name_opens(r: GoldRecord) -> bool:
    return any(line.startswith(r.parties[0].name) and "，" in line[:60] for line in r.text.split("\n")[2:6])


def _letter_spaced(r: GoldRecord) -> bool:
    return re.search(r"(?m)^(?:当 事 人|名 称|企 业 名 称)：", r.text) is not None


def _kv_rows(r: GoldRecord) -> bool:
    # one label and its value: a disclosure table's rows have more cells
    return re.search(r"(?m)^\S+ \| [^|\n]+ \|$", r.text) is not None


def _masked(r: GoldRecord) -> bool:
    return any(re.search(r"[*xX]", p.name) and p.kind == "individual" for p in r.parties)


FORMS: dict[str, tuple[str, Callable[[GoldRecord], bool]]] = {
    "addressee": ("default", _addressee),
    "letter_spaced": ("default", _letter_spaced),
    "name_alone": ("holdout", _name_alone),
    "name_opens": ("holdout", _name_opens),
    "kv_rows": ("holdout", _kv_rows),
    "masked_star_or_x": ("holdout", _masked),
}


@pytest.fixture(scope="module")
def records() -> dict[str, list[GoldRecord]]:
    return {style: list(generate(N, seed=5, style=style)) for style in ("default", "holdout")}  # type: ignore[arg-type]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_form_is_written_in_its_style_only_and_read_back_exactly(
    form: str, records: dict[str, list[GoldRecord]]
) -> None:
    style, has_form = FORMS[form]
    other = "holdout" if style == "default" else "default"
    hits = [r for r in records[style] if has_form(r)]
    assert len(hits) >= 3, f"{form}: too few {style} decisions print it"
    if form != "masked_star_or_x":  # the default style masks with 某, the holdout with * or x
        assert not any(has_form(r) for r in records[other])
    for r in hits:
        got = [p.name for p in extract(text_document(r.text)).parties]
        assert got == [normalize(p.name) for p in r.parties], r.id


def test_the_survey_labels_are_written() -> None:
    texts = "\n".join(r.text for r in generate(N, seed=6, style="default"))
    held = "\n".join(r.text for r in generate(N, seed=6, style="holdout"))
    assert "当事人姓名或者单位名称：" in texts
    assert "当事人（姓名或名称）" in held or "行政相对人名称" in held
