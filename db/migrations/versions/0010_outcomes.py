"""Realised outcomes (issue 12 §3): whether a client defaulted, observed on a date.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 22:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outcomes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("defaulted", sa.Boolean(), nullable=False),
        sa.Column("observed_at", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.CheckConstraint("source IN ('api', 'import')", name=op.f("ck_outcomes_source_value")),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_outcomes_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["users.id"],
            name=op.f("fk_outcomes_recorded_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcomes")),
        sa.UniqueConstraint(
            "client_id", "observed_at", name=op.f("uq_outcomes_client_id_observed_at")
        ),
    )
    op.create_index(op.f("ix_outcomes_observed_at"), "outcomes", ["observed_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_outcomes_observed_at"), table_name="outcomes")
    op.drop_table("outcomes")
