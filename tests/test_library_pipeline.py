"""`Pipeline`: one object built from one Settings runs the library; its parts are passed in or built
from those settings, never found in module globals."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lianfa import Pipeline, Settings
from lianfa.classifiers.verdict import RegistryClassifier
from lianfa.contract import CriminalRiskOut, ViolationOut
from lianfa.extractors.fields import Fields
from lianfa.ingest.document import Document
from tests.conftest import FIXTURES

TEXT = FIXTURES / "extract" / "market_product.txt"


@dataclass
class _Verdict:
    violation: Any
    criminal_risk: Any


def test_a_batch_keeps_input_order_expands_zips_and_survives_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not a pdf")
    batch = tmp_path / "batch.zip"
    with zipfile.ZipFile(batch, "w") as zf:
        zf.writestr("a.txt", TEXT.read_bytes())
        zf.writestr("b.txt", TEXT.read_bytes())
    judged: list[float | None] = []

    def fake(document: Document, fields: Fields) -> _Verdict:
        judged.append(fields.amount("fine"))
        return _Verdict({"category": None, "label": None, "confidence": 0.5, "candidate_crimes": [],
                         "vocabulary_support": 0, "top_categories": []}, None)

    results = list(Pipeline(Settings(data_dir=tmp_path), classifier=fake).process([TEXT, bad, batch]))
    assert [Path(r.file).name for r in results] == ["market_product.txt", "broken.pdf", "a.txt", "b.txt"]
    assert [r.status for r in results] == ["ok", "error", "ok", "ok"]
    assert results[2].file.endswith("batch.zip/a.txt")
    assert judged == [50000.0] * 3
    assert all(r.violation.confidence == 0.5 and r.criminal_risk == CriminalRiskOut() for r in results if r.status == "ok")


def test_the_steps_give_typed_results_and_no_classifier_leaves_the_verdict_empty(tmp_path: Path) -> None:
    pipeline = Pipeline(Settings(data_dir=tmp_path), classifier=None)
    read = pipeline.read(TEXT)
    assert read.status == "ok" and read.document is not None
    fields = pipeline.extract(read.document)
    assert fields.amount("fine") == 50000.0
    assert pipeline.judge(read.document, fields) is None
    result = pipeline.result(read.document, file="x.txt", with_text=True)
    assert result.violation == ViolationOut() and result.criminal_risk == CriminalRiskOut() and result.text


def test_the_default_classifier_reads_the_registry_of_the_pipeline_s_own_data_folder(tmp_path: Path) -> None:
    classifier = Pipeline(Settings(data_dir=tmp_path / "a")).classifier
    assert isinstance(classifier, RegistryClassifier)
    assert classifier.registry.root == tmp_path / "a" / "models"
