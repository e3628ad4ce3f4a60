"""What the admin page shows: users, the audit log, and what retention will purge next."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.database import current_database
from app.models import AuditEvent, User
from app.services import permissions, retention
from app.services.errors import Invalid
from app.services.lookup import uuid_prefix_range

AUDIT_PAGE = 50


@dataclass
class AuditFilter:
    action: str | None = None
    client_id: uuid.UUID | None = None
    client_prefix: str | None = None  # a client's short id: its UUID's first 8+ hex digits
    actor_id: uuid.UUID | None = None
    since: datetime | None = None
    page: int = 1


def _require_admin(actor: User) -> None:
    permissions.require(actor, "administer")


def list_users(actor: User) -> list[dict]:
    _require_admin(actor)
    users = current_database().session.scalars(select(User).order_by(User.email))
    return [
        {
            "id": str(u.id),
            "email": u.email,
            "role": u.role.value,
            "active": u.active,
            "created_at": u.created_at.isoformat(),
        }
        for u in users
    ]


def audit_log(actor: User, where: AuditFilter) -> dict:
    _require_admin(actor)
    if where.page < 1:
        raise Invalid("Invalid page.", {"page": "must be 1 or more"})
    statement = select(AuditEvent, User.email).outerjoin(User, User.id == AuditEvent.actor_id)
    if where.action:
        statement = statement.where(AuditEvent.action == where.action)
    if where.client_id:
        statement = statement.where(AuditEvent.client_id == where.client_id)
    if where.client_prefix:
        bounds = uuid_prefix_range(where.client_prefix)
        if bounds is None:
            raise Invalid("Invalid client.", {"client": "must be a UUID or its first 8 digits"})
        statement = statement.where(AuditEvent.client_id.between(*bounds))
    if where.actor_id:
        statement = statement.where(AuditEvent.actor_id == where.actor_id)
    if where.since:
        statement = statement.where(AuditEvent.created_at >= where.since)
    session = current_database().session
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    rows = session.execute(
        statement.order_by(AuditEvent.id.desc())
        .limit(AUDIT_PAGE)
        .offset((where.page - 1) * AUDIT_PAGE)
    )
    return {
        "total": total,
        "page": where.page,
        "pages": max(1, -(-total // AUDIT_PAGE)),
        "items": [
            {
                "id": e.id,
                "created_at": e.created_at.isoformat(),
                "action": e.action,
                "actor_id": str(e.actor_id) if e.actor_id else None,
                "actor_email": email,  # None for the system (purge, refresh) or an erased user
                "client_id": str(e.client_id) if e.client_id else None,
                "model_version": e.model_version,
            }
            for e, email in rows
        ],
    }


def retention_preview(actor: User, now: datetime | None = None) -> list[dict]:
    """Per category: the cut-off and how many rows the next purge takes (the purge's own rules,
    so what the page shows is exactly what `gdpr purge` deletes)."""
    _require_admin(actor)
    return retention.preview(now)
