"""A document's look: fonts, sizes, margins, spacing, page-number wording, seal size.

Agencies print decisions with different templates (三号仿宋 with 28 characters a line, 小四宋体
with tables, red letterheads, numbered footers or none). Each document draws one look at random,
so no reader of the corpus can rely on one geometry.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from lianfa.corpora.render.fonts import Family, FontSpec, Weight

A4_MM = (210.0, 297.0)

PAGE_NUMBER_FORMATS = (
    "第{n}页 共{m}页",
    "第 {n} 页 共 {m} 页",
    "第{n}页/共{m}页",
    "- {n} -",
    "{n}/{m}",
    "共{m}页 第{n}页",
)


def mm(value: float, dpi: int) -> float:
    return value * dpi / 25.4


def pt(value: float, dpi: int) -> int:
    return round(value * dpi / 72)


@dataclass(frozen=True)
class Style:
    dpi: int
    width: int
    height: int
    top: float
    bottom: float
    left: float
    right: float
    body: FontSpec
    title: FontSpec
    header: FontSpec
    heading: FontSpec
    small: FontSpec
    line_pitch: float  # baseline-to-baseline distance of body lines, pixels
    paragraph_gap: float
    justify: bool
    indent_chars: int
    parties_indent_chars: int
    header_red: bool
    title_tracking: float  # extra pixels between title characters
    table_parties: bool
    signature_inset: float  # distance from the right margin to the signature's right edge
    date_under_signature_centre: bool
    running_header: bool  # the 文号 repeated at the top of continuation pages
    page_number_format: str
    number_single_page: bool
    page_number_align: str
    seal_diameter: float
    seal_offset: tuple[float, float]  # seal centre offset from the signature/date centre, pixels

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right


def sample_style(rng: random.Random, dpi: int) -> Style:
    body_pt = rng.choice((12, 14, 14, 15, 16, 16))
    families: tuple[Family, Family] = ("serif", "sans")
    body_families: tuple[Family, ...] = ("serif", "serif", "serif", "sans")
    body_family = rng.choice(body_families)
    title_family = rng.choice(families)
    body = FontSpec(body_family, "regular", pt(body_pt, dpi))
    weights: tuple[Weight, Weight] = ("regular", "bold")
    heading_weight = rng.choice(weights)
    heading_families: tuple[Family, Family] = ("sans", body_family)
    heading = FontSpec(rng.choice(heading_families), heading_weight, body.size)
    pitch = body.size * rng.uniform(1.45, 1.95)
    return Style(
        dpi=dpi,
        width=round(mm(A4_MM[0], dpi)),
        height=round(mm(A4_MM[1], dpi)),
        top=mm(rng.uniform(25, 37), dpi),
        bottom=mm(rng.uniform(25, 35), dpi),
        left=mm(rng.uniform(22, 30), dpi),
        right=mm(rng.uniform(20, 28), dpi),
        body=body,
        title=FontSpec(title_family, "bold", pt(rng.choice((18, 20, 22, 22, 24)), dpi)),
        header=FontSpec(rng.choice(families), "bold", pt(rng.choice((16, 18, 20, 22)), dpi)),
        heading=heading,
        small=FontSpec(body_family, "regular", pt(rng.choice((9, 10, 10.5, 12)), dpi)),
        line_pitch=pitch,
        paragraph_gap=rng.choice((0.0, 0.0, 0.15, 0.3)) * pitch,
        justify=rng.random() < 0.7,
        indent_chars=2,
        parties_indent_chars=rng.choice((0, 2)),
        header_red=rng.random() < 0.25,
        title_tracking=rng.choice((0.0, 0.0, 0.3, 0.6, 1.0)) * pt(20, dpi),
        table_parties=rng.random() < 0.8,
        signature_inset=rng.uniform(0, 4) * body.size,
        date_under_signature_centre=rng.random() < 0.5,
        running_header=rng.random() < 0.2,
        page_number_format=rng.choice(PAGE_NUMBER_FORMATS),
        number_single_page=rng.random() < 0.4,
        page_number_align=rng.choice(("center", "center", "right")),
        seal_diameter=mm(rng.uniform(38, 42), dpi),
        seal_offset=(mm(rng.uniform(-8, 8), dpi), mm(rng.uniform(-6, 6), dpi)),
    )
