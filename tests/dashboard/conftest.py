"""Dashboard fixtures: users of every role and a small portfolio (the app, `dash_app`, and
`acting` are in tests/conftest.py: the GDPR tests use them too)."""

from __future__ import annotations

import pytest
from dashboard_helpers import GOOD, PASSWORD, RISKY, add_client

from app.services.users import create_user


@pytest.fixture
def people(dash_app):
    """One user per role, plus a second adviser (another portfolio)."""
    return {
        "adviser": create_user("adviser@bank.example", "adviser", PASSWORD),
        "other": create_user("other@bank.example", "adviser", PASSWORD),
        "supervisor": create_user("supervisor@bank.example", "supervisor", PASSWORD),
        "admin": create_user("admin@bank.example", "admin", PASSWORD),
    }


@pytest.fixture
def book(people):
    """The adviser's fresh and stale clients, and a client of the other adviser."""
    return {
        "fresh": add_client(people["adviser"], GOOD, age_days=10),
        "stale": add_client(people["adviser"], RISKY, age_days=400),
        "foreign": add_client(people["other"], GOOD, age_days=10),
    }
