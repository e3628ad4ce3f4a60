"""Helpers shared by the drift tests (imported as `drift_helpers`): a reference of two bins per
variable, and score records built to fall in one bin or the other in chosen shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from app.database import current_database
from app.models import ScoreRecord
from app.services.models import model_service
from modelling.features import FEATURE_NAMES

# One edge per variable, half the development sample on each side.
EDGES = {"age": 40, "income": 30_000, "seniority": 5, "incidents": 0, "credit_score": 600}
LOW = {"age": 30, "income": 20_000.0, "seniority": 2.0, "incidents": 0, "credit_score": 500}
HIGH = {"age": 50, "income": 40_000.0, "seniority": 10.0, "incidents": 2, "credit_score": 700}
PROBABILITY_EDGE, LOW_P, HIGH_P = 0.2, 0.1, 0.3
REFERENCE = {
    "features": {name: {"edges": [EDGES[name]], "shares": [0.5, 0.5]} for name in FEATURE_NAMES},
    "probability": {"edges": [PROBABILITY_EDGE], "shares": [0.5, 0.5]},
}


def use_reference(monkeypatch, reference=REFERENCE) -> str:
    """Give the served model this reference (None: a version trained without one)."""
    model = model_service().model
    if reference is None:
        monkeypatch.delitem(model.metadata, "drift_reference", raising=False)
    else:
        monkeypatch.setitem(model.metadata, "drift_reference", reference)
    return model.version


def add_scores(
    low: int,
    high: int,
    version: str | None,
    *,
    probability: bool = True,
    client_ids=None,
    at: datetime | None = None,
    override: dict | None = None,
) -> None:
    """`low` ad-hoc records below every edge then `high` above (one per client when
    client_ids are given), `at` (default: a day ago); probability None when not `probability`;
    `override` sets some inputs of every record."""
    at = at or datetime.now(UTC) - timedelta(days=1)
    rows = []
    for i in range(low + high):
        is_low = i < low
        rows.append(
            {
                "id": uuid.uuid4(),
                "client_id": client_ids[i] if client_ids else None,
                "inputs": (LOW if is_low else HIGH) | (override or {}),
                "probability": (LOW_P if is_low else HIGH_P) if probability else None,
                "recommendation": "favourable" if probability else "manual_review",
                "model_version": version if probability else None,
                "created_at": at + timedelta(microseconds=i),
            }
        )
    with current_database().transaction() as session:
        session.connection().execute(insert(ScoreRecord.__table__), rows)
