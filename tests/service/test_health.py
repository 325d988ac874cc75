"""`/api/health` names what keeps uploads from working instead of answering `ok` regardless."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from lianfa.service.app import create_app
from lianfa.service.config import ServiceSettings


def _app(tmp_path: Path):  # -> FastAPI
    return create_app(ServiceSettings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'h.db'}",
                                      storage_dir=tmp_path / "store"))


def _activate_model_folder(data_dir: Path) -> None:
    (data_dir / "models" / "v1").mkdir(parents=True)
    (data_dir / "models" / "active").write_text("v1")


def test_health_reports_a_missing_classifier_model(tmp_path: Path) -> None:
    app = _app(tmp_path)
    with TestClient(app) as client:
        r = client.get("/api/health")
    assert r.status_code == 503
    assert set(r.json()["problems"]) == {"model"}
    assert "lianfa setup" in r.json()["problems"]["model"]
    app.state.db.dispose()


def test_health_is_ok_with_a_model_and_reports_pending_migrations(tmp_path: Path) -> None:
    from alembic import command

    from lianfa.service.db.migrate import alembic_config

    _activate_model_folder(tmp_path)
    app = _app(tmp_path)
    with TestClient(app) as client:
        assert client.get("/api/health").json() == {"status": "ok"}
        command.downgrade(alembic_config(app.state.db.engine), "base")
        r = client.get("/api/health")
    assert r.status_code == 503 and "database" in r.json()["problems"]
    app.state.db.dispose()


def test_health_reports_missing_paddle_model_folders(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LIANFA_OCR_ENGINE", "paddleocr")
    _activate_model_folder(tmp_path)
    app = _app(tmp_path)
    try:
        with TestClient(app) as client:
            r = client.get("/api/health")
        assert r.status_code == 503 and "PaddleOCR" in r.json()["problems"]["ocr"]
    finally:
        app.state.db.dispose()
