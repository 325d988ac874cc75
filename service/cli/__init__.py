"""The `lianfa` command, the composition root.

Each command group lives in its own `*_cmd.py` module with a `register(app)` function, found at
start-up, so adding a group never touches this file. Command modules import heavy libraries
inside the commands, keeping `lianfa --help` instant.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="lianfa",
    help="lianfa: 行政处罚决定书 OCR, extraction and criminal-threshold flagging (两法衔接).",
    no_args_is_help=True,
    add_completion=False,
)


def _register_commands() -> None:
    for mod in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.endswith("_cmd")):
        importlib.import_module(f"{__name__}.{mod}").register(app)


_register_commands()


def main() -> None:
    from lianfa.errors import ConfigError
    from lianfa.ingest.ocr import offline_environment
    from lianfa.service.config import ServiceSettings  # noqa: F401  (its keys are known settings)
    from lianfa.settings import Settings

    try:
        settings = Settings()
    except ConfigError as e:
        typer.echo(f"lianfa: {e}", err=True)
        raise SystemExit(2) from e
    # set before any command imports onnxruntime or PaddleX, and inherited by worker processes
    offline_environment(settings)
    app()
