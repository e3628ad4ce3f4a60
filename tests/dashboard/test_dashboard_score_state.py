"""One score per state (issue 13 §3): a client's page or its API score stores a new score record
only when the client's data, the served model version or the kill switch changed since the
latest one; viewing again serves the latest record and audits the view."""

from __future__ import annotations

import uuid

from dashboard_helpers import text_of
from flask_jwt_extended import create_access_token
from sqlalchemy import func, select

from app.callbacks.client import LOAD_OUTPUTS, history_view, load_client
from app.database import current_database
from app.models import AuditEvent, ScoreRecord
from app.services import oversight, rights
from app.texts import t


def records_of(client) -> int:
    session = current_database().session
    query = select(func.count()).select_from(ScoreRecord).where(ScoreRecord.client_id == client.id)
    return session.scalar(query)


def events(action: str, client) -> int:
    query = select(func.count()).where(
        AuditEvent.action == action, AuditEvent.client_id == client.id
    )
    return current_database().session.scalar(query)


def visit(acting, user, client, lang: str = "fr") -> dict:
    with acting(user, lang):
        return dict(zip(LOAD_OUTPUTS, load_client(str(client.id)), strict=True))


def api_score(dash_app, user, client, lang: str = "fr", explain: bool = True) -> dict:
    token = create_access_token(identity=str(user.id), additional_claims={"role": user.role.value})
    answer = dash_app.test_client().get(
        f"/api/v1/clients/{client.id}/score?explain={'true' if explain else 'false'}",
        headers={"Authorization": f"Bearer {token}", "Accept-Language": lang},
    )
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def test_two_visits_of_a_client_page_store_one_score(acting, people, book):
    adviser, client = people["adviser"], book["stale"]
    first = visit(acting, adviser, client)
    second = visit(acting, adviser, client)
    assert records_of(client) == 1
    assert events("score_client", client) == 1 and events("view_score", client) == 1
    assert events("view_client", client) == 2  # each view is on the audit trail
    gauge = (
        first["client-gauge.figure"].data[0].value,
        second["client-gauge.figure"].data[0].value,
    )
    assert gauge[0] == gauge[1]


def test_rectified_data_gives_a_new_score(acting, people, book):
    adviser, client = people["adviser"], book["stale"]
    visit(acting, adviser, client)
    with acting(adviser):
        rights.rectify_client(client.id, adviser, {"incidents": 0})
    visit(acting, adviser, client)
    visit(acting, adviser, client)
    assert records_of(client) == 2
    latest = current_database().session.scalar(
        select(ScoreRecord)
        .where(ScoreRecord.client_id == client.id)
        .order_by(ScoreRecord.created_at.desc())
        .limit(1)
    )
    assert latest.inputs["incidents"] == 0


def test_the_kill_switch_is_part_of_the_state(acting, people, book):
    adviser, client = people["adviser"], book["fresh"]
    visit(acting, adviser, client)
    oversight.set_model_enabled(False, people["admin"])
    off = visit(acting, adviser, client)
    visit(acting, adviser, client)
    assert off["client-gauge-box.hidden"] is True
    assert records_of(client) == 2  # one model score, one manual review
    oversight.set_model_enabled(True, people["admin"])
    visit(acting, adviser, client)
    assert records_of(client) == 3


def test_the_api_serves_the_latest_score_again(dash_app, people, book):
    adviser, client = people["adviser"], book["stale"]
    first = api_score(dash_app, adviser, client, "fr")
    again = api_score(dash_app, adviser, client, "en")
    assert again["score_id"] == first["score_id"] and records_of(client) == 1
    assert again["probability_of_default"] == first["probability_of_default"]
    # Stored once, read in the reader's language.
    fr_reasons = [r["text"] for r in first["explanation"]["reasons"]]
    en_reasons = [r["text"] for r in again["explanation"]["reasons"]]
    assert len(fr_reasons) == len(en_reasons) >= 1
    assert all("risk" in text for text in en_reasons)
    assert all("risque" in text for text in fr_reasons)
    assert events("view_score", client) == 1


def test_a_score_kept_without_explanation_is_explained_on_request(dash_app, people, book):
    adviser, client = people["adviser"], book["stale"]
    bare = api_score(dash_app, adviser, client, explain=False)
    explained = api_score(dash_app, adviser, client, explain=True)
    assert bare["explanation"] is None
    assert explained["score_id"] == bare["score_id"] and records_of(client) == 1
    assert len(explained["explanation"]["contributions"]) == 5
    stored = current_database().session.get(ScoreRecord, uuid.UUID(bare["score_id"]))
    current_database().session.refresh(stored)
    assert stored.explanation is not None


def test_the_history_shows_each_score_once_with_the_model_in_words(dash_app, acting, people, book):
    adviser, client = people["adviser"], book["stale"]
    for _ in range(3):
        visit(acting, adviser, client)
    with acting(adviser):
        rows, _current = history_view(str(client.id), 0)
    body = rows.children[1].children
    scores = [row for row in body if row.to_plotly_json()["props"]["data-kind"] == "score"]
    assert len(scores) == 1
    algorithm = dash_app.extensions["model_service"].model.metadata["algorithm"]
    assert t(f"model_name_{algorithm}", "fr") in text_of(scores[0])
