"""`Settings`: the one configuration a Pipeline is built from, read from `LIANFA_*` environment
variables (or a .env file) or given as keyword arguments.

It is flat (every README variable keeps its name) and made of the sections the library's parts
take: ingest reads an IngestSettings, the classifiers a ClassifierSettings, and a Settings is both.
The service extends it (lianfa.service.config.ServiceSettings), so one object configures a process.

A key nobody declares is refused instead of dropped: a misspelt `LIANFA_MAX_PAGE` would otherwise
leave the limit at its default with no sign. The known keys are those of Settings and of every
subclass, and of the settings classes installed packages declare in the `lianfa.settings` entry
point group (the service's ServiceSettings, whose module needs only pydantic): the service and a
library user may share one environment or .env, and the library never names the service.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, ClassVar

from dotenv import dotenv_values
from pydantic_settings import SettingsConfigDict

from lianfa.classifiers.config import ClassifierSettings
from lianfa.errors import ConfigError
from lianfa.ingest.config import IngestSettings

PREFIX = "LIANFA_"
SETTINGS_ENTRY_POINTS = "lianfa.settings"


def _subclasses(cls: type[Settings]) -> list[type[Settings]]:
    out = [cls]
    for sub in cls.__subclasses__():
        out.extend(_subclasses(sub))
    return out


class Settings(IngestSettings, ClassifierSettings):
    # Unknown keys are checked here (check_keys), against every settings class: pydantic's own
    # extra="forbid" would refuse a service key in a shared .env when the library reads it.
    model_config = SettingsConfigDict(env_prefix=PREFIX, env_file=".env", extra="ignore")

    # Variables read outside any settings class: the test suite's own (LIANFA_TEST_*) and those a
    # subclass names here (ServiceSettings: the first administrator's password, read once).
    other_env: ClassVar[frozenset[str]] = frozenset()
    other_env_prefixes: ClassVar[tuple[str, ...]] = ("TEST_",)

    def __init__(self, **values: Any) -> None:
        env_file = values.get("_env_file", self.model_config.get("env_file"))
        dotenv = dotenv_values(env_file) if isinstance(env_file, str | Path) and Path(env_file).is_file() else {}
        check_keys(type(self), values, [*dotenv, *os.environ])
        super().__init__(**values)


def known_keys() -> set[str]:
    """Every key (lower case, without the prefix) a settings class declares."""
    for entry in entry_points(group=SETTINGS_ENTRY_POINTS):
        entry.load()  # defining the subclass is what makes its keys known
    keys: set[str] = set()
    for cls in _subclasses(Settings):
        keys.update(cls.model_fields)
        keys.update(k.lower() for k in getattr(cls, "other_env", ()))
    return keys


def _allowed_prefixes() -> tuple[str, ...]:
    return tuple(p.lower() for cls in _subclasses(Settings) for p in getattr(cls, "other_env_prefixes", ()))


def _unknown(key: str, known: set[str], kind: str, env: bool) -> ConfigError:
    def spell(k: str) -> str:
        return PREFIX + k.upper() if env else k

    near = difflib.get_close_matches(key, sorted(known), n=1)
    hint = f"; did you mean {spell(near[0])}?" if near else ""
    return ConfigError(f"unknown {kind} {spell(key)}{hint} (README lists the settings)")


def check_keys(cls: type[Settings], values: Mapping[str, Any], environ: Iterable[str]) -> None:
    """ConfigError naming the first key given that `cls` does not declare, or LIANFA_* variable set
    that no settings class does, and the nearest known one."""
    own = set(cls.model_fields)
    for key in values:
        if key not in own and not key.startswith("_"):  # `_env_file` & co. are pydantic-settings' own
            raise _unknown(key, own, "setting", env=False)
    known = known_keys()
    prefixes = _allowed_prefixes()
    for name in environ:
        if not name.upper().startswith(PREFIX):
            continue
        key = name[len(PREFIX):].lower()
        if key and key not in known and not key.startswith(prefixes):
            raise _unknown(key, known, "environment variable", env=True)
