"""The audit trail as several keyed chains, so audited writes do not queue on one row (issue 14 §3).

- `audit_head` gets one row per chain, ids 1 to MAX_CHAINS (row 1 is the existing chain, with its
  events); `audit_events.chain` says which chain an event belongs to (1 for every existing
  event), and `seq` is unique within its chain.
- PostgreSQL: `audit_take_head()` now moves the counter of a head no other transaction holds
  (`FOR UPDATE SKIP LOCKED`; when every head is held, it waits for one), among the first
  `chains` heads, or the given chain when the transaction already holds one; it returns the
  chain, the seq and the link. The head-moving trigger moves the event's own chain's head.
- SQLite (one writer at a time anyway) gets the same check in its trigger.
Existing events keep their seq and hashes: chain 1 is the old chain, unchanged.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 22:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
MAX_CHAINS = 16

TAKE_HEAD_FUNCTION = """
CREATE FUNCTION audit_take_head(chains integer, held smallint,
                                OUT chain smallint, OUT seq bigint, OUT hash varchar)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    target integer := held;
BEGIN
    IF target IS NULL THEN  -- a head no other transaction holds, if there is one
        SELECT h.id INTO target FROM audit_head h WHERE h.id <= chains
        ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED;
    END IF;
    IF target IS NULL THEN  -- every head is held: wait for one of them
        target := 1 + floor(random() * chains)::integer;
    END IF;
    UPDATE audit_head SET seq = audit_head.seq + 1 WHERE audit_head.id = target
    RETURNING audit_head.id, audit_head.seq, audit_head.hash INTO chain, seq, hash;
END;
$$
"""
LEGACY_TAKE_HEAD_FUNCTION = """
CREATE FUNCTION audit_take_head(OUT seq bigint, OUT hash varchar)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    UPDATE audit_head SET seq = audit_head.seq + 1 WHERE id = 1
    RETURNING audit_head.seq, audit_head.hash
$$
"""
MOVE_HEAD_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_events_move_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    UPDATE audit_head SET hash = NEW.hash WHERE id = NEW.chain AND seq = NEW.seq;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'audit event seq % is not the one chain % head gave', NEW.seq, NEW.chain;
    END IF;
    RETURN NULL;
END;
$$
"""
LEGACY_MOVE_HEAD_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_events_move_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    UPDATE audit_head SET hash = NEW.hash WHERE id = 1 AND seq = NEW.seq;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'audit event seq % is not the one the chain head gave', NEW.seq;
    END IF;
    RETURN NULL;
END;
$$
"""
SQLITE_TRIGGER = """
CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit event seq is not the one its chain head gave')
    WHERE NEW.seq IS NULL OR NEW.seq != (SELECT seq FROM audit_head WHERE id = NEW.chain);
    UPDATE audit_head SET hash = NEW.hash WHERE id = NEW.chain;
END
"""
LEGACY_SQLITE_TRIGGER = """
CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit event seq is not the one the chain head gave')
    WHERE NEW.seq IS NULL OR NEW.seq != (SELECT seq FROM audit_head WHERE id = 1);
    UPDATE audit_head SET hash = NEW.hash WHERE id = 1;
END
"""


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.add_column(
        "audit_events",
        sa.Column("chain", sa.SmallInteger(), nullable=False, server_default=sa.text("1")),
    )
    op.drop_index("ix_audit_events_seq", table_name="audit_events")
    op.create_index("ix_audit_events_chain_seq", "audit_events", ["chain", "seq"], unique=True)
    head = sa.table("audit_head", sa.column("id"), sa.column("seq"), sa.column("hash"))
    op.bulk_insert(head, [{"id": i, "seq": 0, "hash": GENESIS} for i in range(2, MAX_CHAINS + 1)])
    op.execute("DROP TRIGGER IF EXISTS audit_events_move_head" + (" ON audit_events" * postgres))
    if postgres:
        op.execute("DROP FUNCTION audit_take_head()")
        op.execute(TAKE_HEAD_FUNCTION)
        op.execute("REVOKE ALL ON FUNCTION audit_take_head(integer, smallint) FROM PUBLIC")
        op.execute(MOVE_HEAD_FUNCTION)
        op.execute(
            "CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_move_head()"
        )
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    """Only while chains 2 and up are empty: one chain cannot hold several without re-sealing."""
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    if bind.execute(sa.text("SELECT count(*) FROM audit_events WHERE chain <> 1")).scalar():
        raise RuntimeError("audit events in chains 2 and up: they cannot be folded into one chain")
    op.execute("DROP TRIGGER IF EXISTS audit_events_move_head" + (" ON audit_events" * postgres))
    op.execute("DELETE FROM audit_head WHERE id <> 1")
    op.drop_index("ix_audit_events_chain_seq", table_name="audit_events")
    op.create_index("ix_audit_events_seq", "audit_events", ["seq"], unique=True)
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("chain")
    if postgres:
        op.execute("DROP FUNCTION audit_take_head(integer, smallint)")
        op.execute(LEGACY_TAKE_HEAD_FUNCTION)
        op.execute("REVOKE ALL ON FUNCTION audit_take_head() FROM PUBLIC")
        op.execute(LEGACY_MOVE_HEAD_FUNCTION)
        op.execute(
            "CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_move_head()"
        )
    else:
        op.execute(LEGACY_SQLITE_TRIGGER)
