"""Criminal likeness from the text alone: a logistic regression trained on whether a decision's
case crossed a prosecution threshold. It sees conduct the rules cannot measure (a decision saying
足以造成严重食物中毒 without a figure) and ranks leads; the rules engine decides the level."""

from __future__ import annotations

import numpy as np
from scipy.sparse import spmatrix
from sklearn.linear_model import LogisticRegression


def fit_criminal(x: spmatrix, y: list[int], columns: int | None = None) -> LogisticRegression | None:
    """None when the data hold only one class (a model that always answers the same is no model).

    `columns`: fit on the leading columns only. The conduct-vocabulary block (the last one,
    features.py) names the category, not whether its case crossed a threshold; fitted on it, a
    term or two added to the taxonomy moved every mining or logging decision's score past the
    text-review line."""
    if len(set(y)) < 2:
        return None
    lead = x[:, :columns] if columns is not None else x
    return LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(lead, y)


def criminal_scores(model: LogisticRegression | None, x: spmatrix) -> np.ndarray:
    """P(criminal) per row; zeros without a model. The model reads the columns it was fitted on."""
    if model is None:
        return np.zeros(x.shape[0])
    positive = list(model.classes_).index(1)
    return model.predict_proba(x[:, : model.n_features_in_])[:, positive]
