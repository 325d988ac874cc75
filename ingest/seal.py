"""Red seals (公章) over printed text: lift the seal's ink so the text under it can be read.

A seal is stamped over the agency name and the date, the very words the extractors need. Its ink
multiplies onto the page: paper under it turns red, black print under it stays dark. In grey
(what OCR models see) the red is nearly as dark as the print, and every engine misreads or drops
the date. In the red channel alone, though, the seal is almost as light as paper while the print
stays dark, so inside each seal's box the page is replaced by its red channel, stretched so that
the seal's own ink becomes white.

Only seal-shaped red regions are touched: a 红头 (the agency name printed in red across the top
of an official document) or a red rule is wide and flat, a seal is roughly round or square.

Many archives are scanned in grey, where no colour is left to find the seal by. Its ink is still
lighter than print, though: mid-grey strokes, away from any black, that close into a round ring
with nothing in the corners of its box (a block of faint text fills its corners; a table's ruled
lines do not close into a ring). Inside such a ring whatever is lighter than print goes white.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
from PIL import Image

_SCALE = 4  # seals are found on a copy this many times smaller
_MIN_REDNESS = 40  # R - max(G, B) of seal ink: paper and grey print have ~0; a faded stamp, averaged
# with paper on the smaller copy, falls to 45-55
# a seal's box as a share of the page's long side: official seals are 38-45 mm across (0.13-0.15 of
# A4's 297 mm); 0.1 (30 mm) keeps the smallest and drops the 1-2 cm characters of a red letterhead
_MIN_SIDE = 0.1
_MAX_SIDE = 0.35


# grey scans, all on the 4x smaller copy, the page divided by its own background (shadows, toner)
_PRINT = 80  # darker than this is print, in grey levels
_INK = (80, 215)  # a grey seal's strokes, relative to paper = 255
_RING_BINS = 24  # the ring is looked for in as many directions...
_RING_COVER = 0.75  # ...and must show ink in this share of them
_CORNER_INK = 0.08  # most ink the box's corners, outside the ring, may hold
_LIFT_ABOVE = 120  # inside a grey seal, lighter than this (relative to paper) is the seal's ink


def _redness(rgb: np.ndarray) -> np.ndarray:
    r = rgb[..., 0].astype(np.int16)
    return r - np.maximum(rgb[..., 1], rgb[..., 2]).astype(np.int16)


def _colour(image: Image.Image) -> Image.Image | None:
    """`image` as RGB if it has colour at all (grey and bilevel scans have no red to lift)."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "RGBX", "P", "PA", "CMYK", "YCbCr", "LAB", "HSV"):
        return image.convert("RGB")
    return None


def find_seals(image: Image.Image) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1, in pixels of `image`) of seal-shaped red regions."""
    rgb = _colour(image)
    if rgb is None:
        return []
    return _find(rgb)


def _find(image: Image.Image) -> list[tuple[int, int, int, int]]:
    w, h = image.size
    small = np.asarray(image.resize((max(1, w // _SCALE), max(1, h // _SCALE)), Image.Resampling.BOX))
    red = (_redness(small) > _MIN_REDNESS) & (small[..., 0] > 100)
    if red.sum() < 20:
        return []
    boxes = _seal_sized(red, w, h, pad=_SCALE * 2)
    # a seal's star can come out as its own component inside the ring's box
    return [b for b in boxes if not any(o != b and _inside(b, o) for o in boxes)]


def _seal_sized(
    mask: np.ndarray, w: int, h: int, pad: int, keep: Callable[[np.ndarray], bool] | None = None
) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels of the w x h page) of the roughly square, seal-sized blobs of `mask` (a 4x
    smaller copy), gaps between a seal's ring, star and lettering closed first; `keep` may look at
    a blob's own mask and turn it down."""
    long_side = max(w, h)
    k = max(3, int(long_side * 0.02 / _SCALE) | 1)
    closed = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    boxes = []
    for x, y, bw, bh in (tuple(int(v) for v in row[:4]) for row in stats[1:n]):
        side_lo, side_hi = min(bw, bh) * _SCALE, max(bw, bh) * _SCALE
        if side_lo < _MIN_SIDE * long_side or side_hi > _MAX_SIDE * long_side or side_hi > 1.4 * side_lo:
            continue
        if keep is not None and not keep(mask[y : y + bh, x : x + bw]):
            continue
        boxes.append((max(0, x * _SCALE - pad), max(0, y * _SCALE - pad),
                      min(w, (x + bw) * _SCALE + pad), min(h, (y + bh) * _SCALE + pad)))
    return boxes


def _inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _is_grey(image: Image.Image) -> bool:
    if image.mode in ("L", "LA", "I", "I;16", "F"):
        return True
    if image.mode != "RGB":
        return False
    small = np.asarray(image.resize((max(1, image.width // 8), max(1, image.height // 8))), dtype=np.int16)
    chroma = small.max(axis=2) - small.min(axis=2)
    return float(np.percentile(chroma, 99.5)) < 8


def _background(grey: np.ndarray) -> np.ndarray:
    """The paper's own grey level around every point of an 8-bit page (under a shadow, on yellowed
    paper), on an 8x smaller copy."""
    h, w = grey.shape
    coarse = cv2.resize(grey, (max(1, w // 8), max(1, h // 8)), interpolation=cv2.INTER_AREA)
    return cv2.medianBlur(coarse, 31)


def _relative_grey(grey: np.ndarray, background: np.ndarray, scale: int) -> np.ndarray:
    """`grey`, made `scale` times smaller, divided by its background: 255 is paper wherever it is."""
    h, w = grey.shape
    size = (max(1, w // scale), max(1, h // scale))
    page = cv2.resize(grey, size, interpolation=cv2.INTER_AREA) if scale > 1 else grey
    paper = cv2.resize(background, size, interpolation=cv2.INTER_LINEAR)
    return np.clip(page.astype(np.float32) / np.maximum(paper, 1).astype(np.float32) * 255, 0, 255)


def _ring(ink: np.ndarray) -> bool:
    """A seal's outline: ink all round at the box's edge, none in its corners."""
    bh, bw = ink.shape
    yy, xx = np.mgrid[0:bh, 0:bw]
    cy, cx = (bh - 1) / 2, (bw - 1) / 2
    r = np.hypot((yy - cy) / (bh / 2), (xx - cx) / (bw / 2))
    angle = (np.degrees(np.arctan2(yy - cy, xx - cx)) + 360) % 360
    edge = (r > 0.8) & (r <= 1.0)
    step = 360 / _RING_BINS
    inked = [
        ink[sel].mean() > 0.15
        for b in range(_RING_BINS)
        if (sel := edge & (angle >= b * step) & (angle < (b + 1) * step)).any()
    ]
    corners = r > 1.12
    return bool(inked) and np.mean(inked) >= _RING_COVER and (not corners.any() or ink[corners].mean() <= _CORNER_INK)


def find_grey_seals(grey: np.ndarray, background: np.ndarray | None = None) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels of `grey`, an 8-bit page) of ring-shaped mid-grey regions: seals scanned in grey."""
    h, w = grey.shape
    rel = _relative_grey(grey, _background(grey) if background is None else background, _SCALE)
    dark = cv2.resize((grey < _PRINT).astype(np.uint8) * 255, (rel.shape[1], rel.shape[0]), interpolation=cv2.INTER_AREA)
    near_print = cv2.dilate((dark > 20).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    ink = (rel > _INK[0]) & (rel < _INK[1]) & ~near_print
    # the ring's faint outer edge is lost to the smaller copy: a wider margin than for red
    return _seal_sized(ink, w, h, pad=_SCALE * 4, keep=_ring)


def _lift_grey(image: Image.Image) -> Image.Image:
    grey = np.array(image.convert("L"))
    background = _background(grey)
    boxes = find_grey_seals(grey, background)
    if not boxes:
        return image
    rel = _relative_grey(grey, background, 1)
    for x0, y0, x1, y1 in boxes:
        region = grey[y0:y1, x0:x1]
        region[rel[y0:y1, x0:x1] > _LIFT_ABOVE] = 255
    return Image.fromarray(grey, "L").convert("RGB")


def lift_seals(image: Image.Image) -> Image.Image:
    """`image` (as RGB) with every seal's ink lifted; the same object when there is no seal."""
    if _is_grey(image):
        return _lift_grey(image)
    rgb = _colour(image)
    if rgb is None:
        return image
    boxes = _find(rgb)
    if not boxes:
        return image
    arr = np.array(rgb)
    for x0, y0, x1, y1 in boxes:
        region = arr[y0:y1, x0:x1]
        ink = _redness(region) > _MIN_REDNESS
        if not ink.any():
            continue
        # the seal's ink level in the red channel: stretched to white, print stays dark
        ref = float(np.median(region[..., 0][ink]))
        lifted = np.clip(region[..., 0].astype(np.float32) * (255.0 / max(ref, 1.0)), 0, 255).astype(np.uint8)
        arr[y0:y1, x0:x1] = lifted[..., None]
    return Image.fromarray(arr, "RGB")
