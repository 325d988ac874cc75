"""Category calibration and the out-of-domain test on real criminal fact descriptions (CAIL2018,
../shared/real/cail), and classification speed against extraction (the baseline, measured in the
same process on the same decisions, as bench/classify.py does).

Reliability table: the CAIL dev rows binned by the first guess's probability; per bin the mean
predicted probability against the observed share whose true charge is among the first guess's
candidate crimes. Then what the out-of-domain test files: charge hits among filed rows, and the
out-of-scope rows (盗窃, 故意伤害…) filed under a category none of whose candidate crimes is theirs.

    .venv/bin/python bench/reliability.py [--registry DIR] [--cail DIR] [--n 500]

Without --registry it trains the default model (LIANFA_DEFAULT_MODEL_DOCUMENTS decisions).
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
from lianfa.classifiers.default_model import train_default
from lianfa.classifiers.evaluation import load_cail, reliability_table, score_cail
from lianfa.classifiers.registry import Registry
from lianfa.corpora.generator.writer import generate
from lianfa.extractors.fields import extract
from lianfa.ingest.document import document_from_text
from lianfa.ingest.sections import segment
from lianfa.ingest.tokenize import get_tokenizer, jieba_cache_dir

CAIL = Path(__file__).resolve().parents[1].parent / "shared" / "real" / "cail"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registry", type=Path, help="a registry directory with an active model")
    parser.add_argument(
        "--cail", type=Path, default=CAIL, help="folder of in_scope_dev.jsonl, out_of_scope.jsonl"
    )
    parser.add_argument("--n", type=int, default=500, help="holdout decisions to time")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lianfa-bench-reliability-") as tmp:
        registry = Registry(args.registry) if args.registry else Registry(Path(tmp) / "models")
        if registry.active() is None:
            train_default(registry, ClassifierSettings().default_model_documents)
        classifier = Classifier(
            registry.load(str(registry.active())),
            ClassifierSettings(),
            get_tokenizer(jieba_cache_dir(registry.root.parent)),
        )

        in_scope = score_cail(classifier, load_cail(args.cail / "in_scope_dev.jsonl"))
        print(reliability_table(in_scope))
        out = score_cail(classifier, load_cail(args.cail / "out_of_scope.jsonl"))
        n = len(in_scope)
        print(
            f"in scope: true charge among candidates {sum(r.hit for r in in_scope)}/{n}, "
            f"first guess right {sum(r.first_right for r in in_scope)}/{n}, "
            f"filed {sum(r.filed for r in in_scope)}/{n}, flagged {sum(r.flagged for r in in_scope)}/{n}"
        )
        wrong = sum(r.filed and not r.first_right for r in out)
        print(f"out of scope: filed under a category not theirs {wrong}/{len(out)} ({wrong / len(out):.1%})")

        docs = []
        for record in generate(args.n, seed=17, style="holdout"):
            doc = document_from_text(record.text)
            docs.append(doc.with_sections(segment(doc.text)))
        classifier.classify(docs[0], extract(docs[0]))
        start = time.perf_counter()
        cases = [(doc, extract(doc)) for doc in docs]
        baseline = len(docs) / (time.perf_counter() - start)
        start = time.perf_counter()
        for doc, fields in cases:
            classifier.classify(doc, fields)
        single = len(docs) / (time.perf_counter() - start)
        print(f"extraction (baseline): {baseline:8.1f} docs/s")
        ratio = single / baseline
        print(f"classification + rules, one by one: {single:8.1f} docs/s ({ratio:.2f}x extraction)")


if __name__ == "__main__":
    main()
