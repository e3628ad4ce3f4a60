"""Migration 0007 seals an existing plain SHA-256 trail with the key, after checking it: the
upgraded trail verifies, and a trail already broken stops the upgrade instead of being laundered."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, insert, text

from app.database import current_database
from app.models import AuditEvent
from app.services.audit_chain import GENESIS, plain_digest
from app.services.audit_verify import verify
from db.migrate import downgrade, upgrade

LEGACY_COLUMNS = ("actor_id", "action", "client_id", "model_version", "details", "created_at")


@pytest.fixture
def app(one_chain_app):
    """One chain: these tests name events by their seq (tests/conftest.py: one_chain_app)."""
    return one_chain_app


@pytest.fixture
def legacy_engine(app):
    """The test database taken back to 0006 (before the keyed chain), then upgraded again."""
    current_database().session.rollback()
    current_database().engine.dispose()
    engine = create_engine(app.config["DATABASE_URL"])
    downgrade(engine, "0006")
    yield engine
    upgrade(engine)
    engine.dispose()


def _legacy_trail(engine, count: int, broken_at: int | None = None) -> list[int]:
    """Events chained as the first version did (plain SHA-256), the head moved by hand."""
    table = AuditEvent.__table__
    start = datetime.now(UTC) - timedelta(days=3)
    ids, previous = [], GENESIS
    with engine.begin() as connection:
        connection.execute(text("DROP TRIGGER IF EXISTS audit_events_move_head" + _on(engine)))
        for i in range(count):
            event = SimpleNamespace(
                actor_id=uuid.uuid4(),
                action="view_client",
                client_id=uuid.uuid4(),
                model_version="v1",
                details={"n": i},
                created_at=start + timedelta(minutes=i, microseconds=i),
            )
            sealed = plain_digest(previous, event)
            if i == broken_at:
                event.details = {"n": 99}  # edited after it was sealed
            values = {name: getattr(event, name) for name in LEGACY_COLUMNS}
            ids.append(
                connection.execute(
                    insert(table)
                    .values(prev_hash=previous, hash=sealed, **values)
                    .returning(table.c.id)
                ).scalar_one()
            )
            previous = sealed
        connection.execute(
            text("UPDATE audit_head SET seq = :n, hash = :h"), {"n": count, "h": previous}
        )
    return ids


def _on(engine) -> str:
    return " ON audit_events" if engine.dialect.name == "postgresql" else ""


def test_an_intact_plain_trail_is_sealed_with_the_key_and_verifies(legacy_engine):
    _legacy_trail(legacy_engine, 4)
    upgrade(legacy_engine)
    session = current_database().session
    result = verify(session)
    assert result.ok and result.checked == 4, result.reason
    seqs = [e.seq for e in session.query(AuditEvent).order_by(AuditEvent.id)]
    assert seqs == [1, 2, 3, 4]
    with current_database().transaction():  # and the trail goes on from there
        from app.services import audit

        assert audit.record("login", uuid.uuid4()).seq == 5
    assert verify(current_database().session).ok


def test_a_broken_plain_trail_stops_the_upgrade(legacy_engine):
    ids = _legacy_trail(legacy_engine, 4, broken_at=2)
    with pytest.raises(
        RuntimeError, match=f"audit chain broken at event {ids[2]} before the upgrade"
    ):
        upgrade(legacy_engine)
    with legacy_engine.begin() as connection:  # put the trail right so the fixture can upgrade
        connection.execute(text("DELETE FROM audit_events"))
        connection.execute(text("UPDATE audit_head SET seq = 0, hash = :g"), {"g": GENESIS})
