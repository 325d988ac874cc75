"""The case as the rules see it, built from a decision's extracted fields."""

from __future__ import annotations

from datetime import date

from classifiers.risk import case_facts
from classifiers.rules_engine import RulesEngine
from classifiers.signals import read_signals
from corpora.rules import load_rules
from extractors.fields import extract
from ingest.document import document_from_text


def facts_of(text: str):  # type: ignore[no-untyped-def]
    doc = document_from_text(text)
    fields = extract(doc)
    return case_facts(fields, read_signals(doc, load_rules(), date(2025, 6, 17)), doc.text)


def test_confiscated_illegal_income_is_the_illegal_income_when_no_other_figure_is_named() -> None:
    case = facts_of(
        "经查，2025年3月21日，当事人以牟利为目的非法转让集体土地使用权。\n"
        "决定如下：没收违法所得人民币肆拾玖万贰仟捌佰元，并处罚款人民币70300元。\n"
    )
    assert case.amounts["illegal_income"].value == 492_800
    [r] = RulesEngine(load_rules()).evaluate(["land_transfer_income"], case)
    assert (r.level, r.kind, r.threshold) == ("low", "near_threshold", 500_000)
    stated = facts_of(
        "经查，当事人非法转让土地使用权，违法所得人民币600000元。\n"
        "决定如下：没收违法所得人民币300000元，并处罚款人民币70300元。\n"
    )
    assert stated.amounts["illegal_income"].value == 600_000
