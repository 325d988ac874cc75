"""The model registry: versions, the active pointer, and refusing files that are not ours."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import skops.io as sio
from sklearn.preprocessing import FunctionTransformer

from lianfa.classifiers.registry import ModelError, Registry
from lianfa.classifiers.schemas import MODEL_FORMAT, ModelMeta


def _copy(registry: Registry, tmp_path: Path) -> Registry:
    target = tmp_path / "models"
    shutil.copytree(registry.root, target)
    return Registry(target)


def test_trained_model_is_stored_with_metadata_and_loads(trained: tuple[Registry, ModelMeta]) -> None:
    registry, meta = trained
    assert registry.active() == meta.version == "v1"
    assert meta.format == MODEL_FORMAT and meta.data_size > 100 and len(meta.labels) > 10
    assert meta.sources[0].kind == "corpus" and len(meta.data_sha256) == 64
    assert {"scikit-learn", "skops", "jieba"} <= set(meta.library_versions)
    assert meta.held_out.documents > 0 and meta.held_out.category_accuracy is not None
    loaded = registry.load("v1")
    assert set(loaded.bundle) == {"features", "category", "criminal"}


def test_tampered_model_file_is_refused(trained: tuple[Registry, ModelMeta], tmp_path: Path) -> None:
    registry = _copy(trained[0], tmp_path)
    model_file = registry.root / "v1" / "model.skops"
    data = bytearray(model_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model_file.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match"):
        registry.load("v1")


def test_foreign_file_with_matching_hash_is_refused_for_its_types(
    trained: tuple[Registry, ModelMeta], tmp_path: Path
) -> None:
    """Someone replaces the file and rewrites meta.json's hash: the trusted-type check still refuses it."""
    registry = _copy(trained[0], tmp_path)
    folder = registry.root / "v1"
    foreign = {"features": FunctionTransformer(func=print), "category": None, "criminal": None}
    (folder / "model.skops").write_bytes(sio.dumps(foreign))
    meta = json.loads((folder / "meta.json").read_text())
    from lianfa.classifiers.registry import file_sha256

    meta["file_sha256"] = file_sha256(folder / "model.skops")
    (folder / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="does not trust"):
        registry.load("v1")


def test_not_a_model_and_not_our_metadata_are_refused(
    trained: tuple[Registry, ModelMeta], tmp_path: Path
) -> None:
    registry = _copy(trained[0], tmp_path)
    folder = registry.root / "v1"
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "model.skops").write_bytes(b"PK\x03\x04 this is not a model")
    from lianfa.classifiers.registry import file_sha256

    meta["file_sha256"] = file_sha256(folder / "model.skops")
    (folder / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="not a skops model file|cannot be read"):
        registry.load("v1")
    meta["format"] = "someone-else/3"
    (folder / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="format"):
        registry.load("v1")


def test_promote_and_rollback(trained: tuple[Registry, ModelMeta], tmp_path: Path) -> None:
    registry = _copy(trained[0], tmp_path)
    shutil.copytree(registry.root / "v1", registry.root / "v2")
    meta = ModelMeta.model_validate_json((registry.root / "v2" / "meta.json").read_text())
    (registry.root / "v2" / "meta.json").write_text(
        meta.model_copy(update={"version": "v2"}).model_dump_json()
    )
    assert registry.versions() == ["v1", "v2"]
    registry.promote("v2")
    assert registry.active() == "v2"
    assert registry.rollback() == "v1" and registry.active() == "v1"
    with pytest.raises(ModelError, match="no earlier active model"):
        registry.rollback()
    with pytest.raises(ModelError, match="v9"):
        registry.promote("v9")


def test_tampered_vocabulary_is_refused(trained: tuple[Registry, ModelMeta], tmp_path: Path) -> None:
    registry = _copy(trained[0], tmp_path)
    vocabulary = registry.root / "v1" / "vocabulary.json"
    words = json.loads(vocabulary.read_text(encoding="utf-8"))
    first = next(iter(words["core_words"]))
    words["core_words"][first] += 1
    vocabulary.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ModelError, match="vocabulary.json: sha256"):
        registry.load("v1")
