"""What the PDF and image readers hand the pipeline, one page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PIL import Image


@dataclass
class TextLayerPage:
    """A PDF page whose own text layer is used: pdfplumber `page.chars`, in PDF points."""

    number: int
    width: float
    height: float
    chars: list[dict[str, Any]]


@dataclass
class ImagePage:
    """A page to OCR. `rotation` is what was already applied to right it (a photo's EXIF orientation)."""

    number: int
    image: Image.Image
    rotation: int = 0


@dataclass
class FailedPage:
    """A page that could not be read; the file's other pages still are."""

    number: int
    error: str
    width: float = 0.0
    height: float = 0.0


RawPage = TextLayerPage | ImagePage | FailedPage
