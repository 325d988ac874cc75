"""RapidOCR 3.x on onnxruntime, with the PP-OCRv6 small models carried inside its wheel.

The default engine: it needs nothing but the installed wheel. Its text-line angle classifier is
off because it flips long horizontal lines of printed Chinese and wrecks clean pages; whole-page
rotation is ingest.geometry's job, before OCR.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from PIL import Image

from lianfa.errors import ConfigError
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.document import Line
from lianfa.ingest.ocr.base import register
from lianfa.ingest.ocr.postprocess import clean_text
from lianfa.ingest.seal import lift_seals

Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]

# rapidocr shrinks a page so its long side is at most MAX_SIDE and crops the lines it recognises
# from that copy: 2400 px keeps an A4 page at 200 dpi at full resolution. Detection alone runs on
# a copy whose long side is at most DET_SIDE (rapidocr's own default scales the *short* side up to
# 736 px, which would also blow a small probe image up). On 16 rendered pages at 150-200 dpi, clean
# and heavily damaged, CER was the same at 1600, 1280 and 960 px (0.0-0.05% clean, 0.4-0.5%
# damaged) while OCR time per page fell 10% (1280) and 28% (960) against 1600; 1280 keeps
# 10.5-pt print in a 300-dpi scan ~16 px high for the detector.
MAX_SIDE = 2400
DET_SIDE = 1280


class RapidEngine:
    name = "rapidocr"

    def __init__(self, threads: int, params: dict[str, Any] | None = None) -> None:
        try:
            from rapidocr import RapidOCR
        except ImportError as e:  # a broken install, not bad input
            raise ConfigError(
                f"The rapidocr package is not importable ({e}): rerun scripts/install.sh."
            ) from e
        cfg: dict[str, Any] = {
            "Global.use_cls": False,
            "Global.log_level": "warning",
            "Global.max_side_len": MAX_SIDE,
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_SIDE,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        cfg.update(params or {})
        self._ocr = RapidOCR(params=cfg)
        # onnxruntime sessions are safe to share, rapidocr's lazy model loading and config updates are not
        self._lock = threading.Lock()

    def recognize(self, image: Image.Image) -> list[Line]:
        bgr = _bgr(lift_seals(image))
        with self._lock:
            out = self._ocr(bgr, use_det=True, use_cls=False, use_rec=True)
        if out.boxes is None or out.txts is None or out.scores is None:
            return []
        lines: list[Line] = []
        for box, txt, score in zip(out.boxes, out.txts, out.scores, strict=True):
            text = clean_text(txt)
            if not text:
                continue
            quad = tuple((float(x), float(y)) for x, y in box[:4])
            lines.append(Line(text=text, confidence=float(score), quad=quad))  # type: ignore[arg-type]
        return lines

    def detect(self, image: Image.Image) -> list[Quad]:
        """Text-line quads only, no recognition: ingest.geometry finds line direction and skew from them."""
        with self._lock:
            res = self._ocr(_bgr(image), use_det=True, use_cls=False, use_rec=False)
        if res.boxes is None:
            return []
        return [tuple((float(x), float(y)) for x, y in box[:4]) for box in res.boxes]  # type: ignore[misc]

    def read_strips(self, strips: list[Image.Image]) -> list[tuple[str, float]]:
        """Recognition only, each image taken as one line of text: (text, confidence) per strip.

        ingest.geometry reads a few lines of a page this way at two orientations to tell which way
        up it is, instead of OCRing the whole page several times.
        """
        out: list[tuple[str, float]] = []
        with self._lock:
            for strip in strips:
                res = self._ocr(_bgr(strip), use_det=False, use_cls=False, use_rec=True)
                txts = res.txts or ("",)
                scores = res.scores or (0.0,)
                out.append((txts[0], float(scores[0])))
        return out


def _bgr(image: Image.Image) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])


@register("rapidocr")
def _make(settings: IngestSettings) -> RapidEngine:
    return RapidEngine(threads=settings.ocr_threads)
