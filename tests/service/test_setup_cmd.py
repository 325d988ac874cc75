"""`lianfa setup`: builds the data directory and the PaddleOCR model folders, and is safe to rerun."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lianfa.service.cli import app, setup_cmd


def _use(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("LIANFA_DATA_DIR", str(data_dir))
    # the OCR steps only: other steps (the default classifier) are tested by their owners
    monkeypatch.setattr(setup_cmd, "STEPS", [setup_cmd.prepare_data_dir, setup_cmd.build_paddle_models])


def test_setup_builds_folders_and_reruns_without_rebuilding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, tmp_path / "data")
    first = CliRunner().invoke(app, ["setup"])
    assert first.exit_code == 0, first.output
    onnx = tmp_path / "data" / "models" / "paddleocr" / "PP-OCRv6_small_rec" / "inference.onnx"
    assert onnx.is_file()
    built = onnx.stat().st_mtime_ns
    again = CliRunner().invoke(app, ["setup"])
    assert again.exit_code == 0, again.output
    assert onnx.stat().st_mtime_ns == built
    assert "PaddleOCR model folders" in again.output


def test_setup_names_the_setting_to_fix_when_the_data_dir_is_unusable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    _use(monkeypatch, blocker / "data")
    result = CliRunner().invoke(app, ["setup"])
    assert result.exit_code == 1
    assert "LIANFA_DATA_DIR" in result.output


def test_serve_refuses_to_start_when_setup_cannot_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from lianfa.service.cli.serve_cmd import _setup_before_workers
    from lianfa.service.config import ServiceSettings

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(typer.Exit):
        _setup_before_workers(ServiceSettings(data_dir=blocker / "data"))
    err = capsys.readouterr().err
    assert "cannot start" in err and "LIANFA_DATA_DIR" in err


def test_a_generated_first_admin_password_never_reaches_a_log(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import stat

    from lianfa.service.auth import authenticate
    from lianfa.service.cli.serve_cmd import _ensure_first_admin
    from lianfa.service.config import ServiceSettings
    from lianfa.service.db.migrate import upgrade
    from lianfa.service.db.session import Database

    monkeypatch.delenv("LIANFA_ADMIN_PASSWORD", raising=False)
    settings = ServiceSettings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'a.db'}")
    db = Database(settings.db_url)
    upgrade(db.engine)
    _ensure_first_admin(settings)  # stderr is captured here: not a terminal, as under a service manager
    err = capsys.readouterr().err
    secret = tmp_path / "first-admin-password.txt"
    password = secret.read_text().strip()
    assert password not in err and str(secret) in err
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    with db.session() as s:
        assert authenticate(s, "admin", password) is not None
    db.dispose()
