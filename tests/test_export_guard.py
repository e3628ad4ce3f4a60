"""The dashboard's export asks what the API's asks: a fresh log-in, and one RATELIMIT_EXPORT
budget per identity shared by both faces (the service spends it, whichever face calls)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from dashboard_helpers import GOOD, PASSWORD, add_client, text_of
from flask_jwt_extended import create_access_token
from flask_login import login_user
from sqlalchemy import func, select

from app.callbacks import rights as rights_callbacks
from app.database import current_database
from app.models import AuditEvent, utcnow
from app.services.users import create_user
from app.texts import t
from app.web.auth import SessionUser


def exports() -> int:
    query = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "export")
    return current_database().session.scalar(query)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_dashboard_export_needs_a_fresh_log_in(acting, dash_app, lang):
    adviser = create_user("adviser@bank.example", "adviser", PASSWORD)
    client = add_client(adviser, GOOD)
    with acting(adviser, lang, fresh=False):
        download, refused = rights_callbacks.export(1, str(client.id))
    assert download is None
    minutes = dash_app.config["FRESH_LOGIN_MINUTES"]
    assert text_of(refused) == t("fresh_login_required", lang, minutes=minutes)
    assert exports() == 0  # refused before anything was read or logged
    with acting(adviser, lang, fresh=True):
        download, refused = rights_callbacks.export(1, str(client.id))
    assert refused is None and download["filename"] == f"client-{client.id}.json"
    assert exports() == 1


@pytest.fixture
def limited_app(make_app, model_registry):
    app = make_app(MODEL_REGISTRY_DIR=str(model_registry), RATELIMIT_EXPORT="2 per minute")
    with app.app_context():
        yield app


def test_the_dashboard_and_the_api_spend_one_export_budget(limited_app):
    adviser = create_user("adviser@bank.example", "adviser", PASSWORD)
    colleague = create_user("colleague@bank.example", "adviser", PASSWORD)
    client, theirs = add_client(adviser, GOOD), add_client(colleague, GOOD)
    http = limited_app.test_client()

    def api_export(user, target):
        token = create_access_token(identity=str(user.id), fresh=True)
        headers = {"Authorization": f"Bearer {token}"}
        return http.get(f"/api/v1/clients/{target.id}/export", headers=headers)

    @contextmanager
    def dashboard(user):
        with limited_app.test_request_context(
            "/_dash-update-component", method="POST", headers={"Cookie": "lang=fr"}
        ):
            login_user(SessionUser(user, utcnow()))
            yield

    assert api_export(adviser, client).status_code == 200
    with dashboard(adviser):
        download, refused = rights_callbacks.export(1, str(client.id))
    assert refused is None and download is not None
    # Two of two spent, one through each face: both faces now refuse.
    spent = api_export(adviser, client)
    assert spent.status_code == 429
    assert spent.get_json()["error"]["code"] == "too_many_requests"
    retry_after = int(spent.headers["Retry-After"])
    assert 1 <= retry_after <= 61
    with dashboard(adviser):
        download, refused = rights_callbacks.export(1, str(client.id))
    assert download is None
    assert text_of(refused).startswith("Trop de demandes : réessayez dans")
    assert exports() == 2
    # The budget is per identity: a colleague still has theirs.
    assert api_export(colleague, theirs).status_code == 200
