"""The same rendered pages through every OCR engine: CER and seconds per page side by side, with
Tesseract as the named baseline (ratios against it), and each engine's peak RSS.

Pages come from renderer output directories (`<id>.pages.json` + page images, as written by
`lianfa corpus render --format png|jpeg` or `lianfa corpus fixtures`). Each page is first righted
by ingest.geometry.upright (timed once, in this process); every engine then reads the same righted
images in a fresh child process, so its peak RSS is its own.

CER is edits over reference characters summed over all pages (short pages do not dominate),
whitespace removed, against the page's ground truth. Page furniture (page numbers, running
headers) is not in the ground-truth text and its position on the page is not recorded, so each
furniture string the engine read verbatim is taken out of its output first. "raw" compares the
output with the ground truth as printed; "norm" first puts the ground truth through the same
clean-up the engines apply (NFKC, separators inside numbers, 〔〕 around a 文号 year), so it counts
recognition errors only.

    .venv/bin/python bench/ocr_engines.py [--pages DIR ...] [--engines rapidocr,paddleocr,tesseract]
        [--rapid-det-sides 1280,2400] [--repeat 1] [--pdf-pages 50]

`--rapid-det-sides` adds rapidocr variants that detect on a copy with that long side (the engine's
default is ingest.ocr.rapid.DET_SIDE). `--pdf-pages N` also OCRs an N-page image-only PDF (pages
rendered one at a time with pypdfium2 at 200 dpi, righted, read by the default engine) and prints
the child's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image

from lianfa.ingest.ocr.postprocess import clean_text
from lianfa.ingest.ocr.quality import edit_distance

BASELINE = "tesseract"
DEFAULT_PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"


@dataclass
class Page:
    label: str
    image: Path  # the righted page image
    reference: str
    furniture: list[str]
    damaged: bool
    seal_over: list[str]


def _collect(dirs: list[Path], work: Path) -> tuple[list[Page], list[float]]:
    from lianfa.ingest.geometry import upright

    pages: list[Page] = []
    geometry_seconds: list[float] = []
    seen: set[Path] = set()
    for d in dirs:
        for meta_path in sorted(d.rglob("*.pages.json")):
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            for p in meta["pages"]:
                if not p.get("image") or p.get("text_layer"):
                    continue
                src = (meta_path.parent / p["image"]).resolve()
                if src in seen or not src.is_file():
                    continue
                seen.add(src)
                start = time.perf_counter()
                righted, _, _ = upright(Image.open(src))
                geometry_seconds.append(time.perf_counter() - start)
                out = work / f"{len(pages):04d}.png"
                righted.save(out)
                pages.append(Page(label=f"{meta['id']}/p{p['number']}", image=out,
                                  reference=p["text"], furniture=list(p.get("furniture", [])),
                                  damaged=bool(p.get("damaged")), seal_over=list(p.get("seal_over", []))))
    return pages, geometry_seconds


def _engine(spec: str):
    from lianfa.ingest.config import IngestSettings
    from lianfa.ingest.ocr import get_engine

    if "@det=" in spec:
        from lianfa.ingest.ocr.rapid import RapidEngine

        side = int(spec.split("@det=")[1])
        return RapidEngine(IngestSettings().ocr_threads, params={"Det.limit_side_len": side})
    return get_engine(spec)


def _read_pages(spec: str, images: list[str], repeat: int, queue: mp.Queue) -> None:
    engine = _engine(spec)
    engine.recognize(Image.open(images[0]))  # warm-up: model loading and first-run allocation
    texts, seconds = [], []
    cpu_start = _cpu_seconds()
    for path in images:
        image = Image.open(path)
        image.load()
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            lines = engine.recognize(image)
            runs.append(time.perf_counter() - start)
        texts.append("".join(line.text for line in lines))
        seconds.append(statistics.median(runs))
    cpu = (_cpu_seconds() - cpu_start) / (len(images) * repeat)
    queue.put({"texts": texts, "seconds": seconds, "cpu": cpu, "rss_mb": _peak_rss_mb()})


def _cpu_seconds() -> float:
    # CPU time of this process and of finished child programs (Tesseract): unlike wall time it
    # hardly moves when other jobs share the machine
    own = resource.getrusage(resource.RUSAGE_SELF)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + child.ru_utime + child.ru_stime


def _peak_rss_mb() -> float:
    # Tesseract runs as a child program: its memory is the largest waited-for child's
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + child) / 1024


def _pdf_memory(pdf: str, queue: mp.Queue) -> None:
    import pypdfium2

    from lianfa.ingest.geometry import upright
    from lianfa.ingest.ocr import get_engine

    engine = get_engine()
    doc = pypdfium2.PdfDocument(pdf)
    n_pages = len(doc)
    start = time.perf_counter()
    chars = 0
    for i in range(n_pages):
        page = doc[i]
        image = page.render(scale=200 / 72).to_pil()
        page.close()
        righted, _, _ = upright(image)
        chars += sum(len(line.text) for line in engine.recognize(righted))
    doc.close()
    queue.put({"pages": n_pages, "seconds": time.perf_counter() - start, "chars": chars,
               "rss_mb": _peak_rss_mb()})


def _in_child(target, *args) -> dict:
    ctx = mp.get_context("spawn")  # a fresh interpreter: no memory inherited from this process
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _without_furniture(page: Page, output: str) -> str:
    out = _squeeze(output)
    for item in page.furniture:
        out = out.replace(_squeeze(clean_text(item)), "", 1)
    return out


def _cer(pages: list[Page], outputs: list[str], normalised: bool) -> float:
    edits = chars = 0
    for page, output in zip(pages, outputs, strict=True):
        ref = page.reference
        if normalised:
            ref = "".join(clean_text(line) for line in ref.splitlines())
        ref = _squeeze(ref)
        edits += edit_distance(ref, _without_furniture(page, output))
        chars += len(ref)
    return edits / max(chars, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, nargs="*", default=[DEFAULT_PAGES],
                        help="renderer output directories (default: the committed test fixtures)")
    parser.add_argument("--engines", default="rapidocr,paddleocr,tesseract")
    parser.add_argument("--rapid-det-sides", default="", help="comma-separated detection sizes to compare")
    parser.add_argument("--repeat", type=int, default=1, help="runs per page; the median is reported")
    parser.add_argument("--pdf-pages", type=int, default=0, help="also measure an N-page scanned PDF")
    args = parser.parse_args()

    specs = [s for s in args.engines.split(",") if s]
    specs += [f"rapidocr@det={int(s)}" for s in args.rapid_det_sides.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="lianfa-bench-ocr-") as tmp:
        work = Path(tmp)
        pages, geometry_seconds = _collect(args.pages, work)
        if not pages:
            raise SystemExit(f"no rendered page images under {', '.join(map(str, args.pages))}")
        n_clean = sum(not p.damaged for p in pages)
        print(f"{len(pages)} pages ({n_clean} clean, {len(pages) - n_clean} damaged); "
              f"righting (ingest.geometry.upright) {_mean(geometry_seconds):.2f} s/page")
        images = [str(p.image) for p in pages]
        results = {spec: _in_child(_read_pages, spec, images, args.repeat) for spec in specs}

        rows = {}
        for spec, res in results.items():
            row: dict[str, float | str] = {}
            for kind, want in (("clean", False), ("damaged", True)):
                idx = [i for i, p in enumerate(pages) if p.damaged == want]
                some = [pages[i] for i in idx]
                outputs = [res["texts"][i] for i in idx]
                row[f"cer_{kind}"] = _cer(some, outputs, normalised=False) if idx else float("nan")
                row[f"norm_{kind}"] = _cer(some, outputs, normalised=True) if idx else float("nan")
                row[f"s_{kind}"] = _mean([res["seconds"][i] for i in idx])
            sealed = [(s, res["texts"][i]) for i, p in enumerate(pages) for s in p.seal_over]
            found = sum(_squeeze(clean_text(s)) in _squeeze(t) for s, t in sealed)
            row["seal"] = f"{found}/{len(sealed)}"
            row["rss"] = res["rss_mb"]
            row["s_all"] = _mean(res["seconds"])
            row["cpu"] = res["cpu"]
            row["cer_all"] = _cer(pages, res["texts"], normalised=True)
            rows[spec] = row

        base = rows.get(BASELINE)
        print(f"\n{'engine':22} {'CER clean raw/norm':>18} {'CER damaged raw/norm':>20} "
              f"{'s/page clean/dmg':>17} {'CPU s':>6} {'x time':>7} {'x CER':>6} {'seal':>5} {'peak RSS':>9}")
        for spec, r in rows.items():
            ratio_t = f"{r['cpu'] / base['cpu']:.2f}" if base else "-"
            ratio_c = f"{r['cer_all'] / base['cer_all']:.2f}" if base and base["cer_all"] else "-"
            print(f"{spec:22} {r['cer_clean']:8.2%} /{r['norm_clean']:7.2%} "
                  f"{r['cer_damaged']:10.2%} /{r['norm_damaged']:7.2%} "
                  f"{r['s_clean']:8.2f} /{r['s_damaged']:6.2f} {r['cpu']:6.2f} "
                  f"{ratio_t:>7} {ratio_c:>6} {r['seal']:>5} {r['rss']:6.0f} MB")
        if base:
            print(f"\n'x time' (CPU) and 'x CER' (norm) are ratios to the baseline, {BASELINE}, all pages.")
        print("'CPU s' is CPU seconds per page, all threads: wall time varies with the machine's load.")
        print("'seal' counts texts under a red seal (agency, date) found verbatim in the engine's output.")

        if args.pdf_pages:
            pdf = work / "scan.pdf"
            sources = [Image.open(p.image).convert("RGB") for p in pages]
            first, rest = sources[0], [sources[(i + 1) % len(sources)] for i in range(args.pdf_pages - 1)]
            first.save(pdf, save_all=True, append_images=rest, resolution=200)
            res = _in_child(_pdf_memory, str(pdf))
            per_page = res["seconds"] / res["pages"]
            print(f"\n{res['pages']}-page scanned PDF with the default engine: {per_page:.2f} s/page "
                  f"(render + righting + OCR), peak RSS {res['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
