"""A partial index on the clients awaiting human review (the review_requested filter).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 20:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

AWAITING = sa.text("review_requested_at IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_clients_review_requested",
        "clients",
        ["adviser_id", "review_requested_at"],
        postgresql_where=AWAITING,
        sqlite_where=AWAITING,
    )


def downgrade() -> None:
    op.drop_index("ix_clients_review_requested", table_name="clients")
