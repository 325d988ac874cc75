"""Criminal likeness from the text alone: a logistic regression trained on whether a decision's
case crossed a prosecution threshold. It sees conduct the rules cannot measure (a decision saying
足以造成严重食物中毒 without a figure) and ranks leads; the rules engine decides the level."""

from __future__ import annotations

import numpy as np
from scipy.sparse import spmatrix
from sklearn.linear_model import LogisticRegression


def fit_criminal(x: spmatrix, y: list[int]) -> LogisticRegression | None:
    """None when the data hold only one class (a model that always answers the same is no model)."""
    if len(set(y)) < 2:
        return None
    return LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(x, y)


def criminal_scores(model: LogisticRegression | None, x: spmatrix) -> np.ndarray:
    """P(criminal) per row; zeros without a model."""
    if model is None:
        return np.zeros(x.shape[0])
    positive = list(model.classes_).index(1)
    return model.predict_proba(x)[:, positive]
