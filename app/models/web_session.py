"""Dashboard sessions kept on the server: the cookie only names one, so log-out can end it."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class WebSession(Base):
    __tablename__ = "web_sessions"

    # SHA-256 of the token held in the signed cookie: a reader of this table cannot ride a session.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    logged_in_at: Mapped[datetime] = mapped_column(UTCDateTime)  # absolute lifetime, fresh log-in
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)  # idle timeout
