"""Helpers for the log-in and session tests (imported as `session_helpers`)."""

from __future__ import annotations

import contextvars
import os
import re
from datetime import timedelta

from flask.testing import FlaskClient

from app.models import utcnow


class Browser(FlaskClient):
    """Each request in an app context of its own, as under a real server: inside the test's
    app context, requests would share `g`, and Flask-Login's user with it, across browsers."""

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


def log_out(http):
    http.get("/_dash-layout")  # the page's log-out form holds the session's CSRF token
    with http.session_transaction() as session:
        token = session["csrf"]
    return http.post("/logout", data={"csrf_token": token})


def dashboard_attempt(http, email: str, password: str, address: str = "10.0.0.1"):
    """One try of the dashboard's log-in form, from this address."""
    page = http.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return http.post(
        "/login",
        data={"csrf_token": token, "email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def api_attempt(http, email: str, password: str, address: str = "10.0.0.1"):
    return http.post(
        "/api/v1/auth/login",
        json={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


class Clock:
    """Moves the time the session and log-in rules read (app.extensions["clock"]): no sleeps."""

    def __init__(self, app):
        self.app, self.now = app, utcnow()
        app.extensions["clock"] = lambda: self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def require_redis() -> str:
    """The test Redis's URL; without it, a failure under CI=true and a skip otherwise."""
    import pytest
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        reason = f"Redis unavailable at {REDIS_URL}: {exc.__class__.__name__}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason} (CI=true: a missing service is a failure, not a skip)")
        pytest.skip(reason)
    return REDIS_URL
