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

from ingest.config import IngestSettings
from ingest.document import Line
from ingest.errors import ConfigError
from ingest.ocr.base import register
from ingest.ocr.postprocess import clean_text

# rapidocr shrinks a page so its long side is at most this before detection, and crops the lines
# it recognises from that shrunken copy: 2339 px keeps an A4 page at 200 dpi at full resolution.
MAX_SIDE = 2400


class RapidEngine:
    name = "rapidocr"

    def __init__(self, threads: int, params: dict[str, Any] | None = None) -> None:
        try:
            from rapidocr import RapidOCR
        except ImportError as e:  # a broken install, not bad input
            raise ConfigError(f"The rapidocr package is not importable ({e}): rerun scripts/install.sh.") from e
        cfg: dict[str, Any] = {
            "Global.use_cls": False,
            "Global.log_level": "warning",
            "Global.max_side_len": MAX_SIDE,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        cfg.update(params or {})
        self._ocr = RapidOCR(params=cfg)
        # onnxruntime sessions are safe to share, rapidocr's lazy model loading and config updates are not
        self._lock = threading.Lock()

    def recognize(self, image: Image.Image) -> list[Line]:
        bgr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
        with self._lock:
            out = self._ocr(bgr)
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


@register("rapidocr")
def _make(settings: IngestSettings) -> RapidEngine:
    return RapidEngine(threads=settings.ocr_threads)
