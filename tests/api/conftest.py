"""API fixtures: one quick model per test session, users of every role, tokens, clients."""

from __future__ import annotations

import pytest
from api_helpers import GOOD, PASSWORD, RISKY, add_client, bearer

from app.services.users import create_user


@pytest.fixture
def api_app(make_app, model_registry):
    application = make_app(MODEL_REGISTRY_DIR=str(model_registry), RATELIMIT_ENABLED=False)
    with application.app_context():
        yield application


@pytest.fixture
def api(api_app):
    return api_app.test_client()


@pytest.fixture
def users(api_app):
    """One user per role, plus a second adviser (another portfolio)."""
    return {
        "adviser": create_user("adviser@bank.example", "adviser", PASSWORD),
        "other": create_user("other@bank.example", "adviser", PASSWORD),
        "supervisor": create_user("supervisor@bank.example", "supervisor", PASSWORD),
        "admin": create_user("admin@bank.example", "admin", PASSWORD),
    }


@pytest.fixture
def headers(users):
    """Authorization headers by role name."""
    return {name: bearer(user) for name, user in users.items()}


@pytest.fixture
def portfolio(users):
    """Two clients for the adviser (one stale, one risky), one for the other adviser."""
    return {
        "good": add_client(users["adviser"], GOOD),
        "risky": add_client(users["adviser"], RISKY, age_days=400),
        "foreign": add_client(users["other"], GOOD),
    }
