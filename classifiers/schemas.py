"""Model metadata (meta.json beside each model file in the registry), validated by pydantic."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

MODEL_FORMAT = "lianfa-classifiers/1"


class ClassMetrics(BaseModel):
    precision: float
    recall: float
    f1: float
    support: int


class HeldOutMetrics(BaseModel):
    documents: int
    category_accuracy: float | None = None
    category_macro_f1: float | None = None
    per_category: dict[str, ClassMetrics] = Field(default_factory=dict)
    criminal_precision: float | None = None
    criminal_recall: float | None = None
    criminal_auc: float | None = None


class DataSource(BaseModel):
    path: str
    kind: str  # corpus (decisions.jsonl of GoldRecords) | reviewed (the service's training export)
    documents: int
    sha256: str


class ModelMeta(BaseModel):
    format: str = MODEL_FORMAT
    version: str
    created: datetime
    file: str = "model.skops"
    file_sha256: str
    # The vectorizers' term → column maps, kept as plain JSON beside the skops file: skops writes a
    # dict entry by entry, which made files of 100k terms slow to save and load.
    vocabulary_file: str = "vocabulary.json"
    vocabulary_sha256: str = ""
    data_sha256: str = Field(description="hash of the training examples (text and labels), order-independent")
    data_size: int
    sources: list[DataSource]
    seed: int
    labels: list[str]
    criminal_model: bool
    held_out: HeldOutMetrics
    library_versions: dict[str, str]
    trusted_types: list[str]
    note: str = ""
