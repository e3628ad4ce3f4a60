"""Dashboard fixtures: an app with a quick model, users of every role, a small portfolio, and
`acting`, which runs a callback handler as a logged-in user inside a request."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from dashboard_helpers import GOOD, PASSWORD, RISKY, add_client
from flask_login import login_user

from app.services.users import create_user
from app.web.auth import SessionUser


@pytest.fixture
def dash_app(make_app, model_registry):
    application = make_app(MODEL_REGISTRY_DIR=str(model_registry), RATELIMIT_ENABLED=False)
    with application.app_context():
        yield application


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


@pytest.fixture
def acting(dash_app):
    """`with acting(user, "en"):` a request context in which `user` is logged in."""

    @contextmanager
    def as_user(user, lang: str = "fr"):
        with dash_app.test_request_context(
            "/_dash-update-component", method="POST", headers={"Cookie": f"lang={lang}"}
        ):
            if user is not None:
                login_user(SessionUser(user))
            yield

    return as_user
