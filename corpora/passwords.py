"""The list of common passwords the password policy refuses (corpora/data/common_passwords.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, field_validator

from lianfa.corpora.datafile import DATA_DIR, load_model


class CommonPasswords(BaseModel):
    passwords: list[str]

    @field_validator("passwords")
    @classmethod
    def _lower_case(cls, value: list[str]) -> list[str]:
        upper = [p for p in value if p != p.lower()]
        if upper:
            raise ValueError(f"entries must be lower case (they are compared lower-cased): {upper[:5]}")
        return value


@lru_cache(maxsize=2)
def common_passwords(path: Path | None = None) -> frozenset[str]:
    return frozenset(load_model(path or DATA_DIR / "common_passwords.yaml", CommonPasswords).passwords)
