"""GDPR fixtures: an app serving the quick model, users of every role, and `acting`, which runs
a dashboard callback handler as a logged-in user inside a request."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from flask_login import login_user

from app.database import current_database
from app.models import Client
from app.services.users import create_user
from app.web.auth import SessionUser

PASSWORD = "Correct-Horse-42"
GOOD = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 0, "credit_score": 720}


@pytest.fixture
def served_app(make_app, model_registry):
    application = make_app(MODEL_REGISTRY_DIR=str(model_registry), RATELIMIT_ENABLED=False)
    with application.app_context():
        yield application


@pytest.fixture
def people(served_app):
    return {
        role: create_user(f"{role}@bank.example", role, PASSWORD)
        for role in ("adviser", "supervisor", "admin")
    }


@pytest.fixture
def stored_client(people):
    now = datetime.now(UTC)
    client = Client(
        adviser_id=people["adviser"].id,
        data_updated_at=now - timedelta(days=10),
        created_at=now,
        **GOOD,
    )
    with current_database().transaction() as session:
        session.add(client)
    return client


@pytest.fixture
def acting(served_app):
    """`with acting(user, "en"):` a request context in which `user` is logged in."""

    @contextmanager
    def as_user(user, lang: str = "fr"):
        with served_app.test_request_context(
            "/_dash-update-component", method="POST", headers={"Cookie": f"lang={lang}"}
        ):
            login_user(SessionUser(user))
            yield

    return as_user
