"""Errors the service raises about the files it stores; ingest's reading errors stay ingest's.

Like ingest's, each names its file and says what to do (both derive from lianfa.errors.FileError,
so a caller that records any file's failure catches that)."""

from __future__ import annotations

from lianfa.errors import FileError


class StorageError(FileError):
    """A file cannot be stored, or a stored file cannot be shown."""


class UploadTooLarge(StorageError):
    """An upload exceeds the per-file limit."""


class PageUnavailable(StorageError):
    """A stored file has no page image of that number (past its last page, or a text file)."""
