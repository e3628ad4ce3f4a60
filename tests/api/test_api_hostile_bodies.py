"""Hostile bodies: JSON nested 50,000 levels deep is a 400 everywhere, never a 500; a failing
statement's values (features, justifications) never reach the logs."""

from __future__ import annotations

import logging
import re
import uuid

import pytest
from api_helpers import GOOD, PASSWORD, add_client, bearer
from sqlalchemy import text

from app.api import routes
from app.database import current_database

DEPTH = 50_000
DEEP_BODIES = {
    "arrays": "[" * DEPTH + "]" * DEPTH,
    "objects": '{"a":' * DEPTH + "1" + "}" * DEPTH,
}
BODY_ROUTES = [r for r in routes() if r.body is not None and r.kind == "access"]


def concrete(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(uuid.uuid4()), rule)


def test_the_json_routes_include_the_log_in_and_the_scores():
    assert {"/auth/login", "/score", "/score/batch"} <= {r.rule for r in BODY_ROUTES}


@pytest.mark.parametrize("shape", sorted(DEEP_BODIES))
@pytest.mark.parametrize("route", BODY_ROUTES, ids=lambda r: f"{r.method} {r.rule}")
def test_a_deeply_nested_body_is_a_400_in_the_error_shape(api, users, route, shape):
    headers = {}
    if route.roles is not None:
        headers = bearer(users[route.roles[-1]], fresh=True)
    response = api.open(
        "/api/v1" + concrete(route.rule),
        method=route.method,
        data=DEEP_BODIES[shape],
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert response.get_json()["error"]["code"] == "invalid_json"


def test_a_deeply_nested_callback_body_is_a_400_not_a_500(api, users):
    page = api.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    logged_in = api.post(
        "/login",
        data={"csrf_token": token, "email": users["adviser"].email, "password": PASSWORD},
    )
    assert logged_in.status_code == 302
    response = api.post(
        "/_dash-update-component", data=DEEP_BODIES["arrays"], content_type="application/json"
    )
    assert response.status_code == 400


@pytest.fixture
def refusing_inserts(api_app):
    """Make the store refuse every insert into a table, as a broken constraint would."""
    engine = current_database().engine
    created = []

    def refuse(table: str) -> None:
        with engine.begin() as connection:
            if engine.dialect.name == "sqlite":
                connection.execute(
                    text(
                        f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                    )
                )
            else:
                connection.execute(
                    text(
                        "CREATE OR REPLACE FUNCTION refuse_insert() RETURNS trigger "
                        "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; "
                        "END $$"
                    )
                )
                connection.execute(
                    text(
                        f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                        "FOR EACH ROW EXECUTE FUNCTION refuse_insert()"
                    )
                )
        created.append(table)

    yield refuse
    with engine.begin() as connection:
        for table in created:
            suffix = "" if engine.dialect.name == "sqlite" else f" ON {table}"
            connection.execute(text(f"DROP TRIGGER refuse_{table}{suffix}"))


SECRET_INCOME = 38_123.45
SECRET_JUSTIFICATION = "Justification confidentielle XQZ-4471 du conseiller"


def test_a_failed_score_insert_logs_no_feature_value(api, headers, refusing_inserts, caplog):
    refusing_inserts("score_records")
    with caplog.at_level(logging.DEBUG):
        response = api.post(
            "/api/v1/score", json={**GOOD, "income": SECRET_INCOME}, headers=headers["adviser"]
        )
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "internal_error"
    assert "INSERT INTO score_records" in caplog.text  # the failure is logged...
    assert "38123.45" not in caplog.text  # ...without the values
    assert "parameters hidden" in caplog.text


def test_a_failed_decision_insert_logs_no_justification(
    api, users, headers, refusing_inserts, caplog
):
    client = add_client(users["adviser"], GOOD)
    scored = api.get(f"/api/v1/clients/{client.id}/score", headers=headers["adviser"])
    assert scored.status_code == 200
    refusing_inserts("decisions")
    with caplog.at_level(logging.DEBUG):
        response = api.post(
            f"/api/v1/clients/{client.id}/decisions",
            json={"decision": "refer", "justification": SECRET_JUSTIFICATION, "confirm": True},
            headers=headers["adviser"],
        )
    assert response.status_code == 500
    assert "INSERT INTO decisions" in caplog.text
    assert "XQZ-4471" not in caplog.text
