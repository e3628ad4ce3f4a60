"""Client rights through the API: export, rectification, erasure, human review (GDPR Arts 15-22).

Each test checks what the database holds afterwards, not only what the response says.
"""

from __future__ import annotations

import uuid

import pytest
from api_helpers import PASSWORD, bearer
from sqlalchemy import func, select

from app.database import current_database
from app.models import AuditEvent, Client, Decision, ScoreRecord
from app.services.audit_verify import verify

CLIENTS = "/api/v1/clients"


def url(client, suffix=""):
    return f"{CLIENTS}/{client.id}{suffix}"


@pytest.fixture
def fresh(users):
    """Authorization headers from a fresh log-in, by role name."""
    return {name: bearer(user, fresh=True) for name, user in users.items()}


def _score_and_decide(api, headers, client, decision="refer", confirm=False):
    assert api.get(url(client, "/score"), headers=headers).status_code == 200
    response = api.post(
        url(client, "/decisions"),
        headers=headers,
        json={"decision": decision, "justification": "checked by hand", "confirm": confirm},
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _count(model, **where) -> int:
    query = select(func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return current_database().session.scalar(query)


# --- access (Art. 15) -------------------------------------------------------------------------


def test_the_export_holds_everything_the_database_holds(api, headers, fresh, portfolio):
    good = portfolio["good"]
    _score_and_decide(api, headers["adviser"], good)
    # Rectified data is a new state: the client's second score record (one per state).
    rectified = api.patch(url(good), headers=headers["adviser"], json={"incidents": 2})
    assert rectified.status_code == 200, rectified.get_json()
    assert api.get(url(good, "/score"), headers=headers["adviser"]).status_code == 200
    response = api.get(url(good, "/export"), headers=fresh["adviser"])
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    session = current_database().session
    session.expire_all()
    stored = session.get(Client, good.id)
    assert body["client_id"] == str(good.id)
    assert body["features"] == stored.features()
    assert body["data_updated_at"] == stored.data_updated_at.isoformat()
    assert body["retention"]["client_data_until"] > body["data_updated_at"]
    scores = list(session.scalars(select(ScoreRecord).where(ScoreRecord.client_id == good.id)))
    assert {s["id"] for s in body["scores"]} == {str(s.id) for s in scores} and len(scores) == 2
    by_id = {s["id"]: s for s in body["scores"]}
    for score in scores:
        item = by_id[str(score.id)]
        assert item["probability_of_default"] == score.probability
        assert item["model_version"] == score.model_version
        assert item["threshold"] == score.threshold
        assert item["explanation"] == score.explanation and item["explanation"]["contributions"]
        assert item["inputs"] == score.inputs
        assert item["kept_until"] > item["created_at"]
    decisions = list(session.scalars(select(Decision).where(Decision.client_id == good.id)))
    assert [d["id"] for d in body["decisions"]] == [str(d.id) for d in decisions]
    assert body["decisions"][0]["justification"] == "checked by hand"
    assert _count(AuditEvent, action="export", client_id=good.id) == 1


def test_supervisors_and_admins_may_export_other_advisers_may_not(api, fresh, portfolio):
    good = portfolio["good"]
    assert api.get(url(good, "/export"), headers=fresh["supervisor"]).status_code == 200
    assert api.get(url(good, "/export"), headers=fresh["admin"]).status_code == 200
    foreign = api.get(url(good, "/export"), headers=fresh["other"])
    unknown = api.get(f"{CLIENTS}/{uuid.uuid4()}/export", headers=fresh["other"])
    assert foreign.status_code == unknown.status_code == 404
    assert foreign.get_json() == unknown.get_json()


def test_export_needs_a_fresh_log_in(api, users, portfolio):
    stale = api.get(url(portfolio["good"], "/export"), headers=bearer(users["adviser"]))
    assert stale.status_code == 401
    assert stale.get_json()["error"]["code"] == "fresh_token_required"
    tokens = api.post(
        "/api/v1/auth/login", json={"email": "adviser@bank.example", "password": PASSWORD}
    ).get_json()
    logged_in = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert api.get(url(portfolio["good"], "/export"), headers=logged_in).status_code == 200
    refreshed = api.post(
        "/api/v1/auth/refresh", headers={"Authorization": f"Bearer {tokens['refresh_token']}"}
    ).get_json()["access_token"]
    again = api.get(
        url(portfolio["good"], "/export"), headers={"Authorization": f"Bearer {refreshed}"}
    )
    assert again.status_code == 401


def test_exports_have_their_own_rate_limit(make_app, model_registry):
    app = make_app(MODEL_REGISTRY_DIR=str(model_registry), RATELIMIT_EXPORT="2 per minute")
    with app.app_context():
        from api_helpers import add_client

        from app.services.users import create_user

        adviser = create_user("limited@bank.example", "adviser", PASSWORD)
        client = add_client(adviser)
        headers = bearer(adviser, fresh=True)
        api = app.test_client()
        codes = [api.get(url(client, "/export"), headers=headers).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


# --- rectification (Art. 16) ------------------------------------------------------------------


def test_rectification_updates_the_data_resets_its_date_and_is_audited(api, headers, portfolio):
    risky = portfolio["risky"]
    before = current_database().session.get(Client, risky.id).data_updated_at
    assert api.get(url(risky, "/score"), headers=headers["adviser"]).status_code == 200
    response = api.patch(
        url(risky), headers=headers["adviser"], json={"incidents": 0, "income": 45_000.0}
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["incidents"] == 0 and body["income"] == 45_000.0
    assert body["stale"] is False and body["data_age_days"] == 0
    assert body["probability_of_default"] is None  # the old score was on the old data
    session = current_database().session
    session.expire_all()
    stored = session.get(Client, risky.id)
    assert (stored.incidents, stored.income) == (0, 45_000.0)
    assert stored.data_updated_at > before
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "rectification"))
    assert event.client_id == risky.id and event.details == {"fields": ["incidents", "income"]}
    rescored = api.get(url(risky, "/score"), headers=headers["adviser"]).get_json()
    latest = session.scalar(
        select(ScoreRecord).where(ScoreRecord.id == uuid.UUID(rescored["score_id"]))
    )
    assert latest.inputs["incidents"] == 0  # later scores use the new data


@pytest.mark.parametrize(
    ("body", "field", "rule"),
    [
        ({"seniority": 40.0}, "seniority", "must be at most age - 14"),  # stored age is 42
        ({"age": 20}, "seniority", "must be at most age - 14"),  # stored seniority is 6.5
        ({"age": 17}, "age", "must be between 18 and 100"),
        ({"incidents": 1.5}, "incidents", "must be an integer"),
        ({"income": True}, "income", "must be a number"),
        ({"age": None}, "age", "must be an integer"),
        ({"colour": "red"}, "colour", "is not allowed"),
        ({}, "body", "must name at least one feature"),
    ],
)
def test_bad_rectifications_get_a_422_naming_the_field(api, headers, portfolio, body, field, rule):
    response = api.patch(url(portfolio["good"]), headers=headers["adviser"], json=body)
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["error"]["fields"].get(field) == rule
    assert current_database().session.get(Client, portfolio["good"].id).age == 42


def test_only_the_clients_adviser_rectifies(api, headers, portfolio):
    body = {"incidents": 0}
    assert api.patch(url(portfolio["good"]), headers=headers["other"], json=body).status_code == 404
    assert (
        api.patch(url(portfolio["good"]), headers=headers["supervisor"], json=body).status_code
        == 403
    )


# --- erasure (Art. 17) ------------------------------------------------------------------------


def test_erasure_removes_the_client_its_scores_and_decisions(api, headers, fresh, portfolio, users):
    good = portfolio["good"]
    _score_and_decide(api, headers["adviser"], good)
    assert api.get(url(good), headers=headers["adviser"]).status_code == 200
    response = api.delete(url(good), headers=fresh["admin"])
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["erased"] is True
    assert _count(Client, id=good.id) == 0
    assert _count(ScoreRecord, client_id=good.id) == 0
    assert _count(Decision, client_id=good.id) == 0
    assert _count(Client) == 2  # the other clients are untouched
    event = current_database().session.scalar(
        select(AuditEvent).where(AuditEvent.action == "erasure")
    )
    assert (event.actor_id, event.client_id) == (users["admin"].id, good.id)
    assert event.details is None and event.created_at is not None
    for row in current_database().session.scalars(select(AuditEvent)):
        text = repr(row.details or {})
        assert "38000" not in text and "'income'" not in text  # no feature kept anywhere
    assert verify(current_database().session).ok
    assert api.get(url(good), headers=headers["adviser"]).status_code == 404


def test_erasure_is_for_admins_with_a_fresh_log_in(api, headers, fresh, users, portfolio):
    good = portfolio["good"]
    assert api.delete(url(good), headers=fresh["adviser"]).status_code == 403
    assert api.delete(url(good), headers=fresh["supervisor"]).status_code == 403
    stale = api.delete(url(good), headers=bearer(users["admin"]))
    assert stale.status_code == 401
    assert api.delete(f"{CLIENTS}/{uuid.uuid4()}", headers=fresh["admin"]).status_code == 404
    assert _count(Client, id=good.id) == 1


def test_a_failed_erasure_leaves_everything_in_place(
    api_app, api, headers, fresh, portfolio, monkeypatch
):
    good = portfolio["good"]
    _score_and_decide(api, headers["adviser"], good)

    def broken(*_args, **_kwargs):
        raise RuntimeError("audit store failed")

    monkeypatch.setattr("app.services.rights.audit.record", broken)
    response = api.delete(url(good), headers=fresh["admin"])
    assert response.status_code == 500
    session = current_database().session
    session.expire_all()
    assert _count(Client, id=good.id) == 1 and _count(Decision, client_id=good.id) == 1


# --- human review (Art. 22) -------------------------------------------------------------------


def test_a_review_request_stays_until_a_supervisor_decides(api, headers, portfolio, users):
    good = portfolio["good"]
    response = api.post(url(good, "/review-request"), headers=headers["adviser"])
    assert response.status_code == 200, response.get_json()
    requested = response.get_json()["review_requested_at"]
    shown = api.get(url(good), headers=headers["adviser"]).get_json()
    assert shown["review_requested_at"] == requested
    assert api.get(url(good, "/score"), headers=headers["adviser"]).status_code == 200
    refused = api.post(
        url(good, "/decisions"), headers=headers["adviser"], json={"decision": "approve"}
    )
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "in_review"
    reviewed = api.post(
        f"/api/v1/reviews/{good.id}/decision",
        headers=headers["supervisor"],
        json={"decision": "approve", "justification": "Dossier relu, revenus confirmés."},
    )
    assert reviewed.status_code == 201, reviewed.get_json()
    decision = reviewed.get_json()
    assert decision["human_review"] is True
    assert decision["adviser_id"] == str(users["supervisor"].id)
    assert api.get(url(good), headers=headers["adviser"]).get_json()["review_requested_at"] is None
    stored = current_database().session.get(Decision, uuid.UUID(decision["id"]))
    assert stored.human_review is True and stored.adviser_id == users["supervisor"].id
    later = _score_and_decide(api, headers["adviser"], good, "approve", confirm=True)
    assert later["human_review"] is False
    assert _count(AuditEvent, action="review_request", client_id=good.id) == 1


def test_a_foreign_review_request_is_404(api, headers, portfolio):
    assert (
        api.post(url(portfolio["good"], "/review-request"), headers=headers["other"]).status_code
        == 404
    )


def test_the_portfolio_filters_clients_awaiting_review(api, headers, portfolio):
    good = portfolio["good"]
    query = CLIENTS + "?review_requested=true"
    assert api.get(query, headers=headers["adviser"]).get_json()["total"] == 0
    api.post(url(good, "/review-request"), headers=headers["adviser"])
    body = api.get(query, headers=headers["adviser"]).get_json()
    assert [item["id"] for item in body["items"]] == [str(good.id)]
    assert body["items"][0]["review_requested_at"] is not None
    assert api.get(query, headers=headers["other"]).get_json()["total"] == 0
    bad = api.get(CLIENTS + "?review_requested=maybe", headers=headers["adviser"])
    assert bad.status_code == 422 and "review_requested" in bad.get_json()["error"]["fields"]
