"""PaddleOCR 3.x on onnxruntime, with PP-OCRv6 small models from local folders (no paddlepaddle).

The folders are built from the rapidocr wheel's ONNX files (ingest.ocr.models): PaddleOCR then
neither downloads nor checks a model hub. Document orientation, unwarping and text-line
orientation stay off: each would fetch another model, and ingest.geometry rights the page first.
PaddleX pipelines are not thread-safe, so calls are serialised.
"""

from __future__ import annotations

import importlib.metadata as metadata
import logging
import re
import sys
import threading
from collections.abc import Iterator

import numpy as np
from PIL import Image

from lianfa.errors import ConfigError
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.document import Line
from lianfa.ingest.ocr.base import offline_environment, register
from lianfa.ingest.ocr.models import DET_MODEL, REC_MODEL, ensure_model_dirs
from lianfa.ingest.ocr.postprocess import clean_text
from lianfa.ingest.ocr.rapid import DET_SIDE
from lianfa.ingest.seal import lift_seals

_REC_BATCH = 8


class _HeadlessOpenCvAlias(metadata.DistributionFinder):
    """Answers PaddleX's "is opencv-contrib-python installed?" with the headless OpenCV build.

    PaddleX gates its OCR pipeline (and its `import cv2` lines) on that distribution *name*. Its GUI
    build of OpenCV and the headless build rapidocr needs both own the `cv2` package, so the
    install keeps only the headless one, which provides every cv2 function the OCR pipeline calls.
    """

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        return None  # finds distributions only, never modules

    def find_distributions(
        self, context: metadata.DistributionFinder.Context | None = None
    ) -> Iterator[metadata.Distribution]:
        name = context.name if context is not None else None
        if name and re.sub(r"[-_.]+", "-", name).lower() == "opencv-contrib-python":
            return iter([metadata.distribution("opencv-python-headless")])
        return iter(())


def _alias_headless_opencv() -> None:
    try:
        metadata.distribution("opencv-contrib-python")
        return
    except metadata.PackageNotFoundError:
        pass
    if not any(isinstance(f, _HeadlessOpenCvAlias) for f in sys.meta_path):
        sys.meta_path.append(_HeadlessOpenCvAlias())


class PaddleEngine:
    name = "paddleocr"

    def __init__(self, settings: IngestSettings) -> None:
        offline_environment(settings)
        dirs = ensure_model_dirs(settings)
        _alias_headless_opencv()
        try:
            from paddleocr import PaddleOCR
        except ImportError as e:
            raise ConfigError(
                f"PaddleOCR is not installed ({e}): install the `paddle` extra (scripts/install.sh does) "
                "or set LIANFA_OCR_ENGINE=rapidocr."
            ) from e
        self._ocr = PaddleOCR(
            text_detection_model_name=DET_MODEL,
            text_detection_model_dir=str(dirs.det),
            text_recognition_model_name=REC_MODEL,
            text_recognition_model_dir=str(dirs.rec),
            use_doc_orientation_classify=False,
            use_doc_unwarping=False,
            use_textline_orientation=False,
            text_det_limit_side_len=DET_SIDE,
            text_det_limit_type="max",
            text_recognition_batch_size=_REC_BATCH,
            engine="onnxruntime",
            # without onnxruntime's memory arena peak RSS on a page drops from ~1.85 to ~1.1 GB
            # (rapidocr runs its sessions the same way)
            engine_config={"intra_op_num_threads": settings.ocr_threads, "inter_op_num_threads": 1,
                           "enable_cpu_mem_arena": False},
        )
        for noisy in ("paddlex", "paddleocr"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
        self._lock = threading.Lock()

    def recognize(self, image: Image.Image) -> list[Line]:
        bgr = np.ascontiguousarray(np.asarray(lift_seals(image).convert("RGB"))[:, :, ::-1])
        with self._lock:
            results = self._ocr.predict(bgr)
        lines: list[Line] = []
        for res in results:
            for poly, txt, score in zip(res["rec_polys"], res["rec_texts"], res["rec_scores"], strict=True):
                text = clean_text(txt)
                if not text:
                    continue
                quad = tuple((float(x), float(y)) for x, y in np.asarray(poly)[:4])
                lines.append(Line(text=text, confidence=float(score), quad=quad))  # type: ignore[arg-type]
        return lines


@register("paddleocr")
def _make(settings: IngestSettings) -> PaddleEngine:
    return PaddleEngine(settings)
