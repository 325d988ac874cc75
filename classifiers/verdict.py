"""The classifier hook service.pipeline calls: `classify(document, fields)` → violation and
criminal_risk in the contract's shape.

The model is the registry's active version (LIANFA_MODEL_VERSION pins another), loaded once per
process and verified on load; with no model at all the default one is trained first.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from classifiers.config import ClassifierSettings, get_classifier_settings
from classifiers.registry import LoadedModel, Registry
from extractors.fields import Fields
from ingest.config import get_settings
from ingest.document import Document

_lock = threading.Lock()
_loaded: dict[str, Any] = {}


@dataclass(frozen=True)
class Verdict:
    violation: dict[str, Any]
    criminal_risk: dict[str, Any]


def registry() -> Registry:
    return Registry(get_settings().data_dir / "models")


def _classifier(settings: ClassifierSettings) -> Any:
    from classifiers.classify import Classifier
    from classifiers.default_model import ensure_default

    with _lock:
        if "classifier" not in _loaded:
            reg = registry()
            version = settings.model_version or ensure_default(reg)
            model: LoadedModel = reg.load(version)
            _loaded["classifier"] = Classifier(model, settings)
        return _loaded["classifier"]


def reset() -> None:
    """Forget the loaded model (after `lianfa models promote` in the same process, and in tests)."""
    with _lock:
        _loaded.clear()


def classify(document: Document, fields: Fields) -> Verdict:
    settings = get_classifier_settings()
    result = _classifier(settings).classify(document, fields)
    return Verdict(violation=result.violation, criminal_risk=result.risk.as_contract())
