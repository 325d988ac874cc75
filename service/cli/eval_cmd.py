"""`lianfa eval --gold DIR --pred FILE.jsonl`: field, category, criminal-flag and OCR scores of
`lianfa extract --format jsonl` output against a gold corpus."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def eval_command(
    gold: Annotated[
        Path, typer.Option("--gold", help="Corpus directory holding decisions.jsonl (GoldRecord lines).")
    ],
    pred: Annotated[
        Path, typer.Option("--pred", help="`lianfa extract --format jsonl` output (--with-text adds CER).")
    ],
    fmt: Annotated[
        str, typer.Option("--format", help="table (for people) or json (the EvalReport model).")
    ] = "table",
) -> None:
    """Match predictions to gold by file stem (== GoldRecord.id) and print precision/recall/F1 per
    field, amounts by role, category accuracy and macro-F1, criminal-flag scores and OCR CER.
    A gold record without an ok prediction counts as all-missed."""
    from lianfa.corpora.scoring import evaluate, format_table, load_gold, load_predictions
    from lianfa.errors import DataFileError

    if fmt not in ("table", "json"):
        raise typer.BadParameter("--format must be table or json", param_hint="--format")
    try:
        report = evaluate(load_gold(gold), load_predictions(pred))
    except DataFileError as exc:
        typer.echo(f"lianfa eval: {exc}", err=True)
        raise typer.Exit(2) from exc
    if fmt == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(format_table(report))


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
