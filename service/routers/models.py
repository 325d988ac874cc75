"""GET /api/models: which engines and model files this installation has (nothing is downloaded)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends

from lianfa.ingest.hashing import file_sha256
from lianfa.service.auth import CurrentUser, require
from lianfa.service.routers.deps import SettingsDep
from lianfa.service.schemas.stats import ModelOut

router = APIRouter(prefix="/api/models", tags=["models"])

_MODEL_SUFFIXES = {".skops", ".onnx", ".json", ".yaml", ".pkl", ".bin"}


def _registry(root: Path) -> list[ModelOut]:
    """Model files under <data_dir>/models/<kind>/<version>/..., with the `active` pointer file honoured."""
    out: list[ModelOut] = []
    if not root.is_dir():
        return out
    for kind_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        active_file = kind_dir / "active"
        active = active_file.read_text(encoding="utf-8").strip() if active_file.is_file() else None
        for path in sorted(kind_dir.rglob("*")):
            if path.is_file() and path.suffix in _MODEL_SUFFIXES:
                version = path.relative_to(kind_dir).parts[0] if len(path.relative_to(kind_dir).parts) > 1 else None
                out.append(
                    ModelOut(
                        kind=kind_dir.name,
                        name=path.name,
                        version=version,
                        active=active is not None and version == active,
                        path=str(path),
                        sha256=file_sha256(path),
                        size=path.stat().st_size,
                    )
                )
    return out


@router.get("", response_model=list[ModelOut])
def list_models(settings: SettingsDep, user: Annotated[CurrentUser, Depends(require("analyst", "reviewer"))]) -> list[ModelOut]:
    engines = [ModelOut(kind="ocr_engine", name=settings.ocr_engine, active=True)]
    return engines + _registry(settings.data_dir / "models")
