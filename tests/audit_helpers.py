"""Tampering with the audit trail the way an intruder with a SQL console would (tests/gdpr)."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from app.database import current_database

APPEND_ONLY = "audit_events_append_only"


def as_owner(app, *statements: tuple[str, dict]) -> None:
    """An intruder with the tables' owner rights and a SQL console (the append-only trigger off
    for the time of their edits on PostgreSQL), but without AUDIT_KEY."""
    current_database().session.rollback()
    engine = create_engine(app.config["DATABASE_URL"])
    postgres = engine.dialect.name == "postgresql"
    try:
        with engine.begin() as connection:
            if postgres:
                connection.execute(text(f"ALTER TABLE audit_events DISABLE TRIGGER {APPEND_ONLY}"))
            for statement, params in statements:
                connection.execute(text(statement), params)
            if postgres:
                connection.execute(text(f"ALTER TABLE audit_events ENABLE TRIGGER {APPEND_ONLY}"))
    finally:
        engine.dispose()
