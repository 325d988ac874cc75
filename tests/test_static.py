"""The static checks CI runs with the tests: the layer contracts (import-linter), ruff and mypy.

import-linter and mypy resolve `lianfa.ingest` & co. by walking folders, and cannot follow the
package-dir mapping of pyproject.toml (nor an editable install's import hook), so both run on a
tree of links laid out as the wheel is: lianfa/ with the five folders inside it. mypy keeps its
cache in .mypy_cache at the checkout's root, so a second run checks only what changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ingest", "extractors", "classifiers", "service", "corpora")
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def wheel_layout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("layout")
    (tree / "lianfa").mkdir()
    for module in (ROOT / "lianfa").glob("*.py"):
        (tree / "lianfa" / module.name).symlink_to(module)
    for package in PACKAGES:
        (tree / "lianfa" / package).symlink_to(ROOT / package, target_is_directory=True)
    return tree


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_layers_hold(wheel_layout: Path) -> None:
    done = _run(BIN / "lint-imports", "--no-cache", ROOT / "pyproject.toml", cwd=wheel_layout)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_is_clean() -> None:
    done = _run(BIN / "ruff", "check", "--no-cache", ".", cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean(wheel_layout: Path) -> None:
    done = _run(
        BIN / "mypy", "--config-file", ROOT / "pyproject.toml", "--cache-dir", ROOT / ".mypy_cache", cwd=wheel_layout
    )
    assert done.returncode == 0, done.stdout + done.stderr
