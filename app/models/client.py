"""Clients: a pseudonymous UUID, the adviser holding the portfolio and the five features.

Ranges come from the one feature schema and are enforced by CHECK constraints as well, so that
no path into the database (import, SQL console, a later bug) can store an impossible client.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Uuid,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow
from modelling.features import FEATURES, MIN_WORKING_AGE, format_bound

REVIEW_OPEN = {"postgresql": text("review_open"), "sqlite": text("review_open = 1")}


def feature_check_constraints() -> list[CheckConstraint]:
    checks = [
        CheckConstraint(
            f"{f.name} >= {format_bound(f.minimum)} AND {f.name} <= {format_bound(f.maximum)}",
            name=f"{f.name}_range",
        )
        for f in FEATURES
    ]
    checks.append(
        CheckConstraint(f"seniority <= age - {MIN_WORKING_AGE}", name="seniority_within_age")
    )
    return checks


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        *feature_check_constraints(),
        # Portfolio filters always start with the adviser; sorting/ranging then uses the feature.
        *(Index(f"ix_clients_adviser_{f.name}", "adviser_id", f.name) for f in FEATURES),
        Index("ix_clients_adviser_data_updated_at", "adviser_id", "data_updated_at"),
        Index("ix_clients_data_updated_at", "data_updated_at"),
        # The risk-band filter is a range on the latest probability, within a portfolio.
        Index("ix_clients_adviser_probability", "adviser_id", "probability"),
        # The whole bank's portfolio (supervisors) opens riskiest first and counts its high risk.
        Index("ix_clients_probability", "probability"),
        # ... and sorts by any feature (else a full scan and sort of every client), and combines
        # feature ranges with other conditions (PostgreSQL: a bitmap AND of the two indexes).
        *(Index(f"ix_clients_{f.name}", f.name) for f in FEATURES),
        # Clients awaiting human review are few: a partial index finds them in any portfolio.
        Index(
            "ix_clients_review_requested",
            "adviser_id",
            "review_requested_at",
            postgresql_where=text("review_requested_at IS NOT NULL"),
            sqlite_where=text("review_requested_at IS NOT NULL"),
        ),
        # The portfolio's "decided this month" and "never decided" (to-do), for an adviser and
        # for the whole bank.
        Index("ix_clients_adviser_last_decision_at", "adviser_id", "last_decision_at"),
        Index("ix_clients_last_decision_at", "last_decision_at"),
        # Clients in the review queue are few: a partial index finds them in any portfolio.
        # Its condition is written as each backend renders `where(Client.review_open)`, which
        # is what lets the planner use it.
        Index(
            "ix_clients_adviser_review_open",
            "adviser_id",
            postgresql_where=REVIEW_OPEN["postgresql"],
            sqlite_where=REVIEW_OPEN["sqlite"],
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    adviser_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("users.id", ondelete="RESTRICT"))
    age: Mapped[int] = mapped_column(Integer)
    income: Mapped[float] = mapped_column(Numeric(12, 2, asdecimal=False))
    seniority: Mapped[float] = mapped_column(Numeric(5, 2, asdecimal=False))
    incidents: Mapped[int] = mapped_column(Integer)
    credit_score: Mapped[int] = mapped_column(Integer)
    data_updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Latest score, kept on the client so that a portfolio can be filtered by risk band.
    probability: Mapped[float | None] = mapped_column(Float)
    scored_model_version: Mapped[str | None] = mapped_column(String(64))
    scored_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A client's request for human re-examination (GDPR Art. 22(3)), open until an adviser
    # records a decision on it.
    review_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The PSEUDONYMISATION_KEY_VERSION the id was derived with from a customer reference; None
    # for a client created without one (API, demo seed). Tells when a rotated key is unused.
    pseudonym_key_version: Mapped[int | None] = mapped_column(SmallInteger)
    # Kept by the services that write decisions and review cases (services/client_marks), so
    # that the portfolio's figures and filters read an index of this table, not a lookup in
    # another per client: the latest decision's time, and whether a review case is open.
    last_decision_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    review_open: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    def features(self) -> dict[str, int | float]:
        return {f.name: getattr(self, f.name) for f in FEATURES}

    def __repr__(self) -> str:
        return f"<Client {self.id}>"
