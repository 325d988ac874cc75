"""The classifier a lianfa.Pipeline judges with: `RegistryClassifier(registry, settings, tokenizer)`,
called as `classifier(document, fields)` → a Verdict: the Violation and the CriminalRisk, typed (the
pipeline writes them in the contract's shape).

The model is the registry's active version (LIANFA_MODEL_VERSION pins another), verified on load
and kept by this object. The registry's `active` pointer is read again for every decision (a file
of a few bytes), so a model an analyst promotes or rolls back reaches every worker process with
its next decision, not at its recycling. Nothing is trained here: with no model the call is a
ConfigError saying to run `lianfa setup`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import jieba

from lianfa.classifiers.classify import Classifier, Violation
from lianfa.classifiers.config import ClassifierSettings
from lianfa.classifiers.registry import ModelError, Registry
from lianfa.classifiers.risk import CriminalRisk
from lianfa.corpora.rules import RuleBook
from lianfa.extractors.fields import Fields
from lianfa.ingest.document import Document


@dataclass(frozen=True)
class Verdict:
    violation: Violation
    criminal_risk: CriminalRisk


def model_registry(data_dir: Path) -> Registry:
    """The registry of a data folder (`<data_dir>/models`)."""
    return Registry(data_dir / "models")


class RegistryClassifier:
    def __init__(
        self,
        registry: Registry,
        settings: ClassifierSettings,
        tokenizer: jieba.Tokenizer,
        book: RuleBook | None = None,
    ) -> None:
        self.registry = registry
        self.settings = settings
        self.tokenizer = tokenizer
        self.book = book
        self._lock = threading.Lock()
        self._loaded: Classifier | None = None

    def classifier(self) -> Classifier:
        """The Classifier of the wanted version, loaded again only when that version changed."""
        with self._lock:
            wanted = self.settings.model_version or self.registry.active()
            if wanted is None:
                raise ModelError(
                    f"没有可用的分类模型 / no classifier model in {self.registry.root}: "
                    "run `lianfa setup` (it trains the default model) or `lianfa train`"
                )
            if self._loaded is None or self._loaded.model.meta.version != wanted:
                self._loaded = Classifier(self.registry.load(wanted), self.settings, self.tokenizer, self.book)
            return self._loaded

    def __call__(self, document: Document, fields: Fields, category: str | None = None) -> Verdict:
        """`category` fixes the violation category (a reviewer's correction) instead of the model's guess."""
        result = self.classifier().classify(document, fields, category)
        return Verdict(violation=result.violation, criminal_risk=result.risk)
