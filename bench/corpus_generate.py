"""Corpus generation speed in docs/s: building GoldRecords in memory (the baseline, measured in the
same process) against writing the corpus directory (decisions.jsonl + docs/*.txt), for both styles;
then the diversity figures of corpora/generator/diversity.py.

    .venv/bin/python bench/corpus_generate.py [--n 5000] [--diversity-n 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lianfa.corpora.generator.diversity import ngram_share, sentence_overlap
from lianfa.corpora.generator.record import load_data
from lianfa.corpora.generator.writer import generate, write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="decisions per timed run")
    parser.add_argument("--diversity-n", type=int, default=2000, help="decisions for the diversity figures")
    args = parser.parse_args()
    load_data()  # the YAML loading is a one-off, kept out of the timings

    start = time.perf_counter()
    for _record in generate(args.n, seed=1, style="default"):
        pass
    baseline = args.n / (time.perf_counter() - start)
    print(f"in-memory records, default (baseline): {baseline:8.0f} docs/s")
    with tempfile.TemporaryDirectory(prefix="lianfa-bench-corpus-") as tmp:
        for style in ("default", "holdout"):
            start = time.perf_counter()
            write_corpus(Path(tmp) / style, n=args.n, seed=1, style=style)
            elapsed = time.perf_counter() - start
            rate = args.n / elapsed
            print(f"write corpus, {style:8s} n={args.n}: {rate:8.0f} docs/s  {elapsed:6.1f} s  "
                  f"({rate / baseline:.2f}x baseline)")

    default = [r.text for r in generate(args.diversity_n, seed=1, style="default")]
    holdout = [r.text for r in generate(args.diversity_n, seed=1, style="holdout")]
    other_seed = [r.text for r in generate(args.diversity_n, seed=2, style="default")]
    print(f"distinct/total character 5-grams within sentences, n={args.diversity_n}: "
          f"default {ngram_share(default):.3f}, holdout {ngram_share(holdout):.3f}")
    print(f"share of holdout distinct sentences also in default: {sentence_overlap(default, holdout):.4f}; "
          f"default seed 2 vs seed 1: {sentence_overlap(default, other_seed):.4f}")


if __name__ == "__main__":
    main()
