from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from lianfa.service.db.migrate import upgrade
from lianfa.service.db.models import AuditEntry, Base
from lianfa.service.db.session import Database


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    db = Database(db_url)
    try:
        upgrade(db.engine)
        upgrade(db.engine)  # idempotent: a restart migrates nothing
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        db.dispose()


def test_audit_log_is_append_only_in_the_database(db_url: str) -> None:
    db = Database(db_url)
    try:
        upgrade(db.engine)
        with db.session() as s:
            s.add(AuditEntry(user_name="system", action="test", entity="case", entity_id=1, before=None, after={"a": 1}))
        for stmt in ("UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"):
            with pytest.raises(DatabaseError, match="append-only"):
                with db.session() as s:
                    s.execute(text(stmt))
        with db.session() as s:
            assert s.scalar(text("SELECT action FROM audit_log")) == "test"
    finally:
        db.dispose()


def test_sqlite_runs_in_wal_mode(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'w.db'}")
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        db.dispose()
