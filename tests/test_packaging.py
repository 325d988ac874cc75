"""The project installs as one import package, `lianfa`: the five source folders become its
subpackages, nothing lands at the top level of site-packages, and the wheel carries its data
(YAML, templates, static files, migrations) so that the CLI works from the wheel alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE_FOLDERS = ("ingest", "extractors", "classifiers", "service", "corpora")
FIXTURE = ROOT / "tests" / "fixtures" / "extract" / "market_product.txt"


def _declared() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]


def test_every_source_package_is_declared() -> None:
    """pyproject lists packages explicitly (package-dir remaps the folders), so a new subfolder
    left off the list would be missing from the wheel without any other error."""
    found = ["lianfa"]
    for top in SOURCE_FOLDERS:
        for init in sorted((ROOT / top).rglob("__init__.py")):
            found.append("lianfa." + ".".join(init.parent.relative_to(ROOT).parts))
    assert sorted(_declared()) == sorted(found)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    (built,) = out.glob("lianfa-*.whl")
    return built


def test_wheel_holds_one_top_level_package_and_its_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/", 1)[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"lianfa"}
    for needed in (
        "lianfa/corpora/data/taxonomy.yaml",
        "lianfa/corpora/data/thresholds.yaml",
        "lianfa/corpora/data/real_forms/parties.yaml",
        "lianfa/corpora/data/vocabulary.yaml",
        "lianfa/service/db/migrations/env.py",
        "lianfa/service/db/migrations/versions/0001_initial_schema.py",
        "lianfa/service/web/templates/base.html",
        "lianfa/service/web/static/app.js",
    ):
        assert needed in names, needed


@pytest.fixture(scope="module")
def clean_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with only the wheel installed. Its third-party dependencies are borrowed from the
    test venv through a plain path entry: that directory's own .pth files (the editable install's
    finder among them) are not processed, so the project's source tree stays out of reach."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps", str(wheel)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    return venv


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_wheel_imports_as_lianfa_only(clean_venv: Path, tmp_path: Path) -> None:
    probe = (
        "import importlib.util, lianfa, lianfa.service.cli, lianfa.corpora.taxonomy\n"
        f"assert lianfa.__file__.startswith({str(clean_venv)!r}), lianfa.__file__\n"
        "print([m for m in ('ingest', 'extractors', 'classifiers', 'service', 'corpora')"
        " if importlib.util.find_spec(m) is not None])\n"
    )
    done = _run(str(clean_venv / "bin" / "python"), "-c", probe, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_cli_extracts_from_the_wheel(clean_venv: Path, tmp_path: Path, default_model: str) -> None:
    done = _run(str(clean_venv / "bin" / "lianfa"), "extract", "--format", "jsonl", str(FIXTURE),
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert '"status":"ok"' in done.stdout.replace(" ", "")


# The service's packages: the library must run without any of them.
SERVICE_ONLY = ("fastapi", "starlette", "sqlalchemy", "celery", "uvicorn", "psycopg")


def test_the_library_processes_a_file_without_the_service_packages(
    clean_venv: Path, tmp_path: Path, default_model: str
) -> None:
    """The clean venv borrows the test venv's packages, so the service's cannot be truly absent:
    a meta-path finder installed before lianfa is imported makes importing any of them fail."""
    probe = (
        "import sys\n"
        f"BLOCKED = {SERVICE_ONLY!r}\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in BLOCKED:\n"
        "            raise ImportError(f'{name} is blocked (not installed)')\n"
        "        return None\n"
        "sys.meta_path.insert(0, Block())\n"
        "from lianfa import Pipeline, Settings\n"
        f"[result] = Pipeline(Settings()).process([{str(FIXTURE)!r}])\n"
        "print(result.status, result.doc_number, result.violation is not None)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in BLOCKED))\n"
    )
    done = _run(str(clean_venv / "bin" / "python"), "-c", probe, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["ok 沪市监浦处〔2023〕15202301号 True", "[]"]


def test_the_core_requirements_name_no_service_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        (meta,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        lines = zf.read(meta).decode("utf-8").splitlines()
    requires = [ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("Requires-Dist:")]
    core = [r for r in requires if "extra ==" not in r]
    assert core, "no core requirements found in the wheel's METADATA"
    named = {re.split(r"[\s\[<>=!~;(]", r, maxsplit=1)[0].lower() for r in core}
    assert named.isdisjoint({*SERVICE_ONLY, "psycopg", "fastapi-offline", "alembic", "python-multipart"}), named
    service = [r for r in requires if "extra == \"service\"" in r]
    assert any(r.startswith("fastapi") for r in service), service
