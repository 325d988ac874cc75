"""The classifiers' section of the settings (lianfa.settings.Settings is the whole, read from
`LIANFA_*` environment variables or a .env file).

The province decides which figure of a provincial range applies; without one the range's low end
raises `review` and its high end raises `high` (thresholds.md 使用提示 3).
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ClassifierSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LIANFA_", env_file=".env", extra="ignore")

    province: str | None = None
    # A value at or above this share of a threshold, but below it, asks a human to look.
    near_threshold: float = Field(default=0.8, gt=0, le=1)
    top_k: int = Field(default=3, ge=1)
    # Categories less likely than this are not checked against their rules.
    category_floor: float = Field(default=0.1, ge=0, le=1)
    # A category is filed only when the text holds this much evidence of it (classify.py: its
    # conduct terms, long ones counting two, and its articles): the out-of-domain test, since
    # probabilities are relative and some category always comes first.
    category_min_support: int = Field(default=3, ge=0)
    # A first guess in the domain and this likely is the decision's only category: the less likely
    # ones bring no threshold rules.
    category_sure: float = Field(default=0.4, ge=0, le=1)
    # The text model alone raises `review` at or above this score (conduct rules cannot measure).
    text_review_score: float = Field(default=0.95, ge=0, le=1)
    model_version: str | None = None  # pin a registry version instead of the active one
    # Size of the generated corpus the default model is trained on (fixed seed: reproducible).
    default_model_documents: int = Field(default=3000, ge=100)

