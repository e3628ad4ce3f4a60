"""The tamper-evident audit trail: `flask audit verify` finds an edited, removed or inserted
event, and on PostgreSQL the database itself refuses to update one."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from app.database import current_database
from app.services import audit
from app.services.retention import purge


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
    """Tamper the way an intruder with a SQL console would: outside the application."""
    engine = create_engine(app.config["DATABASE_URL"])
    try:
        with engine.begin() as connection:
            connection.execute(text(statement), params)
    finally:
        engine.dispose()


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


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_editing_one_row_is_detected_and_named(app, runner):
    ids = _record(5)
    _raw(app, "UPDATE audit_events SET details = :d WHERE id = :id", d='{"n": 99}', id=ids[2])
    code, output = _verify(runner)
    assert code == 1
    assert f"audit chain broken at event {ids[2]}: content does not match its hash" in output
    assert "(2 events verified before it)" in output


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_rewriting_a_row_and_its_hash_breaks_the_next_link(app, runner):
    """An intruder who recomputes the edited row's hash still breaks the link after it."""
    from app.models import AuditEvent
    from app.services.audit_chain import digest

    ids = _record(4)
    session = current_database().session
    event = session.get(AuditEvent, ids[1])
    event.actor_id = uuid.uuid4()
    forged = digest(event.prev_hash, event)
    session.rollback()
    _raw(app, "UPDATE audit_events SET hash = :h WHERE id = :id", h=forged, id=ids[1])
    code, output = _verify(runner)
    assert code == 1 and f"broken at event {ids[1]}" in output


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_refuses_to_update_an_audit_event(app):
    (event_id,) = _record(1)
    with pytest.raises(DBAPIError, match="append-only"):
        _raw(app, "UPDATE audit_events SET action = 'login' WHERE id = :id", id=event_id)
    current_database().session.expire_all()
    from app.models import AuditEvent

    assert current_database().session.get(AuditEvent, event_id).action == "view_client"


def test_deleting_the_last_event_is_detected(app, runner):
    ids = _record(3)
    _raw(app, "DELETE FROM audit_events WHERE id = :id", id=ids[-1])
    code, output = _verify(runner)
    assert code == 1
    assert f"broken at event {ids[-2]}: is not the chain head" in output


def test_deleting_an_event_in_the_middle_is_detected(app, runner):
    ids = _record(4)
    _raw(app, "DELETE FROM audit_events WHERE id = :id", id=ids[1])
    code, output = _verify(runner)
    assert code == 1 and f"broken at event {ids[2]}: does not link" in output


def test_the_retention_purge_keeps_the_chain_verifiable(app, runner, monkeypatch):
    """Old events go at the end of their retention; the oldest one left anchors the chain."""
    now = datetime.now(UTC)
    old = now - timedelta(days=app.config["RETENTION_AUDIT_DAYS"] + 1)
    monkeypatch.setattr("app.services.audit.utcnow", lambda: old)
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
