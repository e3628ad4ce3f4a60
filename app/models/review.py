"""The human review queue (GDPR Art. 22(3), AI Act Art. 14): one case per referral or request.

A case is open until a supervisor records the review decision (closed_at, closed_by, outcome);
at most one case per client is open at a time (a partial unique index). Closed cases stay as
the record of who reviewed what, and when.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime

REASONS = ("referred", "client_request")
OUTCOMES = ("approve", "decline")
OPEN = text("closed_at IS NULL")


class ReviewCase(Base):
    __tablename__ = "review_cases"
    __table_args__ = (
        CheckConstraint("reason IN ('referred', 'client_request')", name="reason_value"),
        CheckConstraint(
            "outcome IS NULL OR outcome IN ('approve', 'decline')", name="outcome_value"
        ),
        # The queue, oldest first, reads open cases only.
        Index("ix_review_cases_open_since", "since", postgresql_where=OPEN, sqlite_where=OPEN),
        Index(
            "ix_review_cases_open_client",
            "client_id",
            unique=True,
            postgresql_where=OPEN,
            sqlite_where=OPEN,
        ),
        Index("ix_review_cases_client_closed_at", "client_id", "closed_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("clients.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(16))
    since: Mapped[datetime] = mapped_column(UTCDateTime)
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    # Who put the client in the queue: the referring adviser, or who recorded the request.
    referred_by: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    # The author of the decision under review (the referral's, or the latest before a request).
    decided_by: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    justification: Mapped[str | None] = mapped_column(Text)
    client_view: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    outcome: Mapped[str | None] = mapped_column(String(16))
    review_justification: Mapped[str | None] = mapped_column(Text)
