"""The project's exception hierarchy.

Every error a clerk can see names the file and says what to do. Internal bugs are not caught and
re-dressed as input errors: only conditions caused by the input or the deployment live here.
"""

from __future__ import annotations


class LianfaError(Exception):
    """Root of every error lianfa raises on purpose."""


class ConfigError(LianfaError):
    """The deployment is misconfigured (a model folder missing, a bad setting)."""


class DataFileError(LianfaError):
    """A bundled or configured data file (taxonomy, rules, dictionary) is invalid."""


class IngestError(LianfaError):
    """An input file cannot be read. `file` names it; the message says why and what to do."""

    def __init__(self, file: str, reason: str) -> None:
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: {reason}")


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
