"""Realised outcomes: whether a client defaulted, as observed on a date (issue 12 §3).

Personal data like the scores they check: erased with the client (ON DELETE CASCADE), exported
with it, and purged after RETENTION_OUTCOME_DAYS counted from the observation.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow

OUTCOME_SOURCES = ("api", "import")


class Outcome(Base):
    __tablename__ = "outcomes"
    __table_args__ = (
        # One observation per client and day: importing a file again updates, never doubles.
        UniqueConstraint("client_id", "observed_at"),
        CheckConstraint("source IN ('api', 'import')", name="source_value"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("clients.id", ondelete="CASCADE"))
    defaulted: Mapped[bool] = mapped_column(Boolean)
    observed_at: Mapped[date] = mapped_column(Date, index=True)
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    source: Mapped[str] = mapped_column(String(16))
