"""Violation category: a linear SVM over the section-weighted text features, calibrated to
probabilities (sigmoid per class) on documents it was not fitted on."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import spmatrix
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.frozen import FrozenEstimator
from sklearn.svm import LinearSVC


@dataclass(frozen=True)
class Ranked:
    category: str
    probability: float


def fit_category(
    x: spmatrix, y: list[str], x_cal: spmatrix, y_cal: list[str], seed: int = 0
) -> CalibratedClassifierCV:
    """Fit on (x, y), calibrate on (x_cal, y_cal); categories absent from the calibration set keep
    the SVM's ordering but get no probability mass of their own, so keep it stratified."""
    svm = LinearSVC(C=0.5, random_state=seed).fit(x, y)
    # The SVM is frozen: one "fold" that is all of the calibration data, so a rare category with a
    # single calibration example is still calibrated instead of failing a per-fold count check.
    whole = np.arange(x_cal.shape[0])
    return CalibratedClassifierCV(
        FrozenEstimator(svm), method="sigmoid", cv=[(whole, whole)], ensemble=True
    ).fit(x_cal, y_cal)


def probabilities(model: CalibratedClassifierCV, x: spmatrix) -> np.ndarray:
    """model.predict_proba(x), computed in one pass: sklearn checks its input once per class
    calibrator, which dominated classifying one document. Same sigmoid, same normalisation."""
    [calibrated] = model.calibrated_classifiers_
    scores = calibrated.estimator.decision_function(x)
    a = np.array([c.a_ for c in calibrated.calibrators])
    b = np.array([c.b_ for c in calibrated.calibrators])
    probs = expit(-(scores * a + b))
    total = probs.sum(axis=1, keepdims=True)
    uniform = np.full_like(probs, 1.0 / probs.shape[1])
    return np.where(total > 0, probs / np.where(total > 0, total, 1.0), uniform)


def rank_categories(model: CalibratedClassifierCV, x: spmatrix, k: int) -> list[list[Ranked]]:
    """The k most likely categories of each row, most likely first."""
    probs = probabilities(model, x)
    classes = model.classes_
    order = np.argsort(-probs, axis=1)[:, :k]
    return [[Ranked(str(classes[j]), float(probs[i, j])) for j in row] for i, row in enumerate(order)]
