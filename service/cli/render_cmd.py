"""`lianfa corpus render` and `lianfa corpus fixtures`: draw generated decisions as scanned-looking
pages and PDFs, and make the committed test fixtures.

The commands attach to corpus_cmd's `corpus_app`; that module registers the group itself.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lianfa.service.cli.corpus_cmd import corpus_app


class Format(StrEnum):
    png = "png"
    jpeg = "jpeg"
    pdf = "pdf"
    textpdf = "textpdf"
    mixed = "mixed"
    tiff = "tiff"


class DamageChoice(StrEnum):
    none = "none"
    light = "light"
    heavy = "heavy"
    mixed = "mixed"


@corpus_app.command(
    "render",
    help="Draw each decision of CORPUS as A4 pages (fonts, tables, seal, page numbers, scan damage) into OUT. "
    "OUT becomes a corpus directory of its own: decisions.jsonl and docs/<id>.txt of the rendered decisions, "
    "the page files, and <id>.pages.json with each page's ground-truth text, rotation, seal and damage.",
)
def render(
    corpus: Annotated[Path, typer.Option("--corpus", help="A generated corpus directory (decisions.jsonl).")],
    out: Annotated[Path, typer.Option("--out", help="Where to write pages, PDFs and <id>.pages.json.")],
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Render only the first N decisions.")] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            help="png/jpeg: one image a page; pdf: image-only (scanned) PDF; textpdf: PDF with a text layer; "
            "mixed: PDF with both kinds of page; tiff: multi-page TIFF.",
        ),
    ] = Format.png,
    damage: Annotated[
        DamageChoice,
        typer.Option("--damage", help="Scan damage; mixed picks none, light or heavy per decision."),
    ] = DamageChoice.none,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same files.")] = 0,
    dpi: Annotated[int, typer.Option("--dpi", min=72, max=600, help="Page image resolution.")] = 200,
    jpeg_quality: Annotated[
        int,
        typer.Option(
            "--jpeg-quality", min=20, max=100,
            help="JPEG quality of scanned pages as saved (damage may recompress them before).",
        ),
    ] = 75,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes drawing decisions in parallel.")] = 1,
) -> None:
    from lianfa.corpora.gold import RenderedPages
    from lianfa.corpora.render.corpus import render_corpus
    from lianfa.corpora.render.record import RenderOptions
    from lianfa.errors import LianfaError

    options = RenderOptions(format=fmt.value, damage=damage.value, dpi=dpi, seed=seed, jpeg_quality=jpeg_quality)
    pages = 0

    def progress(rendered: RenderedPages) -> None:
        nonlocal pages
        pages += len(rendered.pages)

    try:
        count = render_corpus(corpus, out, options, limit=limit, progress=progress, workers=workers)
    except LianfaError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"rendered {count} decisions ({pages} pages) to {out}")


@corpus_app.command(
    "fixtures",
    help="Make the committed test fixtures: `lianfa corpus fixtures --out tests/fixtures/corpus`. "
    "Generates 4 default-style and 4 holdout-style decisions and renders clean PNG pages, damaged JPEG pages "
    "(one turned 90°, one 180°), a page whose seal covers the date, an image-only PDF, a text-layer PDF and a "
    "mixed PDF, each with <id>.pages.json; writes decisions.jsonl, docs/<id>.txt and fixtures.json, which "
    "names the file for each role. Deterministic for a seed.",
)
def fixtures(
    out: Annotated[Path, typer.Option("--out", help="Fixture directory; an earlier fixture set there is replaced.")] = Path(
        "tests/fixtures/corpus"
    ),
    seed: Annotated[int, typer.Option("--seed", help="Generator and renderer seed.")] = 7,
) -> None:
    from lianfa.corpora.render.fixtures import make_fixtures
    from lianfa.errors import LianfaError

    try:
        manifest = make_fixtures(out, seed=seed)
    except LianfaError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    typer.echo(f"wrote {len(manifest.files)} fixture entries to {out} ({size / 1e6:.2f} MB)")


def register(app: typer.Typer) -> None:
    """Nothing to add to `app`: importing this module attached the commands to corpus_app."""
