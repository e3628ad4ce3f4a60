"""What the model advised (score records) and what the adviser decided (decisions)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Float, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class ScoreRecord(Base):
    __tablename__ = "score_records"
    __table_args__ = (Index("ix_score_records_client_id_created_at", "client_id", "created_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    # Null for ad-hoc scores of data that is not a stored client (API /score, simulator).
    client_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("clients.id", ondelete="CASCADE")
    )
    requested_by: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Null when the model is switched off (kill switch): the recommendation is manual review.
    probability: Mapped[float | None] = mapped_column(Float)
    recommendation: Mapped[str] = mapped_column(String(32))
    threshold: Mapped[float | None] = mapped_column(Float)
    model_version: Mapped[str | None] = mapped_column(String(64))
    explanation: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The challenger's shadow score (issue 12 §4): stored, never shown, never in a response.
    challenger_version: Mapped[str | None] = mapped_column(String(64))
    challenger_probability: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


DECISIONS = ("approve", "decline", "refer")


class Decision(Base):
    __tablename__ = "decisions"
    __table_args__ = (
        Index("ix_decisions_client_id_created_at", "client_id", "created_at"),
        CheckConstraint("decision IN ('approve', 'decline', 'refer')", name="decision_value"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    score_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("score_records.id", ondelete="CASCADE")
    )
    client_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("clients.id", ondelete="CASCADE")
    )
    adviser_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    decision: Mapped[str] = mapped_column(String(16))
    justification: Mapped[str | None] = mapped_column(Text)
    # True when the decision answers the client's request for human review.
    human_review: Mapped[bool] = mapped_column(Boolean, default=False)
    # Whether the author had been shown the client's explanation ("why") before deciding
    # (CJEU C-634/21: evidence of a human decision); None for decisions before it was kept.
    explanation_opened: Mapped[bool | None] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
