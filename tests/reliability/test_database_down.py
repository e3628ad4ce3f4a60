"""The database goes away and comes back: the API answers 503 JSON with Retry-After, the
dashboard a clear page, and both recover by themselves, without a restart.

PostgreSQL is reached through a loopback relay that the test cuts and restores, so the shared
server itself is never stopped.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy.engine import make_url
from tcp_proxy import TcpProxy

from app.services.users import create_user

PASSWORD = "Correct-Horse-42"
GOOD = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 0, "credit_score": 720}


@pytest.fixture
def relay(database_url):
    url = make_url(database_url)
    proxy = TcpProxy((url.host, url.port or 5432)).start()
    yield proxy, url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    proxy.stop()


@pytest.fixture
def through_relay(relay, make_app, model_registry):
    proxy, url = relay
    app = make_app(
        DATABASE_URL=url, MODEL_REGISTRY_DIR=str(model_registry), RATELIMIT_ENABLED=False
    )
    with app.app_context():
        create_user("adviser@bank.example", "adviser", PASSWORD)
    return proxy, app


def _dashboard_log_in(http):
    page = http.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = http.post(
        "/login", data={"csrf_token": token, "email": "adviser@bank.example", "password": PASSWORD}
    )
    assert response.status_code == 302


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_the_api_and_the_dashboard_survive_a_database_outage(through_relay):
    proxy, app = through_relay
    api, browser = app.test_client(), app.test_client()
    token = api.post(
        "/api/v1/auth/login", json={"email": "adviser@bank.example", "password": PASSWORD}
    ).get_json()
    bearer = {"Authorization": f"Bearer {token['access_token']}"}
    _dashboard_log_in(browser)
    assert api.post("/api/v1/score", json=GOOD, headers=bearer).status_code == 200

    proxy.stop()
    for response in (
        api.post("/api/v1/score", json=GOOD, headers=bearer),
        api.get("/api/v1/clients", headers=bearer),
        api.get("/api/v1/health"),
    ):
        assert response.status_code == 503, response.get_data(as_text=True)
        assert response.headers["Retry-After"].isdigit()
        body = response.get_json()
        assert body == {
            "status": "degraded",
            "database": "unavailable",
            "model_version": body.get("model_version"),
        } or body["error"] == {
            "status": 503,
            "code": "database_unavailable",
            "message": "The database is unavailable.",
            "fields": {},
        }
    page = browser.get("/")
    assert page.status_code == 503 and page.headers["Retry-After"].isdigit()
    text = page.get_data(as_text=True)
    assert "Service momentanément indisponible" in text and "temporarily unavailable" in text
    assert 'http-equiv="refresh"' in text  # the page retries by itself

    proxy.start()  # same port: the app's URL is unchanged
    assert api.get("/api/v1/health").status_code == 200
    assert api.post("/api/v1/score", json=GOOD, headers=bearer).status_code == 200
    assert browser.get("/").status_code == 200


@pytest.mark.parametrize("database_url", ["postgresql+psycopg://nobody@127.0.0.1:1/none"])
def test_an_app_started_without_its_database_answers_503_then_nothing_breaks(make_app):
    """Start-up does not need the database: the platform's health check sees 503, not a crash."""
    app = make_app()
    http = app.test_client()
    for _ in range(3):
        response = http.post(
            "/api/v1/auth/login", json={"email": "a@bank.example", "password": PASSWORD}
        )
        assert response.status_code == 503
        assert response.get_json()["error"]["code"] == "database_unavailable"


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_connection_dropped_while_idle_is_replaced_without_an_error(through_relay, monkeypatch):
    """Pooled connections idle past PING_AFTER_IDLE_SECONDS are pinged before use; here every
    connection is cut and the relay comes back at once, as after a proxy's idle timeout."""
    proxy, app = through_relay
    api = app.test_client()
    token = api.post(
        "/api/v1/auth/login", json={"email": "adviser@bank.example", "password": PASSWORD}
    ).get_json()
    bearer = {"Authorization": f"Bearer {token['access_token']}"}
    assert api.post("/api/v1/score", json=GOOD, headers=bearer).status_code == 200

    monkeypatch.setattr("app.database.PING_AFTER_IDLE_SECONDS", 0.0)
    proxy.stop()
    proxy.start()
    assert api.post("/api/v1/score", json=GOOD, headers=bearer).status_code == 200
