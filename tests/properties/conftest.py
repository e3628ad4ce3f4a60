"""Property fixtures: an adviser holding the generated clients (`dash_app` and `acting`, the app
with a quick model and a request context, are in tests/conftest.py)."""

from __future__ import annotations

import pytest
from dashboard_helpers import PASSWORD

from app.services.users import create_user


@pytest.fixture
def owner(dash_app):
    """The adviser whose portfolio receives every generated client."""
    return create_user("owner@bank.example", "adviser", PASSWORD)
