"""The agency's red seal (公章): a ring, a five-pointed star, the agency name around the upper arc
and sometimes a purpose line (行政处罚专用章) under the star, inked unevenly and stamped at a slant.

Ink is multiplied onto the page, as a real stamp is: black print under it stays dark, paper turns
red. That is what makes dates under seals hard to read, and why the corpus has them.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from lianfa.corpora.render.fonts import FontSpec, pil_font

PURPOSE_LINES = ("行政处罚专用章", "行政执法专用章", "执法专用章", "案件审理专用章")


@dataclass
class Seal:
    mask: Image.Image  # "L": ink density 0..255, square
    color: tuple[int, int, int]

    def ink(self) -> Image.Image:
        """The seal as it looks on white paper (RGB), for multiplying onto a page."""
        red = Image.new("RGB", self.mask.size, self.color)
        white = Image.new("RGB", self.mask.size, (255, 255, 255))
        return Image.composite(red, white, self.mask)

    def rgba(self) -> Image.Image:
        """The seal with transparency, for placing over a PDF text layer (an electronic seal)."""
        image = Image.new("RGBA", self.mask.size, (*self.color, 0))
        image.putalpha(self.mask)
        return image


def make_seal(agency: str, diameter: int, rng: random.Random) -> Seal:
    size = int(diameter)
    scale = 4 if size < 400 else 2  # drawn large and scaled down: smooth arcs without antialias flags
    big = size * scale
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    c = big / 2
    ring = big * rng.uniform(0.028, 0.04)
    draw.ellipse((ring / 2, ring / 2, big - ring / 2, big - ring / 2), outline=255, width=int(ring))

    star_r = big * rng.uniform(0.14, 0.17)
    star_cy = c - big * 0.01
    points = []
    for k in range(10):
        r = star_r if k % 2 == 0 else star_r * 0.382
        a = -math.pi / 2 + k * math.pi / 5
        points.append((c + r * math.cos(a), star_cy + r * math.sin(a)))
    draw.polygon(points, fill=255)

    name = agency.strip()
    char_px = int(big * min(0.13, 1.6 / max(len(name), 1)))
    font = pil_font(FontSpec(rng.choice(("serif", "sans")), "bold", max(char_px, 8)))
    radius = c - ring - char_px * 0.62
    span = min(math.radians(250), len(name) * char_px * 1.05 / radius)
    for i, ch in enumerate(name):
        a = -span / 2 + (span * i / (len(name) - 1) if len(name) > 1 else 0.0)
        glyph = Image.new("L", (char_px * 2, char_px * 2), 0)
        ImageDraw.Draw(glyph).text((char_px, char_px), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a), resample=Image.Resampling.BICUBIC)
        gx = c + radius * math.sin(a) - char_px
        gy = c - radius * math.cos(a) - char_px
        mask.paste(255, (int(gx), int(gy)), glyph)

    if rng.random() < 0.5:
        line = rng.choice(PURPOSE_LINES)
        small = pil_font(FontSpec("sans", "bold", max(int(big * 0.085), 8)))
        draw.text((c, c + big * 0.25), line, font=small, fill=255, anchor="mm")

    mask = mask.rotate(rng.uniform(-20, 20), resample=Image.Resampling.BICUBIC)
    mask = mask.resize((size, size), Image.Resampling.LANCZOS)
    mask = _uneven_ink(mask, rng)
    color = (rng.randint(190, 235), rng.randint(10, 50), rng.randint(25, 60))
    return Seal(mask, color)


def _uneven_ink(mask: Image.Image, rng: random.Random) -> Image.Image:
    """Stamps press harder on one side and leave blotches: density varies smoothly across the seal."""
    size = mask.size[0]
    gen = np.random.default_rng(rng.getrandbits(32))
    blotch = Image.fromarray((gen.uniform(0.55, 1.0, (6, 6)) * 255).astype(np.uint8), "L")
    blotch = blotch.resize((size, size), Image.Resampling.BICUBIC)
    tilt = np.linspace(rng.uniform(0.7, 1.0), rng.uniform(0.85, 1.0), size)[None, :]
    density = np.asarray(blotch, dtype=np.float32) / 255 * tilt * rng.uniform(0.8, 0.95)
    inked = np.asarray(mask, dtype=np.float32) * density
    return Image.fromarray(inked.clip(0, 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(0.6))


def stamp(page: Image.Image, seal: Seal, cx: float, cy: float) -> None:
    """Multiply the seal's ink onto `page` (RGB) centred at (cx, cy), in place."""
    ink = seal.ink()
    x0 = int(round(cx - ink.width / 2))
    y0 = int(round(cy - ink.height / 2))
    box = (max(x0, 0), max(y0, 0), min(x0 + ink.width, page.width), min(y0 + ink.height, page.height))
    if box[0] >= box[2] or box[1] >= box[3]:
        return
    region = page.crop(box)
    part = ink.crop((box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0))
    page.paste(ImageChops.multiply(region, part), box)
