"""The audit trail: who did what to which client, when, with which model (UUIDs only).

`record()` adds the event to the session of the action it records and never commits: the
caller's transaction writes both or neither, so an acknowledged action always has its event.
Each event is sealed into the keyed hash chain (services/audit_chain) as it is added.
Details hold counts and codes, never features, names or customer references.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert

from app.database import current_database
from app.models import AuditEvent
from app.models.audit import ACTIONS
from app.services.audit_chain import seal


def record(
    action: str,
    actor_id: uuid.UUID | str | None,
    client_id: uuid.UUID | None = None,
    model_version: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    event = AuditEvent(
        action=action,
        actor_id=_as_uuid(actor_id),
        client_id=client_id,
        model_version=model_version,
        details=details,
    )
    session = current_database().session
    # The action's own rows first (client rows included), the chain's head last: one lock
    # order for every audited transaction, so two of them never wait for each other in a cycle.
    session.flush()
    connection = session.connection()
    seal(connection, event)  # its seq, time (under the head's lock) and keyed link
    # A plain INSERT on the action's transaction: the ORM's unit of work would add half a
    # millisecond to every audited request. The event returned is not tracked by the session.
    event.id = connection.execute(INSERT, _columns(event)).scalar_one()
    return event


INSERT = insert(AuditEvent.__table__).returning(AuditEvent.__table__.c.id)
_COLUMNS = tuple(c.key for c in AuditEvent.__table__.columns if c.key != "id")


def _columns(event: AuditEvent) -> dict[str, Any]:
    return {name: getattr(event, name) for name in _COLUMNS}


def _as_uuid(value: uuid.UUID | str | None) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))
