"""Audit events: who did what to which client, when. UUIDs only, never features."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, SmallInteger, String, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow

# The actions an event may record (services/audit.record refuses any other; the admin page's
# filter offers them). A new audited action is added here.
ACTIONS = frozenset(
    {
        "login",
        "login_failed",
        "logout",
        "score",
        "score_batch",
        "score_client",
        "view_score",  # a client's unchanged score served again (one record per state)
        "letter",  # the client's letter (decision, reasons, rights) produced
        "view_client",
        "view_history",
        "list_clients",
        "decision",
        "export",
        "erasure",
        "scores_refresh",
        "rectification",
        "outcome",  # a client's realised outcome recorded (API)
        "outcome_import",  # a file of outcomes imported (CLI): counts only
        "review_request",
        "model_switch",
        "model_approval",  # issue 12: a version approved for service
        "model_activation",  # the active version chosen (a challenger promoted too)
        "model_challenger",  # a challenger set or stopped
        "purge",
        "drift_alert",
        "user_create",
        "user_update",
    }
)

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
AuditId = BigInteger().with_variant(Integer(), "sqlite")


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_client_id_created_at", "client_id", "created_at"),
        Index("ix_audit_events_actor_id_created_at", "actor_id", "created_at"),
        Index("ix_audit_events_chain_seq", "chain", "seq", unique=True),
    )

    id: Mapped[int] = mapped_column(AuditId, primary_key=True, autoincrement=True)
    # Not foreign keys: the trail must outlive an erased client or a removed user.
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(64), index=True)
    client_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    model_version: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # Keyed hash chains (filled by services/audit_chain): each event commits to the one before
    # it in its chain; `seq` numbers its chain without gaps (ids may skip a rolled-back value).
    chain: Mapped[int] = mapped_column(SmallInteger, server_default=text("1"))
    seq: Mapped[int] = mapped_column(AuditId)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
