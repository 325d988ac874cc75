from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import jieba
import pytest

# Tests never touch a developer's real data directory, and never reach a model hub.
os.environ.setdefault("LIANFA_DATA_DIR", tempfile.mkdtemp(prefix="lianfa-test-data-"))
os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The default model a test's data folder gets (`default_model`): a small one keeps the suite quick.
os.environ.setdefault("LIANFA_DEFAULT_MODEL_DOCUMENTS", "300")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def tokenizer() -> jieba.Tokenizer:
    """The project tokenizer, its cache in the session's data folder."""
    from lianfa.ingest.tokenize import get_tokenizer, jieba_cache_dir

    return get_tokenizer(jieba_cache_dir(Path(os.environ["LIANFA_DATA_DIR"])))


@pytest.fixture(scope="session")
def default_model() -> str:
    """The default classifier model in the session's data folder (LIANFA_DATA_DIR), as `lianfa setup`
    trains it, once for the session: the pytest-xdist processes share the folder, and the file lock
    in ensure_default makes the later ones wait for the first one's model instead of training.
    Tests that classify with the registry's model (a Pipeline's default classifier) ask for it."""
    from lianfa.classifiers.default_model import ensure_default
    from lianfa.classifiers.verdict import model_registry

    registry = model_registry(Path(os.environ["LIANFA_DATA_DIR"]))
    return ensure_default(registry, int(os.environ["LIANFA_DEFAULT_MODEL_DOCUMENTS"]))


@pytest.fixture(scope="session")
def install_model(default_model: str) -> Callable[[Path], None]:
    """Copies the session's default model into another data folder (a test's own service settings),
    where a Pipeline built from those settings finds it."""
    from lianfa.classifiers.verdict import model_registry

    source = model_registry(Path(os.environ["LIANFA_DATA_DIR"]))

    def install(data_dir: Path) -> None:
        target = model_registry(data_dir)
        target.root.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source.root / default_model, target.root / default_model)
        target.promote(default_model)

    return install


def unavailable(reason: str) -> NoReturn:
    """A test whose real component (PostgreSQL, Redis, a Debian font) is missing: skipped on a
    developer's machine, but a failure under CI, where .ci/run and scripts/install.sh provide every
    one of them, so a skip there would hide a test that proved nothing."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must provide it: see .ci/run and scripts/install.sh)")
    pytest.skip(reason)
