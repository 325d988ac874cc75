"""The pipeline's classifier hook follows the registry's active version, process-wide."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lianfa.classifiers import verdict
from lianfa.classifiers.config import ClassifierSettings
from lianfa.classifiers.registry import Registry
from lianfa.classifiers.schemas import ModelMeta


def test_a_promotion_or_rollback_reaches_a_running_worker(
    trained: tuple[Registry, ModelMeta], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, meta = trained
    shutil.copytree(source.root, tmp_path / "models")
    registry = Registry(tmp_path / "models")
    second = registry.save(registry.load(meta.version).bundle, meta.model_copy(update={"note": "second"}))
    monkeypatch.setattr(verdict, "registry", lambda: registry)
    verdict.reset()
    settings = ClassifierSettings()
    try:
        first = verdict._classifier(settings)
        assert verdict._classifier(settings) is first  # kept while the active version stays
        registry.promote(second.version)
        promoted = verdict._classifier(settings)
        assert promoted is not first and promoted.model.meta.version == second.version
        registry.rollback()
        assert verdict._classifier(settings).model.meta.version == meta.version
        pinned = ClassifierSettings(model_version=second.version)
        assert verdict._classifier(pinned).model.meta.version == second.version
    finally:
        verdict.reset()
