"""Tesseract 5 with the chi_sim model (Debian packages): the baseline the OCR benchmark measures against.

Not a production engine (CER several times the PP-OCR models' on the same pages), but it is small,
has no Python model weights, and a second opinion of a very different kind. Words come back one
by one; those of one Tesseract line become one Line.
"""

from __future__ import annotations

from PIL import Image

from lianfa.errors import ConfigError
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.document import Line
from lianfa.ingest.ocr.base import register
from lianfa.ingest.ocr.postprocess import clean_text
from lianfa.ingest.seal import lift_seals

_CONFIG = "--psm 6"  # one uniform block of text: decisions are single-column


class TesseractEngine:
    name = "tesseract"

    def __init__(self, threads: int) -> None:
        try:
            import pytesseract
        except ImportError as e:
            raise ConfigError(f"pytesseract is not installed ({e}): install the `test` extra.") from e
        try:
            langs = pytesseract.get_languages(config="")
        except (pytesseract.TesseractNotFoundError, OSError) as e:
            raise ConfigError(
                f"The tesseract program is not installed ({e}): apt-get install tesseract-ocr."
            ) from e
        if "chi_sim" not in langs:
            raise ConfigError("Tesseract has no chi_sim model: apt-get install tesseract-ocr-chi-sim.")
        self._tess = pytesseract
        self._config = f"{_CONFIG} -c omp_thread_limit={threads}" if threads else _CONFIG

    def recognize(self, image: Image.Image) -> list[Line]:
        data = self._tess.image_to_data(lift_seals(image), lang="chi_sim", config=self._config,
                                        output_type=self._tess.Output.DICT)
        groups: dict[tuple[int, int, int], list[int]] = {}
        for i, word in enumerate(data["text"]):
            if word.strip() and float(data["conf"][i]) >= 0:
                key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
                groups.setdefault(key, []).append(i)
        lines: list[Line] = []
        for idx in groups.values():
            text = clean_text(" ".join(data["text"][i] for i in idx))
            if not text:
                continue
            x0 = min(data["left"][i] for i in idx)
            y0 = min(data["top"][i] for i in idx)
            x1 = max(data["left"][i] + data["width"][i] for i in idx)
            y1 = max(data["top"][i] + data["height"][i] for i in idx)
            conf = sum(float(data["conf"][i]) for i in idx) / len(idx) / 100
            left, top, right, bottom = float(x0), float(y0), float(x1), float(y1)
            quad = ((left, top), (right, top), (right, bottom), (left, bottom))
            lines.append(Line(text=text, confidence=conf, quad=quad))
        return lines


@register("tesseract")
def _make(settings: IngestSettings) -> TesseractEngine:
    return TesseractEngine(threads=settings.ocr_threads)
