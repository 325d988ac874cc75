"""What `/api/health` reports and what the workers require before they process a file.

A service that answers `ok` while every upload fails helps nobody: health names a missing
classifier model, missing OCR models and database migrations not yet applied, each in words an
administrator can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from lianfa.errors import ConfigError
from lianfa.ingest.config import get_settings
from lianfa.service.db.migrate import alembic_config


@dataclass
class Health:
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def classifier_model_problem(data_dir: Path) -> str | None:
    from lianfa.classifiers.config import get_classifier_settings
    from lianfa.classifiers.registry import Registry

    registry = Registry(data_dir / "models")
    wanted = get_classifier_settings().model_version or registry.active()
    if wanted is None:
        return f"没有可用的分类模型（{registry.root}）：请运行 `lianfa setup` / no active classifier model: run `lianfa setup`"
    if wanted not in registry.versions():
        return f"分类模型 {wanted} 不在 {registry.root} 中：请运行 `lianfa models list` 检查 / model {wanted} is missing"
    return None


def require_classifier_model() -> None:
    """Raise a ConfigError (the job fails with it) when there is no model to classify with."""
    problem = classifier_model_problem(get_settings().data_dir)
    if problem:
        raise ConfigError(problem)


def pending_migrations(engine: Engine) -> list[str]:
    heads = set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return sorted(heads - current)


def check(engine: Engine, data_dir: Path) -> Health:
    from lianfa.ingest.ocr.models import model_problems

    health = Health()
    if problem := classifier_model_problem(data_dir):
        health.problems["model"] = problem
    ocr = model_problems(get_settings().model_copy(update={"data_dir": data_dir}))
    if ocr:
        health.problems["ocr"] = "；".join(ocr)
    pending = pending_migrations(engine)
    if pending:
        health.problems["database"] = (f"数据库尚未升级（待执行迁移 {', '.join(pending)}）：请重新启动 `lianfa serve` / "
                                       "database migrations pending")
    return health
