"""The default model: trained once from the generated corpus when nothing is active, reproducibly."""

from __future__ import annotations

from pathlib import Path

import pytest

from lianfa.classifiers import config as classifiers_config
from lianfa.classifiers.config import ClassifierSettings
from lianfa.classifiers.default_model import ensure_default, train_default
from lianfa.classifiers.registry import Registry
from lianfa.classifiers.training import MIN_COURT


def test_default_model_is_trained_once_and_reproducible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = ClassifierSettings(default_model_documents=120)
    monkeypatch.setattr(classifiers_config, "get_classifier_settings", lambda: small)
    registry = Registry(tmp_path / "models")
    assert ensure_default(registry) == "v1"
    assert ensure_default(registry) == "v1" and registry.versions() == ["v1"]
    first = registry.meta("v1")
    # 120 decisions and the minimum of court-style texts for each category they name
    court = first.sources[-1]
    assert court.kind == "court_style" and court.documents == MIN_COURT * len(first.labels)
    assert "default model" in first.note and first.data_size == 120 + court.documents
    other = train_default(Registry(tmp_path / "again"))
    assert other.data_sha256 == first.data_sha256 and other.labels == first.labels
