"""What the PDF and image readers hand the pipeline, one page at a time (RawPage), and what the
pipeline makes of each before layout (PageRead)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from PIL import Image

from lianfa.ingest.document import Line, PageInfo


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


# What layout reads of a text-layer character (ingest.layout): all a stored page needs to keep.
_CHAR_KEYS = ("text", "x0", "x1", "top", "bottom", "upright")


@dataclass(frozen=True)
class PageRead:
    """One page as the pipeline read it, before layout: its PageInfo and either its OCR lines or its
    text-layer characters. The expensive part of reading a page (rendering, righting, OCR) is done;
    what is left (layout into the Document) is milliseconds. It holds no image, so a page read in one
    process can be stored (`to_record`) and laid out in page order by another."""

    info: PageInfo
    lines: tuple[Line, ...] = ()
    chars: tuple[dict[str, Any], ...] | None = None  # a text-layer page

    @classmethod
    def failed(cls, number: int, error: str, width: float = 0.0, height: float = 0.0) -> PageRead:
        return cls(PageInfo(number=number, width=width, height=height, source="ocr", error=error))

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready form; `from_record` gives back the page as layout reads it (of each character,
        only what layout uses is kept)."""
        return {
            "info": asdict(self.info),
            "lines": [{"text": ln.text, "confidence": ln.confidence, "quad": [list(p) for p in ln.quad]}
                      for ln in self.lines],
            "chars": None if self.chars is None else [{k: c[k] for k in _CHAR_KEYS if k in c} for c in self.chars],
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> PageRead:
        lines = []
        for ln in record["lines"]:
            a, b, c, d = ((float(x), float(y)) for x, y in ln["quad"])
            lines.append(Line(ln["text"], float(ln["confidence"]), (a, b, c, d)))
        chars = record["chars"]
        return cls(PageInfo(**record["info"]), tuple(lines), None if chars is None else tuple(chars))
