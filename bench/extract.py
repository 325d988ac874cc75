"""Field extraction speed after OCR: milliseconds per decision for `extractors.fields.extract` (and
for the whole contract, `Pipeline.result` without a classifier), against a named
baseline measured in the same process: one bare regex scan of the text for amounts (`\\d+元`), the
least any extractor must do.

Documents come from the corpus generator (both styles), made in memory, so the figures do not
depend on disk.

    .venv/bin/python bench/extract.py [--n 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lianfa import Pipeline
from lianfa.corpora.generator.writer import generate
from lianfa.extractors.fields import extract
from lianfa.ingest.document import Document
from lianfa.ingest.pipeline import text_document

_BARE = re.compile(r"\d+元")


def _per_doc_ms(docs: list[Document], run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            run(doc)  # type: ignore[operator]
        times.append((time.perf_counter() - start) / len(docs) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="decisions per style")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the median is reported")
    args = parser.parse_args()
    pipeline = Pipeline(classifier=None)
    docs: list[Document] = []
    for style in ("default", "holdout"):
        for record in generate(args.n, seed=11, style=style):
            docs.append(text_document(record.text))
    chars = statistics.mean(len(d.text) for d in docs)
    baseline = _per_doc_ms(docs, lambda d: _BARE.findall(d.text), args.repeat)
    fields = _per_doc_ms(docs, extract, args.repeat)
    contract = _per_doc_ms(docs, lambda d: pipeline.result(d, file="bench"), args.repeat)
    print(f"{len(docs)} decisions, mean {chars:.0f} characters")
    print(f"bare regex scan (baseline):   {baseline:8.3f} ms/doc")
    print(f"extract(document):            {fields:8.3f} ms/doc  ({fields / baseline:.0f}x baseline)")
    print(f"Pipeline.result (contract):   {contract:8.3f} ms/doc  ({contract / baseline:.0f}x baseline)")


if __name__ == "__main__":
    main()
