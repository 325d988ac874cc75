"""One Settings for the library (the service's extends it): every README variable is a known key,
and a misspelt key is refused with the nearest known one instead of being silently dropped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lianfa import Settings
from lianfa.errors import ConfigError
from lianfa.service.config import ServiceSettings
from lianfa.settings import known_keys

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_variable_the_readme_names_is_a_known_key() -> None:
    named = set(re.findall(r"LIANFA_([A-Z_]+[A-Z])", README.read_text(encoding="utf-8")))
    named -= {"TEST", "MAX_PAGE"}  # the test suite's LIANFA_TEST_*, and the README's misspelt example
    unknown = {n for n in named if n.lower() not in known_keys()}
    assert unknown == set()


def test_a_misspelt_environment_variable_names_the_nearest_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIANFA_MAX_PAGE", "3")
    with pytest.raises(ConfigError, match="LIANFA_MAX_PAGE; did you mean LIANFA_MAX_PAGES"):
        Settings()


def test_a_misspelt_keyword_names_the_nearest_key() -> None:
    with pytest.raises(ConfigError, match="provnce; did you mean province"):
        Settings(provnce="广东")


def test_the_service_keys_are_known_but_not_the_library_s_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIANFA_WORKERS", "1")
    monkeypatch.setenv("LIANFA_ADMIN_PASSWORD", "x")
    assert Settings().max_pages == Settings.model_fields["max_pages"].default
    with pytest.raises(ConfigError, match="database_url"):
        Settings(database_url="sqlite://")
    assert ServiceSettings(database_url="sqlite://").db_url == "sqlite://"


def test_one_object_holds_the_ingest_and_classifier_sections(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, province="广东", max_pages=7)
    assert (settings.data_dir, settings.province, settings.max_pages) == (tmp_path, "广东", 7)


def test_a_shared_env_file_may_hold_service_keys_but_no_misspelt_one(tmp_path: Path) -> None:
    env = tmp_path / "lianfa.env"
    env.write_text("LIANFA_DATABASE_URL=sqlite://\nLIANFA_PROVINCE=广东\n", encoding="utf-8")
    assert Settings(_env_file=env).province == "广东"
    env.write_text("LIANFA_PROVINCEE=广东\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="LIANFA_PROVINCEE; did you mean LIANFA_PROVINCE"):
        Settings(_env_file=env)
