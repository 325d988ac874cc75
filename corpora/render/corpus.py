"""Render a generated corpus directory: read decisions.jsonl one record at a time, draw each.

The output directory is itself a corpus directory: it gets the rendered records' lines of
decisions.jsonl and their docs/<id>.txt next to the page files and `<id>.pages.json`, so it can be
handed on alone.
"""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from itertools import islice, repeat
from pathlib import Path

from pydantic import ValidationError

from lianfa.corpora.gold import GoldRecord, RenderedPages
from lianfa.corpora.render.record import RenderOptions, render_record
from lianfa.errors import DataFileError

DECISIONS = "decisions.jsonl"


def read_records(corpus_dir: Path) -> Iterator[tuple[str, GoldRecord]]:
    """Yield (jsonl line, record) pairs lazily; a bad line names the file and line number."""
    path = corpus_dir / DECISIONS
    if not path.is_file():
        raise DataFileError(
            f"{path}: not found; make a corpus first with `lianfa corpus generate --out {corpus_dir}`"
        )
    return _iter_records(path)


def _iter_records(path: Path) -> Iterator[tuple[str, GoldRecord]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield line.rstrip("\n"), GoldRecord.model_validate_json(line)
            except ValidationError as exc:
                raise DataFileError(
                    f"{path}, line {number}: not a valid GoldRecord ({exc.error_count()} errors, first: "
                    f"{exc.errors()[0]['loc']} {exc.errors()[0]['msg']}); regenerate the corpus"
                ) from exc


def render_corpus(
    corpus_dir: Path,
    out_dir: Path,
    options: RenderOptions,
    limit: int | None = None,
    progress: Callable[[RenderedPages], None] | None = None,
    workers: int = 1,
) -> int:
    """Render up to `limit` decisions of `corpus_dir` into `out_dir`; returns how many.

    With `workers` > 1 decisions are drawn in that many processes; the files are the same, since
    every random choice is seeded by the record.
    """
    records = read_records(corpus_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    same_dir = corpus_dir.resolve() == out_dir.resolve()
    pairs = list(islice(records, limit))
    count = 0
    with ExitStack() as stack:
        decisions = None if same_dir else stack.enter_context((out_dir / DECISIONS).open("w", encoding="utf-8"))
        mapper: Callable[..., Iterator[RenderedPages]] = map
        if workers > 1:
            # spawn, not fork: a forked child can inherit locks held by OpenCV's or onnxruntime's threads
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
            mapper = stack.enter_context(pool).map
        rendered_all = mapper(render_record, [r for _, r in pairs], repeat(out_dir), repeat(options))
        for (line, record), rendered in zip(pairs, rendered_all, strict=True):
            if decisions is not None:
                decisions.write(line + "\n")
                _copy_text(corpus_dir, out_dir, record)
            if progress is not None:
                progress(rendered)
            count += 1
    return count


def _copy_text(corpus_dir: Path, out_dir: Path, record: GoldRecord) -> None:
    source = corpus_dir / "docs" / f"{record.id}.txt"
    target = out_dir / "docs" / f"{record.id}.txt"
    target.parent.mkdir(exist_ok=True)
    if source.is_file():
        shutil.copyfile(source, target)
    else:
        target.write_text(record.text, encoding="utf-8")
