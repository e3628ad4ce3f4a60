"""GDPR fixtures: users of every role and a stored client (the app, `dash_app`, and `acting`,
which runs a dashboard callback as a logged-in user, are in tests/conftest.py)."""

from __future__ import annotations

import pytest
from dashboard_helpers import GOOD, PASSWORD, add_client

from app.services.users import create_user


@pytest.fixture
def people(dash_app):
    return {
        role: create_user(f"{role}@bank.example", role, PASSWORD)
        for role in ("adviser", "supervisor", "admin")
    }


@pytest.fixture
def stored_client(people):
    return add_client(people["adviser"], GOOD, age_days=10)


@pytest.fixture
def one_chain_app(make_app):
    """An app that appends to one audit chain (AUDIT_CHAINS=1): for the tests that tamper with
    a chain by seq. Each chain behaves the same; tests/gdpr/test_audit_chains.py covers several."""
    application = make_app(AUDIT_CHAINS=1)
    with application.app_context():
        yield application
