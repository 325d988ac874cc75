"""lianfa: reads administrative penalty decisions (行政处罚决定书), extracts their fields with evidence,
and flags those whose facts cross a criminal prosecution threshold.

The top-level folders of the source tree (ingest/, extractors/, classifiers/, service/, corpora/) are
installed as the subpackages lianfa.ingest, lianfa.extractors, … (see pyproject.toml), so the project
owns one import name and shadows nothing.

    from lianfa import Pipeline, Settings
    for result in Pipeline(Settings()).process(paths): ...

`Pipeline` and `Settings` load on first use, so `import lianfa.ingest` stays cheap."""

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type checkers see the classes; at run time __getattr__ loads them on first use
    from lianfa.pipeline import Pipeline
    from lianfa.settings import Settings

try:
    __version__ = version("lianfa")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"


def _source_tree_first() -> None:
    """Run from a source checkout, the subpackages come from that checkout's folders. Without this,
    an editable install maps lianfa.ingest & co. to whichever tree was installed, so a second
    checkout (a git worktree, a CI clone beside a developer's venv) would silently run the other's code."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    pyproject = root / "pyproject.toml"
    if (root / "ingest" / "__init__.py").is_file() and pyproject.is_file() and 'name = "lianfa"' in pyproject.read_text(
        encoding="utf-8"
    ):
        __path__.append(str(root))


_source_tree_first()

__all__ = ["Pipeline", "Settings"]


def __getattr__(name: str) -> object:
    if name == "Pipeline":
        from lianfa.pipeline import Pipeline

        return Pipeline
    if name == "Settings":
        from lianfa.settings import Settings

        return Settings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
