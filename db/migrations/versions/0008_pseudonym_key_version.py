"""The version of the pseudonymisation key each client's UUID was derived with.

NULL for clients not derived from a customer reference (created through the API or the demo
seed: random version-4 UUIDs). Clients already derived from a reference (version-8 UUIDs) were
made with the only key there was, version 1.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 19:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clients", sa.Column("pseudonym_key_version", sa.SmallInteger(), nullable=True))
    # The UUID's version nibble: 8 for a keyed hash of a reference (services/pseudonymisation).
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE clients SET pseudonym_key_version = 1 WHERE substr(id::text, 15, 1) = '8'"
        )
    else:  # SQLAlchemy stores a Uuid as 32 hex digits on SQLite
        op.execute("UPDATE clients SET pseudonym_key_version = 1 WHERE substr(id, 13, 1) = '8'")


def downgrade() -> None:
    with op.batch_alter_table("clients") as batch:
        batch.drop_column("pseudonym_key_version")
