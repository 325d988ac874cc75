"""Pages per hour through real `lianfa worker` processes with 1 and 2 prefork children, and the ratio
against the 1-child baseline measured in the same run: a batch of single-page scans, and one long
scanned PDF, whose pages are read as separate tasks (LIANFA_FANOUT_MIN_PAGES, --fanout-min-pages)
so that both children read the one file. Then worker memory over many small tasks with recycling.

Each run starts its own redis-server (or uses --redis-url), a fresh database (SQLite in a temporary
folder unless --database-url) and store, enqueues the files, dispatches them as `lianfa serve` does
and times until the last job is done. Workers use the models of LIANFA_DATA_DIR (run `lianfa setup`
first). One OCR thread per child by default, so two children use the two cores and no more.

    .venv/bin/python bench/scale.py [--scans 40] [--pdf-pages 60] [--memory-tasks 500] [--ocr-threads 1]
                                    [--fanout-min-pages 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lianfa.settings import Settings  # noqa: E402

SCAN = ROOT / "tests" / "fixtures" / "corpus" / "clean" / "d0007-000000-p001.png"
SCANNED_PDF = ROOT / "tests" / "fixtures" / "corpus" / "pdf" / "h0007-000000.pdf"
TEXT = ROOT / "tests" / "fixtures" / "extract" / "market_product.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _scans(out: Path, n: int, first: int = 0) -> list[Path]:
    """`n` copies of one scanned page, each its own document (a few pixels differ)."""
    from PIL import Image

    base = Image.open(SCAN).convert("RGB")
    paths = []
    for i in range(first, first + n):
        img = base.copy()
        for k in range(16):
            img.putpixel((k, 0), (255 if i >> k & 1 else 0,) * 3)
        p = out / f"scan{i:04d}.png"
        img.save(p)
        paths.append(p)
    return paths


def _long_pdf(out: Path, pages: int) -> Path:
    """One image-only PDF of `pages` pages, the fixture's scanned pages over and over."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(SCANNED_PDF))
    dst = pdfium.PdfDocument.new()
    while len(dst) < pages:
        dst.import_pages(src, list(range(min(len(src), pages - len(dst)))))
    path = out / f"long{pages}.pdf"
    dst.save(str(path))
    return path


def _texts(out: Path, n: int) -> list[Path]:
    text = TEXT.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        p = out / f"t{i:04d}.txt"
        p.write_text(text + f"\n（副本 {i}）\n", encoding="utf-8")
        paths.append(p)
    return paths


class Run:
    """One worker machine with `children` prefork children, on a fresh database, store and queue."""

    def __init__(self, tmp: Path, redis_url: str, database_url: str | None, children: int, args: argparse.Namespace,
                 recycle_after: int | None = None, warm: bool = True) -> None:
        from lianfa.service.config import ServiceSettings

        self.dir = Path(tempfile.mkdtemp(dir=tmp, prefix=f"run{children}-"))
        db_url = database_url or f"sqlite:///{self.dir / 'lianfa.db'}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("LIANFA_")}
        self.env.update(
            LIANFA_DATA_DIR=str(Settings().data_dir), LIANFA_DATABASE_URL=db_url,
            LIANFA_STORAGE_DIR=str(self.dir / "store"), LIANFA_QUEUE="celery", LIANFA_REDIS_URL=redis_url,
            LIANFA_CELERY_QUEUE=f"lianfa-bench-{uuid.uuid4().hex[:8]}", LIANFA_OCR_THREADS=str(args.ocr_threads),
            LIANFA_FANOUT_MIN_PAGES=str(args.fanout_min_pages), PYTHONPATH=str(ROOT),
        )
        if recycle_after:
            self.env["LIANFA_WORKER_RECYCLE_AFTER"] = str(recycle_after)
        self.settings = ServiceSettings(
            data_dir=self.dir, database_url=db_url, storage_dir=self.dir / "store", queue="celery",
            redis_url=redis_url, celery_queue=self.env["LIANFA_CELERY_QUEUE"],
            worker_recycle_after=recycle_after or ServiceSettings().worker_recycle_after,
        )
        self.children = children
        self._warmed = not warm  # the memory run reads text only: no OCR model to load first
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Run:
        from lianfa.service.db.migrate import upgrade
        from lianfa.service.db.session import Database

        self.db = Database(self.settings.db_url)
        upgrade(self.db.engine)
        self._log = open(self.dir / "worker.log", "wb")  # the worker writes it as long as it runs
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lianfa.service.cli", "worker", "--concurrency", str(self.children),
             "--log-level", "warning"], env=self.env, cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True)
        return self

    def __exit__(self, *_: object) -> None:
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self._log.close()
        self.db.dispose()

    def rss_mb(self) -> float:
        """Resident memory of the worker's children (Linux /proc: no extra dependency for a bench)."""
        assert self.proc is not None
        total_kb = 0
        for kid in _children(self.proc.pid):
            try:
                status = Path(f"/proc/{kid}/status").read_text()
            except OSError:  # recycled meanwhile
                continue
            total_kb += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        return total_kb / 1024

    def process(self, files: list[Path], sample_memory: bool = False) -> tuple[float, list[float]]:
        """Seconds from dispatch to the last job done (and children's RSS samples); fails loudly on errors."""
        from sqlalchemy import select

        from lianfa.service.db.models import Document, Job, Result
        from lianfa.service.jobs import queue
        from lianfa.service.jobs.celery_backend import dispatch_pending, make_celery
        from lianfa.service.storage import LocalStorage

        self._warm()
        storage = LocalStorage(self.settings.store_dir)
        ids = []
        for p in files:
            stored = storage.put_file(p, p.name, 1 << 30)
            with self.db.session() as s:
                doc = Document(sha256=stored.sha256, size=stored.size, name=p.name)
                s.add(doc)
                s.flush()
                ids.append(queue.enqueue(s, doc.id, 3).id)
        app = make_celery(self.settings)
        start = time.perf_counter()
        dispatch_pending(self.db, app, 3600, settings=self.settings, storage=storage)
        rss: list[float] = []
        while True:
            with self.db.session() as s:
                statuses = list(s.scalars(select(Job.status).where(Job.id.in_(ids))))
            if all(st in ("done", "failed") for st in statuses):
                break
            if self.proc is not None and self.proc.poll() is not None:
                raise SystemExit(f"worker exited: see {self.dir / 'worker.log'}")
            time.sleep(0.5)
            if sample_memory:
                rss.append(self.rss_mb())
        elapsed = time.perf_counter() - start
        if "failed" in statuses:
            raise SystemExit(f"{statuses.count('failed')} job(s) failed: see {self.dir / 'worker.log'}")
        with self.db.session() as s:
            partial = [p for p in s.scalars(select(Result.payload).where(Result.job_id.in_(ids))) if p.get("page_errors")]
        if partial:  # a page over its time limit is not throughput
            raise SystemExit(f"{len(partial)} document(s) with page errors: {partial[0]['page_errors'][:2]}")
        return elapsed, rss

    def _warm(self) -> None:
        """One throw-away page per child first, so model loading is not timed as throughput."""
        if self._warmed:
            return
        self._warmed = True
        warm_dir = self.dir / "warm"
        warm_dir.mkdir()
        self.process(_scans(warm_dir, self.children, first=1 << 15))


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            kids += [int(k) for k in task.read_text().split()]
        except OSError:
            continue
    return kids


def _rate(run: Run, files: list[Path], pages: int) -> float:
    seconds, _ = run.process(files)
    return pages / seconds * 3600


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=40, help="single-page scans in the batch")
    parser.add_argument("--pdf-pages", type=int, default=60, help="pages of the one long PDF")
    parser.add_argument("--memory-tasks", type=int, default=500, help="small tasks for the memory run (0: skip)")
    parser.add_argument("--recycle-after", type=int, default=50, help="tasks per child in the memory run")
    parser.add_argument("--ocr-threads", type=int, default=1, help="OCR threads per child")
    parser.add_argument("--fanout-min-pages", type=int, default=10,
                        help="a PDF this long is read page by page, one task a page (0: every file whole)")
    parser.add_argument("--redis-url", help="an existing Redis (default: a private redis-server)")
    parser.add_argument("--database-url", help="default: SQLite in a temporary folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lianfa-bench-scale-") as tmp_name:
        tmp = Path(tmp_name)
        redis = None
        redis_url = args.redis_url
        if redis_url is None:
            if shutil.which("redis-server") is None:
                raise SystemExit("redis-server not found: install it or pass --redis-url")
            port = _free_port()
            redis = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no"], stdout=subprocess.DEVNULL)
            redis_url = f"redis://127.0.0.1:{port}/0"
            time.sleep(0.5)
        try:
            inputs = tmp / "inputs"
            inputs.mkdir()
            scans = _scans(inputs, args.scans)
            pdf = _long_pdf(inputs, args.pdf_pages)
            fanout = f"PDFs of {args.fanout_min_pages}+ pages read page by page" if args.fanout_min_pages else "no fan-out"
            print(f"cores: {os.cpu_count()}, OCR threads per child: {args.ocr_threads}, {fanout}")
            for label, files, pages in ((f"{args.scans} single-page scans", scans, args.scans),
                                        (f"one {args.pdf_pages}-page PDF", [pdf], args.pdf_pages)):
                rates = {}
                for children in (1, 2):
                    with Run(tmp, redis_url, args.database_url, children, args) as run:
                        rates[children] = _rate(run, files, pages)
                print(f"{label}: 1 worker (baseline) {rates[1]:7.0f} pages/h, 2 workers {rates[2]:7.0f} pages/h, "
                      f"ratio {rates[2] / rates[1]:.2f}x")
            if args.memory_tasks:
                with Run(tmp, redis_url, args.database_url, 1, args, recycle_after=args.recycle_after,
                         warm=False) as run:
                    _, rss = run.process(_texts(inputs, args.memory_tasks), sample_memory=True)
                if not rss:
                    raise SystemExit("the memory run ended before one sample: give more --memory-tasks")
                # the first tenth holds the first child still loading its models: compare the second
                tenth = max(1, len(rss) // 10)
                print(f"memory over {args.memory_tasks} tasks (recycled every {args.recycle_after}): child RSS "
                      f"max {max(rss[tenth:2 * tenth] or rss):.0f} MB in the second tenth, "
                      f"{max(rss[-tenth:]):.0f} MB in the last")
        finally:
            if redis is not None:
                redis.kill()
                redis.wait()


if __name__ == "__main__":
    main()
