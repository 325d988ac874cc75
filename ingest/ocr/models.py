"""Local PaddleOCR model folders, built from the ONNX models carried inside the rapidocr wheel.

PaddleOCR 3.x runs a model from a folder holding `inference.onnx` and an `inference.yml` whose
`Global.model_name` names the model; without such a folder it downloads one. The rapidocr wheel
already carries PP-OCRv6 small detection and recognition models as ONNX (the recogniser's
character list is in the ONNX metadata), so `lianfa setup` (or the first PaddleOCR run) copies
them into `<model dir>/<model name>/` and writes the yml PaddleX would ship with them. Nothing is
downloaded, and the folders are rebuilt only when the wheel's files change.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lianfa.errors import ConfigError
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.hashing import file_sha256

DET_MODEL = "PP-OCRv6_small_det"
REC_MODEL = "PP-OCRv6_small_rec"
_WHEEL_FILES = {DET_MODEL: "PP-OCRv6_det_small.onnx", REC_MODEL: "PP-OCRv6_rec_small.onnx"}
_STAMP = "source.json"  # written last: a folder without it is incomplete and is rebuilt


@dataclass(frozen=True)
class ModelDirs:
    det: Path
    rec: Path


def model_root(settings: IngestSettings) -> Path:
    return settings.ocr_model_dir or settings.data_dir / "models" / "paddleocr"


def _wheel_model(name: str) -> Path:
    try:
        import rapidocr
    except ImportError as e:
        raise ConfigError(f"The rapidocr package is not importable ({e}): rerun scripts/install.sh.") from e
    path = Path(rapidocr.__file__).parent / "models" / _WHEEL_FILES[name]
    if not path.is_file():
        raise ConfigError(
            f"{path} is missing: the installed rapidocr wheel does not carry the {name} model. "
            "Reinstall rapidocr==3.10.0 (scripts/install.sh)."
        )
    return path


def _det_config() -> dict[str, Any]:
    # PaddleX's own inference.yml for the PP-OCRv6 detectors: resize, ImageNet normalisation, DB
    return {
        "Global": {"model_name": DET_MODEL},
        "PreProcess": {
            "transform_ops": [
                {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
                {"DetLabelEncode": None},
                {"DetResizeForTest": {"resize_long": 960}},
                {"NormalizeImage": {"mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
                                    "scale": "1./255.", "order": "hwc"}},
                {"ToCHWImage": None},
                {"KeepKeys": {"keep_keys": ["image", "shape", "polys", "ignore_tags"]}},
            ]
        },
        "PostProcess": {"name": "DBPostProcess", "thresh": 0.3, "box_thresh": 0.6, "max_candidates": 1000,
                        "unclip_ratio": 1.5},
    }


def _rec_config(onnx_path: Path) -> dict[str, Any]:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # only the metadata is read: skip optimising a graph that is never run
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
    meta = session.get_modelmeta()
    chars = meta.custom_metadata_map.get("character")
    if not chars:
        raise ConfigError(
            f"{onnx_path} carries no character list in its metadata: it is not a PP-OCR recogniser."
        )
    return {
        "Global": {"model_name": REC_MODEL},
        "PreProcess": {
            "transform_ops": [
                {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
                {"MultiLabelEncode": {"gtc_encode": "NRTRLabelEncode"}},
                {"RecResizeImg": {"image_shape": [3, 48, 320]}},
                {"KeepKeys": {"keep_keys": ["image", "label_ctc", "label_gtc", "length", "valid_ratio"]}},
            ]
        },
        "PostProcess": {"name": "CTCLabelDecode", "character_dict": chars.split("\n")},
    }


def _is_current(folder: Path, source_sha: str) -> bool:
    stamp = folder / _STAMP
    if not all(p.is_file() for p in (stamp, folder / "inference.onnx", folder / "inference.yml")):
        return False
    try:
        return json.loads(stamp.read_text()).get("sha256") == source_sha
    except (OSError, ValueError):
        return False


def _build(folder: Path, name: str, source: Path, source_sha: str) -> None:
    config = _det_config() if name == DET_MODEL else _rec_config(source)
    folder.parent.mkdir(parents=True, exist_ok=True)
    # built beside the target and renamed into place: a crash or a concurrent builder never
    # leaves a half-written folder that looks complete
    work = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=folder.parent))
    work.chmod(0o755)  # mkdtemp makes it private; the service may run as another user
    try:
        shutil.copyfile(source, work / "inference.onnx")
        (work / "inference.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
        (work / _STAMP).write_text(json.dumps({"source": str(source), "sha256": source_sha}))
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(work, folder)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)


def ensure_model_dirs(settings: IngestSettings) -> ModelDirs:
    """The PaddleOCR model folders, (re)built when missing, incomplete or older than the wheel's files."""
    root = model_root(settings)
    folders = {}
    for name in (DET_MODEL, REC_MODEL):
        source = _wheel_model(name)
        sha = file_sha256(source)
        folder = root / name
        if not _is_current(folder, sha):
            try:
                _build(folder, name, source, sha)
            except OSError as e:
                raise ConfigError(
                    f"Cannot write the PaddleOCR model folder {folder} ({e}). Make LIANFA_DATA_DIR (or "
                    "LIANFA_OCR_MODEL_DIR) point at a writable directory and run `lianfa setup`."
                ) from e
        folders[name] = folder
    return ModelDirs(det=folders[DET_MODEL], rec=folders[REC_MODEL])


def model_problems(settings: IngestSettings) -> list[str]:
    """What keeps the configured OCR engine from reading pages offline, in words (empty: ready).
    Checks without building anything, so a health probe never writes to the data folder."""
    problems = []
    for name in (DET_MODEL, REC_MODEL):
        try:
            source = _wheel_model(name)
        except ConfigError as e:
            problems.append(str(e))
            continue
        if settings.ocr_engine == "paddleocr" and not _is_current(model_root(settings) / name, file_sha256(source)):
            problems.append(f"PaddleOCR model folder {model_root(settings) / name} is missing or out of date: "
                            "run `lianfa setup`.")
    return problems
