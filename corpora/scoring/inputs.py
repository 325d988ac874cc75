"""Reading gold corpora and `lianfa extract --format jsonl` output for scoring.

Predictions are read leniently (unknown keys ignored, nulls where lists are expected accepted),
so the harness keeps working as the extract contract grows, and scores output from older builds.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lianfa.corpora.gold import GoldRecord
from lianfa.errors import DataFileError


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore")


class PredParty(_Lenient):
    name: str | None = None
    kind: str | None = None
    credit_code: str | None = None
    credit_code_valid: bool | None = None
    legal_representative: str | None = None


class PredAmount(_Lenient):
    role: str
    yuan: float


class PredQuantity(_Lenient):
    kind: str
    value: float
    unit: str = ""
    subject: str = ""


class PredLaw(_Lenient):
    law: str
    article: int
    paragraph: int | None = None
    item: int | None = None
    role: str | None = None


class PredPenalty(_Lenient):
    kind: str
    yuan: float | None = None


class PredViolation(_Lenient):
    category: str | None = None


class PredReason(_Lenient):
    rule_id: str | None = None


class PredRisk(_Lenient):
    level: str | None = None
    reasons: list[PredReason] = Field(default_factory=list)

    @field_validator("reasons", mode="before")
    @classmethod
    def _null_list(cls, value: object) -> object:
        return [] if value is None else value


class Prediction(_Lenient):
    file: str
    status: str = "ok"
    error: str | None = None
    doc_number: str | None = None
    agency: str | None = None
    decision_date: str | None = None
    case_cause: str | None = None
    parties: list[PredParty] = Field(default_factory=list)
    amounts: list[PredAmount] = Field(default_factory=list)
    quantities: list[PredQuantity] = Field(default_factory=list)
    laws: list[PredLaw] = Field(default_factory=list)
    penalties: list[PredPenalty] = Field(default_factory=list)
    missing_elements: list[str] = Field(default_factory=list)
    violation: PredViolation = Field(default_factory=PredViolation)
    criminal_risk: PredRisk = Field(default_factory=PredRisk)
    text: str | None = None

    @field_validator(
        "parties", "amounts", "quantities", "laws", "penalties", "missing_elements", mode="before"
    )
    @classmethod
    def _null_list(cls, value: object) -> object:
        return [] if value is None else value

    @field_validator("violation", "criminal_risk", mode="before")
    @classmethod
    def _null_object(cls, value: object) -> object:
        return {} if value is None else value

    @property
    def stem(self) -> str:
        return file_stem(self.file)


def file_stem(file: str) -> str:
    """`corpus/d0.pdf`, `C:\\scans\\d0.pdf` and `batch.zip/d0.png` all have the stem d0."""
    name = PureWindowsPath(PurePosixPath(file).name).name
    return name.rsplit(".", 1)[0] if "." in name else name


def load_gold(corpus_dir: Path) -> list[GoldRecord]:
    path = corpus_dir / "decisions.jsonl"
    if not path.is_file():
        raise DataFileError(f"{path}: no gold file; pass the corpus directory that holds decisions.jsonl")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(GoldRecord.model_validate_json(line))
        except ValidationError as exc:
            problem = exc.errors()[0]["msg"]
            raise DataFileError(f"{path}: line {number} is not a GoldRecord: {problem}") from exc
    return records


def load_predictions(path: Path) -> dict[str, Prediction]:
    """Predictions by file stem. When a stem occurs twice an ok result wins over an error."""
    if not path.is_file():
        raise DataFileError(f"{path}: no prediction file; write one with `lianfa extract --format jsonl`")
    out: dict[str, Prediction] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            pred = Prediction.model_validate_json(line)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            problem = f"{where}: {err['msg']}"
            raise DataFileError(f"{path}: line {number} is not an extract result ({problem})") from exc
        if pred.stem not in out or out[pred.stem].status != "ok":
            out[pred.stem] = pred
    return out
