"""PaddleOCR model folders built from the rapidocr wheel: complete, PaddleX-shaped, idempotent."""

from __future__ import annotations

import json
from pathlib import Path

import onnxruntime
import pytest
import yaml

from lianfa.errors import ConfigError
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.ocr import models
from lianfa.ingest.ocr.models import DET_MODEL, REC_MODEL, ensure_model_dirs


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[IngestSettings, models.ModelDirs]:
    settings = IngestSettings(data_dir=tmp_path_factory.mktemp("data"))
    return settings, ensure_model_dirs(settings)


def test_folders_hold_what_paddlex_loads(built) -> None:
    settings, dirs = built
    assert dirs.det == settings.data_dir / "models" / "paddleocr" / DET_MODEL
    for folder, name in ((dirs.det, DET_MODEL), (dirs.rec, REC_MODEL)):
        config = yaml.safe_load((folder / "inference.yml").read_text(encoding="utf-8"))
        assert config["Global"]["model_name"] == name
        assert (folder / "inference.onnx").stat().st_size > 1_000_000
    det = yaml.safe_load((dirs.det / "inference.yml").read_text(encoding="utf-8"))
    assert det["PostProcess"]["name"] == "DBPostProcess"


def test_recogniser_dictionary_matches_the_model_output(built) -> None:
    _, dirs = built
    rec = yaml.safe_load((dirs.rec / "inference.yml").read_text(encoding="utf-8"))
    chars = rec["PostProcess"]["character_dict"]
    assert {"罚", "款", "元", "0", "9", "，"} <= set(chars)
    session = onnxruntime.InferenceSession(
        str(dirs.rec / "inference.onnx"), providers=["CPUExecutionProvider"]
    )
    classes = session.get_outputs()[0].shape[-1]
    assert len(chars) + 2 == classes  # CTC adds the blank and the space


def test_second_run_keeps_the_folders(built) -> None:
    settings, dirs = built
    before = (dirs.rec / "inference.onnx").stat().st_mtime_ns
    assert ensure_model_dirs(settings) == dirs
    assert (dirs.rec / "inference.onnx").stat().st_mtime_ns == before


def test_incomplete_or_stale_folder_is_rebuilt(tmp_path: Path) -> None:
    settings = IngestSettings(data_dir=tmp_path)
    dirs = ensure_model_dirs(settings)
    (dirs.det / "inference.onnx").unlink()
    stamp = dirs.rec / "source.json"
    stamp.write_text(json.dumps({"sha256": "0" * 64}))
    ensure_model_dirs(settings)
    assert (dirs.det / "inference.onnx").is_file()
    assert json.loads(stamp.read_text())["sha256"] != "0" * 64


def test_explicit_model_dir_is_used(tmp_path: Path) -> None:
    settings = IngestSettings(data_dir=tmp_path / "data", ocr_model_dir=tmp_path / "models")
    assert ensure_model_dirs(settings).rec == tmp_path / "models" / REC_MODEL


def test_unwritable_model_dir_says_what_to_do(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(ConfigError, match="LIANFA_DATA_DIR"):
        ensure_model_dirs(IngestSettings(data_dir=tmp_path, ocr_model_dir=blocker / "models"))
