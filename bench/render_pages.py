"""Rendering speed in pages/s: clean page images (the baseline, measured in the same process) against
light and heavy scan damage, image-only PDF and text-layer PDF.

    .venv/bin/python bench/render_pages.py [--n 6] [--dpi 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lianfa.corpora.generator.writer import write_corpus
from lianfa.corpora.render.corpus import read_records
from lianfa.corpora.render.record import RenderOptions, render_record

CASES = (
    ("png, no damage (baseline)", "png", "none"),
    ("png, light damage", "png", "light"),
    ("jpeg, heavy damage", "jpeg", "heavy"),
    ("image-only pdf, light", "pdf", "light"),
    ("text-layer pdf", "textpdf", "none"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=6, help="decisions per case")
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lianfa-bench-render-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, n=args.n, seed=1, style="default")
        records = [record for _line, record in read_records(corpus)]
        render_record(records[0], Path(tmp) / "warm", RenderOptions(dpi=args.dpi))
        baseline = 0.0
        for label, fmt, damage in CASES:
            out = Path(tmp) / fmt / damage
            pages = 0
            start = time.perf_counter()
            for record in records:
                rendered = render_record(record, out, RenderOptions(format=fmt, damage=damage, dpi=args.dpi))
                pages += len(rendered.pages)
            rate = pages / (time.perf_counter() - start)
            baseline = baseline or rate
            print(f"{label:28s} {pages:3d} pages  {rate:6.2f} pages/s  x{rate / baseline:.2f} of baseline")


if __name__ == "__main__":
    main()
