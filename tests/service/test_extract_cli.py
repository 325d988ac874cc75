"""`lianfa extract` / `lianfa schema`: the public contract, one object per input in order, bad files
reported without stopping the batch."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lianfa import Pipeline, Settings
from lianfa.contract import ExtractResult, json_schema
from lianfa.service.cli import app, extract_cmd

REQUIRED = {
    "file", "status", "error", "sha256", "text_source", "pages", "doc_number", "agency", "decision_date",
    "case_cause", "parties", "amounts", "quantities", "laws", "penalties", "missing_elements", "violation",
    "criminal_risk",
}
DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "extract"


@pytest.fixture(autouse=True)
def no_classifier(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about extraction: the command's Pipeline has no classifier."""
    use_classifier(monkeypatch, None)


def use_classifier(monkeypatch: pytest.MonkeyPatch, classifier: Callable[..., Any] | None) -> None:
    monkeypatch.setattr(extract_cmd, "build_pipeline", lambda: Pipeline(Settings(), classifier=classifier))


def _run(*args: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(app, ["extract", *args])
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_batch_in_input_order_with_a_bad_file_in_the_middle(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not a pdf")
    code, rows = _run(str(DOCS / "market_product.txt"), str(bad), str(DOCS / "individual_gbk.txt"))
    assert code == 1
    assert [Path(r["file"]).name for r in rows] == ["market_product.txt", "broken.pdf", "individual_gbk.txt"]
    assert [r["status"] for r in rows] == ["ok", "error", "ok"]
    assert "broken.pdf" in rows[1]["error"]
    for row in rows:
        assert REQUIRED <= row.keys()
        ExtractResult.model_validate(row)


def test_fields_and_evidence_of_a_text_decision() -> None:
    code, [row] = _run(str(DOCS / "market_product.txt"))
    assert code == 0
    assert row["text_source"] == "text"
    assert row["doc_number"] == "沪市监浦处〔2023〕15202301号"
    assert row["decision_date"] == "2023-05-12"
    assert row["agency"] == "上海市浦东新区市场监督管理局"
    amounts = {(a["role"], a["yuan"]) for a in row["amounts"]}
    assert ("fine", 50000.0) in amounts and ("confiscated_income", 9600.0) in amounts
    assert not any(a["yuan"] in (59600.0, 150.0) for a in row["amounts"])  # 罚没款合计, unit price
    text = (DOCS / "market_product.txt").read_text(encoding="utf-8")
    for a in row["amounts"]:
        ev = a["evidence"]
        assert ev["page"] == 1 and ev["text"] in text
    assert row["violation"]["category"] is None and row["violation"]["candidate_crimes"] == []
    assert row["criminal_risk"] == {"level": None, "score": None, "reasons": []}


@dataclass
class _Reason:
    crime: str
    value: float
    threshold: float
    rule_id: str


@dataclass
class _Verdict:
    violation: dict
    criminal_risk: object


@dataclass
class _Risk:
    level: str
    score: float
    reasons: list[_Reason]


def test_a_classifier_plugs_in_through_the_hook_without_changing_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []

    def classify(document, fields):  # type: ignore[no-untyped-def]
        seen.append(fields.amount("fine"))
        crime = "生产、销售伪劣产品罪"
        violation = {"category": "substandard_products", "label": "伪劣产品", "confidence": 0.9, "candidate_crimes": [crime]}
        return _Verdict(violation, _Risk("high", 0.95, [_Reason(crime, 62500.0, 50000.0, "r1")]))

    use_classifier(monkeypatch, classify)
    code, [row] = _run(str(DOCS / "market_product.txt"))
    assert code == 0 and seen == [50000.0]
    assert row["violation"]["category"] == "substandard_products"
    assert row["criminal_risk"]["level"] == "high"
    assert row["criminal_risk"]["reasons"][0]["threshold"] == 50000.0
    ExtractResult.model_validate(row)


def test_gb18030_text_and_masked_id_everywhere() -> None:
    code, [row] = _run("--with-text", str(DOCS / "individual_gbk.txt"))
    assert code == 0
    assert row["parties"][0]["name"] == "李某某"
    assert row["parties"][0]["kind"] == "individual"
    assert "320102198507124513" not in json.dumps(row, ensure_ascii=False)
    assert "320102********4513" in row["text"]


def test_zip_gives_one_result_per_member(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(DOCS / "market_product.txt", "a.txt")
        zf.writestr("empty.txt", b"")
        zf.write(DOCS / "individual_gbk.txt", "b.txt")
    code, rows = _run(str(archive))
    assert [r["file"].rsplit("/", 1)[-1] for r in rows] == ["a.txt", "empty.txt", "b.txt"]
    assert [r["status"] for r in rows] == ["ok", "error", "ok"]
    assert code == 1


def test_schema_command_prints_the_contract_schema(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    result = CliRunner().invoke(app, ["schema", "--out", str(out)])
    assert result.exit_code == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert schema == json.loads(json.dumps(json_schema()))
    assert REQUIRED <= set(schema["properties"])


@pytest.mark.parametrize("fmt", ["json"])
def test_json_array_format(fmt: str) -> None:
    result = CliRunner().invoke(app, ["extract", "--format", fmt, str(DOCS / "market_product.txt")])
    assert result.exit_code == 0
    [row] = json.loads(result.stdout)
    assert row["status"] == "ok"


def test_text_layer_pdf_fields_carry_page_boxes() -> None:
    """A rendered decision with a text layer (no OCR): fields match its gold record and every piece
    of evidence points at a box on its page."""
    corpus = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
    gold = next(
        json.loads(line) for line in (corpus / "decisions.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"] == "h0007-000001"
    )
    result = Pipeline(Settings(), classifier=None).process_file(corpus / "textpdf" / "h0007-000001.pdf")
    assert (result.status, result.text_source) == ("ok", "text_layer")
    assert result.doc_number == gold["doc_number"].replace("【", "〔").replace("】", "〕")
    assert result.decision_date == gold["decision_date"]
    assert {(a.role, a.yuan) for a in result.amounts} == {(a["role"], a["yuan"]) for a in gold["amounts"]}
    assert [p.name for p in result.parties] == [p["name"] for p in gold["parties"]]
    for amount in result.amounts:
        box = amount.evidence.box
        assert box is not None and 0 <= box.x0 < box.x1 <= 1 and 0 <= box.y0 < box.y1 <= 1
        assert 1 <= amount.evidence.page <= result.pages


def test_without_a_model_the_command_says_to_run_setup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(extract_cmd, "build_pipeline", lambda: Pipeline(Settings(data_dir=tmp_path)))
    result = CliRunner().invoke(app, ["extract", str(DOCS / "market_product.txt")])
    assert result.exit_code == 2 and result.stdout == ""
    assert "lianfa setup" in result.stderr and str(tmp_path / "models") in result.stderr.replace("\n", "")
