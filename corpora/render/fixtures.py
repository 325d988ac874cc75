"""The committed test fixtures (tests/fixtures/corpus): a few generated decisions, drawn every way the
pipeline must read them. `fixtures.json` (a FixtureManifest) says which file shows what:

- clean_png: the pages of one decision as clean PNGs
- damaged_jpeg: the pages of one decision as damaged JPEGs (scan noise, blur, skew, low contrast)
- rotated_90, rotated_180: a damaged page turned 90° and 180° counter-clockwise
- seal_over_date: a clean page whose red seal covers the date
- image_pdf: an image-only PDF (each page an embedded JPEG, as scanners write), 2-3 pages
- text_pdf: a PDF with a real text layer
- mixed_pdf: a PDF whose first page has a text layer and whose other pages are scans

Each rendered file has its `<id>.pages.json` (RenderedPages) beside it; decisions.jsonl and
docs/<id>.txt hold the gold records and texts of every decision generated, the unrendered too.
Made by `lianfa corpus fixtures --out tests/fixtures/corpus`.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel

from lianfa.corpora.generator.style import Style
from lianfa.corpora.gold import GoldRecord, RenderedPages
from lianfa.corpora.render.corpus import DECISIONS, read_records
from lianfa.corpora.render.damage import Damage, sample_damage, with_rotation
from lianfa.corpora.render.layout import PageLayout, layout_record
from lianfa.corpora.render.record import RenderOptions, render_record, seeded
from lianfa.corpora.render.style import sample_style
from lianfa.errors import DataFileError

MANIFEST = "fixtures.json"
FIXTURE_DPI = 150
FIXTURE_QUALITY = 70


class FixtureFile(BaseModel):
    role: str
    id: str
    style: str  # the generator style of the decision: default or holdout
    files: list[str]  # relative to the fixtures directory
    pages: str  # the RenderedPages file
    page: int | None = None  # for roles about one page: which


class FixtureManifest(BaseModel):
    seed: int
    dpi: int
    decisions: str = DECISIONS
    files: list[FixtureFile]

    def role(self, name: str) -> FixtureFile:
        return next(f for f in self.files if f.role == name)


Generate = Callable[[Path, int, int, Style], int]


def _generate(out: Path, n: int, seed: int, style: Style) -> int:
    from lianfa.corpora.generator.writer import write_corpus

    return write_corpus(out, n=n, seed=seed, style=style)


def _seal_covers_date(record: GoldRecord, layouts: list[PageLayout]) -> bool:
    dates = {b.text for b in record.blocks if b.kind == "date"}
    return any(page.seal is not None and dates & set(page.seal.covers) for page in layouts)


def make_fixtures(out: Path, seed: int = 7, generate: Generate = _generate) -> FixtureManifest:
    """Generate default- and holdout-style decisions into `out` and render the fixture files."""
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).is_file():
            raise DataFileError(f"{out} is not empty and holds no {MANIFEST}: choose an empty or new directory "
                                "(an earlier fixture set is replaced, other folders never are)")
        shutil.rmtree(out)
    (out / "docs").mkdir(parents=True)
    records: list[GoldRecord] = []
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="lianfa-fixtures-") as tmp:
        styles: tuple[tuple[Style, int], ...] = (("default", 4), ("holdout", 4))
        for style, n in styles:
            src = Path(tmp) / style
            generate(src, n, seed, style)
            for line, record in read_records(src):
                records.append(record)
                lines.append(line)
    (out / DECISIONS).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    for record in records:
        (out / "docs" / f"{record.id}.txt").write_text(record.text, encoding="utf-8")

    layouts = {r.id: layout_record(r, sample_style(seeded(seed, r.id, "style"), FIXTURE_DPI)) for r in records}
    pages = {rid: len(laid) for rid, laid in layouts.items()}
    picked: set[str] = set()

    def pick(style: str | None, lo: int, hi: int, sealed_date: bool = False) -> GoldRecord:
        fits = [r for r in records if r.id not in picked and lo <= pages[r.id] <= hi
                and (not sealed_date or _seal_covers_date(r, layouts[r.id]))]
        preferred = [r for r in fits if style is None or r.style == style]
        pool = preferred or fits or [r for r in records if r.id not in picked] or records
        choice = min(pool, key=lambda r: (abs(pages[r.id] - lo), r.id))
        picked.add(choice.id)
        return choice

    files: list[FixtureFile] = []

    def render(role: str, record: GoldRecord, folder: str, options: RenderOptions,
               overrides: dict[int, Damage] | None = None, text_pages: set[int] | None = None) -> RenderedPages:
        rendered = render_record(record, out / folder, options, overrides=overrides, text_pages=text_pages)
        images = [f"{folder}/{p.image}" for p in rendered.pages if p.image]
        files.append(FixtureFile(
            role=role, id=record.id, style=record.style,
            files=images or [f"{folder}/{rendered.file}"], pages=f"{folder}/{record.id}.pages.json",
        ))
        return rendered

    def one_page(role: str, source: FixtureFile, rendered: RenderedPages, number: int) -> None:
        image = rendered.pages[number - 1].image
        folder = source.pages.split("/")[0]
        files.append(source.model_copy(update={"role": role, "page": number, "files": [f"{folder}/{image}"]}))

    base = RenderOptions(dpi=FIXTURE_DPI, seed=seed, jpeg_quality=FIXTURE_QUALITY)

    clean = render("clean_png", pick("default", 1, 2, sealed_date=True), "clean", replace(base, format="png"))
    sealed = [p.number for p in clean.pages if p.seal_over] or [clean.pages[-1].number]
    one_page("seal_over_date", files[-1], clean, sealed[-1])

    damaged_record = pick("default", 2, 3)
    if pages[damaged_record.id] < 2:
        raise DataFileError("no generated decision spans two pages, which the turned-page fixtures need; "
                            "try another --seed")
    rng = seeded(seed, damaged_record.id, "fixture-damage")
    overrides = {n: _moderate(rng) for n in range(1, pages[damaged_record.id] + 1)}
    overrides[1] = with_rotation(overrides[1], 90)
    overrides[2] = with_rotation(overrides[2], 180)
    damaged = render("damaged_jpeg", damaged_record, "damaged", replace(base, format="jpeg"), overrides=overrides)
    damaged_entry = files[-1]
    one_page("rotated_90", damaged_entry, damaged, 1)
    one_page("rotated_180", damaged_entry, damaged, 2)

    render("image_pdf", pick("holdout", 2, 3), "pdf", replace(base, format="pdf", damage="light"))
    render("text_pdf", pick("holdout", 1, 2), "textpdf", replace(base, format="textpdf"))
    render("mixed_pdf", pick(None, 2, 3), "mixed", replace(base, format="mixed", damage="light"), text_pages={1})

    manifest = FixtureManifest(seed=seed, dpi=FIXTURE_DPI, files=files)
    (out / MANIFEST).write_text(manifest.model_dump_json(indent=1), encoding="utf-8")
    return manifest


def _moderate(rng: random.Random) -> Damage:
    """Light damage with a visible skew and little noise: an office scanner, and small JPEGs."""
    damage = sample_damage("light", rng, FIXTURE_DPI)
    skew = round(rng.uniform(0.8, 1.8) * rng.choice((-1, 1)), 2)
    return replace(damage, skew=skew, noise=min(damage.noise, 3.0))
