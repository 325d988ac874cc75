"""Ingest's section of the settings (lianfa.settings.Settings is the whole, read from `LIANFA_*`
environment variables or a .env file); ingest's functions take it as an argument.

Limits default to values that a clerk's real uploads stay well inside but that stop a hostile or
broken file from exhausting a 2-core, air-gapped machine.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "lianfa"


class IngestSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LIANFA_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)

    max_file_bytes: int = 200 * 1024 * 1024
    # A decision's text is 5–100 KB; extraction time grows faster than the text, so a text file far
    # past any decision (a 60 MB log) is refused at intake instead of holding a worker for minutes.
    max_text_bytes: int = 1024 * 1024
    max_pages: int = 500
    max_page_pixels: int = 60_000_000  # an A3 scan at 600 dpi is ~35 Mpx
    max_zip_entries: int = 2_000
    max_zip_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_zip_ratio: float = 200.0
    max_zip_depth: int = 2
    # PDF pages without a usable text layer are rendered at this resolution for OCR (bench/raster_dpi.py).
    pdf_raster_dpi: int = 200

    ocr_engine: str = "rapidocr"
    ocr_threads: int = 2
    ocr_model_dir: Path | None = None  # local PaddleOCR model folders; default under data_dir

