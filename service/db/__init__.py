"""Persistence: SQLAlchemy 2 models, sessions, and Alembic migrations (applied at start-up)."""
