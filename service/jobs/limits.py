"""Time limits per kind of file, and a timeout message that names the real cause.

A text export is read in seconds; a 500-page scan takes many minutes. One limit for both let a
60 MB .txt hold a worker for the scans' 600 s while the files behind it waited, and then blamed
"pages and scan quality". Each job now gets the limit of its kind, and its message says what was slow.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lianfa.errors import LianfaError
from lianfa.ingest.intake import Kind, sniff
from lianfa.service.config import ServiceSettings
from lianfa.service.db.models import Document, Job
from lianfa.service.db.session import Database
from lianfa.service.storage import Storage

_HEAD = 8192


@dataclass(frozen=True)
class JobFile:
    name: str
    kind: Kind | None  # None: the stored original is unreadable or of no known kind
    size: int
    pages: int | None  # PDFs and multi-page images, when cheap to count


def job_file(db: Database, storage: Storage, job_id: int) -> JobFile | None:
    with db.session() as s:
        job = s.get(Job, job_id)
        doc = s.get(Document, job.document_id) if job else None
        if doc is None:
            return None
        name, sha, size = doc.name, doc.sha256, doc.size
    try:
        with storage.local_path(sha) as path:
            return describe(path, name, size)
    except (OSError, LianfaError):
        return JobFile(name, None, size, None)


def describe(path: Path, name: str, size: int) -> JobFile:
    """What the original at `path` is: its kind and, for a PDF or TIFF, its pages."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
        kind: Kind | None = sniff(head, name, full=size <= _HEAD)
        return JobFile(name, kind, size, _pages(path, kind))
    except (OSError, LianfaError):
        return JobFile(name, None, size, None)


def _pages(path: Path, kind: Kind | None) -> int | None:
    try:
        if kind == "pdf":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(str(path))
            try:
                return len(pdf)
            finally:
                pdf.close()
        if kind == "tiff":
            from PIL import Image

            with Image.open(path) as img:
                return int(getattr(img, "n_frames", 1))
    except (OSError, ValueError, RuntimeError):  # damaged: no count, the message does without
        return None
    return 1 if kind is not None and kind != "text" else None


def time_limit(kind: Kind | None, settings: ServiceSettings) -> float:
    if kind == "text":
        return settings.job_timeout_text_seconds
    if kind in ("png", "jpeg", "bmp", "webp"):
        return settings.job_timeout_image_seconds
    return settings.job_timeout_seconds


def file_time_limit(f: JobFile | None, settings: ServiceSettings) -> float:
    """The limit of `f`'s kind; a PDF or TIFF whose pages are counted gets a limit per page, so a
    300-page scan is not cut off at a 10-page scan's limit."""
    if f is not None and f.kind in ("pdf", "tiff") and f.pages:
        return max(settings.job_timeout_image_seconds, f.pages * settings.job_timeout_page_seconds)
    return time_limit(f.kind if f is not None else None, settings)


def timeout_reason(f: JobFile | None, limit: float) -> str:
    if f is not None and f.kind == "text":
        return (
            f"处理超时：文本文件（{f.size / 2**20:.1f} MB）超过文本处理时限 {limit:.0f} 秒。一份决定书的文本通常不到"
            " 100 KB：请确认这是单份决定书，或按决定书拆分后重新上传"
        )
    if f is not None and f.kind in ("pdf", "tiff"):
        pages = f"共 {f.pages} 页，" if f.pages else ""
        return (
            f"处理超时：{pages}超过 {limit:.0f} 秒仍未识别完。页数多或扫描件需逐页文字识别时较慢：请拆分文件"
            "（每份 100 页以内）后重试"
        )
    if f is not None and f.kind is not None:
        return f"处理超时：单页图像超过 {limit:.0f} 秒仍未识别完；请以 200–300 dpi 重新扫描后重试"
    return f"处理超时：超过 {limit:.0f} 秒仍未处理完；请检查文件后重试"


def page_timeout_reason(page: int, limit: float) -> str:
    """Why one page of a PDF read as separate tasks is missing from its document: over its time limit."""
    return (
        f"第 {page} 页处理超时：超过 {limit:.0f} 秒仍未识别完 / page {page} timed out after {limit:.0f} s: "
        "请以 200–300 dpi 重新扫描该页 / rescan the page at 200–300 dpi"
    )


def page_interrupted_reason(page: int, tries: int) -> str:
    """Why a page is missing: every task that started reading it was killed (a crash, a hard time limit)."""
    return (
        f"第 {page} 页处理 {tries} 次均中断（进程崩溃或被终止）/ page {page} interrupted {tries} times: "
        "请检查该页扫描件后重试 / check the page's scan and retry"
    )
