"""Evaluation of `lianfa extract` output against a gold corpus (`lianfa eval`).

    report = evaluate(load_gold(corpus_dir), load_predictions(pred_jsonl))
    print(format_table(report)); report.model_dump_json()
"""

from lianfa.corpora.scoring.evaluate import evaluate
from lianfa.corpora.scoring.inputs import Prediction, load_gold, load_predictions
from lianfa.corpora.scoring.report import EvalReport, format_table

__all__ = ["EvalReport", "Prediction", "evaluate", "format_table", "load_gold", "load_predictions"]
