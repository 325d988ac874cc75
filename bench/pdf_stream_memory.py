"""Peak memory while reading a long scanned PDF page by page, against holding one page image.

    .venv/bin/python bench/pdf_stream_memory.py [--pages 300]

Builds an image-only PDF (each page its own A4 200 dpi JPEG, as a scanner writes it), then reads
every page through ingest.pdf.iter_pdf_pages, dropping each image after a stand-in for OCR
(a grey conversion). Prints the largest resident-memory growth seen while page 1 is held and
over all pages: streaming keeps the second near the first; 300 decoded pages would need ~3.2 GB.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from lianfa.ingest.config import IngestSettings
from lianfa.ingest.intake import source_from_path
from lianfa.ingest.pages import ImagePage
from lianfa.ingest.pdf import iter_pdf_pages

A4_200DPI = (1654, 2339)


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


def build(path: Path, pages: int) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for n in range(pages):
        image = Image.new("L", A4_200DPI, 255)
        ImageDraw.Draw(image).text((200, 200 + n % 1000), f"page {n + 1}", fill=0)  # each page its own JPEG
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=60)
        c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, A4[0], A4[1])
        c.showPage()
    c.save()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    args = ap.parse_args()
    settings = IngestSettings()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long_scan.pdf"
        # built in a child process, so this one's resident memory starts clean
        maker = multiprocessing.get_context("spawn").Process(target=build, args=(path, args.pages))
        maker.start()
        maker.join()
        start = rss_mib()
        first = most = 0.0
        count = 0
        for page in iter_pdf_pages(source_from_path(path, settings), settings):
            assert isinstance(page, ImagePage)
            page.image.convert("L")
            count += 1
            most = max(most, rss_mib() - start)
            if count == 1:
                first = most
        size = path.stat().st_size / 2**20
    one_page = A4_200DPI[0] * A4_200DPI[1] * 3 / 2**20
    print(f"{count} pages, {size:.1f} MiB PDF; one decoded page image is {one_page:.1f} MiB")
    print(f"RSS growth holding page 1:          {first:7.1f} MiB")
    print(f"largest RSS growth over {count} pages: {most:7.1f} MiB  ratio {most / max(first, 1):.2f}")


if __name__ == "__main__":
    main()
