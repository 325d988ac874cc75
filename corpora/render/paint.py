"""Draw one laid-out page as a clean RGB image (the scanner's damage comes later, in damage.py)."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from lianfa.corpora.render.fonts import pil_font
from lianfa.corpora.render.layout import PageLayout, Run
from lianfa.corpora.render.seal import Seal, make_seal, stamp


def _draw_run(draw: ImageDraw.ImageDraw, run: Run) -> None:
    font = pil_font(run.font)
    if not run.tracking:
        draw.text((run.x, run.baseline), run.text, font=font, fill=run.color, anchor="ls")
        return
    x = run.x
    for ch in run.text:
        draw.text((x, run.baseline), ch, font=font, fill=run.color, anchor="ls")
        x += font.getlength(ch) + run.tracking


def seal_for(page: PageLayout, rng: random.Random) -> Seal | None:
    if page.seal is None:
        return None
    return make_seal(page.seal.agency, int(page.seal.diameter), rng)


def paint_page(page: PageLayout, seal: Seal | None) -> Image.Image:
    image = Image.new("RGB", (page.width, page.height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for rule in page.rules:
        draw.line((rule.x0, rule.y0, rule.x1, rule.y1), fill=(0, 0, 0), width=max(1, round(rule.width)))
    for run in page.runs + page.furniture:
        _draw_run(draw, run)
    if seal is not None and page.seal is not None:
        stamp(image, seal, page.seal.cx, page.seal.cy)
    return image
