"""Reading the bundled YAML data files into validated pydantic models.

Every loader goes through here so a broken data file fails the same way: a DataFileError naming
the file and the first problems, never a bare yaml or pydantic traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from lianfa.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"

M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, model: type[M]) -> M:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: file not found; reinstall lianfa or fix the configured path") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc}); fix the syntax at the position shown") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'top level'}: {err['msg']}" for err in exc.errors()[:8]
        )
        raise DataFileError(f"{path}: invalid {model.__name__}: {problems}") from exc
