"""Scan damage: what a copier, a phone camera or a fax does to a printed decision.

Every page draws its own parameters (a `Damage`), which are recorded in its pages.json entry, so a
study of OCR errors can relate them to skew, blur or contrast. `seed` fixes the noise and speck
patterns, so the same Damage on the same page gives the same pixels.
"""

from __future__ import annotations

import io
import random
from dataclasses import asdict, dataclass, replace
from typing import Literal

import cv2
import numpy as np
from PIL import Image

DamageLevel = Literal["none", "light", "heavy"]
TURNS = (90, 180, 270)


@dataclass(frozen=True)
class Damage:
    rotation: int = 0  # page turned counter-clockwise by this many degrees (0, 90, 180, 270)
    skew: float = 0.0  # degrees, counter-clockwise
    blur: float = 0.0  # Gaussian radius, pixels
    noise: float = 0.0  # standard deviation of sensor noise, grey levels
    specks: int = 0  # dust and toner specks
    contrast: float = 1.0  # 1 = paper white and ink black; lower = greyer paper, paler ink
    shadow: float = 0.0  # strength of uneven illumination (a shadow from the binding or a hand)
    jpeg_quality: int = 0  # JPEG recompression quality, 0 = none
    greyscale: bool = False
    dark_edges: bool = False  # an open scanner lid: the corners uncovered by a skewed page come out dark
    binarize: bool = False  # a fax or black-and-white copier: every pixel black or white, seals too
    photo: float = 0.0  # a phone photo on a desk: how far (fraction of the page) the corners move in perspective
    seed: int = 0

    @property
    def is_clean(self) -> bool:
        return self == Damage(seed=self.seed)

    def as_record(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items()}


def sample_damage(level: DamageLevel, rng: random.Random, dpi: int = 200) -> Damage:
    """Draw one page's damage."""
    seed = rng.getrandbits(32)
    scale = dpi / 200
    if level == "none":
        return Damage(seed=seed)
    if level == "light":
        return Damage(
            skew=round(rng.uniform(-1.0, 1.0), 2),
            blur=round(rng.uniform(0.0, 0.6) * scale, 2),
            noise=round(rng.uniform(0.0, 5.0), 1),
            specks=rng.randint(0, 25),
            contrast=round(rng.uniform(0.85, 1.0), 2),
            shadow=round(rng.uniform(0.0, 0.25), 2),
            jpeg_quality=rng.randint(60, 90),
            greyscale=rng.random() < 0.3,
            seed=seed,
        )
    rotation = rng.choice(TURNS) if rng.random() < 0.2 else 0
    binarize = rng.random() < 0.15
    photo = round(rng.uniform(0.02, 0.06), 3) if not binarize and rng.random() < 0.15 else 0.0
    return Damage(
        rotation=rotation,
        skew=round(rng.uniform(-3.0, 3.0), 2),
        blur=round(rng.uniform(0.4, 1.3) * scale, 2),
        noise=round(rng.uniform(4.0, 12.0), 1),
        specks=rng.randint(20, 150),
        contrast=round(rng.uniform(0.55, 0.85), 2),
        shadow=round(rng.uniform(0.2, 0.6), 2),
        jpeg_quality=rng.randint(35, 65),
        greyscale=binarize or rng.random() < 0.5,
        dark_edges=rng.random() < 0.3,
        binarize=binarize,
        photo=photo,
        seed=seed,
    )


def with_rotation(damage: Damage, rotation: int) -> Damage:
    return replace(damage, rotation=rotation)


def _shadow(h: int, w: int, strength: float, gen: np.random.Generator) -> np.ndarray:
    """A smooth multiplicative light field: darker towards one edge or corner."""
    ys = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    xs = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :]
    angle = gen.uniform(0, 2 * np.pi)
    ramp = (np.cos(angle) * (xs - 0.5) + np.sin(angle) * (ys - 0.5)) + 0.5
    ramp = np.clip(ramp, 0.0, 1.0) ** gen.uniform(1.5, 3.0)
    return (1.0 - strength * ramp).astype(np.float32)


def _photograph(pixels: np.ndarray, amount: float, gen: np.random.Generator) -> np.ndarray:
    """The page seen by a phone held at a slant: a perspective quad on a desk-coloured background."""
    h, w = pixels.shape[:2]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    inward = np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]], dtype=np.float32)
    moves = gen.uniform(0.2, 1.0, (4, 2)).astype(np.float32) * np.float32(amount) * np.array([w, h], dtype=np.float32)
    dst = src + inward * moves
    desk = int(gen.integers(40, 140))
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(pixels, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                               borderValue=(desk, int(desk * 0.85), int(desk * 0.7)))


def _per_pixel(field: np.ndarray, image: np.ndarray) -> np.ndarray:
    """An (h, w) field shaped to act on every channel of `image`."""
    return field if image.ndim == 2 else field[..., None]


def apply_damage(image: Image.Image, damage: Damage) -> Image.Image:
    """The page as scanned: `image` is the clean RGB page; returns a new image (RGB or L)."""
    if damage.is_clean:
        return image.copy()
    gen = np.random.default_rng(damage.seed)
    pixels = np.asarray(image.convert("RGB"))
    if damage.greyscale:
        pixels = cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
    h, w = pixels.shape[:2]
    if damage.skew:
        fill = 45 if damage.dark_edges else 255
        turn = cv2.getRotationMatrix2D((w / 2, h / 2), damage.skew, 1.0)
        pixels = cv2.warpAffine(pixels, turn, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT,
                                borderValue=(fill, fill, fill))
    if damage.photo:
        pixels = _photograph(pixels, damage.photo, gen)
    if damage.blur:
        pixels = cv2.GaussianBlur(pixels, (0, 0), sigmaX=damage.blur)
    work = pixels.astype(np.float32)
    paper = 255.0 - 40.0 * (1.0 - damage.contrast)
    ink = 180.0 * (1.0 - damage.contrast)
    work = ink + work * ((paper - ink) / 255.0)
    if damage.shadow:
        work *= _per_pixel(_shadow(h, w, damage.shadow, gen), work)
    if damage.specks:
        _specks(work, damage.specks, gen)
    if damage.noise:
        work += _per_pixel(gen.standard_normal((h, w), dtype=np.float32) * np.float32(damage.noise), work)
    if damage.binarize:
        grey = work if work.ndim == 2 else work @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        # the threshold follows the local paper level, as a copier's does, so shadows do not go black
        paper_level = cv2.blur(grey, (151, 151))
        work = np.where(grey < paper_level * 0.72, 0.0, 255.0)
    out = Image.fromarray(np.clip(work, 0, 255).astype(np.uint8), "L" if work.ndim == 2 else "RGB")
    if damage.jpeg_quality:
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=damage.jpeg_quality)
        buf.seek(0)
        out = Image.open(buf)
        out.load()
    if damage.rotation:
        out = out.rotate(damage.rotation, expand=True)
    return out


def _specks(pixels: np.ndarray, count: int, gen: np.random.Generator) -> None:
    h, w = pixels.shape[:2]
    for _ in range(count):
        r = int(gen.integers(1, 4))
        y = int(gen.integers(r, h - r))
        x = int(gen.integers(r, w - r))
        yy, xx = np.ogrid[-r : r + 1, -r : r + 1]
        disc = (yy * yy + xx * xx) <= r * r * gen.uniform(0.5, 1.0)
        patch = pixels[y - r : y + r + 1, x - r : x + r + 1]
        patch[disc] = np.minimum(patch[disc], gen.uniform(20, 120))
