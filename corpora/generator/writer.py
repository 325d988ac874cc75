"""Writing a corpus directory: decisions.jsonl (one GoldRecord per line) and docs/<id>.txt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lianfa.corpora.generator.record import Data, build_record, load_data
from lianfa.corpora.generator.style import Style
from lianfa.corpora.gold import GoldRecord


def generate(n: int, seed: int, style: Style, data: Data | None = None) -> Iterator[GoldRecord]:
    data = data or load_data()
    for index in range(n):
        yield build_record(seed, style, index, data)


def write_corpus(out: Path, n: int, seed: int = 0, style: Style = "default") -> int:
    """Write `n` decisions to `out`; returns the number written. Same arguments, same bytes."""
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    count = 0
    with (out / "decisions.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        for record in generate(n, seed, style):
            fh.write(record.model_dump_json() + "\n")
            (docs / f"{record.id}.txt").write_text(record.text, encoding="utf-8", newline="\n")
            count += 1
    return count
