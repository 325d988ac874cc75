"""`lianfa train`, `lianfa models ...` and `lianfa evaluate` on a registry in a temp directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lianfa.classifiers.registry import Registry
from lianfa.classifiers.schemas import ModelMeta
from lianfa.classifiers.training import MIN_COURT, train
from lianfa.service.cli import train_cmd


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()
    train_cmd.register(app)
    return app


@pytest.fixture
def registry(
    trained: tuple[Registry, ModelMeta], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Registry:
    reg = Registry(tmp_path / "models")
    shutil.copytree(trained[0].root, reg.root)
    monkeypatch.setenv("LIANFA_DATA_DIR", str(tmp_path))
    return reg


def test_train_writes_a_new_version_and_promotes_on_request(
    cli: typer.Typer, registry: Registry, tiny_corpus: Path, tmp_path: Path
) -> None:
    small = tmp_path / "small.jsonl"
    small.write_text(
        "\n".join((tiny_corpus / "decisions.jsonl").read_text(encoding="utf-8").splitlines()[:70]) + "\n"
    )
    result = CliRunner().invoke(cli, ["train", "--data", str(small), "--promote", "--note", "cli test"])
    assert result.exit_code == 0, result.output
    assert "model v2" in result.output and registry.active() == "v2"
    meta = registry.meta("v2")
    # the 70 decisions and the court-style texts of the categories they name, as the default model
    court = meta.sources[-1]
    assert court.kind == "court_style" and court.documents == MIN_COURT * len(meta.labels)
    assert meta.note == "cli test" and meta.data_size == 70 + court.documents

    listed = CliRunner().invoke(cli, ["models", "list"])
    assert listed.exit_code == 0 and "* v2" in listed.output and "  v1" in listed.output
    back = CliRunner().invoke(cli, ["models", "rollback"])
    assert back.exit_code == 0 and registry.active() == "v1"
    again = CliRunner().invoke(cli, ["models", "promote", "v2"])
    assert again.exit_code == 0 and registry.active() == "v2"


def test_train_learns_what_the_default_model_learns_unless_told_not_to(
    cli: typer.Typer, registry: Registry, tiny_corpus: Path, tmp_path: Path
) -> None:
    """`lianfa train` on a corpus adds the same court-style texts the default model trains on
    (same data hash as training.train); --no-court-style leaves the data as given."""
    small = tmp_path / "small.jsonl"
    small.write_text(
        "\n".join((tiny_corpus / "decisions.jsonl").read_text(encoding="utf-8").splitlines()[:70]) + "\n"
    )
    with_court = CliRunner().invoke(cli, ["train", "--data", str(small), "--seed", "3"])
    without = CliRunner().invoke(cli, ["train", "--data", str(small), "--seed", "3", "--no-court-style"])
    assert with_court.exit_code == 0 and without.exit_code == 0, with_court.output + without.output
    direct = train([small], Registry(tmp_path / "direct"), seed=3, processes=1)
    assert registry.meta("v2").data_sha256 == direct.data_sha256
    plain = registry.meta("v3")
    assert plain.data_size == 70 and [s.kind for s in plain.sources] == ["corpus"]
    assert plain.labels == registry.meta("v2").labels


def test_show_and_unknown_version(cli: typer.Typer, registry: Registry) -> None:
    shown = CliRunner().invoke(cli, ["models", "show", "v1"])
    assert shown.exit_code == 0 and '"version": "v1"' in shown.output and "file_sha256" in shown.output
    missing = CliRunner().invoke(cli, ["models", "promote", "v42"])
    assert missing.exit_code == 1 and "v42" in missing.output


def test_bad_training_data_is_a_clear_error(cli: typer.Typer, registry: Registry, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    result = CliRunner().invoke(cli, ["train", "--data", str(bad)])
    assert result.exit_code == 1 and "bad.jsonl:1" in result.output


def test_evaluate_prints_per_class_scores_and_confusion(
    cli: typer.Typer, registry: Registry, tiny_corpus: Path
) -> None:
    result = CliRunner().invoke(cli, ["evaluate", "--data", str(tiny_corpus), "--model", "v1"])
    assert result.exit_code == 0, result.output
    assert "category accuracy" in result.output and "F1" in result.output
    assert "confusion" in result.output
