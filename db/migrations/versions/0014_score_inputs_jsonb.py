"""Score records' inputs as jsonb on PostgreSQL, so the drift report reads them without parsing
JSON text once per row (issue 12 §2, docs/performance.md). SQLite is unchanged (JSON as text).

The stored values are kept: jsonb keeps every key and number of each record's five inputs (it
only orders the keys its own way, which no reader relies on: they read the inputs by name).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 23:55:00
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if _postgres():
        op.execute("ALTER TABLE score_records ALTER COLUMN inputs TYPE jsonb USING inputs::jsonb")


def downgrade() -> None:
    if _postgres():
        op.execute("ALTER TABLE score_records ALTER COLUMN inputs TYPE json USING inputs::json")
