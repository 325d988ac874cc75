"""Real criminal fact descriptions (CAIL2018 via LawBench, ../shared/real/cail) in the test loop:
`lianfa extract` runs on the in-scope dev rows and on the out-of-scope rows (盗窃, 故意伤害…), and
the test fails below the floors of floors_cail.yaml (raise them as the classifier gets better;
they never go down). The model is the default one the test session trains
(LIANFA_DEFAULT_MODEL_DOCUMENTS, 300 in tests: the floors are for that size; `lianfa setup`'s
3000 do better, see bench/reliability.py). The rows are measured, never trained on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lianfa.classifiers.evaluation import CailRow, charge_among, load_cail
from lianfa.corpora.taxonomy import load_taxonomy
from tests.conftest import unavailable

ROOT = Path(__file__).resolve().parents[2]
# `lianfa extract` judges with the session data folder's default model
pytestmark = pytest.mark.usefixtures("default_model")
CAIL = ROOT.parent / "shared" / "real" / "cail"
FLOORS: dict[str, dict[str, float]] = yaml.safe_load(
    Path(__file__).with_name("floors_cail.yaml").read_text(encoding="utf-8")
)


def _rows(name: str) -> list[CailRow]:
    path = CAIL / name
    if not path.is_file():
        unavailable(f"{path} is missing (shared/ belongs beside the checkout)")
    return load_cail(path)


def _extract(rows: list[CailRow], tmp: Path) -> dict[int, dict]:
    files = []
    for row in rows:
        path = tmp / f"cail{row.id:04d}.txt"
        path.write_text(row.fact, encoding="utf-8")
        files.append(str(path))
    out = subprocess.run(
        [sys.executable, "-m", "lianfa.service.cli", "extract", "--format", "jsonl", *files],
        capture_output=True, text=True, cwd=ROOT, env=dict(os.environ), check=False,
    )
    results = {}
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            obj = json.loads(line)
            results[int(Path(obj["file"]).stem[4:])] = obj
    assert len(results) == len(rows), out.stderr[-2000:]
    return results


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[CailRow], dict, list[CailRow], dict]:
    ins, oos = _rows("in_scope_dev.jsonl"), _rows("out_of_scope.jsonl")
    got_in = _extract(ins, tmp_path_factory.mktemp("in"))
    return ins, got_in, oos, _extract(oos, tmp_path_factory.mktemp("out"))


def _wrongly_filed(row: CailRow, result: dict) -> bool:
    """An out-of-scope row filed under a category none of whose candidate crimes is its charge
    (拒不支付劳动报酬 filed as wage arrears is right)."""
    category = result["violation"]["category"]
    if category is None:
        return False
    crimes = [c.crime for c in load_taxonomy().get(category).candidate_crimes]
    return not charge_among(row.charges, crimes)


def test_cail_rows_reach_the_floors(extracted: tuple[list[CailRow], dict, list[CailRow], dict]) -> None:
    ins, got, oos, got_out = extracted
    hits = sum(charge_among(r.charges, got[r.id]["violation"]["candidate_crimes"]) for r in ins)
    flagged = sum(got[r.id]["criminal_risk"]["level"] != "low" for r in ins)
    wrong = sum(_wrongly_filed(r, got_out[r.id]) for r in oos)
    summary = {
        "charge_among_candidates": hits / len(ins),
        "flagged": flagged / len(ins),
        "out_of_scope_confident": wrong / len(oos),
    }
    print(
        f"cail: true charge among candidates {hits}/{len(ins)}, flagged {flagged}/{len(ins)}, "
        f"out of scope filed under a category not theirs {wrong}/{len(oos)}"
    )
    floors = FLOORS["in_scope"]
    assert summary["charge_among_candidates"] >= floors["charge_among_candidates"], summary
    assert summary["flagged"] >= floors["flagged"], summary
    assert summary["out_of_scope_confident"] <= FLOORS["out_of_scope"]["confident_at_most"], summary
