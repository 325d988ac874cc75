"""Right a scanned page before OCR: quarter turns (90/180/270) and residual skew up to 5°.

Three cheap looks at the page instead of OCRing it at four orientations:
1. The text detector runs on a 640-pixel copy. Its line boxes say which axis the lines run
   along (a page turned 90° gives tall, thin boxes) and roughly how far they lean.
2. A projection profile, searched ±0.6° around that lean on the binarised copy, sharpens the
   skew to ~0.05°: the angle at which text rows and the gaps between them line up with pixel rows.
3. Three of the longest lines are recognised as strips, as they stand and turned 180°. Printed
   Chinese upside down reads as a few low-confidence glyphs, so the right way up wins by a wide
   margin; an upright page stops after the first three reads.
"""

from __future__ import annotations

import math
from typing import Protocol

import cv2
import numpy as np
from PIL import Image

from lianfa.ingest.weighted import weighted_median

Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]

MAX_SKEW = 5.0
# Long side of the copy the detector and the profile search see. On 13 heavily damaged renders
# (turned 0/90/180/270, skewed, blurred, specked) 640 px found every rotation, as 960 px did, in 60%
# of the time; mean skew error 0.11° against 0.09°.
_PROBE_SIDE = 640
_STRIPS = 3
_MIN_LEVEL = 0.1  # a smaller skew is left alone: resampling would only blur the page
_TRANSPOSE = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}


class Probe(Protocol):
    def detect(self, image: Image.Image) -> list[Quad]: ...

    def read_strips(self, strips: list[Image.Image]) -> list[tuple[str, float]]: ...


def _turn(image: Image.Image, rotation: int) -> Image.Image:
    return image.transpose(_TRANSPOSE[rotation]) if rotation else image


def _turn_points(pts: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Points of an image of `size` after it is turned 90° clockwise."""
    _, h = size
    return np.stack([h - 1 - pts[:, 1], pts[:, 0]], axis=1)


def _line_direction(quads: list[np.ndarray]) -> tuple[bool, float]:
    """(lines run horizontally, their lean in degrees, clockwise as seen) from the detector's boxes."""
    horizontal = vertical = 0.0
    leans: list[tuple[float, float]] = []
    for q in quads:
        (_, _), (w, h), _ = cv2.minAreaRect(q.astype(np.float32))
        long_side, short_side = max(w, h), min(w, h)
        if long_side < 2 * short_side:
            continue  # a lone character or a seal: no direction
        # the long edge of the quad: the first or the second side, whichever is longer
        e1, e2 = q[1] - q[0], q[2] - q[1]
        v = e1 if np.hypot(*e1) >= np.hypot(*e2) else e2
        angle = math.degrees(math.atan2(v[1], v[0]))
        angle = (angle + 90) % 180 - 90  # direction of a line, not of an arrow: fold into [-90, 90)
        weight = long_side - short_side
        if abs(angle) <= 45:
            horizontal += weight
            leans.append((angle, weight))
        else:
            vertical += weight
    return horizontal >= vertical, weighted_median(leans)


def _ink(gray: np.ndarray) -> np.ndarray:
    _, mask = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return mask


def _sharpness(mask: np.ndarray, angle: float) -> float:
    h, w = mask.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    rows = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_NEAREST).sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def _refine_skew(small: Image.Image, guess: float) -> float:
    mask = _ink(np.asarray(small))
    angles = np.arange(guess - 0.6, guess + 0.601, 0.05)
    angles = angles[np.abs(angles) <= MAX_SKEW + 0.05]
    if angles.size == 0:
        return 0.0
    return float(angles[int(np.argmax([_sharpness(mask, a) for a in angles]))])


def _strips(levelled: Image.Image, boxes: list[np.ndarray], flip: bool) -> list[Image.Image]:
    out = []
    for q in boxes:
        x0, y0 = q.min(axis=0)
        x1, y1 = q.max(axis=0)
        h = y1 - y0
        pad = max(2.0, h / 5)
        # a dozen characters tell which way up the line is; a whole line would only cost more
        crop = levelled.crop((int(max(0, x0 - pad)), int(max(0, y0 - pad)),
                              int(min(x1, x0 + 14 * h) + pad), int(y1 + pad)))
        out.append(crop.rotate(180) if flip else crop)
    return out


def _plausible(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch.isdigit())


def _score(reads: list[tuple[str, float]]) -> float:
    return sum(conf * _plausible(text) for text, conf in reads)


def _reads_upright(reads: list[tuple[str, float]]) -> bool:
    return sum(1 for text, conf in reads if conf >= 0.85 and _plausible(text) >= 4) >= min(2, len(reads))


def _default_probe() -> Probe:
    from lianfa.ingest.ocr import get_engine

    return get_engine("rapidocr")  # type: ignore[return-value]


def upright(image: Image.Image, probe: Probe | None = None) -> tuple[Image.Image, int, float]:
    """(righted image, clockwise degrees it was turned, counter-clockwise degrees of skew levelled).

    `probe` detects and reads lines; by default the bundled rapidocr models, whatever engine OCRs
    the page, because they are always installed and cheap on a small copy and a few strips.
    """
    probe = probe or _default_probe()
    if image.mode not in ("L", "RGB"):
        # levelling resamples the page: bilevel, palette and 16-bit scans are made grey or RGB first
        image = image.convert("RGB" if "R" in image.getbands() or image.mode == "P" else "L")
    gray = image.convert("L")
    scale = max(gray.size) / _PROBE_SIDE
    small = gray.resize((max(1, round(gray.width / scale)), max(1, round(gray.height / scale))),
                        Image.Resampling.BOX)
    quads = [np.asarray(q, dtype=np.float64) for q in probe.detect(small.convert("RGB"))]
    if not quads:
        return image, 0, 0.0
    horizontal, lean = _line_direction(quads)
    base = 0 if horizontal else 90
    if not horizontal:
        quads = [_turn_points(q, small.size) for q in quads]
        small = _turn(small, 90)
        _, lean = _line_direction(quads)
    skew = _refine_skew(small, lean)
    if abs(skew) < _MIN_LEVEL:
        skew = 0.0

    turned = _turn(gray, base)
    levelled, m = _rotate(turned, skew, 255)
    longest = sorted(quads, key=lambda q: -float(np.ptp(q[:, 0])))[:_STRIPS]
    boxes = [np.hstack([q * scale, np.ones((4, 1))]) @ m.T for q in longest]

    as_is = probe.read_strips(_strips(levelled, boxes, flip=False))
    rotation = base
    if not _reads_upright(as_is):
        turned_over = probe.read_strips(_strips(levelled, boxes, flip=True))
        if _score(turned_over) > _score(as_is):
            rotation = base + 180
        elif _score(as_is) == 0:
            return image, 0, 0.0

    # a half turn commutes with the levelling rotation, so the skew found holds for both
    return righten(image, rotation, skew), rotation, skew


def righten(image: Image.Image, rotation: int, skew: float) -> Image.Image:
    """`image` turned `rotation`° clockwise and levelled by `skew`°, as `upright` rights a page for OCR:
    the page images reviewers see are made by this too, so evidence boxes fall on their words."""
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB" if "R" in image.getbands() or image.mode == "P" else "L")
    righted = _turn(image, rotation % 360)
    if skew:
        righted, _ = _rotate(righted, skew, _paper(image))
    return righted


def _rotate(image: Image.Image, angle: float, fill: tuple[int, ...] | int) -> tuple[Image.Image, np.ndarray]:
    """`image` turned `angle`° counter-clockwise on a canvas grown to hold it, and the 2x3 matrix used.

    OpenCV rather than PIL: several times faster on a full page, which every skewed scan pays.
    """
    w, h = image.size
    m = np.asarray(cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0), dtype=np.float64)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(math.ceil(w * cos + h * sin)), int(math.ceil(w * sin + h * cos))
    m[:, 2] += ((nw - w) / 2, (nh - h) / 2)
    border = fill if isinstance(fill, int) else tuple(fill)
    out = cv2.warpAffine(np.asarray(image), m, (nw, nh), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=border)
    return Image.fromarray(out, mode=image.mode), m


def _paper(image: Image.Image) -> tuple[int, ...] | int:
    """The paper colour (median of the top and bottom edges), for the corners levelling uncovers."""
    arr = np.asarray(image)
    edge = np.concatenate([arr[:4], arr[-4:]]).reshape(-1, *arr.shape[2:])
    med = np.median(edge, axis=0)
    return tuple(int(v) for v in np.atleast_1d(med)) if arr.ndim == 3 else int(med)
