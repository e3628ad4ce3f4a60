"""The decision rules through the service and the API route: a real justification against the
advice, a repeated decision confirmed, and a history that says who decided and when the client
asked for review."""

from __future__ import annotations

from datetime import timedelta

import pytest
from api_helpers import add_client
from sqlalchemy import func, select

from app.database import current_database
from app.models import Decision
from app.services import decisions, scoring
from app.services.errors import Conflict, Invalid
from app.services.permissions import ActionForbidden

# Far from the threshold on every feature: the quick model's advice cannot be "review".
SAFE = {"age": 45, "income": 150_000.0, "seniority": 20.0, "incidents": 0, "credit_score": 840}
UNSAFE = {"age": 23, "income": 9_000.0, "seniority": 0.5, "incidents": 12, "credit_score": 320}
AGAINST = {"favourable": "decline", "unfavourable": "approve"}
REAL = "Garant solvable et CDI confirmé"  # 31 characters


def url(client, tail: str = "") -> str:
    return f"/api/v1/clients/{client.id}{tail}"


def decision_count(client) -> int:
    query = select(func.count()).select_from(Decision).where(Decision.client_id == client.id)
    return current_database().session.scalar(query)


@pytest.fixture
def scored(users):
    """A client of the adviser, scored, and the decision that goes against its advice."""
    client = add_client(users["adviser"], UNSAFE)
    recommendation = scoring.score_client(client.id, users["adviser"])["recommendation"]
    if recommendation not in AGAINST:
        pytest.fail(f"the quick model should not rate this extreme client {recommendation!r}")
    return client, AGAINST[recommendation]


def decide_through(face, api, headers, users, client, body: dict):
    """(status, error code, fields) of one decision, through the service or the API route."""
    if face == "api":
        response = api.post(url(client, "/decisions"), json=body, headers=headers["adviser"])
        error = response.get_json().get("error") or {}
        return response.status_code, error.get("code"), error.get("fields", {})
    try:
        decisions.record_decision(
            client.id,
            users["adviser"],
            body["decision"],
            body.get("justification"),
            confirm=body.get("confirm", False),
        )
    except (Invalid, Conflict) as exc:
        return {Invalid: 422, Conflict: 409}[type(exc)], exc.code, exc.fields
    return 201, None, {}


FACES = ["service", "api"]


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("justification", [None, "ok", "  ok  ", " " * 30, "a" * 19 + "   "])
def test_a_decision_against_the_advice_needs_twenty_characters(
    face, justification, api, headers, users, scored
):
    client, against = scored
    status, code, fields = decide_through(
        face, api, headers, users, client, {"decision": against, "justification": justification}
    )
    assert (status, code) == (422, "validation_error")
    assert "20 characters" in fields["justification"]
    assert "against the recommendation" in fields["justification"]
    assert decision_count(client) == 0  # nothing stored


@pytest.mark.parametrize("face", FACES)
def test_a_real_justification_is_accepted_and_stored_trimmed(face, api, headers, users, scored):
    client, against = scored
    body = {"decision": against, "justification": f"  {'a' * 20}  "}
    assert decide_through(face, api, headers, users, client, body)[0] == 201
    stored = current_database().session.scalar(select(Decision))
    assert stored.justification == "a" * 20


@pytest.mark.parametrize("face", FACES)
def test_the_minimum_length_is_a_setting(face, api_app, api, headers, users, scored):
    client, against = scored
    api_app.config["JUSTIFICATION_MIN_LENGTH"] = 40
    status, _code, fields = decide_through(
        face, api, headers, users, client, {"decision": against, "justification": REAL}
    )
    assert status == 422 and "40 characters" in fields["justification"]


def test_the_api_states_the_rule(api, headers, scored):
    client, against = scored
    response = api.post(
        url(client, "/decisions"),
        json={"decision": against, "justification": "ok"},
        headers=headers["adviser"],
    )
    assert response.status_code == 422
    assert "at least 20 characters" in response.get_json()["error"]["message"]


def test_following_the_advice_needs_no_justification(api, headers, users):
    client = add_client(users["adviser"], SAFE)
    recommendation = scoring.score_client(client.id, users["adviser"])["recommendation"]
    follow = {"favourable": "approve", "unfavourable": "decline"}[recommendation]
    response = api.post(
        url(client, "/decisions"), json={"decision": follow}, headers=headers["adviser"]
    )
    assert response.status_code == 201


@pytest.mark.parametrize("face", FACES)
def test_the_same_decision_again_soon_needs_confirmation(face, api, headers, users, scored):
    client, against = scored
    body = {"decision": against, "justification": REAL}
    assert decide_through(face, api, headers, users, client, body)[0] == 201
    status, code, fields = decide_through(face, api, headers, users, client, body)
    assert (status, code) == (409, "duplicate_decision") and "confirm" in fields
    assert decision_count(client) == 1
    confirmed = decide_through(face, api, headers, users, client, body | {"confirm": True})
    assert confirmed[0] == 201 and decision_count(client) == 2


@pytest.mark.parametrize("face", FACES)
def test_another_decision_or_a_later_one_is_no_repeat(face, api, headers, users, scored):
    client, against = scored
    first = {"decision": against, "justification": REAL}
    assert decide_through(face, api, headers, users, client, first)[0] == 201
    followed = {"decision": "approve" if against == "decline" else "decline"}
    assert decide_through(face, api, headers, users, client, followed)[0] == 201
    assert decide_through(face, api, headers, users, client, first)[0] == 201  # not the latest
    with current_database().transaction():
        latest = decisions.latest_decision(client.id)
        latest.created_at -= decisions.repeat_window() + timedelta(seconds=1)
    assert decide_through(face, api, headers, users, client, first)[0] == 201
    assert decision_count(client) == 4


@pytest.mark.parametrize("face", FACES)
def test_a_review_request_takes_the_decision_from_the_adviser_to_a_supervisor(
    face, api, headers, users, scored
):
    """Art. 22(3): the adviser who decided does not answer the client's contest (issue 13)."""
    client, against = scored
    body = {"decision": against, "justification": REAL}
    assert decide_through(face, api, headers, users, client, body)[0] == 201
    assert api.post(url(client, "/review-request"), headers=headers["adviser"]).status_code == 200
    if face == "api":
        refused = api.post(url(client, "/decisions"), json=body, headers=headers["adviser"])
        assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "in_review"
    else:
        with pytest.raises(ActionForbidden) as caught:
            decisions.record_decision(client.id, users["adviser"], against, REAL)
        assert caught.value.reason == "in_review"
    assert decision_count(client) == 1
    review = {"decision": against, "justification": REAL}
    answered = api.post(
        f"/api/v1/reviews/{client.id}/decision", json=review, headers=headers["supervisor"]
    )
    assert answered.status_code == 201 and answered.get_json()["human_review"] is True
    # The case is closed: the same outcome again by the adviser is a plain repeat.
    assert decide_through(face, api, headers, users, client, body)[1] == "duplicate_decision"


def test_a_bad_confirm_is_a_422(api, headers, scored):
    client, _against = scored
    response = api.post(
        url(client, "/decisions"),
        json={"decision": "refer", "confirm": "yes"},
        headers=headers["adviser"],
    )
    assert response.status_code == 422 and "confirm" in response.get_json()["error"]["fields"]


def test_history_names_the_reviewer_and_the_review_request(api, headers, users, scored):
    client, _against = scored
    requested = api.post(url(client, "/review-request"), headers=headers["adviser"])
    assert requested.status_code in (200, 201)
    reviewed = api.post(
        f"/api/v1/reviews/{client.id}/decision",
        json={"decision": "decline", "justification": REAL},
        headers=headers["supervisor"],
    )
    assert reviewed.status_code == 201, reviewed.get_json()
    history = api.get(url(client, "/history"), headers=headers["adviser"]).get_json()
    assert [d["adviser_email"] for d in history["decisions"]] == ["supervisor@bank.example"]
    assert history["decisions"][0]["human_review"] is True
    [case] = history["reviews"]
    assert (case["reason"], case["outcome"]) == ("client_request", "decline")
    assert case["closed_by_email"] == "supervisor@bank.example"
    assert case["review_justification"] == REAL
    [request] = history["review_requests"]
    assert request["recorded_by_email"] == "adviser@bank.example"
    assert request["created_at"] <= history["decisions"][0]["created_at"]
