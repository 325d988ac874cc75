"""`lianfa train`, `lianfa models list|show|promote|rollback`, `lianfa evaluate`: the classifier
models in the registry (<data_dir>/models)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from lianfa.classifiers.registry import Registry

models_app = typer.Typer(
    help="Classifier models in the registry: list, show, promote, roll back.", no_args_is_help=True
)


def _registry() -> Registry:
    from lianfa.classifiers.verdict import model_registry
    from lianfa.settings import Settings

    return model_registry(Settings().data_dir)


def _fail(exc: Exception) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1) from exc


def train(
    data: Annotated[
        list[Path],
        typer.Option(
            "--data", help="A generated corpus directory, or a .jsonl of reviewed cases (repeat to combine)."
        ),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", help="Registry directory (default: <data_dir>/models).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for the held-out split and the SVM.")] = 0,
    promote: Annotated[
        bool, typer.Option("--promote/--no-promote", help="Make the new model active.")
    ] = False,
    note: Annotated[str, typer.Option("--note", help="Free text stored in the model's metadata.")] = "",
    court_style: Annotated[
        bool,
        typer.Option(
            "--court-style/--no-court-style",
            help="Also learn from generated court-, news- and table-style texts of every category (as the default model does).",
        ),
    ] = True,
) -> None:
    """Train the category and criminal-likeness models and store them as a new registry version."""
    from lianfa.classifiers.registry import ModelError, Registry
    from lianfa.classifiers.training import train as run
    from lianfa.errors import DataFileError

    registry = Registry(out) if out else _registry()
    try:
        meta = run(data, registry, seed=seed, promote=promote, note=note, court_style=court_style)
    except (DataFileError, ModelError) as exc:
        _fail(exc)
        return
    h = meta.held_out
    typer.echo(
        f"model {meta.version}: {meta.data_size} documents, {len(meta.labels)} categories;"
        f" held out {h.documents}:"
        f" accuracy {h.category_accuracy or 0:.4f}, macro-F1 {h.category_macro_f1 or 0:.4f}"
        + (f", criminal AUC {h.criminal_auc:.4f}" if h.criminal_auc is not None else "")
    )
    typer.echo(
        f"active: {registry.active()}"
        + ("" if promote else f" (promote with `lianfa models promote {meta.version}`)")
    )


@models_app.command("list")
def list_models() -> None:
    """Versions with their date, size and held-out accuracy; * marks the active one."""
    from lianfa.classifiers.registry import ModelError

    registry = _registry()
    active = registry.active()
    versions = registry.versions()
    if not versions:
        typer.echo(f"no models in {registry.root}; run `lianfa setup` or `lianfa train`")
        return
    for v in versions:
        try:
            m = registry.meta(v)
            acc = m.held_out.category_accuracy
            shown = "-" if acc is None else f"{acc:.4f}"
            line = f"{m.created:%Y-%m-%d %H:%M} {m.data_size:>7} docs  acc {shown}  {m.note}"
        except ModelError as exc:
            line = f"unreadable: {exc}"
        typer.echo(f"{'*' if v == active else ' '} {v:6} {line}")


@models_app.command("show")
def show(
    version: Annotated[str | None, typer.Argument(help="Version (default: the active one).")] = None,
) -> None:
    """The model's metadata as JSON."""
    from lianfa.classifiers.registry import ModelError

    registry = _registry()
    v = version or registry.active()
    if v is None:
        _fail(ValueError("no active model; run `lianfa setup` or `lianfa train --promote`"))
        return
    try:
        typer.echo(registry.meta(v).model_dump_json(indent=2))
    except ModelError as exc:
        _fail(exc)


@models_app.command("promote")
def promote(version: Annotated[str, typer.Argument(help="Version to make active.")]) -> None:
    """Make VERSION the active model (after checking that it loads)."""
    from lianfa.classifiers.registry import ModelError

    try:
        _registry().promote(version)
    except ModelError as exc:
        _fail(exc)
    typer.echo(f"active: {version}")


@models_app.command("rollback")
def rollback() -> None:
    """Make the previously active model active again."""
    from lianfa.classifiers.registry import ModelError

    try:
        version = _registry().rollback()
    except ModelError as exc:
        _fail(exc)
        return
    typer.echo(f"active: {version}")


def evaluate(
    data: Annotated[
        list[Path], typer.Option("--data", help="Labelled corpus directory or reviewed-cases .jsonl.")
    ],
    model: Annotated[
        str | None, typer.Option("--model", help="Version to evaluate (default: active).")
    ] = None,
    confusion: Annotated[
        bool, typer.Option("--confusion/--no-confusion", help="Print confusion rows.")
    ] = True,
) -> None:
    """Per-category P/R/F1 and the confusion matrix of MODEL on DATA, next to the active model."""
    from lianfa.classifiers.evaluation import evaluate_model, format_evaluation
    from lianfa.classifiers.registry import ModelError
    from lianfa.classifiers.training import load_examples
    from lianfa.errors import DataFileError
    from lianfa.ingest.tokenize import jieba_cache_dir

    registry = _registry()
    try:
        examples = [e for path in data for e in load_examples(path)[0]]
        active = registry.active()
        version = model or active
        if version is None:
            raise ModelError("no active model; run `lianfa setup` or name one with --model")
        tokenizer_dir = jieba_cache_dir(registry.root.parent)
        result = evaluate_model(registry.load(version), examples, tokenizer_dir)
        other = (
            evaluate_model(registry.load(active), examples, tokenizer_dir) if active and active != version else None
        )
    except (DataFileError, ModelError) as exc:
        _fail(exc)
        return
    typer.echo(format_evaluation(result, other, confusion=confusion))


def register(app: typer.Typer) -> None:
    app.command("train")(train)
    app.command("evaluate")(evaluate)
    app.add_typer(models_app, name="models")
