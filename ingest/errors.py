"""Errors of an input file that cannot be read; the hierarchy's root is lianfa.errors."""

from __future__ import annotations

from lianfa.errors import FileError


class IngestError(FileError):
    """An input file cannot be read. `file` names it; the message says why and what to do."""


class EmptyFile(IngestError):
    pass


class UnsupportedType(IngestError):
    pass


class TooLarge(IngestError):
    pass


class CorruptFile(IngestError):
    pass


class EncryptedPdf(IngestError):
    pass


class UnsafeArchive(IngestError):
    pass


class OcrError(IngestError):
    pass


class MissingFile(IngestError):
    """The path names no readable file (absent, a folder, no permission)."""
