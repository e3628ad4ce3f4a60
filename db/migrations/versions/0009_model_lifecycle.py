"""Model lifecycle (issue 12 §1, §4): published versions, approvals, shadow challenger scores.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 22:20:00
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("score_records") as batch:
        batch.add_column(sa.Column("challenger_version", sa.String(64), nullable=True))
        batch.add_column(sa.Column("challenger_probability", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("score_records") as batch:
        batch.drop_column("challenger_probability")
        batch.drop_column("challenger_version")
