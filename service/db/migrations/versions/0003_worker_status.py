"""worker status: each worker process's memory, for /metrics

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "worker_status",
        sa.Column("name", sa.String(128), primary_key=True),
        sa.Column("rss_bytes", sa.BigInteger(), nullable=False),
        sa.Column("seen_at", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("worker_status")
