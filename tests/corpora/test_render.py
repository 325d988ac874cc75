"""The renderer: layout ground truth, seal, scan damage, image/PDF outputs, determinism, fixtures."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from typer.testing import CliRunner

from lianfa.corpora.gold import Block, GoldCriminal, GoldRecord, RenderedPages
from lianfa.corpora.render import fonts
from lianfa.corpora.render.corpus import render_corpus
from lianfa.corpora.render.damage import Damage, apply_damage, sample_damage
from lianfa.corpora.render.fixtures import MANIFEST, FixtureManifest, make_fixtures
from lianfa.corpora.render.fonts import FontSpec, measurer
from lianfa.corpora.render.layout import layout_record, wrap
from lianfa.corpora.render.record import RenderOptions, render_record, seeded
from lianfa.corpora.render.style import sample_style
from lianfa.errors import DataFileError
from tests.conftest import unavailable

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DPI = 100  # small pages keep the suite fast; geometry scales with dpi
AGENCY = "江宁市市场监督管理局"
DATE_TEXT = "2024年10月15日"
FACTS = (
    "经查，当事人于2024年3月至2024年9月期间，在其经营场所销售假冒注册商标的卷烟共计1,250条，"
    "货值金额人民币356,800.00元，违法所得人民币42,300元。上述事实有现场检查笔录、询问笔录、"
    "进货单据和鉴别检验报告等证据证实，当事人对违法事实无异议。"
)


def make_record(rid: str = "r0001", paragraphs: int = 6, table: bool = True) -> GoldRecord:
    rows = [["当事人", "江宁市某某商贸有限公司"], ["统一社会信用代码", "91320115MA1XABCD2K"], ["法定代表人", "李明"]]
    parties = (
        Block(kind="parties", text="\n".join(" ".join(r) for r in rows), rows=rows)
        if table
        else Block(kind="parties", text="当事人：江宁市某某商贸有限公司，统一社会信用代码：91320115MA1XABCD2K。")
    )
    blocks = [
        Block(kind="header", text=AGENCY, align="center"),
        Block(kind="title", text="行政处罚决定书", align="center"),
        Block(kind="doc_number", text="江市监处罚〔2024〕123号", align="right"),
        parties,
        *[Block(kind="paragraph", text=FACTS) for _ in range(paragraphs)],
        Block(kind="heading", text="二、处罚决定"),
        Block(kind="paragraph", text="根据《中华人民共和国产品质量法》第五十条的规定，本局决定：罚款人民币713,600元。"),
        Block(kind="signature", text=AGENCY, align="right"),
        Block(kind="date", text=DATE_TEXT, align="right"),
        Block(kind="footer", text="本决定书一式三份，一份送达当事人，一份存档，一份送财政部门。"),
    ]
    return GoldRecord(
        id=rid, style="default", seed=1, category="fake_goods", agency=AGENCY, agency_type="market",
        doc_number="江市监处罚〔2024〕123号", decision_date=date(2024, 10, 15), parties=[], amounts=[],
        criminal=GoldCriminal(label=False), blocks=blocks, text="\n".join(b.text for b in blocks),
    )


def load_pages(out: Path, rid: str) -> RenderedPages:
    return RenderedPages.model_validate_json((out / f"{rid}.pages.json").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return "".join(text.split())


# --- layout and ground truth ------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(12))
def test_page_texts_concatenate_to_the_record_text(seed: int) -> None:
    record = make_record(paragraphs=4 + seed, table=seed % 3 != 0)
    pages = layout_record(record, sample_style(seeded(seed, record.id, "style"), 200))
    assert "".join(p.text for p in pages) == record.text
    assert all(p.text for p in pages)
    if len(pages) > 1:
        assert all(p.furniture for p in pages)
        assert "1" in pages[0].furniture[-1].text and str(len(pages)) in pages[-1].furniture[-1].text


def test_some_templates_repeat_the_doc_number_atop_continuation_pages() -> None:
    record = make_record(paragraphs=10)
    headed = 0
    for seed in range(40):
        pages = layout_record(record, sample_style(seeded(seed, record.id, "style"), 100))
        assert len(pages) >= 2 and not any(r.text == record.doc_number for r in pages[0].furniture)
        tops = [p.furniture[0] for p in pages[1:] if p.furniture and p.furniture[0].text == record.doc_number]
        assert all(run.baseline < pages[0].runs[0].baseline for run in tops)
        headed += bool(tops)
    assert 0 < headed < 40


@pytest.mark.parametrize("seed", range(30))
def test_a_long_spaced_title_stays_on_the_paper(seed: int) -> None:
    record = make_record(paragraphs=2)
    long_title = "上饶市广丰区林业和草原局行政处罚决定书"
    record.blocks[0:2] = [Block(kind="title", text=long_title, align="center")]
    record = record.model_copy(update={"text": "\n".join(b.text for b in record.blocks)})
    style = sample_style(seeded(seed, record.id, "style"), 200)
    pages = layout_record(record, style)
    assert "".join(p.text for p in pages) == record.text
    title_runs = [run for run in pages[0].runs if run.font == style.title]
    assert "".join(run.text for run in title_runs) == long_title
    for run in title_runs:
        assert style.left - 1 <= run.x and run.x + run.width <= style.width - style.right + 1, (run.text, style)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="经查当事人销售卷烟，。、；（）《》0123456789,.ABC 元", max_size=200),
       st.integers(min_value=60, max_value=600))
def test_wrap_keeps_every_character_and_fits_the_width(text: str, width: int) -> None:
    m = measurer(FontSpec("serif", "regular", 28))
    lines = wrap(text, m, width, width)
    assert "".join(lines) == text
    widest = max(m.char(ch) for ch in text) if text else 0
    for line in lines:
        # closing punctuation may hang past the margin, as in Chinese typesetting; nothing else may
        core = line.rstrip("，。、；：？！）》,.;:?!)")
        assert m.width(core) <= max(width, widest) + 1e-6 or len(core) == 1


def test_long_numbers_are_not_broken_across_lines() -> None:
    m = measurer(FontSpec("serif", "regular", 28))
    text = "罚款" * 7 + "人民币356,800.00元"
    lines = wrap(text, m, m.width("罚款" * 8), m.width("罚款" * 8))
    assert any("356,800.00" in line for line in lines)


# --- page images ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def clean_render(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GoldRecord, RenderedPages]:
    out = tmp_path_factory.mktemp("clean")
    record = make_record(paragraphs=8)
    rendered = render_record(record, out, RenderOptions(format="png", dpi=DPI, seed=3))
    return out, record, rendered


def test_png_pages_are_a4_and_match_their_ground_truth(clean_render) -> None:
    out, record, rendered = clean_render
    assert len(rendered.pages) >= 2
    assert rendered == load_pages(out, record.id)
    assert rendered.file == rendered.pages[0].image
    for page in rendered.pages:
        with Image.open(out / page.image) as image:
            assert image.size == (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI))
            ink = np.asarray(image.convert("L")) < 128
            assert ink.mean() > 0.005  # the page carries print
        assert page.rotation == 0 and not page.damaged and not page.text_layer
    assert "".join(p.text for p in rendered.pages) == record.text


def _red_fraction(image: Image.Image, box: tuple[float, float, float, float]) -> float:
    rgb = np.asarray(image.convert("RGB").crop(tuple(round(v) for v in box)), dtype=np.int32)
    red = (rgb[..., 0] > 150) & (rgb[..., 1] < 120) & (rgb[..., 2] < 130)
    return float(red.mean())


def test_seal_is_red_over_the_date_on_the_last_page(clean_render) -> None:
    out, record, rendered = clean_render
    layouts = layout_record(record, sample_style(seeded(3, record.id, "style"), DPI))
    last = layouts[-1]
    date_run = next(r for r in last.runs if r.text == DATE_TEXT)
    assert DATE_TEXT in rendered.pages[-1].seal_over
    with Image.open(out / rendered.pages[-1].image) as image:
        x0, y0, x1, y1 = date_run.box
        pad = (y1 - y0)
        assert _red_fraction(image, (x0 - pad, y0 - pad, x1 + pad, y1 + pad)) > 0.03
    with Image.open(out / rendered.pages[0].image) as first:
        assert _red_fraction(first, (0, 0, first.width, first.height)) < 0.001
    assert rendered.pages[0].seal_over == []


# --- scan damage ------------------------------------------------------------------------------

def _ink_small(image: Image.Image) -> np.ndarray:
    return (np.asarray(image.convert("L").resize((60, 85)), dtype=np.float32) < 200).astype(np.float32)


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_rotation_metadata_turns_the_page_back_upright(clean_render, tmp_path: Path, turn: int) -> None:
    out, record, _ = clean_render
    damage = Damage(rotation=turn, skew=1.5, blur=0.5, noise=3, contrast=0.8, seed=5)
    rendered = render_record(record, tmp_path, RenderOptions(format="png", dpi=DPI, seed=3), overrides={1: damage})
    page = rendered.pages[0]
    assert page.rotation == turn and page.damaged and page.damage["rotation"] == turn
    with Image.open(tmp_path / page.image) as scanned, Image.open(out / f"{record.id}-p001.png") as clean:
        landscape = scanned.width > scanned.height
        assert landscape == (turn in (90, 270))
        reference = _ink_small(clean)
        scores = {}
        for guess in (0, 90, 180, 270):
            upright = scanned.rotate(-guess, expand=True)
            scores[guess] = float((_ink_small(upright) * reference).sum())
        assert max(scores, key=scores.get) == turn


def test_damage_parameters_change_the_pixels_as_described() -> None:
    page = Image.new("RGB", (300, 400), "white")
    page.paste((0, 0, 0), (50, 50, 250, 80))
    dim = apply_damage(page, Damage(contrast=0.6, greyscale=True, seed=1))
    assert dim.mode == "L"
    pixels = np.asarray(dim)
    assert pixels[60, 100] > 40  # ink paler
    assert pixels[200, 150] < 250  # paper greyer
    shadowed = np.asarray(apply_damage(page, Damage(shadow=0.6, seed=2)).convert("L"), dtype=np.float32)
    assert shadowed[300:, :].std() + shadowed[:, :].std() > 5  # uneven illumination
    assert apply_damage(page, Damage(seed=9)).tobytes() == page.tobytes()
    fax = np.asarray(apply_damage(page, Damage(noise=8, shadow=0.5, greyscale=True, binarize=True, seed=3)))
    assert set(np.unique(fax)) == {0, 255}
    assert fax[60, 100] == 0 and fax[200, 150] == 255  # ink black, shadowed paper still white
    photo = np.asarray(apply_damage(page, Damage(photo=0.05, seed=4)).convert("L"))
    assert photo[1, 1] < 160 and photo[-2, -2] < 160 and photo[200, 150] > 240  # desk around the page
    lid_open = apply_damage(page, Damage(skew=3.0, dark_edges=True)).convert("L")
    lid_closed = apply_damage(page, Damage(skew=3.0)).convert("L")
    assert lid_open.getpixel((1, 1)) < 100 < lid_closed.getpixel((1, 1))
    rng = random.Random(4)
    heavy = [sample_damage("heavy", rng) for _ in range(200)]
    assert all(abs(d.skew) <= 3 for d in heavy)
    assert {d.rotation for d in heavy} == {0, 90, 180, 270}
    assert all(not d.is_clean for d in heavy)


# --- PDFs -------------------------------------------------------------------------------------

@pytest.fixture(params=["embedded", "cid"])
def text_font(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The embedded TrueType face (fonts-wqy-zenhei) and the CID fallback used where it is missing."""
    if request.param == "cid":
        monkeypatch.setattr(fonts, "_TEXT_LAYER_TTF", ())
    elif not any(path.is_file() for path, _ in fonts._TEXT_LAYER_TTF):
        unavailable("no TrueType CJK font installed (Debian package fonts-wqy-zenhei)")
    fonts.text_layer_font.cache_clear()
    yield "STSong" if request.param == "cid" else "WenQuanYi"
    fonts.text_layer_font.cache_clear()


def test_text_layer_pdf_round_trips_through_pdfplumber(tmp_path: Path, text_font: str) -> None:
    record = make_record(paragraphs=8)
    rendered = render_record(record, tmp_path, RenderOptions(format="textpdf", dpi=DPI, seed=1))
    assert all(p.text_layer for p in rendered.pages)
    with pdfplumber.open(tmp_path / rendered.file) as pdf:
        assert len(pdf.pages) == len(rendered.pages) >= 2
        for page, truth in zip(pdf.pages, rendered.pages, strict=True):
            assert text_font in page.chars[0]["fontname"]
            extracted = squash(page.extract_text())
            assert extracted == squash(truth.text + "".join(truth.furniture))


def test_image_pdf_embeds_one_jpeg_per_page_and_no_text(tmp_path: Path) -> None:
    record = make_record(paragraphs=8)
    rendered = render_record(record, tmp_path, RenderOptions(format="pdf", damage="light", dpi=DPI, seed=2))
    data = (tmp_path / rendered.file).read_bytes()
    assert data.count(b"/DCTDecode") == len(rendered.pages)
    with pdfplumber.open(tmp_path / rendered.file) as pdf:
        for page in pdf.pages:
            assert page.chars == [] and len(page.images) == 1
    assert all(p.damaged and not p.text_layer for p in rendered.pages)


def test_mixed_pdf_holds_text_and_scanned_pages(tmp_path: Path) -> None:
    record = make_record(paragraphs=12)
    rendered = render_record(record, tmp_path, RenderOptions(format="mixed", damage="light", dpi=DPI, seed=4))
    flags = [p.text_layer for p in rendered.pages]
    assert True in flags and False in flags
    with pdfplumber.open(tmp_path / rendered.file) as pdf:
        for page, truth in zip(pdf.pages, rendered.pages, strict=True):
            assert bool(page.chars) == truth.text_layer


def test_multipage_tiff_has_a_frame_per_page(tmp_path: Path) -> None:
    record = make_record(paragraphs=8)
    rendered = render_record(record, tmp_path, RenderOptions(format="tiff", damage="light", dpi=72, seed=6))
    with Image.open(tmp_path / rendered.file) as tiff:
        assert tiff.n_frames == len(rendered.pages) >= 2
        for n, page in enumerate(rendered.pages):
            tiff.seek(n)
            assert (tiff.width > tiff.height) == (page.rotation in (90, 270))


# --- determinism and corpus -------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jpeg", "mixed"])
def test_same_seed_same_bytes(tmp_path: Path, fmt: str) -> None:
    record = make_record(paragraphs=3)
    outputs = []
    for name, seed in (("a", 11), ("b", 11), ("c", 12)):
        rendered = render_record(record, tmp_path / name, RenderOptions(format=fmt, damage="heavy", dpi=72, seed=seed))
        files = sorted(p for p in (tmp_path / name).iterdir())
        outputs.append(([f.read_bytes() for f in files], rendered))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] != outputs[2][0]


def _write_corpus(path: Path, records: list[GoldRecord]) -> None:
    (path / "docs").mkdir(parents=True)
    (path / "decisions.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    for r in records:
        (path / "docs" / f"{r.id}.txt").write_text(r.text, encoding="utf-8")


def test_cli_render_writes_a_self_contained_corpus(tmp_path: Path) -> None:
    from lianfa.service.cli import app

    _write_corpus(tmp_path / "src", [make_record("a1", 2), make_record("a2", 2), make_record("a3", 2)])
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["corpus", "render", "--corpus", str(tmp_path / "src"), "--out", str(out),
                                      "--limit", "2", "--format", "jpeg", "--damage", "mixed", "--dpi", "72",
                                      "--workers", "2"])
    assert result.exit_code == 0, result.output
    lines = (out / "decisions.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a1", "a2"]
    assert sorted(p.name for p in (out / "docs").iterdir()) == ["a1.txt", "a2.txt"]
    for rid in ("a1", "a2"):
        assert all((out / p.image).is_file() for p in load_pages(out, rid).pages)
    assert not (out / "a3.pages.json").exists()
    serial = tmp_path / "serial"
    render_corpus(tmp_path / "src", serial, RenderOptions(format="jpeg", damage="mixed", dpi=72), limit=2)
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    assert all((out / f).read_bytes() == (serial / f).read_bytes() for f in files)


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="lianfa corpus generate"):
        render_corpus(tmp_path, tmp_path / "out", RenderOptions())
    assert not (tmp_path / "out").exists()


# --- fixtures ---------------------------------------------------------------------------------

ROLES = {"clean_png", "damaged_jpeg", "rotated_90", "rotated_180", "seal_over_date", "image_pdf", "text_pdf",
         "mixed_pdf"}


def _check_fixture_set(root: Path) -> FixtureManifest:
    manifest = FixtureManifest.model_validate_json((root / MANIFEST).read_text(encoding="utf-8"))
    assert {f.role for f in manifest.files} == ROLES
    records = {json.loads(line)["id"] for line in (root / manifest.decisions).read_text("utf-8").splitlines()}
    for entry in manifest.files:
        assert entry.id in records
        assert all((root / f).is_file() for f in entry.files)
        pages = RenderedPages.model_validate_json((root / entry.pages).read_text(encoding="utf-8"))
        text = (root / "docs" / f"{entry.id}.txt").read_text(encoding="utf-8")
        assert "".join(p.text for p in pages.pages) == text
    assert manifest.role("rotated_90").page is not None
    seal_page = manifest.role("seal_over_date")
    seal_pages = RenderedPages.model_validate_json((root / seal_page.pages).read_text(encoding="utf-8"))
    seal_record = next(json.loads(line) for line in (root / manifest.decisions).read_text("utf-8").splitlines()
                       if json.loads(line)["id"] == seal_page.id)
    dates = {b["text"] for b in seal_record["blocks"] if b["kind"] == "date"}
    assert dates & set(seal_pages.pages[seal_page.page - 1].seal_over)
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert size <= 3_000_000
    return manifest


def test_make_fixtures_from_any_generator(tmp_path: Path) -> None:
    def fake_generate(out: Path, n: int, seed: int, style: str) -> int:
        records = [make_record(f"{style[0]}{i}", paragraphs=2 + 3 * i).model_copy(update={"style": style})
                   for i in range(n)]
        _write_corpus(out, records)
        return n

    manifest = make_fixtures(tmp_path / "fx", seed=1, generate=fake_generate)
    _check_fixture_set(tmp_path / "fx")
    with Image.open(tmp_path / "fx" / manifest.role("rotated_90").files[0]) as turned:
        assert turned.width > turned.height
    with pytest.raises(DataFileError, match="not empty"):
        make_fixtures(tmp_path, seed=1, generate=fake_generate)


def test_committed_fixtures_are_complete_and_small() -> None:
    _check_fixture_set(FIXTURES / "corpus")
