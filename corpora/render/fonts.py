"""Fonts for drawing decisions: Noto CJK SC faces for page images, an embeddable face for text layers.

Debian's fonts-noto-cjk ships .ttc collections whose face order is not promised, so faces are
found by name rather than by a fixed index. Those faces have CFF outlines, which reportlab cannot
embed; text-layer PDFs use a TrueType CJK face (fonts-wqy-zenhei) when the machine has one, and
otherwise reportlab's built-in STSong-Light CID font, which every PDF reader maps to a local font.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from PIL import ImageFont

from lianfa.errors import ConfigError

Family = Literal["serif", "sans"]
Weight = Literal["regular", "bold"]

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
_NOTO_FILES: dict[tuple[Family, Weight], str] = {
    ("serif", "regular"): "NotoSerifCJK-Regular.ttc",
    ("serif", "bold"): "NotoSerifCJK-Bold.ttc",
    ("sans", "regular"): "NotoSansCJK-Regular.ttc",
    ("sans", "bold"): "NotoSansCJK-Bold.ttc",
}
_TEXT_LAYER_TTF = (
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
)
_CID_FONT = "STSong-Light"


@dataclass(frozen=True)
class FontSpec:
    family: Family
    weight: Weight
    size: int  # pixels at the render resolution


@lru_cache(maxsize=8)
def _sc_index(path: Path) -> int:
    """Index of the Simplified Chinese face ("... CJK SC") inside a Noto .ttc collection."""
    for index in range(16):
        try:
            name, _style = ImageFont.truetype(str(path), 12, index=index).getname()
        except OSError:
            break
        if name is not None and name.endswith("CJK SC"):
            return index
    raise ConfigError(
        f"{path}: no 'CJK SC' face in this font collection; reinstall the Debian package fonts-noto-cjk"
    )


@lru_cache(maxsize=64)
def pil_font(spec: FontSpec) -> ImageFont.FreeTypeFont:
    path = NOTO_DIR / _NOTO_FILES[(spec.family, spec.weight)]
    if not path.is_file():
        raise ConfigError(f"{path} is missing: install the Debian package fonts-noto-cjk")
    return ImageFont.truetype(str(path), spec.size, index=_sc_index(path))


class Measurer:
    """Text widths for one font, cached per character: wrapping measures every character."""

    def __init__(self, spec: FontSpec) -> None:
        self.spec = spec
        self.font = pil_font(spec)
        self._widths: dict[str, float] = {}
        ascent, descent = self.font.getmetrics()
        self.ascent = ascent
        self.descent = descent

    def char(self, ch: str) -> float:
        width = self._widths.get(ch)
        if width is None:
            width = self.font.getlength(ch)
            self._widths[ch] = width
        return width

    def width(self, text: str) -> float:
        return sum(self.char(ch) for ch in text)


@lru_cache(maxsize=64)
def measurer(spec: FontSpec) -> Measurer:
    return Measurer(spec)


@lru_cache(maxsize=4)
def text_layer_font() -> str:
    """Register and return the reportlab font name used for PDF text layers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    for path, index in _TEXT_LAYER_TTF:
        if path.is_file():
            name = f"lianfa-{path.stem}"
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
            return name
    if _CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_CID_FONT))
    return _CID_FONT
