"""Redis goes away and comes back: health says so with a 503, authenticated calls are refused
with 503 and Retry-After (rate limits and revocations cannot be checked: fail closed), never a
500, and everything recovers by itself. Redis is reached through a loopback relay that the test
cuts and restores, so the shared server itself is never stopped."""

from __future__ import annotations

import os
import re
import uuid

import pytest
from sqlalchemy.engine import make_url
from tcp_proxy import TcpProxy

from app.services.users import create_user

PASSWORD = "Correct-Horse-42"
GOOD = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 0, "credit_score": 720}
DASHBOARD_LOG_IN_DURING_OUTAGE = {"limits on": 503, "limits off": 302}
REDIS_URL = make_url(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0"))


@pytest.fixture
def relay():
    proxy = TcpProxy((REDIS_URL.host, REDIS_URL.port or 6379)).start()
    yield proxy, REDIS_URL.set(host="127.0.0.1", port=proxy.port).render_as_string()
    proxy.stop()


@pytest.fixture(params=["limits on", "limits off"])
def through_relay(request, relay, make_app, model_registry):
    """With limits on, the limiter meets the outage first; with them off, the revocation check."""
    proxy, url = relay
    app = make_app(
        REDIS_URL=url,
        RATELIMIT_KEY_PREFIX=f"redis-down-{uuid.uuid4().hex}",
        RATELIMIT_ENABLED=request.param == "limits on",
        MODEL_REGISTRY_DIR=str(model_registry),
    )
    with app.app_context():
        create_user("adviser@bank.example", "adviser", PASSWORD)
    return proxy, app, request.param


def test_a_redis_outage_fails_closed_with_503_and_recovers_by_itself(through_relay):
    proxy, app, limits = through_relay
    api = app.test_client()
    token = api.post(
        "/api/v1/auth/login", json={"email": "adviser@bank.example", "password": PASSWORD}
    ).get_json()
    bearer = {"Authorization": f"Bearer {token['access_token']}"}
    assert api.post("/api/v1/score", json=GOOD, headers=bearer).status_code == 200
    health = api.get("/api/v1/health")
    assert health.status_code == 200 and health.get_json()["redis"] == "ok"

    browser = app.test_client()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/login").get_data(True))

    proxy.stop()
    typed = {"csrf_token": csrf.group(1), "email": "adviser@bank.example", "password": PASSWORD}
    # The dashboard's log-in throttle lives in Redis with the limits; without limits the
    # log-in needs nothing from Redis.
    page = browser.post("/login", data=typed)
    assert page.status_code == DASHBOARD_LOG_IN_DURING_OUTAGE[limits]
    health = api.get("/api/v1/health")
    assert health.status_code == 503 and health.headers["Retry-After"].isdigit()
    assert health.get_json()["redis"] == "unavailable"
    assert health.get_json()["status"] == "degraded"
    for response in (
        api.post("/api/v1/score", json=GOOD, headers=bearer),
        api.get("/api/v1/clients", headers=bearer),
        api.post("/api/v1/auth/logout", headers=bearer),
    ):
        assert response.status_code == 503, response.get_data(as_text=True)
        assert response.headers["Retry-After"].isdigit()
        assert response.get_json()["error"] == {
            "status": 503,
            "code": "redis_unavailable",
            "message": "The shared cache (Redis) is unavailable.",
            "fields": {},
        }

    proxy.start()  # same port: the app's URL is unchanged
    assert api.get("/api/v1/health").status_code == 200
    assert api.post("/api/v1/score", json=GOOD, headers=bearer).status_code == 200
