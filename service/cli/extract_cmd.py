"""`lianfa extract PATH...`: fields with evidence for each decision, as the public JSON contract;
`lianfa schema`: that contract's JSON Schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from lianfa.pipeline import Pipeline


def build_pipeline() -> Pipeline:
    """The command's Pipeline, from the environment's settings (tests put a fake classifier in)."""
    from lianfa.pipeline import Pipeline
    from lianfa.settings import Settings

    return Pipeline(Settings())


def extract_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Decision files: PDF, images, .txt (UTF-8/GB18030), ZIP batches.")
    ],
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (one object per line) or json (an indented array).")
    ] = "jsonl",
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include the document text (for OCR CER scoring).")
    ] = False,
) -> None:
    """Print one result per input file, in input order (ZIPs: one per member). A bad file gives an
    error result and the batch goes on; the exit code is 1 when any file failed, 2 when the
    installation cannot process any (no classifier model, no OCR model)."""
    from lianfa.errors import ConfigError

    if fmt not in ("jsonl", "json"):
        raise typer.BadParameter("--format must be jsonl or json", param_hint="--format")
    failed = False
    results = []
    try:
        for result in build_pipeline().process(paths, with_text=with_text):
            failed = failed or result.status == "error"
            if fmt == "jsonl":
                sys.stdout.write(result.model_dump_json() + "\n")
                sys.stdout.flush()
            else:
                results.append(result.model_dump(mode="json"))
    except ConfigError as e:
        typer.echo(f"lianfa extract: {e}", err=True)
        raise typer.Exit(2) from e
    if fmt == "json":
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)


def schema_command(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the schema to this file instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of one `lianfa extract` result."""
    from lianfa.contract import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("schema")(schema_command)
