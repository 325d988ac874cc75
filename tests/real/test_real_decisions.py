"""The real published decisions of ../shared/real in the test loop: `lianfa extract` runs on them as
text and as rendered scans, `score_decisions.py` scores the output, and the test fails below the
floors in floors.yaml (raise them as extraction gets better; they never go down).

Rendered scans and extraction results are cached outside the checkout (LIANFA_TEST_CACHE, default
~/.cache/lianfa-tests/real), keyed on the inputs and on every file of the project's code and data,
so a rerun with nothing changed is quick and a clean machine renders and reads them anew.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import unavailable

ROOT = Path(__file__).resolve().parents[2]
# `lianfa extract` judges with the session data folder's default model
pytestmark = pytest.mark.usefixtures("default_model")
REAL = ROOT.parent / "shared" / "real"
DECISIONS = REAL / "decisions"
FLOORS: dict[str, dict[str, int]] = yaml.safe_load(Path(__file__).with_name("floors.yaml").read_text(encoding="utf-8"))
CACHE = Path(os.environ.get("LIANFA_TEST_CACHE", Path.home() / ".cache" / "lianfa-tests")) / "real"
_CODE_DIRS = ("ingest", "extractors", "classifiers", "service", "corpora")
_CODE_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt"}
# `fine 9/9 (spurious 0/31), confiscated 2/2, party 28/40, docno 36/38, flag recall 3/4, false alarms 1/30`
_SUMMARY = re.compile(
    r"fine (?P<fine>\d+)/\d+ .*confiscated (?P<confiscated>\d+)/\d+, party (?P<party>\d+)/\d+, "
    r"docno (?P<docno>\d+)/\d+, flag recall (?P<flag_recall>\d+)/\d+, false alarms (?P<false_alarms>\d+)/\d+, "
    r"errors (?P<errors>\d+), missing (?P<missing>\d+)"
)


def _texts() -> list[Path]:
    if not (DECISIONS / "labels.jsonl").is_file():
        unavailable(f"{DECISIONS} with labels.jsonl is missing (shared/ belongs beside the checkout)")
    return sorted(DECISIONS.glob("*.txt"))


def _digest(paths: list[Path], *extra: str) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    for e in extra:
        h.update(e.encode())
    return h.hexdigest()[:20]


def _code_version() -> str:
    files = sorted(
        p for d in _CODE_DIRS for p in (ROOT / d).rglob("*")
        if p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts
    )
    return _digest([*files, ROOT / "pyproject.toml"])


def _publish(tmp: Path, target: Path) -> None:
    """Move a finished result into the cache in one step: parallel test workers never read half of one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(tmp, target)
    except OSError:  # another worker published the same key first
        shutil.rmtree(tmp, ignore_errors=True)


def _rendered(texts: list[Path]) -> list[Path]:
    if importlib.util.find_spec("img2pdf") is None:
        unavailable("img2pdf is not installed (the test extra of pyproject.toml has it)")
    target = CACHE / f"scans-{_digest([*texts, REAL / 'render.py'])}"
    if not target.is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="scans-", dir=CACHE))
        subprocess.run([sys.executable, str(REAL / "render.py"), str(tmp), str(DECISIONS)], check=True,
                       capture_output=True, timeout=600)
        _publish(tmp, target)
    return sorted(target.glob("*.pdf"))


def _extracted(files: list[Path]) -> Path:
    target = CACHE / f"extract-{_digest(files, _code_version())}.jsonl"
    if not target.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix="extract-", suffix=".jsonl", dir=CACHE)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            run = subprocess.run(
                [sys.executable, "-m", "lianfa.service.cli", "extract", "--format", "jsonl", *map(str, files)],
                cwd=ROOT, stdout=out, stderr=subprocess.PIPE, text=True, timeout=3600,
            )
        if run.returncode not in (0, 1):  # 1: some file failed, which the scorer counts as an error
            Path(name).unlink()
            pytest.fail(f"lianfa extract exited {run.returncode}: {run.stderr[-2000:]}")
        os.replace(name, target)
    return target


def _score(results: Path) -> dict[str, int]:
    run = subprocess.run([sys.executable, str(REAL / "score_decisions.py"), str(results), "-v"],
                         capture_output=True, text=True, timeout=120)
    print(run.stdout)
    found = _SUMMARY.search(run.stdout.strip().splitlines()[-1]) if run.stdout.strip() else None
    assert found, f"score_decisions.py printed no summary: {run.stdout[-500:]} {run.stderr[-500:]}"
    return {k: int(v) for k, v in found.groupdict().items()}


def _check(figures: dict[str, int], floors: dict[str, int], what: str) -> None:
    short = [f"{k} {figures[k]} < {v}" for k, v in floors.items() if k != "false_alarms" and figures[k] < v]
    if figures["false_alarms"] > floors["false_alarms"]:
        short.append(f"false alarms {figures['false_alarms']} > {floors['false_alarms']}")
    if figures["errors"] or figures["missing"]:
        short.append(f"{figures['errors']} errors, {figures['missing']} missing results")
    print(f"{what}: {json.dumps(figures)}")
    assert not short, f"{what} below its floors (tests/real/floors.yaml): {'; '.join(short)}"


def test_real_decisions_as_text_reach_their_floors() -> None:
    _check(_score(_extracted(_texts())), FLOORS["text"], "real decisions as text")


@pytest.mark.ocr
def test_real_decisions_as_scans_reach_their_floors() -> None:
    _check(_score(_extracted(_rendered(_texts()))), FLOORS["scan"], "real decisions as scans")
