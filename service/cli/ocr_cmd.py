"""`lianfa ocr FILE...`: read files (PDF, images, ZIP batches, text exports) into text, one result each.

Exit code 0 when every file (and ZIP member) was read whole, 1 when any failed or lost a page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def _summary_line(record: dict) -> str:
    if record["status"] == "error":
        return f"== {record['file']}  [error] {record['error']}"
    sections = ", ".join(s["name"] for s in record["sections"]) or "-"
    return (
        f"== {record['file']}  [{record['status']}] {record['kind']} · {record['text_source']} · "
        f"{len(record['pages'])} pages · sections: {sections}"
    )


def ocr(
    files: Annotated[
        list[Path], typer.Argument(help="Files to read: PDF, PNG/JPEG/TIFF/BMP/WebP, ZIP, .txt.")
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="text: a header line and the text per file; jsonl: one JSON object per file."
        ),
    ] = "text",
    engine: Annotated[
        str | None, typer.Option("--engine", help="OCR engine name (default: the LIANFA_OCR_ENGINE setting).")
    ] = None,
) -> None:
    """Read each FILE (ZIPs expand to one result per member); one bad file never stops the batch."""
    if fmt not in ("text", "jsonl"):
        raise typer.BadParameter("format must be 'text' or 'jsonl'", param_hint="--format")
    from lianfa.ingest.pipeline import ingest_many
    from lianfa.settings import Settings

    settings = Settings()
    if engine:
        settings = settings.model_copy(update={"ocr_engine": engine})
    counts = {"ok": 0, "partial": 0, "error": 0}
    for result in ingest_many(files, settings):
        counts[result.status] += 1
        record = result.to_record()
        if fmt == "jsonl":
            typer.echo(json.dumps(record, ensure_ascii=False))
            continue
        typer.echo(_summary_line(record))
        for page_error in result.page_errors:
            typer.echo(f"   ! {page_error}")
        if record["text"] is not None:
            typer.echo(record["text"].rstrip("\n"))
    typer.echo(
        f"{sum(counts.values())} results: {counts['ok']} ok, {counts['partial']} partial, "
        f"{counts['error']} error",
        err=True,
    )
    raise typer.Exit(0 if counts["partial"] == counts["error"] == 0 else 1)


def register(app: typer.Typer) -> None:
    app.command("ocr")(ocr)
