"""`lianfa setup`: prepare this machine to run offline. Idempotent; scripts/install.sh calls it.

Setup is a list of steps, each `step(settings) -> str` (a one-line report). A step that makes
something (a model folder, a default model) checks first whether it is already there and current,
so running setup again is cheap and safe. Add a step by appending it to STEPS.
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable

import typer

from lianfa.errors import ConfigError, LianfaError
from lianfa.settings import Settings

SetupStep = Callable[[Settings], str]


def prepare_data_dir(settings: Settings) -> str:
    try:
        for sub in ("cache", "models"):
            (settings.data_dir / sub).mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ConfigError(
            f"Cannot create the data directory {settings.data_dir} ({e}): set LIANFA_DATA_DIR to a "
            "writable directory."
        ) from e
    return f"data directory: {settings.data_dir}"


def build_paddle_models(settings: Settings) -> str:
    from lianfa.ingest.ocr import offline_environment
    from lianfa.ingest.ocr.models import ensure_model_dirs

    offline_environment(settings)
    dirs = ensure_model_dirs(settings)
    return f"PaddleOCR model folders: {dirs.det}, {dirs.rec}"


def default_classifier(settings: Settings) -> str:
    from lianfa.classifiers.default_model import ensure_default
    from lianfa.classifiers.verdict import model_registry

    registry = model_registry(settings.data_dir)
    had = registry.active()
    version = ensure_default(registry, settings.default_model_documents)
    return f"classifier model: {version}" + (" (already active)" if had else " (default model trained)")


STEPS: list[SetupStep] = [prepare_data_dir, build_paddle_models, default_classifier]


class SetupError(ConfigError):
    """A setup step failed; the message names the step and what to fix."""


def run_setup(settings: Settings, report: Callable[[str], None]) -> None:
    """Run every step under a lock file in the data folder: `lianfa setup` and a `lianfa serve`
    starting at the same time (or two servers) wait for each other instead of training twice."""
    prepare_data_dir(settings)  # the lock file lives in it
    with (settings.data_dir / ".setup.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            for step in STEPS:
                try:
                    report(step(settings))
                except LianfaError as e:
                    raise SetupError(f"setup failed at {step.__name__}: {e}") from e
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def setup() -> None:
    """Create the data directory and build the local model folders (no network needed)."""
    try:
        run_setup(Settings(), typer.echo)
    except LianfaError as e:
        typer.echo(str(e) if isinstance(e, SetupError) else f"setup failed: {e}", err=True)
        raise typer.Exit(1) from e


def register(app: typer.Typer) -> None:
    app.command("setup")(setup)
