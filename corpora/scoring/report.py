"""The evaluation report: counts and rates, as a pydantic model (JSON) and as a text table."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Counts(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else None

    def score(self) -> Score:
        return Score(
            tp=self.tp, fp=self.fp, fn=self.fn, precision=self.precision, recall=self.recall, f1=self.f1
        )


class Score(BaseModel):
    """precision/recall/f1 are null when undefined (nothing predicted / nothing to find)."""

    tp: int
    fp: int
    fn: int
    precision: float | None
    recall: float | None
    f1: float | None


class RoleScore(Score):
    gold: int  # gold amounts of this role
    pred: int  # predicted amounts of this role
    value_found: float | None  # share of gold amounts whose value was predicted under any role


class CategoryScore(BaseModel):
    documents: int
    correct: int
    accuracy: float | None
    macro_f1: float | None  # over every category in gold or predictions
    per_category: dict[str, Score] = Field(default_factory=dict)


class NearThresholdScore(Score):
    """The flag counted the way the spec wants it: a gold negative marked near_threshold (a measured
    value ≥ 80% of a threshold) predicted `review` is a correct prompt, neither a true nor a false
    flag, so it leaves precision's denominator; `high` on it stays a false flag."""

    near_gold: int  # gold negatives marked near_threshold
    prompted: int  # of those, predicted review: correct near-threshold prompts
    prompt_share: float | None  # prompted / near_gold
    flagged_high: int  # of those, predicted high: counted as false flags
    missed_prompts: int  # of those, predicted low or nothing: the supervisor was not prompted


class CriminalScore(Score):
    """tp/fp/fn and the rates are the raw flag: flagged = high|review against the gold label."""

    documents: int
    gold_positive: int
    declined_by_police: int  # gold cases over a threshold the police declined: 立案监督 leads, expected flagged
    decided_by_prosecutor: int  # gold cases over a threshold a prosecutor did not prosecute: expected unflagged
    levels: dict[str, int] = Field(default_factory=dict)  # predicted level -> documents
    high_only: Score  # the same counts when only level "high" is a flag
    # of the correctly flagged cases, the share whose reasons cite the gold rule_id
    rule_agreement: float | None = None
    near_prompts_excluded: NearThresholdScore


class CerScore(BaseModel):
    documents: int
    reference_chars: int
    cer: float | None  # total edits / total reference characters, whitespace removed
    cer_nfkc: float | None  # the same after NFKC on both sides


class EvalReport(BaseModel):
    documents: int  # gold records
    predicted: int  # gold records with an ok prediction
    missing: list[str] = Field(default_factory=list)  # gold ids without a prediction
    errors: list[str] = Field(default_factory=list)  # gold ids whose prediction is status error
    unmatched_predictions: list[str] = Field(default_factory=list)  # prediction stems not in gold
    fields: dict[str, Score]
    amounts_by_role: dict[str, RoleScore]
    category: CategoryScore
    criminal: CriminalScore
    ocr: CerScore | None = None


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:6.2f}"


def _row(name: str, s: Score, extra: str = "") -> str:
    return (
        f"{name:<24}{_pct(s.precision):>8}{_pct(s.recall):>8}{_pct(s.f1):>8}"
        f"{s.tp:>7}{s.fp:>7}{s.fn:>7}{extra}"
    )


def format_table(report: EvalReport) -> str:
    near = report.criminal.near_prompts_excluded
    header = f"{'':<24}{'P%':>8}{'R%':>8}{'F1%':>8}{'TP':>7}{'FP':>7}{'FN':>7}"
    lines = [
        f"documents {report.documents}, predicted ok {report.predicted}, missing {len(report.missing)}, "
        f"errors {len(report.errors)}, predictions not in gold {len(report.unmatched_predictions)}",
        "",
        "fields",
        header,
        *(_row(name, score) for name, score in report.fields.items()),
        "",
        "amounts by role",
        header + f"{'gold':>7}{'pred':>7}{'value%':>8}",
        *(
            _row(role, s, f"{s.gold:>7}{s.pred:>7}{_pct(s.value_found):>8}")
            for role, s in report.amounts_by_role.items()
        ),
        "",
        f"category: accuracy {_pct(report.category.accuracy).strip()}% "
        f"({report.category.correct}/{report.category.documents}), "
        f"macro-F1 {_pct(report.category.macro_f1).strip()}%",
        "",
        "criminal flag (high|review)",
        header,
        _row("flag (raw)", report.criminal),
        _row("flag (high only)", report.criminal.high_only),
        _row("flag (near excluded)", near),
        "  near excluded: a gold negative within 20% of a threshold predicted review is a correct",
        "  prompt (临近立案标准), left out of precision; predicted high it is still a false flag",
        f"near-threshold gold negatives {near.near_gold}: review (prompted) {near.prompted} "
        f"({_pct(near.prompt_share).strip()}%), high (false flag) {near.flagged_high}, "
        f"low (missed prompt) {near.missed_prompts}",
        f"gold positive {report.criminal.gold_positive} (declined by police, expected review: "
        f"{report.criminal.declined_by_police}), decided by a prosecutor (expected unflagged) "
        f"{report.criminal.decided_by_prosecutor}, levels "
        + ", ".join(f"{k} {v}" for k, v in sorted(report.criminal.levels.items())),
        f"flagged cases citing the gold rule: {_pct(report.criminal.rule_agreement).strip()}%",
    ]
    if report.ocr is not None:
        lines += [
            "",
            f"OCR CER over {report.ocr.documents} documents ({report.ocr.reference_chars} chars): "
            f"{_pct(report.ocr.cer).strip()}%, after NFKC {_pct(report.ocr.cer_nfkc).strip()}%",
        ]
    return "\n".join(lines) + "\n"
