"""Fixtures shared by the ingest intake/pipeline tests (builders of inputs live in ingest_inputs.py)."""

from __future__ import annotations

import pytest

from lianfa.ingest.config import IngestSettings


@pytest.fixture
def settings(tmp_path) -> IngestSettings:
    """Default limits, with the data directory inside the test's own temporary folder."""
    return IngestSettings(data_dir=tmp_path / "data")


@pytest.fixture
def no_upright(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip the real page-orientation probe (it loads the rapidocr models) where a fake engine reads."""
    monkeypatch.setattr("lianfa.ingest.pipeline.upright", lambda image: (image, 0, 0.0))
