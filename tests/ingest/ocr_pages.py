"""Test pages for the OCR tests, drawn with PIL: A4 at 200 dpi, Noto Serif CJK SC, optional red seal.

The renderer's fixtures (tests/fixtures/corpus/) are made from corpus templates; these pages use
their own wording so the OCR tests do not depend on the corpus generator.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
FONT_SC = 2  # face index of "Noto Serif CJK SC" in the collection
A4_200DPI = (1654, 2339)
SEAL_RED = (214, 32, 38)


@dataclass
class Page:
    image: Image.Image
    lines: list[str]
    date_box: tuple[int, int, int, int] | None = None

    @property
    def text(self) -> str:
        return "".join(self.lines)


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, size, index=FONT_SC)


def draw_page(lines: list[str], size: int = 40, margin: int = 150, width: int = A4_200DPI[0],
              height: int = A4_200DPI[1], date: str | None = None) -> Page:
    """Black text on white, one string per line; `date` goes right-aligned under the body."""
    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    f = font(size)
    y = margin
    for line in lines:
        d.text((margin, y), line, font=f, fill="black")
        y += int(size * 1.8)
    date_box = None
    if date is not None:
        y += size * 2
        w = int(d.textlength(date, font=f))
        x = width - margin - w
        d.text((x, y), date, font=f, fill="black")
        date_box = (x, y, x + w, y + int(size * 1.3))
    return Page(img, list(lines) + ([date] if date else []), date_box)


def stamp_seal(page: Page, agency: str = "某某市市场监督管理局") -> Page:
    """A red seal (ring, star, agency name on the arc) centred on the date.

    Its ink multiplies onto the page as a stamp's does: print under it stays dark, paper turns red.
    """
    assert page.date_box is not None
    x0, y0, x1, y1 = page.date_box
    cx, cy, r = (x0 + x1) // 2, (y0 + y1) // 2, 190
    layer = Image.new("RGBA", page.image.size, (255, 255, 255, 0))
    d = ImageDraw.Draw(layer)
    colour = SEAL_RED + (255,)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=12)
    star = []
    for k in range(10):
        rr = 60 if k % 2 == 0 else 24
        a = -math.pi / 2 + k * math.pi / 5
        star.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(star, fill=colour)
    f = font(46)
    n = len(agency)
    for i, ch in enumerate(agency):
        a = math.radians(-150 + 120 * i / max(n - 1, 1))
        px, py = cx + (r - 50) * math.cos(a), cy + (r - 50) * math.sin(a)
        glyph = Image.new("RGBA", (60, 60), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((5, 0), ch, font=f, fill=colour)
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        layer.alpha_composite(glyph, (int(px) - 30, int(py) - 30))
    ink = Image.alpha_composite(Image.new("RGBA", layer.size, "white"), layer).convert("RGB")
    return Page(ImageChops.multiply(page.image, ink), page.lines, page.date_box)


DECISION_LINES = [
    "某某市市场监督管理局行政处罚决定书",
    "某市监处罚〔2024〕318号",
    "当事人：某某商贸有限公司",
    "统一社会信用代码：91310115MA1K4LXX3B",
    "经查，当事人于2023年5月至8月间销售假冒注册商标的白酒",
    "共计1,280瓶，违法经营额为人民币259,200元，违法所得",
    "为人民币36,450.50元。上述事实有现场检查笔录等证据证明。",
    "依据《中华人民共和国商标法》第六十条第二款之规定，",
    "决定没收违法所得36,450.50元，并处罚款人民币518,400元。",
    "如不服本决定，可于收到之日起六十日内申请行政复议。",
]
