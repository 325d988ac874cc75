"""Training time on a generated corpus: the whole `lianfa train` path (features, category SVM and
calibration, text criminal model, skops file) against preparing the features alone (the
baseline, measured in the same process on the same texts).

    .venv/bin/python bench/train.py [--n 20000] [--processes 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lianfa.classifiers.registry import Registry
from lianfa.classifiers.training import load_examples, prepare, train
from lianfa.corpora.generator.writer import write_corpus
from lianfa.ingest.tokenize import jieba_cache_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="training decisions")
    parser.add_argument("--processes", type=int, default=2, help="feature worker processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lianfa-bench-train-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, n=args.n, seed=5, style="default")
        examples, _ = load_examples(corpus)
        start = time.perf_counter()
        prepare([e.text for e in examples], jieba_cache_dir(Path(tmp)), args.processes)
        baseline = time.perf_counter() - start
        print(f"feature preparation (baseline): {baseline:7.1f} s for {args.n} documents")
        start = time.perf_counter()
        meta = train([corpus], Registry(Path(tmp) / "models"), seed=5, processes=args.processes)
        total = time.perf_counter() - start
        print(f"full training:                  {total:7.1f} s ({total / baseline:.2f}x feature preparation)")
        held = meta.held_out
        print(f"held-out accuracy {held.category_accuracy:.4f}, macro-F1 {held.category_macro_f1:.4f}")


if __name__ == "__main__":
    main()
