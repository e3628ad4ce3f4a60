"""Portfolio jobs (issue 14 §4): a rescoring of every client, split into chunks by id range.

A chunk row is the job's durable progress and its idempotency key: the transaction that stores
a chunk's score records also marks its row done, so a chunk retried after a killed worker finds
it done and stores nothing twice.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow

CHUNK_STATES = ("pending", "done", "failed")


class PortfolioJob(Base):
    __tablename__ = "portfolio_jobs"
    __table_args__ = (CheckConstraint("kind IN ('rescore')", name="kind_value"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(32))
    # A code ("on_demand", "model_activation"), never free text (it is audited).
    reason: Mapped[str] = mapped_column(String(32))
    requested_by: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    model_version: Mapped[str | None] = mapped_column(String(64))
    chunk_size: Mapped[int] = mapped_column(Integer)
    chunks_total: Mapped[int] = mapped_column(Integer)
    clients_total: Mapped[int] = mapped_column(Integer)  # clients when the job was planned
    # Where the chunks run: "queue" (RQ workers) or "in_process" (no Redis configured).
    runner: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class JobChunk(Base):
    __tablename__ = "job_chunks"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'done', 'failed')", name="status_value"),
    )

    job_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("portfolio_jobs.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # Clients with first_id <= id < end_id (None: open end), in the store's key order.
    first_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    end_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    clients: Mapped[int] = mapped_column(Integer, default=0)  # scored and stored
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # failed attempts
    error: Mapped[str | None] = mapped_column(Text)  # the last failure, kind and message
    seconds: Mapped[float | None] = mapped_column(Float)  # the stored attempt's duration
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
