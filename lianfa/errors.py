"""The root of the project's exception hierarchy, below every package so that each may raise it.

Every error a clerk can see names the file and says what to do. Internal bugs are not caught and
re-dressed as input errors: only conditions caused by the input or the deployment live here and in
the packages' own error modules (lianfa.ingest.errors for unreadable inputs, lianfa.service.errors
for the service's stored files).
"""

from __future__ import annotations


class LianfaError(Exception):
    """Root of every error lianfa raises on purpose."""


class ConfigError(LianfaError):
    """The deployment is misconfigured (a model folder missing, a bad setting)."""


class DataFileError(LianfaError):
    """A bundled or configured data file (taxonomy, rules, dictionary) is invalid."""


class FileError(LianfaError):
    """A named file cannot be used. `file` names it; `reason` says why and what to do."""

    def __init__(self, file: str, reason: str) -> None:
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: {reason}")


def internal_error(exc: BaseException, file: str | None = None) -> str:
    """The message of a bug lianfa met on a file: said to be lianfa's, never the input's."""
    where = f"{file}: " if file else ""
    return f"{where}lianfa 内部错误 / internal error ({type(exc).__name__}: {exc}): 请报告维护人员 / report it"
