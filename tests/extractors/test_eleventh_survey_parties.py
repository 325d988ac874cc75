"""The party as an eleventh survey of published pages (消防, 交通, 城管, 农业农村, 气象 among them)
printed it: a name masked in its middle letter, the person the penalty sentence fines, a person's line
under a heading with no label, a label above its value past an empty line, a business called by its
bare kind after its full name, a list's numeral before the agency that 查处 the case. Texts are made up;
only the forms are real."""

from __future__ import annotations

from lianfa.extractors.fields import Fields, extract
from lianfa.ingest.pipeline import text_document


def _fields(text: str) -> Fields:
    return extract(text_document(text))


def _names(text: str) -> list[str]:
    return [p.name for p in _fields(text).parties]


def test_a_name_masked_in_its_middle_letter_is_read_from_the_finding() -> None:
    text = (
        "某县农业农村局\n行政处罚决定书\n某农(渔业)罚〔2025〕3号\n"
        "当事人钱某平于2025年4月2日在某河禁捕水域使用钓竿垂钓，无渔获物。\n"
    )
    assert _names(text) == ["钱某平"]


def test_the_penalty_sentence_names_the_person_fined_not_the_place_inspected() -> None:
    text = (
        "近日，某区消防救援支队对某某建材商行的仓库进行检查，发现仓库安全出口被货架堵塞，"
        "现决定给予吴某处罚款伍佰元整的行政处罚。\n"
    )
    assert _names(text) == ["吴某"]
    text = "某县消防救援大队检查时发现周某在楼道堆放杂物，对周某给予人民币叁佰元整的处罚。\n"
    assert _names(text) == ["周某"]


def test_a_persons_line_under_a_heading_names_the_party_without_a_label() -> None:
    text = (
        "某县交通运输局\n行政处罚决定书\n某交处罚〔2024〕15号\n一、当事人基本情况\n"
        "韩**，男，汉族，住址：某县某镇某村\n二、案件来源及调查经过\n本机关于2024年3月2日立案调查。\n"
    )
    assert _names(text) == ["韩**"]


def test_a_label_above_its_value_past_an_empty_line() -> None:
    text = (
        "某市农牧局行政处罚决定公示\n\n行政处罚决定案号\n\n某农(种子)罚〔2023〕4号\n\n违法主体名称或姓名\n\n"
        "某某县丰收农资经营部\n\n法定代表人(负责人)\n\n赵某\n\n主要违法事实\n\n当事人经营假种子。\n"
    )
    assert _names(text) == ["某某县丰收农资经营部"]


def test_a_business_called_by_its_bare_kind_takes_the_full_name_printed_before() -> None:
    text = (
        "去年6月，某某县青山广告公司受人委托在广场施放气球。某县气象局认定其不具备资质，"
        "对广告公司作出罚款八千元的处罚。\n"
    )
    assert _names(text) == ["某某县青山广告公司"]


def test_a_list_numeral_before_the_agency_that_queried_the_case() -> None:
    text = "一、某某市农业农村局查处某某县某饲料经营部无证经营兽药案\n执法人员在其经营场所查获待售兽药。\n"
    assert _names(text) == ["某某县某饲料经营部"]
