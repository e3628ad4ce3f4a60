"""Helpers of the portfolio job tests (imported by name; conftest.py holds the fixtures)."""

from __future__ import annotations

import os

import pytest
from flask_jwt_extended import create_access_token
from sqlalchemy import func, select

from app.database import current_database
from app.models import ScoreRecord

CLIENTS, CHUNK = 230, 50  # five chunks: four of 50, one of 30
REDIS_URL = os.environ.get("TEST_JOBS_REDIS_URL", "redis://127.0.0.1:6379/8")  # this folder's
IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing service is a failure, not a skip)")
    pytest.skip(reason)


def bearer(user) -> dict[str, str]:
    token = create_access_token(
        identity=str(user.id), additional_claims={"role": user.role.value}, fresh=True
    )
    return {"Authorization": f"Bearer {token}"}


def records_per_client() -> dict:
    """Score records stored per client id (a client scored twice would count 2)."""
    session = current_database().session
    session.rollback()  # read what other processes committed
    rows = session.execute(
        select(ScoreRecord.client_id, func.count()).group_by(ScoreRecord.client_id)
    ).all()
    return dict(rows)
