"""The model registry: versioned classifier models under `<data_dir>/models`.

    models/
      v1/model.skops   the fitted bundle, saved with skops (never pickle)
      v1/vocabulary.json  the vectorizers' term → column maps (plain JSON, hashed like the model)
      v1/meta.json     ModelMeta: version, data hash, metrics, library versions, file sha256
      active           the active version's name
      history.json     versions in the order they were made active (rollback walks back)

Loading checks, before any object is built, that meta.json is ours, that the file's sha256 is the
one recorded when it was saved, and that the file holds only types on an explicit trusted list.
A tampered, truncated or foreign file is refused with ModelError saying what to do.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lianfa.classifiers.schemas import MODEL_FORMAT, ModelMeta
from lianfa.errors import ConfigError
from lianfa.ingest.hashing import file_sha256

# Types skops does not trust by default that our bundles hold; anything else in a file is refused.
TRUSTED_TYPES = [
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
]
BUNDLE_KEYS = frozenset({"features", "category", "criminal"})
_VERSION = re.compile(r"^v(\d+)$")


class ModelError(ConfigError):
    """A model file or registry entry that cannot be used: the installation needs fixing (retrain
    or roll back), so the pipeline stops the batch with this message instead of failing each file."""


@dataclass(frozen=True)
class LoadedModel:
    meta: ModelMeta
    bundle: dict[str, Any]


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _check_hash(path: Path, expected: str) -> None:
    if not path.is_file():
        raise ModelError(f"{path}: model file missing; retrain with `lianfa train` or roll back")
    actual = file_sha256(path)
    if actual != expected:
        raise ModelError(
            f"{path}: sha256 {actual[:12]}… does not match {expected[:12]}… recorded in meta.json;"
            " the file was changed after training. Do not use it: retrain (`lianfa train`) or roll back"
            " (`lianfa models rollback`)."
        )


def _vectorizers(bundle: dict[str, Any]) -> dict[str, Any]:
    """The bundle's fitted text vectorizers by name (vocabulary present or not)."""
    features = bundle.get("features")
    return {
        name: v for name, v, _cols in getattr(features, "transformers_", []) if hasattr(v, "build_analyzer")
    }


def split_vocabularies(bundle: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Take the vocabularies out of the bundle's vectorizers (put them back with attach_vocabularies)."""
    out = {}
    for name, vectorizer in _vectorizers(bundle).items():
        out[name] = {str(k): int(v) for k, v in vectorizer.vocabulary_.items()}
        delattr(vectorizer, "vocabulary_")
    return out


def attach_vocabularies(bundle: dict[str, Any], vocabularies: dict[str, Any]) -> None:
    for name, vectorizer in _vectorizers(bundle).items():
        vocabulary = vocabularies.get(name)
        if not isinstance(vocabulary, dict):
            raise ModelError(f"the vocabulary file has no term map for {name}; retrain with `lianfa train`")
        vectorizer.vocabulary_ = vocabulary


def verify_and_load(model_file: Path, meta: ModelMeta) -> dict[str, Any]:
    """The bundle in `model_file` (and its vocabulary file), after checking both against `meta`
    and the model file against the trusted types."""
    import skops.io as sio

    _check_hash(model_file, meta.file_sha256)
    vocabulary_file = model_file.with_name(meta.vocabulary_file)
    _check_hash(vocabulary_file, meta.vocabulary_sha256)
    try:
        untrusted = sio.get_untrusted_types(file=model_file)
    except Exception as exc:
        raise ModelError(f"{model_file}: not a skops model file ({type(exc).__name__}: {exc})") from exc
    foreign = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if foreign:
        raise ModelError(f"{model_file}: holds types lianfa does not trust ({', '.join(foreign)}); refused")
    try:
        bundle = sio.load(model_file, trusted=TRUSTED_TYPES)
    except Exception as exc:
        raise ModelError(
            f"{model_file}: cannot be read as a lianfa model ({type(exc).__name__}: {exc})"
        ) from exc
    if not isinstance(bundle, dict) or set(bundle) != BUNDLE_KEYS:
        raise ModelError(f"{model_file}: not a lianfa classifier bundle; retrain with `lianfa train`")
    try:
        vocabularies = json.loads(vocabulary_file.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{vocabulary_file}: not JSON ({exc}); retrain with `lianfa train`") from exc
    if not isinstance(vocabularies, dict):
        raise ModelError(f"{vocabulary_file}: not a vocabulary map; retrain with `lianfa train`")
    attach_vocabularies(bundle, vocabularies)
    return bundle


class Registry:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def versions(self) -> list[str]:
        if not self.root.is_dir():
            return []
        found = [p.name for p in self.root.iterdir() if p.is_dir() and _VERSION.match(p.name)]
        return sorted(found, key=lambda v: int(v[1:]))

    def _next_version(self) -> str:
        existing = self.versions()
        return f"v{int(existing[-1][1:]) + 1 if existing else 1}"

    def meta(self, version: str) -> ModelMeta:
        path = self.root / version / "meta.json"
        if not path.is_file():
            raise ModelError(f"model {version}: no {path}; see `lianfa models list`")
        try:
            meta = ModelMeta.model_validate_json(path.read_text(encoding="utf-8"))
        except (ValidationError, UnicodeDecodeError) as exc:
            raise ModelError(
                f"{path}: not lianfa model metadata ({exc.__class__.__name__}); retrain"
            ) from exc
        if meta.format != MODEL_FORMAT or meta.version != version:
            raise ModelError(
                f"{path}: format {meta.format} / version {meta.version}, expected {MODEL_FORMAT} / {version}"
            )
        return meta

    def save(self, bundle: dict[str, Any], meta: ModelMeta) -> ModelMeta:
        """Store a new version (the version and file hash in `meta` are filled here); not activated."""
        import skops.io as sio

        self.root.mkdir(parents=True, exist_ok=True)
        version = self._next_version()
        folder = self.root / version
        folder.mkdir()
        vocabularies = split_vocabularies(bundle)
        try:
            data = sio.dumps(bundle)
        finally:
            attach_vocabularies(bundle, vocabularies)
        words = json.dumps(vocabularies, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        _write_atomic(folder / meta.file, data)
        _write_atomic(folder / meta.vocabulary_file, words)
        meta = meta.model_copy(
            update={
                "version": version,
                "file_sha256": hashlib.sha256(data).hexdigest(),
                "vocabulary_sha256": hashlib.sha256(words).hexdigest(),
            }
        )
        _write_atomic(folder / "meta.json", meta.model_dump_json(indent=2).encode("utf-8"))
        return meta

    def load(self, version: str) -> LoadedModel:
        meta = self.meta(version)
        return LoadedModel(meta, verify_and_load(self.root / version / meta.file, meta))

    def active(self) -> str | None:
        pointer = self.root / "active"
        if not pointer.is_file():
            return None
        version = pointer.read_text(encoding="utf-8").strip()
        return version or None

    def _history(self) -> list[str]:
        path = self.root / "history.json"
        if not path.is_file():
            return []
        data = json.loads(path.read_text(encoding="utf-8"))
        return [str(v) for v in data] if isinstance(data, list) else []

    def _set_active(self, version: str, history: list[str]) -> None:
        _write_atomic(self.root / "history.json", json.dumps(history).encode("utf-8"))
        _write_atomic(self.root / "active", version.encode("utf-8"))

    def promote(self, version: str) -> None:
        """Make `version` active after checking it loads."""
        self.load(version)
        history = self._history()
        if history and history[-1] == version:
            return
        self._set_active(version, [*history, version])

    def rollback(self) -> str:
        """Make the previously active version active again; returns it."""
        history = self._history()
        if len(history) < 2:
            raise ModelError(
                f"{self.root}: no earlier active model to roll back to; see `lianfa models list`"
            )
        previous = history[-2]
        self.load(previous)
        self._set_active(previous, history[:-1])
        return previous
