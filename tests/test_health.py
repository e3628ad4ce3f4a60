"""GET /api/v1/health answers without auth: 200 when the database is up, 503 when it is not."""

from __future__ import annotations

import pytest


def test_health_reports_database_ok_and_no_model(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "degraded", "database": "ok", "model_version": None}


@pytest.mark.parametrize(
    "database_url", ["postgresql+psycopg://nobody@127.0.0.1:1/none"], indirect=False
)
def test_health_is_503_json_when_the_database_is_unreachable(make_app):
    app = make_app()
    response = app.test_client().get("/api/v1/health")
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert response.get_json() == {
        "status": "degraded",
        "database": "unavailable",
        "model_version": None,
    }


def test_unknown_api_route_is_a_json_404(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_wrong_method_is_a_json_405(client):
    response = client.post("/api/v1/health")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
