"""The Pipeline's registry classifier follows the registry's active version, and honours the pin."""

from __future__ import annotations

import shutil
from pathlib import Path

import jieba

from lianfa.classifiers.config import ClassifierSettings
from lianfa.classifiers.registry import Registry
from lianfa.classifiers.schemas import ModelMeta
from lianfa.classifiers.verdict import RegistryClassifier


def test_a_promotion_or_rollback_reaches_a_running_worker(
    trained: tuple[Registry, ModelMeta], tmp_path: Path, tokenizer: jieba.Tokenizer
) -> None:
    source, meta = trained
    shutil.copytree(source.root, tmp_path / "models")
    registry = Registry(tmp_path / "models")
    second = registry.save(registry.load(meta.version).bundle, meta.model_copy(update={"note": "second"}))
    judge = RegistryClassifier(registry, ClassifierSettings(), tokenizer)
    first = judge.classifier()
    assert judge.classifier() is first  # kept while the active version stays
    registry.promote(second.version)
    promoted = judge.classifier()
    assert promoted is not first and promoted.model.meta.version == second.version
    registry.rollback()
    assert judge.classifier().model.meta.version == meta.version
    pinned = RegistryClassifier(registry, ClassifierSettings(model_version=second.version), tokenizer)
    assert pinned.classifier().model.meta.version == second.version
