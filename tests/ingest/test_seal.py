"""Red seals over the date: found, lifted, and the date read with lifting but not without."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from ocr_pages import DECISION_LINES, draw_page, font, stamp_seal
from PIL import Image, ImageDraw

from lianfa.ingest.ocr import get_engine
from lianfa.ingest.ocr import rapid as rapid_module
from lianfa.ingest.seal import find_grey_seals, find_seals, lift_seals

DATE = "二〇二四年三月十八日"
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def sealed():
    return stamp_seal(draw_page(DECISION_LINES[:4], height=1000, date=DATE))


def test_seal_is_found_around_the_date(sealed) -> None:
    boxes = find_seals(sealed.image)
    assert len(boxes) == 1
    x0, y0, x1, y1 = boxes[0]
    dx0, dy0, dx1, dy1 = sealed.date_box
    assert x0 < (dx0 + dx1) / 2 < x1 and y0 < (dy0 + dy1) / 2 < y1
    assert 0.8 < (x1 - x0) / (y1 - y0) < 1.25


def test_lifting_whitens_the_seal_and_keeps_the_print(sealed) -> None:
    lifted = np.asarray(lift_seals(sealed.image)).astype(int)
    original = np.asarray(sealed.image).astype(int)
    red = (original[..., 0] - original[..., 1:].max(axis=2)) > 60
    assert red.sum() > 5000
    assert (lifted[red].min(axis=1) > 200).mean() > 0.95  # seal ink is now (near) paper
    x0, y0, x1, y1 = sealed.date_box
    date_dark = (original[y0:y1, x0:x1].max(axis=2) < 80).sum()
    assert date_dark > 500
    assert (lifted[y0:y1, x0:x1].max(axis=2) < 80).sum() >= 0.9 * date_dark  # the date's strokes stay


def test_pages_without_a_seal_are_returned_untouched() -> None:
    page = draw_page(DECISION_LINES[:3], height=600).image
    assert lift_seals(page) is page
    grey = page.convert("L")
    assert lift_seals(grey) is grey


def test_a_red_letterhead_is_not_a_seal() -> None:
    page = draw_page(DECISION_LINES[2:5], height=900, margin=300).image
    draw = ImageDraw.Draw(page)
    draw.text((180, 60), "某某市市场监督管理局文件", font=font(110), fill=(220, 30, 30))
    draw.rectangle((150, 230, 1500, 238), fill=(220, 30, 30))
    assert find_seals(page) == []
    assert lift_seals(page) is page


@pytest.mark.ocr
def test_date_under_a_rendered_seal_is_read_only_with_lifting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The renderer's fixture page whose seal covers the agency name and the date."""
    meta = json.loads((CORPUS / "clean" / "d0007-000000.pages.json").read_text(encoding="utf-8"))
    page = next(p for p in meta["pages"] if p["image"] == "d0007-000000-p002.png")
    agency, date = page["seal_over"]
    image = Image.open(CORPUS / "clean" / page["image"]).convert("RGB")
    engine = get_engine("rapidocr")
    with_lifting = [line.text for line in engine.recognize(image)]
    monkeypatch.setattr(rapid_module, "lift_seals", lambda im: im)
    without = [line.text for line in engine.recognize(image)]
    assert date in with_lifting and agency in with_lifting
    assert date not in without


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_seals_from_the_corpus_renderer_are_found_and_lifted(seed: int) -> None:
    import random

    from lianfa.corpora.render.seal import make_seal, stamp

    page = draw_page(DECISION_LINES[:4], height=1000, date=DATE)
    x0, y0, x1, y1 = page.date_box
    image = page.image.copy()
    stamp(image, make_seal("某某市市场监督管理局", 320, random.Random(seed)), (x0 + x1) / 2, (y0 + y1) / 2)
    assert len(find_seals(image)) == 1
    lifted = np.asarray(lift_seals(image)).astype(int)
    seal_ink = np.asarray(image).astype(int)
    red = (seal_ink[..., 0] - seal_ink[..., 1:].max(axis=2)) > 60
    assert (lifted[red].min(axis=1) > 180).mean() > 0.9
    clean = np.asarray(page.image)[y0:y1, x0:x1].max(axis=2) < 80
    assert (lifted[y0:y1, x0:x1].max(axis=2) < 100)[clean].mean() > 0.9


def test_seals_on_palette_and_rgba_scans_are_lifted_too(sealed) -> None:
    for mode in ("RGBA", "P"):
        scan = sealed.image.convert(mode)
        assert len(find_seals(scan)) == 1
        lifted = lift_seals(scan)
        assert lifted.mode == "RGB"
        x0, y0, x1, y1 = find_seals(sealed.image)[0]
        assert not find_seals(lifted.crop((x0, y0, x1, y1)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_faded_seal_is_found_and_lifted(seed: int) -> None:
    """A seal pressed lightly (or a scan that washed its red out) has thin, pale strokes; seen on a
    4x smaller copy they are pinkish, far from the full red of a fresh stamp."""
    import random

    from lianfa.corpora.render.seal import Seal, make_seal, stamp

    page = draw_page(DECISION_LINES[:4], height=1000, date=DATE)
    x0, y0, x1, y1 = page.date_box
    image = page.image.copy()
    fresh = make_seal("某某市市场监督管理局", 320, random.Random(seed))
    faded = Seal(fresh.mask.point(lambda v: int(v * 0.7)), fresh.color)
    stamp(image, faded, (x0 + x1) / 2, (y0 + y1) / 2)
    assert len(find_seals(image)) == 1
    lifted = np.asarray(lift_seals(image)).astype(int)
    clean = np.asarray(page.image)[y0:y1, x0:x1].max(axis=2) < 80
    assert (lifted[y0:y1, x0:x1].max(axis=2) < 100)[clean].mean() > 0.9


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_seal_scanned_in_grey_is_found_and_lifted(seed: int) -> None:
    import random

    from lianfa.corpora.render.seal import make_seal, stamp

    page = draw_page(DECISION_LINES[:4], height=1000, date=DATE)
    x0, y0, x1, y1 = page.date_box
    image = page.image.copy()
    stamp(image, make_seal("某某市市场监督管理局", 320, random.Random(seed)), (x0 + x1) / 2, (y0 + y1) / 2)
    grey = image.convert("L")
    [box] = find_grey_seals(np.asarray(grey))
    assert box[0] < (x0 + x1) / 2 < box[2] and box[1] < (y0 + y1) / 2 < box[3]
    lifted = np.asarray(lift_seals(grey).convert("L")).astype(int)
    seal_ink = (np.asarray(image).astype(int)[..., 0] - np.asarray(image).astype(int)[..., 1:].max(axis=2)) > 60
    clean = np.asarray(page.image.convert("L"))[y0:y1, x0:x1] < 80
    assert (lifted[seal_ink & (np.asarray(page.image.convert("L")) > 200)] > 200).mean() > 0.9  # ink gone
    assert (lifted[y0:y1, x0:x1] < 100)[clean].mean() > 0.9  # print kept


def test_faint_grey_text_and_tables_are_not_grey_seals() -> None:
    """A block of low-contrast print is mid-grey too, but fills its box's corners; ruled table lines
    do not close into a ring."""
    page = draw_page(DECISION_LINES[:8], height=1400).image.convert("L")
    faint = Image.eval(page, lambda v: 140 + v * 115 // 255)  # print at ~140 on paper at 255
    assert find_grey_seals(np.asarray(faint)) == []
    assert lift_seals(faint) is faint
    table = Image.new("L", (1654, 1400), 250)
    draw = ImageDraw.Draw(table)
    for i in range(6):
        draw.line((200, 300 + 120 * i, 1450, 300 + 120 * i), fill=150, width=3)
    for x in (200, 600, 1000, 1450):
        draw.line((x, 300, x, 900), fill=150, width=3)
    assert find_grey_seals(np.asarray(table)) == []
