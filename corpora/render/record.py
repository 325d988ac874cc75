"""Render one GoldRecord to page images or a PDF, with its `<id>.pages.json` ground truth.

Pages are laid out first (cheap), then drawn, damaged and written one at a time, so a long
decision never has all its pages in memory. Everything random comes from Random objects seeded
from (seed, record id, purpose): the same seed gives the same files.

For page-image outputs (png, jpeg) `RenderedPages.file` is the first page's image and each page
names its own in `image`; PDF and TIFF outputs are one file.

Page rotation follows PIL: a page with `rotation` 90 was turned 90° counter-clockwise by the scan;
`image.rotate(-rotation, expand=True)` sets it upright.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import Image, TiffImagePlugin

from lianfa.corpora.gold import GoldRecord, RenderedPage, RenderedPages
from lianfa.corpora.render.damage import Damage, DamageLevel, apply_damage, sample_damage
from lianfa.corpora.render.layout import PageLayout, layout_record
from lianfa.corpora.render.paint import paint_page, seal_for
from lianfa.corpora.render.pdf import PdfWriter
from lianfa.corpora.render.style import sample_style

OutputFormat = Literal["png", "jpeg", "pdf", "textpdf", "mixed", "tiff"]
DocumentDamage = Literal["none", "light", "heavy", "mixed"]
IMAGE_FORMATS = ("png", "jpeg")
PDF_FORMATS = ("pdf", "textpdf", "mixed")


@dataclass(frozen=True)
class RenderOptions:
    format: OutputFormat = "png"
    damage: DocumentDamage = "none"  # mixed: each document is scanned clean, lightly or badly
    dpi: int = 200
    seed: int = 0
    jpeg_quality: int = 75  # encoding of scanned pages in JPEG, PDF and TIFF files (after any damage)


def seeded(seed: int, *parts: object) -> random.Random:
    # str seeds are hashed with SHA-512 by Random, independent of PYTHONHASHSEED
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def _text_layer_pages(fmt: OutputFormat, n: int, rng: random.Random) -> set[int]:
    if fmt == "textpdf":
        return set(range(1, n + 1))
    if fmt != "mixed":
        return set()
    chosen = {p for p in range(1, n + 1) if rng.random() < 0.5}
    if n >= 2 and len(chosen) in (0, n):
        # a mixed file must hold both kinds of page
        flip = rng.randint(1, n)
        chosen ^= {flip}
    return chosen


def _document_level(options: RenderOptions, rng: random.Random) -> DamageLevel:
    if options.damage == "mixed":
        return rng.choices(("none", "light", "heavy"), weights=(3, 5, 3))[0]
    return options.damage


def render_record(
    record: GoldRecord,
    out_dir: Path,
    options: RenderOptions,
    *,
    overrides: Mapping[int, Damage] | None = None,
    text_pages: Set[int] | None = None,
) -> RenderedPages:
    """Write the record's pages into `out_dir` and return (and write) its RenderedPages.

    `overrides` forces a page's damage (by page number); `text_pages` forces which pages of a
    mixed PDF carry a text layer. Both exist for fixtures that need a particular page.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    style = sample_style(seeded(options.seed, record.id, "style"), options.dpi)
    layouts = layout_record(record, style)
    doc_rng = seeded(options.seed, record.id, "scan")
    level = _document_level(options, doc_rng)
    chosen = _text_layer_pages(options.format, len(layouts), doc_rng)
    if text_pages is not None and options.format == "mixed":
        chosen = set(text_pages)
    seal_rng = seeded(options.seed, record.id, "seal")

    pdf: PdfWriter | None = None
    tiff: TiffImagePlugin.AppendingTiffWriter | None = None
    if options.format in PDF_FORMATS:
        file = f"{record.id}.pdf"
        pdf = PdfWriter(out_dir / file, record.doc_number, options.dpi)
    elif options.format == "tiff":
        file = f"{record.id}.tif"
        tiff = TiffImagePlugin.AppendingTiffWriter(str(out_dir / file), new=True)
    else:
        file = _image_name(record.id, 1, options.format)

    rendered: list[RenderedPage] = []
    try:
        for layout in layouts:
            damage = sample_damage(level, doc_rng, options.dpi)
            if overrides and layout.number in overrides:
                damage = overrides[layout.number]
            seal = seal_for(layout, seal_rng)
            if layout.number in chosen:
                assert pdf is not None
                pdf.text_page(layout, seal)
                rendered.append(_page_record(layout, text_layer=True))
                continue
            scanned = apply_damage(paint_page(layout, seal), damage)
            quality = options.jpeg_quality
            image_name = None
            if pdf is not None:
                pdf.scanned_page(scanned, quality)
            elif tiff is not None:
                scanned.save(tiff, "TIFF", compression="jpeg", quality=quality, dpi=(options.dpi, options.dpi))
                tiff.newFrame()
            else:
                image_name = _image_name(record.id, layout.number, options.format)
                _save_image(scanned, out_dir / image_name, options, quality)
            rendered.append(_page_record(layout, damage=damage, image=image_name))
    finally:
        if pdf is not None:
            pdf.close()
        if tiff is not None:
            tiff.close()

    result = RenderedPages(id=record.id, file=file, pages=rendered)
    (out_dir / f"{record.id}.pages.json").write_text(result.model_dump_json(indent=1), encoding="utf-8")
    return result


def _image_name(record_id: str, number: int, fmt: OutputFormat) -> str:
    return f"{record_id}-p{number:03d}.{'jpg' if fmt == 'jpeg' else 'png'}"


def _save_image(image: Image.Image, path: Path, options: RenderOptions, quality: int) -> None:
    if options.format == "jpeg":
        image.save(path, "JPEG", quality=quality, dpi=(options.dpi, options.dpi))
    else:
        # zlib level 3: as small as the default on scanned pages, three times faster on noisy ones
        image.save(path, "PNG", dpi=(options.dpi, options.dpi), compress_level=3)


def _page_record(
    layout: PageLayout, *, text_layer: bool = False, damage: Damage | None = None, image: str | None = None
) -> RenderedPage:
    damaged = damage is not None and not damage.is_clean
    return RenderedPage(
        number=layout.number,
        image=image,
        text=layout.text,
        rotation=damage.rotation if damage else 0,
        skew=damage.skew if damage else 0.0,
        damaged=damaged,
        text_layer=text_layer,
        seal_over=layout.seal.covers if layout.seal else [],
        furniture=[run.text for run in layout.furniture],
        damage=damage.as_record() if damaged and damage else {},
    )
