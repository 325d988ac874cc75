"""The classifier hook lianfa.pipeline calls: `classify(document, fields)` → violation and
criminal_risk in the contract's shape.

The model is the registry's active version (LIANFA_MODEL_VERSION pins another), verified on load
and kept for the process; with no model at all the default one is trained first. The registry's
`active` pointer is read again for every decision (a file of a few bytes), so a model an analyst
promotes or rolls back reaches every worker process with its next decision, not at its recycling.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from lianfa.classifiers.config import ClassifierSettings, get_classifier_settings
from lianfa.classifiers.registry import LoadedModel, Registry
from lianfa.extractors.fields import Fields
from lianfa.ingest.config import get_settings
from lianfa.ingest.document import Document

_lock = threading.Lock()
_loaded: dict[str, Any] = {}


@dataclass(frozen=True)
class Verdict:
    violation: dict[str, Any]
    criminal_risk: dict[str, Any]


def registry() -> Registry:
    return Registry(get_settings().data_dir / "models")


def _classifier(settings: ClassifierSettings) -> Any:
    from lianfa.classifiers.classify import Classifier
    from lianfa.classifiers.default_model import ensure_default

    with _lock:
        reg = registry()
        wanted = settings.model_version or reg.active()
        if "classifier" in _loaded and (wanted is None or _loaded["version"] == wanted):
            return _loaded["classifier"]
        version = wanted or ensure_default(reg)
        model: LoadedModel = reg.load(version)
        _loaded.update(classifier=Classifier(model, settings), version=version)
        return _loaded["classifier"]


def reset() -> None:
    """Forget the loaded model (tests that switch data directories)."""
    with _lock:
        _loaded.clear()


def classify(document: Document, fields: Fields, category: str | None = None) -> Verdict:
    """`category` fixes the violation category (a reviewer's correction) instead of the model's guess."""
    settings = get_classifier_settings()
    result = _classifier(settings).classify(document, fields, category)
    return Verdict(violation=result.violation, criminal_risk=result.risk.as_contract())
