"""The tamper-evident audit trail: `flask audit verify` finds an edited, removed or inserted
event, and on PostgreSQL the database itself refuses to update one (test_audit_evidence.py has
the keyed chain, the checkpoints and the restricted role)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from app.database import current_database
from app.services import audit
from app.services.retention import purge


@pytest.fixture
def app(one_chain_app):
    """One chain: these tests name events by their seq (tests/conftest.py: one_chain_app)."""
    return one_chain_app


def _record(count: int) -> list[int]:
    ids = []
    for i in range(count):
        with current_database().transaction():
            event = audit.record("view_client", uuid.uuid4(), uuid.uuid4(), details={"n": i})
        ids.append(event.id)
    return ids


def _verify(runner):
    result = runner.invoke(args=["audit", "verify"])
    return result.exit_code, result.output


def _raw(app, statement: str, **params) -> None:
    """Tamper the way an intruder with a SQL console would: outside the application.

    On PostgreSQL the intruder is the tables' owner, who can switch the append-only trigger off.
    """
    current_database().session.rollback()  # no read transaction of the test in the way
    engine = create_engine(app.config["DATABASE_URL"])
    owner_edit = engine.dialect.name == "postgresql" and statement.startswith("UPDATE audit_events")
    try:
        with engine.begin() as connection:
            if owner_edit:
                connection.execute(text(f"ALTER TABLE audit_events DISABLE TRIGGER {APPEND_ONLY}"))
            connection.execute(text(statement), params)
            if owner_edit:
                connection.execute(text(f"ALTER TABLE audit_events ENABLE TRIGGER {APPEND_ONLY}"))
    finally:
        engine.dispose()


APPEND_ONLY = "audit_events_append_only"


def test_an_untouched_chain_verifies(runner):
    _record(5)
    code, output = _verify(runner)
    assert code == 0 and "audit chain intact: 5 events verified" in output


def test_events_are_chained_each_to_the_one_before(app):
    first, second = _record(2)
    session = current_database().session
    from app.models import AuditEvent

    a, b = session.get(AuditEvent, first), session.get(AuditEvent, second)
    assert b.prev_hash == a.hash and len(a.hash) == 64 and a.hash != b.hash


def test_editing_one_row_is_detected_and_named(app, runner):
    ids = _record(5)
    _raw(app, "UPDATE audit_events SET details = :d WHERE id = :id", d='{"n": 99}', id=ids[2])
    code, output = _verify(runner)
    assert code == 1
    assert (
        "audit chain rewritten in chain 1 at seq 3: content does not match its keyed hash" in output
    )
    assert "(2 events verified before it)" in output


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_refuses_to_update_an_audit_event(app):
    (event_id,) = _record(1)
    engine = create_engine(app.config["DATABASE_URL"])
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_events SET action = 'login' WHERE id = :id"), {"id": event_id}
        )
    engine.dispose()
    current_database().session.expire_all()
    from app.models import AuditEvent

    assert current_database().session.get(AuditEvent, event_id).action == "view_client"


def test_deleting_the_last_event_is_detected(app, runner):
    ids = _record(3)
    _raw(app, "DELETE FROM audit_events WHERE id = :id", id=ids[-1])
    code, output = _verify(runner)
    assert code == 1
    assert (
        "audit chain tail_cut in chain 1 at seq 3: event 3 is missing after the last one" in output
    )


def test_deleting_an_event_in_the_middle_is_detected(app, runner):
    ids = _record(4)
    _raw(app, "DELETE FROM audit_events WHERE id = :id", id=ids[1])
    code, output = _verify(runner)
    assert code == 1
    assert (
        "audit chain deleted in chain 1 at seq 2: event 2 is missing between two others" in output
    )


def test_the_retention_purge_keeps_the_chain_verifiable(app, runner, monkeypatch):
    """Old events go at the end of their retention; the oldest one left anchors the chain."""
    now = datetime.now(UTC)
    old = now - timedelta(days=app.config["RETENTION_AUDIT_DAYS"] + 1)
    monkeypatch.setattr("app.services.audit_chain.utcnow", lambda: old)
    _record(3)
    monkeypatch.undo()
    _record(2)
    assert purge(now=now)["audit"] == 3
    code, output = _verify(runner)
    assert code == 0, output
    assert "3 events verified" in output  # two kept, plus the purge's own event


def test_no_feature_reaches_the_audit_trail(app, adviser):
    """Details hold counts and codes: the audit service refuses unknown actions outright."""
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.record("update_income", adviser.id)
