from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NoReturn

import pytest

# Tests never touch a developer's real data directory, and never reach a model hub.
os.environ.setdefault("LIANFA_DATA_DIR", tempfile.mkdtemp(prefix="lianfa-test-data-"))
os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The default classifier model trains on first use; a small one keeps pipeline tests quick.
os.environ.setdefault("LIANFA_DEFAULT_MODEL_DOCUMENTS", "300")

FIXTURES = Path(__file__).parent / "fixtures"


def unavailable(reason: str) -> NoReturn:
    """A test whose real component (PostgreSQL, Redis, a Debian font) is missing: skipped on a
    developer's machine, but a failure under CI, where .ci/run and scripts/install.sh provide every
    one of them, so a skip there would hide a test that proved nothing."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must provide it: see .ci/run and scripts/install.sh)")
    pytest.skip(reason)
