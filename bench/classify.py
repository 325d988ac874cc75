"""Classification + rules speed after extraction, in docs/s, against extraction itself (the
baseline, measured in the same process on the same decisions).

Trains a model on a generated default-style corpus (or uses --registry's active one), extracts
Fields from generated holdout-style decisions, then times: extraction (baseline), the classifier
one document at a time (what `lianfa extract` does), and in batches (classify_many).

    .venv/bin/python bench/classify.py [--n 1000] [--train-n 3000] [--registry DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lianfa.classifiers.classify import Classifier
from lianfa.classifiers.config import ClassifierSettings
from lianfa.classifiers.registry import Registry
from lianfa.classifiers.training import train
from lianfa.corpora.generator.writer import generate, write_corpus
from lianfa.extractors.fields import extract
from lianfa.ingest.pipeline import text_document
from lianfa.ingest.tokenize import get_tokenizer, jieba_cache_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="decisions to classify")
    parser.add_argument("--train-n", type=int, default=3000, help="training decisions when no --registry")
    parser.add_argument("--registry", type=Path, help="a registry directory with an active model")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lianfa-bench-classify-") as tmp:
        registry = Registry(args.registry) if args.registry else Registry(Path(tmp) / "models")
        if registry.active() is None:
            write_corpus(Path(tmp) / "train", n=args.train_n, seed=3, style="default")
            train([Path(tmp) / "train"], registry, seed=3, promote=True)
        classifier = Classifier(
            registry.load(str(registry.active())),
            ClassifierSettings(),
            get_tokenizer(jieba_cache_dir(registry.root.parent)),
        )

        docs = []
        for record in generate(args.n, seed=17, style="holdout"):
            docs.append(text_document(record.text))
        classifier.classify(docs[0], extract(docs[0]))  # tokenizer, rules and taxonomy load once

        start = time.perf_counter()
        cases = [(doc, extract(doc)) for doc in docs]
        baseline = len(docs) / (time.perf_counter() - start)
        print(f"extraction (baseline):            {baseline:8.1f} docs/s")

        start = time.perf_counter()
        for doc, fields in cases:
            classifier.classify(doc, fields)
        single = len(docs) / (time.perf_counter() - start)
        print(
            f"classification + rules, one by one: {single:8.1f} docs/s  ({single / baseline:.2f}x extraction)"
        )

        start = time.perf_counter()
        for i in range(0, len(cases), 64):
            classifier.classify_many(cases[i : i + 64])
        batched = len(docs) / (time.perf_counter() - start)
        ratio = batched / baseline
        print(f"classification + rules, batches of 64: {batched:8.1f} docs/s  ({ratio:.2f}x extraction)")


if __name__ == "__main__":
    main()
