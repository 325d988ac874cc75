"""The default model: trained once from the generated corpus when nothing is active, reproducibly;
and nothing trains it on first use: a Pipeline without a model says to run `lianfa setup`."""

from __future__ import annotations

from pathlib import Path

import pytest

from lianfa import Pipeline, Settings
from lianfa.classifiers.default_model import ensure_default, train_default
from lianfa.classifiers.registry import ModelError, Registry
from lianfa.classifiers.training import MIN_COURT
from tests.conftest import FIXTURES


def test_default_model_is_trained_once_and_reproducible(tmp_path: Path) -> None:
    registry = Registry(tmp_path / "models")
    assert ensure_default(registry, 120) == "v1"
    assert ensure_default(registry, 120) == "v1" and registry.versions() == ["v1"]
    first = registry.meta("v1")
    # 120 decisions and the minimum of court-style texts for each category they name
    court = first.sources[-1]
    assert court.kind == "court_style" and court.documents == MIN_COURT * len(first.labels)
    assert "default model" in first.note and first.data_size == 120 + court.documents
    other = train_default(Registry(tmp_path / "again"), 120)
    assert other.data_sha256 == first.data_sha256 and other.labels == first.labels


def test_a_pipeline_without_a_model_says_to_run_setup_and_trains_nothing(tmp_path: Path) -> None:
    pipeline = Pipeline(Settings(data_dir=tmp_path))
    with pytest.raises(ModelError, match="lianfa setup") as caught:
        pipeline.process_file(FIXTURES / "extract" / "market_product.txt")
    assert str(tmp_path / "models") in str(caught.value)
    assert not (tmp_path / "models").exists() or Registry(tmp_path / "models").versions() == []
