"""The database moves the audit chain's head when an event is inserted (a trigger).

The application used to write the new head itself, one more statement and, on PostgreSQL, one
more round trip in every audited request. With the trigger the head always names the last event
inserted, in the same statement. The application still takes the head's lock first (UPDATE ...
RETURNING the previous hash), so appends stay serialised. A row without a hash (the application
never writes one) leaves the head alone, as it did before.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 09:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SQLITE_TRIGGER = """
CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events
WHEN NEW.hash IS NOT NULL
BEGIN
    UPDATE audit_head SET hash = NEW.hash WHERE id = 1;
END
"""
POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_events_move_head() RETURNS trigger AS $$
BEGIN
    UPDATE audit_head SET hash = NEW.hash WHERE id = 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
POSTGRES_TRIGGER = """
CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events
FOR EACH ROW WHEN (NEW.hash IS NOT NULL) EXECUTE FUNCTION audit_events_move_head()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_events_move_head" + _on_table())
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_events_move_head()")


def _on_table() -> str:
    return " ON audit_events" if op.get_bind().dialect.name == "postgresql" else ""
