"""The harness on a hand-made corpus (tests/fixtures/scoring): every expected number below was
counted by hand from the fixture, as the comments show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lianfa.corpora.elements import AUTHORITY as SIGNATURE_ELEMENT
from lianfa.corpora.gold import GoldCriminal, GoldRecord
from lianfa.corpora.scoring import EvalReport, evaluate, format_table, load_gold, load_predictions
from lianfa.corpora.scoring import normalize as norm
from lianfa.corpora.scoring.evaluate import category_score, criminal_score, document_counts, single
from lianfa.corpora.scoring.inputs import Prediction, PredRisk, file_stem
from lianfa.errors import DataFileError
from lianfa.service.cli.eval_cmd import register

FIX = Path(__file__).parents[1] / "fixtures" / "scoring"

# The eval command alone, so another command group failing to import cannot fail these tests; the
# callback keeps `eval` a subcommand as in `lianfa eval`.
app = typer.Typer()
app.callback()(lambda: None)
register(app)


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(load_gold(FIX / "gold"), load_predictions(FIX / "pred.jsonl"))


def _prf(report: EvalReport, field: str) -> tuple[int, int, int]:
    s = report.fields[field]
    return s.tp, s.fp, s.fn


def test_documents_are_matched_by_file_stem(report: EvalReport) -> None:
    # g1 from /scans/g1.pdf, g2 from g2.txt; g3 has no prediction; g4's (inside a zip) is an error;
    # zz.pdf is not in gold.
    assert (report.documents, report.predicted) == (4, 2)
    assert report.missing == ["g3"] and report.errors == ["g4"]
    assert report.unmatched_predictions == ["zz"]


@pytest.mark.parametrize(
    ("field", "counts"),
    [
        # g1 bracket/space variant = TP; g2 wrong serial = FP+FN; g3, g4 missed = FN
        ("doc_number", (1, 1, 3)),
        ("agency", (1, 0, 3)),  # g1 TP; g2 null, g3, g4 missed
        ("decision_date", (2, 0, 2)),
        ("case_cause", (1, 1, 1)),  # g1 "…案" = TP; g2 has no gold cause = FP; g3 missed
        ("party_name", (2, 0, 2)),  # g1 TP; "张 三" = 张三 TP; 李四 and g3's party missed
        ("party_kind", (2, 0, 2)),
        ("credit_code", (1, 1, 2)),  # g1 last character wrong; g2 TP; g3 missed
        ("credit_code_valid", (2, 0, 1)),  # False == False counts as right
        ("legal_representative", (0, 0, 2)),
        # g1: fine within 0.01 TP, goods_value 6000≠60000, 1200 under the wrong role; g2 TP; g3 missed
        ("amounts", (2, 2, 3)),
        ("quantities", (2, 0, 0)),  # 301 vs 300 is within 0.5%
        # g1: 产品质量法 39 via the full name TP, 49≠50; g2 full name with 《》 TP; g3 missed
        ("laws", (2, 1, 2)),
        # g1 fine TP, confiscate_income missed; g2 both TP (gold confiscate_goods has no amount); g3 missed
        ("penalties", (3, 0, 2)),
        ("missing_elements", (1, 1, 0)),
    ],
)
def test_field_counts(report: EvalReport, field: str, counts: tuple[int, int, int]) -> None:
    assert _prf(report, field) == counts


def test_rates_follow_from_counts(report: EvalReport) -> None:
    amounts = report.fields["amounts"]
    assert amounts.precision == pytest.approx(2 / 4)
    assert amounts.recall == pytest.approx(2 / 5)
    assert amounts.f1 == pytest.approx(4 / 9)
    assert report.fields["legal_representative"].precision is None  # nothing predicted
    assert report.fields["legal_representative"].f1 == 0


def test_amounts_by_role(report: EvalReport) -> None:
    fine = report.amounts_by_role["fine"]
    assert (fine.tp, fine.fp, fine.fn, fine.gold, fine.pred) == (2, 0, 1, 3, 2)
    assert fine.value_found == pytest.approx(2 / 3)
    income = report.amounts_by_role["illegal_income"]
    # the value 1200 was read, but called sales: a role error, not a reading error
    assert (income.tp, income.fn, income.value_found) == (0, 1, 1.0)
    assert report.amounts_by_role["goods_value"].value_found == 0
    sales = report.amounts_by_role["sales"]
    assert (sales.fp, sales.gold, sales.value_found) == (1, 0, None)


def test_category(report: EvalReport) -> None:
    cat = report.category
    assert (cat.correct, cat.documents) == (1, 4)
    # substandard_products F1 2/3 (1 TP, g4 missed); three other classes F1 0
    assert cat.macro_f1 == pytest.approx((2 / 3) / 4)
    assert set(cat.per_category) == {
        "substandard_products", "tobacco_unlicensed_retail", "tobacco_illegal_business", "price_violation"
    }


def test_criminal_flag_treats_cases_a_prosecutor_decided_as_negative(report: EvalReport) -> None:
    crim = report.criminal
    # g1 review & gold positive = TP; g2 high but decided by a prosecutor = FP; g3, g4 unflagged negatives
    assert (crim.tp, crim.fp, crim.fn) == (1, 1, 0)
    assert (crim.gold_positive, crim.decided_by_prosecutor, crim.declined_by_police) == (1, 1, 0)
    assert crim.levels == {"review": 1, "high": 1, "none": 2}
    # counting only "high": g1 (review) becomes a miss, g2 stays a false flag
    assert (crim.high_only.tp, crim.high_only.fp, crim.high_only.fn) == (0, 1, 1)
    assert crim.rule_agreement == 1.0  # g1's reason cites fake_products_amount, as gold does


def test_ocr_cer(report: EvalReport) -> None:
    assert report.ocr is not None and report.ocr.documents == 1  # only g1's prediction has text
    # 59 reference characters without whitespace; 昝/督, [/〔, ]/〕 and three full-width digits = 6
    # edits; NFKC fixes the digits. The masked ID number is not an error.
    assert report.ocr.reference_chars == 59
    assert report.ocr.cer == pytest.approx(6 / 59)
    assert report.ocr.cer_nfkc == pytest.approx(3 / 59)


def test_table_and_json(report: EvalReport) -> None:
    table = format_table(report)
    assert "doc_number" in table and "macro-F1 16.67%" in table and "10.17%" in table
    again = EvalReport.model_validate_json(report.model_dump_json())
    assert again == report


def test_cli_prints_table_and_json() -> None:
    runner = CliRunner()
    args = ["eval", "--gold", str(FIX / "gold"), "--pred", str(FIX / "pred.jsonl")]
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert "criminal flag" in table.output
    as_json = runner.invoke(app, [*args, "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["fields"]["quantities"]["f1"] == 1.0


def test_cli_reports_a_missing_gold_dir(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path), "--pred", str(FIX / "pred.jsonl")])
    assert result.exit_code == 2
    assert "decisions.jsonl" in result.output


def test_a_malformed_prediction_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "pred.jsonl"
    bad.write_text('{"file": "a.pdf"}\n{"file": "b.pdf", "amounts": [{"role": "fine"}]}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2"):
        load_predictions(bad)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("杭西市监处罚〔2023〕112号", "杭西市监处罚[2023]112号"),
        ("杭西市监处罚〔2023〕112号", "杭西市监处罚（2023）112号"),
        ("杭西市监处罚〔2023〕112号", "杭西市监处罚【2023】 112 号"),
        ("杭西市监处罚〔2023〕112号", "杭西市监处罚［２０２３］１１２号"),
        ("杭西市监处罚〔2023〕112号", "杭西市监处罚〔2023〕第112号"),
    ],
)
def test_doc_number_variants_are_equal(a: str, b: str) -> None:
    assert norm.doc_number(a) == norm.doc_number(b)


def test_doc_numbers_that_differ_stay_different() -> None:
    assert norm.doc_number("杭西市监处罚〔2023〕112号") != norm.doc_number("杭西市监处罚〔2023〕113号")


def test_tolerances() -> None:
    assert norm.same_amount(100.0, 100.01) and not norm.same_amount(100.0, 100.02)
    assert norm.same_quantity(1000, 1005) and not norm.same_quantity(1000, 1006)
    assert norm.same_quantity(0, 0) and not norm.same_quantity(0, 0.1)


def test_single_value_counting() -> None:
    assert single("a", "a").tp == 1
    assert (single("a", "b").fp, single("a", "b").fn) == (1, 1)
    assert single(None, "b").fp == 1 and single("a", None).fn == 1
    assert single(None, None).tp + single(None, None).fp + single(None, None).fn == 0


def test_category_score_without_predictions() -> None:
    score = category_score([("a", None), ("b", None)])
    assert score.accuracy == 0 and score.macro_f1 == 0


@pytest.mark.parametrize(
    ("file", "stem"),
    [("corpus/d0.pdf", "d0"), ("C:\\scans\\d0.pdf", "d0"), ("batch.zip/d0.png", "d0"), ("d0", "d0")],
)
def test_file_stem(file: str, stem: str) -> None:
    assert file_stem(file) == stem


def _risk_case(
    gid: str,
    level: str | None,
    *,
    label: bool = False,
    near: bool = False,
    declined: bool = False,
    prosecutor: bool = False,
) -> tuple[GoldRecord, PredRisk]:
    base = load_gold(FIX / "gold")[0]
    criminal = GoldCriminal(
        label=label, near_threshold=near, declined_by_police=declined, decided_by_prosecutor=prosecutor
    )
    return base.model_copy(update={"id": gid, "criminal": criminal}), PredRisk(level=level)


def test_near_threshold_prompts_are_neither_true_nor_false_flags() -> None:
    labels = [
        _risk_case("a", "review", label=True),  # TP in both
        _risk_case("b", "low", label=True),  # FN in both
        _risk_case("c", "review"),  # plain negative flagged: FP in both
        _risk_case("d", "review", near=True),  # raw FP; a correct prompt, left out
        _risk_case("e", "review", near=True),  # the same
        _risk_case("f", "high", near=True),  # FP in both
        _risk_case("g", "low", near=True),  # not flagged; a missed prompt
        _risk_case("h", None, near=True),  # no prediction: a missed prompt
        _risk_case("i", "low"),  # nothing
        _risk_case("j", "high", label=True, prosecutor=True),  # a prosecutor decided: FP in both
        _risk_case("k", "review", label=True, declined=True),  # police declined: a supervision lead, TP
    ]
    crim = criminal_score(labels)
    assert (crim.tp, crim.fp, crim.fn) == (2, 5, 1)
    assert crim.precision == pytest.approx(2 / 7)
    near = crim.near_prompts_excluded
    assert (near.tp, near.fp, near.fn) == (2, 3, 1)  # c, f, j
    assert near.precision == pytest.approx(2 / 5) and near.recall == pytest.approx(2 / 3)
    assert (near.near_gold, near.prompted, near.flagged_high, near.missed_prompts) == (5, 2, 1, 2)
    assert near.prompt_share == pytest.approx(2 / 5)
    report = evaluate([g for g, _ in labels], {})
    assert report.criminal.near_prompts_excluded.missed_prompts == 5  # nothing predicted at all


def test_table_shows_both_flag_blocks(report: EvalReport) -> None:
    # the fixture has no near-threshold golds: both blocks agree
    near = report.criminal.near_prompts_excluded
    assert (near.tp, near.fp, near.fn, near.near_gold) == (1, 1, 0, 0)
    assert near.prompt_share is None
    table = format_table(report)
    assert "flag (raw)" in table and "flag (near excluded)" in table
    assert "near-threshold gold negatives 0: review (prompted) 0 (-%)" in table


def test_a_decision_without_its_signature_expects_no_date() -> None:
    base = load_gold(FIX / "gold")[0]
    unsigned = base.model_copy(update={"missing_elements": [SIGNATURE_ELEMENT]})
    date = base.decision_date.isoformat()
    assert document_counts(unsigned, Prediction(file="x.txt")).get("decision_date") == single(None, None)
    guessed = document_counts(unsigned, Prediction(file="x.txt", decision_date=date))["decision_date"]
    assert guessed.fp == 1  # a date read where none is printed came from somewhere else
    assert document_counts(base, Prediction(file="x.txt"))["decision_date"].fn == 1
