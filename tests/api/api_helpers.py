"""Helpers shared by the API tests (imported as `api_helpers`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask_jwt_extended import create_access_token

from app.database import current_database
from app.models import Client

PASSWORD = "Correct-Horse-42"
GOOD = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 1, "credit_score": 640}
RISKY = {"age": 30, "income": 21_000.0, "seniority": 1.0, "incidents": 2, "credit_score": 560}


def bearer(user, **kwargs) -> dict[str, str]:
    token = create_access_token(
        identity=str(user.id), additional_claims={"role": user.role.value}, **kwargs
    )
    return {"Authorization": f"Bearer {token}"}


def add_client(adviser, values=None, age_days: int = 10) -> Client:
    now = datetime.now(UTC)
    client = Client(
        adviser_id=adviser.id,
        data_updated_at=now - timedelta(days=age_days),
        created_at=now,
        **(values or GOOD),
    )
    with current_database().transaction() as session:
        session.add(client)
    return client
