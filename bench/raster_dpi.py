"""Which dpi to render PDF pages at for OCR: accuracy (CER) and time per page, by dpi.

    .venv/bin/python bench/raster_dpi.py [--dpi 100 150 200 250 300] [--engine NAME]

Pages without a usable text layer are rendered by pdfium before OCR (IngestSettings.pdf_raster_dpi).
Two such pages are measured: "vector" (text drawn by the PDF itself, as outlined text renders)
and "scan" (a damaged 300 dpi scan — blur, noise, JPEG quality 45 — under a vector mark, so it is
resampled rather than taken as it is). Lines cycle through 10.5, 7.5 and 6 pt (五号, 六号, 七号:
small print, table cells, footnotes); at body-text sizes every dpi from 100 up reads without
error. Each page is rendered at every dpi in this process and read by the same engine through
ingest.layout; CER is edits per reference character, whitespace ignored, after NFKC. OCR time
hardly depends on the dpi (the engine resizes for detection and recognises fixed-height strips),
so a higher dpi costs render time and memory, not OCR time.
"""

from __future__ import annotations

import argparse
import io
import time

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from lianfa.ingest import layout
from lianfa.ingest.document import DocumentBuilder
from lianfa.ingest.ocr import get_engine
from lianfa.ingest.ocr.quality import cer

LINES = [
    "某某市市场监督管理局行政处罚决定书",
    "某市监处罚〔2024〕0457号",
    "当事人：某某建材经营部（个体工商户）",
    "统一社会信用代码：92330106MA2H7QXX5K",
    "经营者：王某某，身份证号码：330106198001011234",
    "经查，当事人于2023年9月至2024年1月间，",
    "销售不合格水泥共计86.5吨，货值金额人民币4.2万元，",
    "违法所得人民币7,360元。上述行为违反了《中华人民",
    "共和国产品质量法》第三十九条的规定。依据该法第",
    "五十条的规定，决定：没收违法所得人民币7,360元，",
    "并处货值金额二倍的罚款计人民币84,000元。",
    "当事人应自收到本决定书之日起十五日内缴纳罚没款。",
]
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SERIF_SC = 2  # face index of Noto Serif CJK SC in the collection
SIZES = (10.5, 7.5, 6.0)


def vector_pdf() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for i, line in enumerate(LINES):
        c.setFont("STSong-Light", SIZES[i % len(SIZES)])
        c.drawString(72, 760 - 24 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def scan_pdf() -> bytes:
    dpi = 300
    w, h = round(A4[0] / 72 * dpi), round(A4[1] / 72 * dpi)
    page = Image.new("L", (w, h), 250)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(LINES):
        font = ImageFont.truetype(SERIF, round(SIZES[i % len(SIZES)] * dpi / 72), index=SERIF_SC)
        draw.text((dpi, dpi + i * 24 * dpi // 72), line, font=font, fill=20)
    page = page.filter(ImageFilter.GaussianBlur(1.2))
    noise = np.random.default_rng(7).normal(0, 18, (h, w))
    page = Image.fromarray(np.clip(np.asarray(page, dtype=np.float64) + noise, 0, 255).astype(np.uint8))
    jpeg = io.BytesIO()
    page.save(jpeg, "JPEG", quality=45)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, A4[0], A4[1])
    c.line(30, 30, 60, 30)  # one vector mark: the page is rendered, not its JPEG taken
    c.showPage()
    c.save()
    return buf.getvalue()


def read(pdf: bytes, dpi: int, engine) -> tuple[float, float, str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        t = time.perf_counter()
        bitmap = doc[0].render(scale=dpi / 72)
        image = bitmap.to_pil().convert("RGB")
        render_s = time.perf_counter() - t
        t = time.perf_counter()
        lines = engine.recognize(image)
        ocr_s = time.perf_counter() - t
    finally:
        doc.close()
    builder = DocumentBuilder()
    layout.add_ocr_page(builder, lines, 1, float(image.width), float(image.height))
    return render_s, ocr_s, builder.build([], "ocr").text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dpi", type=int, nargs="+", default=[120, 150, 200, 250, 300])
    ap.add_argument("--engine", default=None)
    args = ap.parse_args()
    engine = get_engine(args.engine)
    pages = {"vector": vector_pdf(), "scan": scan_pdf()}
    reference = "".join(LINES)
    read(pages["vector"], 150, engine)  # warm-up: model load and first-run allocations
    print(f"engine {engine.name}; {len(reference)} reference characters a page")
    print(f"{'dpi':>4} | {'page':>6} | {'render s':>8} | {'ocr s':>6} | {'CER':>6}")
    for dpi in args.dpi:
        for kind, pdf in pages.items():
            render_s, ocr_s, text = read(pdf, dpi, engine)
            error = cer(reference, text, nfkc=True)
            print(f"{dpi:>4} | {kind:>6} | {render_s:8.2f} | {ocr_s:6.2f} | {error:6.2%}")


if __name__ == "__main__":
    main()
