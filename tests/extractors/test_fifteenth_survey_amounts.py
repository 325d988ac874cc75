"""Fines as a fifteenth survey's news pages stated them (made-up texts; only the forms are real)."""

from __future__ import annotations

from reading import fine_amounts


def test_a_fine_named_for_the_field_it_is_given_in() -> None:
    assert fine_amounts("森林公安局依法对吴某某处以800元的林业行政罚款。\n") == [800.0]


def test_a_headlines_fine_before_a_space_and_the_ticket_in_the_body() -> None:
    text = (
        "卖得12.5元被罚3万 药店违规售药受处罚\n"
        "市药监局对一家药店违法销售药品的行为开出3万元“罚单”。该店违法所得12.5元。\n"
    )
    assert fine_amounts(text) == [30000.0]


def test_a_courts_criminal_fine_is_no_agencys_fine_but_a_news_pages_fajin_for_a_fine_is() -> None:
    court = "经查，该院虚构住院骗取医保基金。法院判决李某等5人构成诈骗罪，共处罚金40万元。医保部门解除其定点协议。\n"
    assert fine_amounts(court) == []
    agency = "依据《森林法实施条例》规定给予王某处罚如下：1.限期恢复原状；2.并处罚金人民币5200元。\n"
    assert fine_amounts(agency) == [5200.0]
