"""batch names and grouped page images

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 12:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("batches") as t:
        t.add_column(sa.Column("name", sa.String(256), nullable=True))
    with op.batch_alter_table("batch_items") as t:
        t.add_column(sa.Column("pages", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("batch_items") as t:
        t.drop_column("pages")
    with op.batch_alter_table("batches") as t:
        t.drop_column("name")
