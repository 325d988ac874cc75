"""lianfa.ingest.geometry.upright: quarter turns and skew, on a drawn page turned and tilted by known amounts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from ocr_pages import DECISION_LINES, draw_page
from PIL import Image, ImageChops

from lianfa.ingest.geometry import _line_direction, _refine_skew, upright

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

# PIL turns counter-clockwise: content turned CCW by r needs r clockwise to be righted
_TURN_CCW = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return draw_page(DECISION_LINES, height=1500).image


def _scan(page: Image.Image, turned: int, tilt: float) -> Image.Image:
    """The page as a scanner might deliver it: tilted `tilt`° clockwise, then turned `turned`° CCW."""
    img = page
    if tilt:
        img = page.rotate(-tilt, expand=True, fillcolor="white", resample=Image.Resampling.BICUBIC)
    return img.transpose(_TURN_CCW[turned]) if turned else img


@pytest.mark.ocr
@pytest.mark.parametrize(("turned", "tilt"), [(0, 0.0), (270, 4.6)])
def test_rights_turned_and_tilted_pages(page: Image.Image, turned: int, tilt: float) -> None:
    righted, rotation, skew = upright(_scan(page, turned, tilt))
    assert rotation == turned
    assert skew == pytest.approx(tilt, abs=0.15)
    if tilt == 0:
        assert ImageChops.difference(righted, page).getbbox() is None
    else:
        assert _mismatch(righted, page) < 0.25 * _mismatch(righted.rotate(180), page)


def _mismatch(righted: Image.Image, page: Image.Image) -> float:
    """Mean grey-level difference between `page` and the middle of `righted`, at a quarter size.

    Tilting and levelling each grow the canvas about its centre, so a righted page sits in the middle.
    """
    left = (righted.width - page.width) // 2
    top = (righted.height - page.height) // 2
    middle = righted.crop((left, top, left + page.width, top + page.height))
    size = (page.width // 4, page.height // 4)
    a = np.asarray(middle.convert("L").resize(size, Image.Resampling.BOX), dtype=float)
    b = np.asarray(page.convert("L").resize(size, Image.Resampling.BOX), dtype=float)
    return float(np.abs(a - b).mean())


@pytest.mark.ocr
@pytest.mark.parametrize("image", ["d0007-000001-p001.jpg", "d0007-000001-p002.jpg"])
def test_rights_the_renderers_turned_damaged_scans(image: str) -> None:
    """Fixture scans turned 90° (colour) and 180° (greyscale, JPEG), both skewed, blurred and specked."""
    meta = json.loads((CORPUS / "damaged" / "d0007-000001.pages.json").read_text(encoding="utf-8"))
    truth = next(p for p in meta["pages"] if p["image"] == image)
    righted, rotation, skew = upright(Image.open(CORPUS / "damaged" / image))
    assert rotation == truth["rotation"]
    # the renderer records the tilt it gave the page; levelling turns it back the other way
    assert skew == pytest.approx(-truth["skew"], abs=0.15)


@pytest.mark.ocr
def test_blank_page_is_left_alone() -> None:
    blank = Image.new("RGB", (800, 1100), (250, 250, 248))
    righted, rotation, skew = upright(blank)
    assert (rotation, skew) == (0, 0.0)
    assert righted is blank


class _NoReading:
    """A probe whose detector finds the given boxes and whose reader reads nothing."""

    def __init__(self, quads: list) -> None:
        self.quads = quads

    def detect(self, image: Image.Image) -> list:
        return self.quads

    def read_strips(self, strips: list[Image.Image]) -> list[tuple[str, float]]:
        return [("", 0.0) for _ in strips]


def test_page_nothing_can_be_read_on_is_not_turned(page: Image.Image) -> None:
    quads = [((10.0, 10.0), (300.0, 10.0), (300.0, 30.0), (10.0, 30.0))]
    righted, rotation, skew = upright(page, probe=_NoReading(quads))
    assert (rotation, skew) == (0, 0.0)


def test_line_direction_from_boxes() -> None:
    def box(x: float, y: float, w: float, h: float, deg: float) -> np.ndarray:
        a = np.radians(deg)
        rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
        corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=float)
        return corners @ rot.T + (x, y)

    lines = [box(50, 50 + 30 * i, 400, 20, 2.0) for i in range(5)] + [box(500, 500, 20, 20, 0.0)]
    horizontal, lean = _line_direction(lines)
    assert horizontal and lean == pytest.approx(2.0, abs=0.01)
    columns = [box(50 + 30 * i, 50, 20, 400, 0.0) for i in range(5)]
    assert _line_direction(columns)[0] is False


@pytest.mark.parametrize("tilt", [-4.5, -0.8, 2.3])
def test_profile_search_sharpens_a_rough_guess(page: Image.Image, tilt: float) -> None:
    tilted = _scan(page, 0, tilt).convert("L")
    small = tilted.resize((tilted.width // 2, tilted.height // 2), Image.Resampling.BOX)
    assert _refine_skew(small, tilt + 0.4) == pytest.approx(tilt, abs=0.1)


def test_bilevel_scans_are_levelled_as_grey(page: Image.Image) -> None:
    # one detected line leaning 2° clockwise, as the tilted page's lines do
    quads = [((10.0, 10.0), (300.0, 20.13), (299.3, 40.13), (9.3, 30.0))]

    class _ReadsEverything(_NoReading):
        def read_strips(self, strips: list[Image.Image]) -> list[tuple[str, float]]:
            return [("当事人某某商贸有限公司", 0.99) for _ in strips]

    tilted = _scan(page, 0, 2.0).convert("1")
    righted, rotation, skew = upright(tilted, probe=_ReadsEverything(quads))
    assert (rotation, righted.mode) == (0, "L")
    assert skew == pytest.approx(2.0, abs=0.15)
