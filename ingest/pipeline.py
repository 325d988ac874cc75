"""File → Document: identify the input, read it page by page, OCR what has no text, lay it out.

One bad page gives that page an error and the rest of the file is still read (status "partial");
one bad file gives a result with status "error" and a batch goes on. The OCR engine is created on
the first page that needs it, so text-layer PDFs and text exports never load a model.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from lianfa.errors import ConfigError, internal_error
from lianfa.ingest import layout
from lianfa.ingest.archive import expand_zip
from lianfa.ingest.config import IngestSettings
from lianfa.ingest.document import Document, DocumentBuilder, PageInfo, TextSource, document_from_text
from lianfa.ingest.errors import EmptyFile, IngestError, OcrError
from lianfa.ingest.geometry import upright
from lianfa.ingest.image import iter_image_pages
from lianfa.ingest.intake import IMAGE_KINDS, Source, source_from_bytes, source_from_path
from lianfa.ingest.ocr import Engine, get_engine
from lianfa.ingest.pages import FailedPage, ImagePage, PageRead, RawPage, TextLayerPage
from lianfa.ingest.pdf import iter_pdf_pages
from lianfa.ingest.sections import segment
from lianfa.ingest.text import decode_text

log = logging.getLogger(__name__)

Status = Literal["ok", "error", "partial"]


@dataclass(frozen=True)
class PageError:
    page: int
    error: str

    def __str__(self) -> str:
        return f"第 {self.page} 页 / page {self.page}: {self.error}"


@dataclass
class IngestResult:
    """What became of one input file (or one ZIP member, named `archive.zip/member.pdf`)."""

    file: str
    status: Status
    error: str | None = None  # one line naming the file and the reason, when status is "error"
    sha256: str | None = None
    kind: str | None = None
    document: Document | None = None
    page_errors: list[PageError] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form `lianfa ocr --format jsonl` prints."""
        doc = self.document
        return {
            "file": self.file,
            "status": self.status,
            "error": self.error,
            "sha256": self.sha256,
            "kind": self.kind,
            "text_source": doc.text_source if doc else None,
            "pages": [asdict(p) for p in doc.pages] if doc else [],
            "page_errors": [asdict(e) for e in self.page_errors],
            "sections": [asdict(s) for s in doc.sections] if doc else [],
            "text": doc.text if doc else None,
        }

    @classmethod
    def failed(cls, exc: IngestError, source: Source | None = None) -> IngestResult:
        return cls(
            file=exc.file,
            status="error",
            error=str(exc),
            sha256=source.sha256 if source else None,
            kind=source.kind if source else None,
        )


class _Ocr:
    """The engine for this call, fetched on the first page that needs OCR."""

    def __init__(self, settings: IngestSettings, engine: Engine | None) -> None:
        self._settings = settings
        self._engine = engine

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = get_engine(self._settings.ocr_engine, self._settings)
        return self._engine

    def page(self, raw: ImagePage) -> PageRead:
        image, rotation, skew = upright(raw.image)
        lines = self.engine.recognize(image)
        info = PageInfo(
            number=raw.number,
            width=float(image.width),
            height=float(image.height),
            source="ocr",
            rotation=(raw.rotation + rotation) % 360,
            skew=skew,
            engine=self.engine.name,
        )
        return PageRead(info, tuple(lines))


def text_document(text: str) -> Document:
    """The Document a plain-text input becomes: its text, segmented into sections as every input is
    (the extractors read fields by section, so an unsegmented Document is not what production reads)."""
    document = document_from_text(text)
    return document.with_sections(segment(document.text))

def _text_source(pages: list[PageInfo]) -> TextSource:
    sources = {p.source for p in pages if p.error is None}
    if sources == {"text_layer"}:
        return "text_layer"
    if sources == {"ocr"}:
        return "ocr"
    return "mixed"


def read_page(raw: RawPage, ocr: _Ocr) -> PageRead:
    """The costly part of reading one page: a text layer as it is, a page image righted and OCR'd.
    A page that cannot be read gives a PageRead carrying its error."""
    if isinstance(raw, TextLayerPage):
        info = PageInfo(number=raw.number, width=raw.width, height=raw.height, source="text_layer")
        return PageRead(info, chars=tuple(raw.chars))
    if isinstance(raw, ImagePage):
        try:
            return ocr.page(raw)
        except OcrError as exc:
            raw = FailedPage(raw.number, exc.reason, float(raw.image.width), float(raw.image.height))
    return PageRead.failed(raw.number, raw.error, raw.width, raw.height)


def assemble(name: str, sha256: str | None, kind: str | None, reads: Iterable[PageRead]) -> IngestResult:
    """Pages read (in page order) → the file's IngestResult: laid out into one Document and segmented.
    Some pages failed: "partial", the others still read; every page failed: "error"."""
    builder = DocumentBuilder()
    pages: list[PageInfo] = []
    errors: list[PageError] = []
    for read in reads:
        info = read.info
        pages.append(info)
        if info.error is not None:
            errors.append(PageError(info.number, info.error))
        elif read.chars is not None:
            layout.add_text_layer_page(builder, list(read.chars), info.number, info.width, info.height)
        else:
            layout.add_ocr_page(builder, list(read.lines), info.number, info.width, info.height)
    if len(errors) == len(pages):
        first = errors[0].error if errors else "没有可读页面 / no readable page"
        return IngestResult(
            file=name,
            status="error",
            error=f"{name}: {first}",
            sha256=sha256,
            kind=kind,
            page_errors=errors,
        )
    document = builder.build(pages, _text_source(pages))
    document = document.with_sections(segment(document.text))
    return IngestResult(
        file=name,
        status="partial" if errors else "ok",
        sha256=sha256,
        kind=kind,
        document=document,
        page_errors=errors,
    )


def _build(source: Source, raw_pages: Iterator[RawPage], ocr: _Ocr) -> IngestResult:
    # lazily: each page is laid out before the next is read, so one page image at a time is held
    return assemble(source.name, source.sha256, source.kind, (read_page(raw, ocr) for raw in raw_pages))


def ingest_page(source: Source, number: int, settings: IngestSettings, *, engine: Engine | None = None) -> PageRead:
    """Page `number` (1-based) of a PDF, read as `ingest_source` reads each of its pages: what one
    worker does with one page of a long PDF whose pages are spread over many (`assemble` joins them).

    A problem with the whole file (encrypted, damaged, too many pages) raises its IngestError, as it
    stops `ingest_source` before the first page."""
    if source.kind != "pdf":
        raise ValueError(f"{source.name}: pages are read one by one from PDFs only, not {source.kind}")
    with closing(iter_pdf_pages(source, settings, only=number)) as raw_pages:
        for raw in raw_pages:
            return read_page(raw, _Ocr(settings, engine))
    raise ValueError(f"{source.name} has no page {number}")


def ingest_source(
    source: Source, settings: IngestSettings, *, engine: Engine | None = None
) -> IngestResult:
    """Read one identified, non-archive source into a Document."""
    try:
        if source.kind == "text":
            text = decode_text(source.read_bytes(), source.name)
            if not text.strip():
                raise EmptyFile(
                    source.name,
                    "文本文件里没有文字 / the text file holds only blanks: 请重新导出 / re-export it",
                )
            return IngestResult(
                file=source.name, status="ok", sha256=source.sha256, kind=source.kind, document=text_document(text)
            )
        if source.kind == "zip":
            return IngestResult(
                file=source.name,
                status="error",
                sha256=source.sha256,
                kind=source.kind,
                error=(
                    f"{source.name}: 是 ZIP 压缩包，含多个文件 / is a ZIP batch: "
                    "用 ingest_many 逐个读取 / read it with ingest_many"
                ),
            )
        if source.kind == "pdf":
            raw_pages: Iterator[RawPage] = iter_pdf_pages(source, settings)
        elif source.kind in IMAGE_KINDS:
            raw_pages = iter_image_pages(source, settings)
        else:
            raise AssertionError(f"intake produced an unknown kind {source.kind!r}")
        return _build(source, raw_pages, _Ocr(settings, engine))
    except IngestError as exc:
        return IngestResult.failed(exc, source)


def ingest_file(
    path: Path,
    settings: IngestSettings,
    *,
    engine: Engine | None = None,
    name: str | None = None,
) -> IngestResult:
    """One file on disk → IngestResult. `name` is how messages call it (default: the path).

    A ZIP gives an error result: it is a batch, read with `ingest_path`/`ingest_many`.
    """
    try:
        source = source_from_path(Path(path), settings, name)
    except IngestError as exc:
        return IngestResult.failed(exc)
    return ingest_source(source, settings, engine=engine)


def ingest_bytes(
    data: bytes, name: str, settings: IngestSettings, *, engine: Engine | None = None
) -> IngestResult:
    """An upload held in memory → IngestResult."""
    try:
        source = source_from_bytes(data, name, settings)
    except IngestError as exc:
        return IngestResult.failed(exc)
    return ingest_source(source, settings, engine=engine)


def _guarded(source: Source, settings: IngestSettings, engine: Engine | None) -> IngestResult:
    """ingest_source, except that a bug in lianfa met on this file is reported for this file.

    It is labelled an internal error (and logged with its traceback), never a problem with the
    input; a deployment problem (ConfigError: no OCR model) still stops the batch, since every
    later file would fail the same way.
    """
    try:
        return ingest_source(source, settings, engine=engine)
    except ConfigError:
        raise
    except Exception as exc:
        log.exception("internal error while reading %s", source.name)
        return IngestResult(
            file=source.name,
            status="error",
            sha256=source.sha256,
            kind=source.kind,
            error=internal_error(exc, source.name),
        )


def ingest_path(
    path: Path,
    settings: IngestSettings,
    *,
    engine: Engine | None = None,
    name: str | None = None,
) -> Iterator[IngestResult]:
    """One path → one result, or one per member for a ZIP (named `archive.zip/member.pdf`)."""
    try:
        source = source_from_path(Path(path), settings, name)
    except IngestError as exc:
        yield IngestResult.failed(exc)
        return
    if source.kind != "zip":
        yield _guarded(source, settings, engine)
        return
    try:
        for member in expand_zip(source, settings):
            if isinstance(member, IngestError):
                yield IngestResult.failed(member)
            else:
                yield _guarded(member, settings, engine)
    except IngestError as exc:
        yield IngestResult.failed(exc, source)


def ingest_many(
    paths: Iterable[Path], settings: IngestSettings, *, engine: Engine | None = None
) -> Iterator[IngestResult]:
    """Results for a batch, lazily and in order, ZIPs expanded in place: one file never stops it."""
    for path in paths:
        yield from ingest_path(Path(path), settings, engine=engine)
