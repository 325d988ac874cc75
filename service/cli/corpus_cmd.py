"""`lianfa corpus ...`: make the synthetic corpus (generate) — and, from render_cmd, draw it (render, fixtures).

`corpus_app` is module level so other command modules can add their commands to the same group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

corpus_app = typer.Typer(
    name="corpus",
    help="Synthetic 行政处罚决定书 corpus with exact ground truth (GoldRecord).",
    no_args_is_help=True,
)


@corpus_app.command("generate")
def generate(
    out: Annotated[Path, typer.Option("--out", help="Output directory (decisions.jsonl + docs/<id>.txt).")],
    n: Annotated[int, typer.Option("--n", min=1, help="Number of decisions.")] = 100,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same bytes.")] = 0,
    style: Annotated[
        str, typer.Option("--style", help="default (training) or holdout (phrasings training never sees).")
    ] = "default",
) -> None:
    """Write N decisions with their gold labels to OUT/decisions.jsonl and OUT/docs/<id>.txt."""
    from lianfa.corpora.generator.style import Style
    from lianfa.corpora.generator.writer import write_corpus

    styles: dict[str, Style] = {"default": "default", "holdout": "holdout"}
    if style not in styles:
        raise typer.BadParameter("style must be 'default' or 'holdout'", param_hint="--style")
    count = write_corpus(out, n=n, seed=seed, style=styles[style])
    typer.echo(f"wrote {count} decisions to {out}")


def register(app: typer.Typer) -> None:
    app.add_typer(corpus_app, name="corpus")
