"""ms per text-layer PDF page through lianfa's reader, against pdfplumber's bare extract_text.

    .venv/bin/python bench/text_layer.py [--pages 30] [--repeat 3]

Both are timed in this process on the same PDF (reportlab, STSong-Light, ~1,000 CJK characters a
page, like a dense decision page). "pages" is ingest.pdf alone: pdfplumber's chars and the
text-layer rule; "reader" adds layout into the Document (ingest.layout), which is what the
pipeline does per page; "ingest_file" adds intake (SHA-256, sniffing) and section segmentation.
Target: ≤ 30 ms/page. Prints medians of --repeat runs.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from lianfa.ingest import layout
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.document import DocumentBuilder
from lianfa.ingest.intake import source_from_path
from lianfa.ingest.pages import TextLayerPage
from lianfa.ingest.pdf import iter_pdf_pages
from lianfa.ingest.pipeline import ingest_file

PARAGRAPHS = [
    "当事人：某某食品贸易有限公司，统一社会信用代码：91310000MA1FL0XX3B，住所：某市某区某路一百二十八号，"
    "法定代表人：张某某。",
    "经查，当事人于二〇二三年三月至七月间，在其经营场所销售标签不符合食品安全国家标准的预包装食品共计"
    "一千二百八十件，货值金额为人民币十二万八千元，违法所得为人民币三万六千四百五十元五角。上述事实有现场"
    "检查笔录、询问笔录、进货单据、销售记录及当事人提供的情况说明等证据为证。",
    "当事人的上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定，构成经营标签不符合规定"
    "的食品的违法行为。依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定，本局决定"
    "作出如下行政处罚：一、没收违法所得人民币三万六千四百五十元五角；二、罚款人民币六十四万元。",
    "当事人应当自收到本决定书之日起十五日内，到指定银行缴纳罚没款。逾期不缴纳的，每日按罚款数额的百分之三"
    "加处罚款。当事人如不服本处罚决定，可以在收到本决定书之日起六十日内向某市人民政府申请行政复议，也可以"
    "在六个月内依法向某区人民法院提起行政诉讼。",
]
CHARS_PER_LINE = 34
LINES_PER_PAGE = 32


def build_pdf(pages: int) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text = "".join(PARAGRAPHS)
    lines = [text[i : i + CHARS_PER_LINE] for i in range(0, len(text), CHARS_PER_LINE)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for n in range(pages):
        c.setFont("STSong-Light", 14)
        c.drawCentredString(A4[0] / 2, 790, "某某市市场监督管理局行政处罚决定书")
        c.setFont("STSong-Light", 12)
        for i in range(LINES_PER_PAGE):
            c.drawString(72, 750 - 21 * i, lines[(n * LINES_PER_PAGE + i) % len(lines)])
        c.drawCentredString(A4[0] / 2, 40, f"第 {n + 1} 页 共 {pages} 页")
        c.showPage()
    c.save()
    return buf.getvalue()


def baseline(path: Path) -> int:
    chars = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars += len(page.extract_text())
    return chars


def pages_only(path: Path, settings: IngestSettings) -> int:
    chars = 0
    for page in iter_pdf_pages(source_from_path(path, settings), settings):
        assert isinstance(page, TextLayerPage), "every bench page must be read from its text layer"
        chars += len(page.chars)
    return chars


def reader(path: Path, settings: IngestSettings) -> int:
    builder = DocumentBuilder()
    for page in iter_pdf_pages(source_from_path(path, settings), settings):
        assert isinstance(page, TextLayerPage), "every bench page must be read from its text layer"
        layout.add_text_layer_page(builder, page.chars, page.number, page.width, page.height)
    return len(builder.build([], "text_layer").text)


def whole(path: Path, settings: IngestSettings) -> int:
    result = ingest_file(path, settings)
    assert result.status == "ok" and result.document is not None
    return len(result.document.text)


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    settings = IngestSettings()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.pdf"
        path.write_bytes(build_pdf(args.pages))
        chars = baseline(path)
        print(f"{args.pages} pages, {chars / args.pages:.0f} characters a page (pdfplumber extract_text)")
        base = timed(lambda: baseline(path), args.repeat) / args.pages * 1000
        pages = timed(lambda: pages_only(path, settings), args.repeat) / args.pages * 1000
        ours = timed(lambda: reader(path, settings), args.repeat) / args.pages * 1000
        full = timed(lambda: whole(path, settings), args.repeat) / args.pages * 1000
    print(f"baseline pdfplumber extract_text: {base:6.1f} ms/page")
    print(f"pages (chars + text-layer rule):  {pages:6.1f} ms/page  ratio {pages / base:.2f}")
    print(f"reader (+ layout):                {ours:6.1f} ms/page  ratio {ours / base:.2f}  (target ≤ 30 ms)")
    print(f"ingest_file (+ intake, sections): {full:6.1f} ms/page  ratio {full / base:.2f}")


if __name__ == "__main__":
    main()
