"""A tiny generated corpus and a model trained on it, shared by the classifier tests (seconds,
not minutes: the numbers that matter are measured on real-size corpora by bench/ and lianfa eval)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lianfa.classifiers.registry import Registry
from lianfa.classifiers.schemas import ModelMeta
from lianfa.classifiers.training import train
from lianfa.corpora.generator.writer import write_corpus

TINY_DOCUMENTS = 160


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    write_corpus(out, n=TINY_DOCUMENTS, seed=11, style="default")
    return out


@pytest.fixture(scope="session")
def trained(tiny_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Registry, ModelMeta]:
    registry = Registry(tmp_path_factory.mktemp("registry") / "models")
    meta = train([tiny_corpus], registry, seed=0, promote=True, processes=1, note="tiny test model")
    return registry, meta
