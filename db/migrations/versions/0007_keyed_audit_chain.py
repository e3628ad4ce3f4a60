"""The audit chain keyed with AUDIT_KEY, numbered without gaps, and appendable by a restricted role.

- `audit_events.seq`: the event's place in the chain (the head's counter), unique and not null.
- Existing events: the plain SHA-256 chain is checked first (the upgrade stops if it is broken:
  it must not launder a tampered trail), then every event is sealed again with the keyed digest
  of services/audit_chain, in id order, from seq 1. The key comes from the app being upgraded
  (`flask --app wsgi db upgrade`) or from the environment under the same rules.
- PostgreSQL: `audit_take_head()` (SECURITY DEFINER) moves the head's counter for the caller, so
  a web role with INSERT and SELECT only on the audit tables can still append; the head-moving
  trigger runs as its owner too, and refuses an event whose seq is not the one the head gave.
  SQLite gets the same check in its trigger.

Downgrade keeps the keyed hashes (they cannot be turned back into the old ones).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 19:45:00
"""

from __future__ import annotations

from types import SimpleNamespace

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
TAKE_HEAD_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_take_head(OUT seq bigint, OUT hash varchar)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    UPDATE audit_head SET seq = audit_head.seq + 1 WHERE id = 1
    RETURNING audit_head.seq, audit_head.hash
$$
"""
MOVE_HEAD_FUNCTION = """
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
POSTGRES_TRIGGER = """
CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_move_head()
"""
SQLITE_TRIGGER = """
CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit event seq is not the one the chain head gave')
    WHERE NEW.seq IS NULL OR NEW.seq != (SELECT seq FROM audit_head WHERE id = 1);
    UPDATE audit_head SET hash = NEW.hash WHERE id = 1;
END
"""


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    events = _checked_legacy_trail()  # before any change: SQLite does not roll DDL back
    op.add_column(
        "audit_events", sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"))
    )
    _reseal(events)
    with op.batch_alter_table("audit_events") as batch:
        batch.alter_column(
            "seq",
            existing_type=sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        )
    op.create_index("ix_audit_events_seq", "audit_events", ["seq"], unique=True)
    op.execute("DROP TRIGGER IF EXISTS audit_events_move_head" + (" ON audit_events" * postgres))
    if postgres:
        op.execute(TAKE_HEAD_FUNCTION)
        op.execute("REVOKE ALL ON FUNCTION audit_take_head() FROM PUBLIC")
        op.execute(MOVE_HEAD_FUNCTION)
        op.execute("REVOKE ALL ON FUNCTION audit_events_move_head() FROM PUBLIC")
        op.execute(POSTGRES_TRIGGER)
    else:
        op.execute(SQLITE_TRIGGER)


def _checked_legacy_trail() -> list[SimpleNamespace]:
    """The existing events in id order, once their plain SHA-256 chain has been checked."""
    rows = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT id, actor_id, action, client_id, model_version, details, created_at, "
                "prev_hash, hash FROM audit_events ORDER BY id"
            )
        )
        .mappings()
    )
    events = [_event(row) for row in rows]
    from app.services.audit_chain import plain_digest

    for before, event in zip([None, *events], events, strict=False):
        linked = before is None or event.prev_hash == before.hash
        if not linked or event.hash != plain_digest(event.prev_hash, event):
            raise RuntimeError(
                f"audit chain broken at event {event.id} before the upgrade: "
                "run `flask --app wsgi audit verify` on the previous version and investigate"
            )
    return events


def _reseal(events: list[SimpleNamespace]) -> None:
    """Seal the checked events again with the keyed digest, from seq 1, and move the head."""
    if not events:
        return
    from app.services.audit_chain import CHAIN_CONTEXT, derived_key, digest

    bind = op.get_bind()
    key = derived_key(_audit_key(), CHAIN_CONTEXT)
    postgres = bind.dialect.name == "postgresql"
    if postgres:
        op.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")
    previous = GENESIS
    for seq, event in enumerate(events, start=1):
        event.seq = seq
        sealed = digest(key, previous, event)
        bind.execute(
            sa.text(
                "UPDATE audit_events SET seq = :seq, prev_hash = :prev, hash = :hash WHERE id = :id"
            ),
            {"seq": seq, "prev": previous, "hash": sealed, "id": event.id},
        )
        previous = sealed
    bind.execute(
        sa.text("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1"),
        {"seq": len(events), "hash": previous},
    )
    if postgres:
        op.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only")


def _event(row) -> SimpleNamespace:
    """A row as the digest reads an event: UUIDs, parsed JSON and an aware datetime."""
    import json
    import uuid
    from datetime import UTC, datetime

    def as_uuid(value):
        return value if value is None or isinstance(value, uuid.UUID) else uuid.UUID(str(value))

    details, created_at = row["details"], row["created_at"]
    if isinstance(details, str):
        details = json.loads(details)
    if isinstance(created_at, str):
        created_at = datetime.fromisoformat(created_at)
    if created_at.tzinfo is None:  # SQLite stores UTC without its offset
        created_at = created_at.replace(tzinfo=UTC)
    created_at = created_at.astimezone(UTC)  # as the app's UTCDateTime reads it
    return SimpleNamespace(
        id=row["id"],
        seq=None,
        actor_id=as_uuid(row["actor_id"]),
        action=row["action"],
        client_id=as_uuid(row["client_id"]),
        model_version=row["model_version"],
        details=details,
        created_at=created_at,
        prev_hash=row["prev_hash"],
        hash=row["hash"],
    )


def _audit_key() -> str:
    from flask import current_app, has_app_context

    if has_app_context():
        return current_app.config["AUDIT_KEY"]
    from app.config import load_config

    return load_config()["AUDIT_KEY"]


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute("DROP TRIGGER IF EXISTS audit_events_move_head" + (" ON audit_events" * postgres))
    op.drop_index("ix_audit_events_seq", table_name="audit_events")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("seq")
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS audit_take_head()")
        op.execute(
            "CREATE OR REPLACE FUNCTION audit_events_move_head() RETURNS trigger AS $$ BEGIN "
            "UPDATE audit_head SET hash = NEW.hash WHERE id = 1; RETURN NULL; END; "
            "$$ LANGUAGE plpgsql SECURITY INVOKER"
        )
        op.execute(
            "CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events FOR EACH ROW "
            "WHEN (NEW.hash IS NOT NULL) EXECUTE FUNCTION audit_events_move_head()"
        )
    else:
        op.execute(
            "CREATE TRIGGER audit_events_move_head AFTER INSERT ON audit_events "
            "WHEN NEW.hash IS NOT NULL "
            "BEGIN UPDATE audit_head SET hash = NEW.hash WHERE id = 1; END"
        )
