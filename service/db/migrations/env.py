"""Alembic environment: the engine comes from the caller (service.db.migrate), never from an ini
file, so the service, the tests and `alembic` all migrate the database they were configured for."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from lianfa.service.db.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    from lianfa.service.config import get_service_settings

    engine = create_engine(get_service_settings().db_url)

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
