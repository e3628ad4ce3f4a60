"""The human review queue (issue 13 §1, GDPR Art. 22(3)) through the service and the API, on
SQLite and PostgreSQL: what opens a case, the queue's order, filters, paging and due dates, and
each rule of the review decision."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from api_helpers import GOOD, add_client, bearer
from sqlalchemy import func, select

from app.database import current_database
from app.models import AuditEvent, Client, Decision, ReviewCase, Role, utcnow
from app.services import decisions, reviews, scoring
from app.services.errors import Conflict, Invalid
from app.services.permissions import ActionForbidden

REAL = "Revenus confirmés par bulletin de salaire, garant solvable."
REVIEWS = "/api/v1/reviews"


def client_url(client, tail: str = "") -> str:
    return f"/api/v1/clients/{client.id}{tail}"


def review_url(client) -> str:
    return f"{REVIEWS}/{client.id}/decision"


def count(model, **where) -> int:
    query = select(func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return current_database().session.scalar(query)


@pytest.fixture
def scored(users):
    """Three scored clients of the adviser."""
    clients = [add_client(users["adviser"], GOOD) for _ in range(3)]
    for client in clients:
        scoring.score_client(client.id, users["adviser"])
    return clients


def refer(api, headers, client, justification=REAL):
    response = api.post(
        client_url(client, "/decisions"),
        json={"decision": "refer", "justification": justification},
        headers=headers["adviser"],
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def request_review(api, headers, client, body=None):
    kwargs = {"json": body} if body is not None else {}
    return api.post(client_url(client, "/review-request"), headers=headers["adviser"], **kwargs)


def queue(api, headers, role="supervisor", **params):
    return api.get(REVIEWS, query_string=params, headers=headers[role])


def test_a_referral_and_a_request_open_cases_listed_oldest_first(api, headers, users, scored):
    referred, requested, _outside = scored
    refer(api, headers, referred)
    answer = request_review(
        api, headers, requested, {"client_view": "  Mes revenus ont augmenté. "}
    )
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["client_view"] == "Mes revenus ont augmenté."
    response = queue(api, headers)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["total"], body["page"], body["per_page"]) == (2, 1, 50)
    first, second = body["items"]
    assert first["client_id"] == str(referred.id) and second["client_id"] == str(requested.id)
    assert first["since"] <= second["since"]
    assert (first["reason"], first["justification"]) == ("referred", REAL)
    assert first["referred_by"] == str(users["adviser"].id)
    assert first["referred_by_email"] == "adviser@bank.example"
    assert (second["reason"], second["client_view"]) == (
        "client_request",
        "Mes revenus ont augmenté.",
    )
    for item in body["items"]:
        since, due = datetime.fromisoformat(item["since"]), datetime.fromisoformat(item["due"])
        assert due - since == timedelta(days=30) and item["overdue"] is False
    # The administrator reads the queue too; an adviser does not.
    assert queue(api, headers, "admin").get_json()["total"] == 2
    refused = queue(api, headers, "adviser")
    assert refused.status_code == 403


def test_the_due_date_is_a_setting_and_an_overdue_case_is_marked_and_filtered(
    api_app, api, headers, scored
):
    late, recent, _outside = scored
    api_app.config["REVIEW_DUE_DAYS"] = 10
    refer(api, headers, late)
    assert request_review(api, headers, recent).status_code == 200
    with current_database().transaction() as session:
        case = reviews.open_case(session, late.id)
        assert case.due - case.since == timedelta(days=10)
        case.since -= timedelta(days=11)
        case.due -= timedelta(days=11)  # ten days after the case opened: yesterday
    items = queue(api, headers).get_json()["items"]
    assert [(i["client_id"], i["overdue"]) for i in items] == [
        (str(late.id), True),
        (str(recent.id), False),
    ]
    overdue = queue(api, headers, overdue="true").get_json()
    assert [i["client_id"] for i in overdue["items"]] == [str(late.id)] and overdue["total"] == 1
    on_time = queue(api, headers, overdue="false").get_json()
    assert [i["client_id"] for i in on_time["items"]] == [str(recent.id)]


def test_filters_by_reason_and_pages(api, headers, scored):
    first, second, third = scored
    refer(api, headers, first)
    assert request_review(api, headers, second).status_code == 200
    refer(api, headers, third)
    referred = queue(api, headers, reason="referred").get_json()
    assert [i["client_id"] for i in referred["items"]] == [str(first.id), str(third.id)]
    requests = queue(api, headers, reason="client_request").get_json()
    assert [i["client_id"] for i in requests["items"]] == [str(second.id)]
    page_two = queue(api, headers, per_page=2, page=2).get_json()
    assert [i["client_id"] for i in page_two["items"]] == [str(third.id)]
    assert (page_two["total"], page_two["page"], page_two["per_page"]) == (3, 2, 2)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"reason": "maybe"}, "reason"),
        ({"overdue": "sometimes"}, "overdue"),
        ({"page": "0"}, "page"),
        ({"page": "one"}, "page"),
        ({"page": str(10**19)}, "page"),
        ({"per_page": "201"}, "per_page"),
        ({"per_page": "0"}, "per_page"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_bad_queue_parameter_is_refused_by_name(api, headers, params, field):
    response = queue(api, headers, **params)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error" and field in error["fields"]


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"reason": "maybe"}, "reason"),
        ({"overdue": "yes"}, "overdue"),
        ({"page": 0}, "page"),
        ({"page": True}, "page"),
        ({"per_page": 500}, "per_page"),
    ],
)
def test_the_service_names_a_bad_filter_whichever_face_calls_it(users, arguments, field):
    with pytest.raises(Invalid) as caught:
        reviews.queue(users["supervisor"], **arguments)
    assert field in caught.value.fields


def test_the_review_decision_closes_the_case_and_answers_the_client(api, headers, users, scored):
    client, _other, _outside = scored
    assert request_review(api, headers, client, {"client_view": "Je conteste."}).status_code == 200
    response = api.post(
        review_url(client),
        json={"decision": "decline", "justification": f"  {REAL}  "},
        headers=headers["supervisor"],
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["human_review"] is True and body["adviser_id"] == str(users["supervisor"].id)
    assert queue(api, headers).get_json()["total"] == 0
    session = current_database().session
    session.expire_all()
    [case] = session.scalars(select(ReviewCase).where(ReviewCase.client_id == client.id))
    assert (case.outcome, case.closed_by, case.review_justification) == (
        "decline",
        users["supervisor"].id,
        REAL,
    )
    assert session.get(Client, client.id).review_requested_at is None
    event = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "decision", AuditEvent.client_id == client.id)
    ).one()
    assert event.actor_id == users["supervisor"].id and event.details["human_review"] is True
    # The adviser reads the outcome in the client's history.
    history = api.get(client_url(client, "/history"), headers=headers["adviser"]).get_json()
    [shown] = history["reviews"]
    assert (shown["outcome"], shown["closed_by_email"]) == ("decline", "supervisor@bank.example")
    assert shown["client_view"] == "Je conteste." and shown["closed_at"] is not None


def test_a_client_outside_the_queue_is_a_409_and_nothing_is_stored(api, headers, users, scored):
    client, _other, _outside = scored
    response = api.post(
        review_url(client),
        json={"decision": "approve", "justification": REAL},
        headers=headers["supervisor"],
    )
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "not_in_review_queue"
    with pytest.raises(Conflict):
        reviews.record_review(client.id, users["supervisor"], "approve", REAL)
    assert count(Decision, client_id=client.id) == 0


def test_a_supervisor_records_no_first_decision(api, headers, users, scored):
    client, _other, _outside = scored
    response = api.post(
        client_url(client, "/decisions"),
        json={"decision": "approve", "justification": REAL},
        headers=headers["supervisor"],
    )
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "not_awaiting_review"
    assert count(Decision, client_id=client.id) == 0


def test_the_referring_adviser_cannot_review_their_own_case(api, headers, users, scored):
    """An adviser promoted to supervisor meets their own referral in the queue: 403."""
    client, _other, _outside = scored
    refer(api, headers, client)
    adviser = users["adviser"]
    with current_database().transaction():
        adviser.role = Role.SUPERVISOR
    response = api.post(
        review_url(client),
        json={"decision": "approve", "justification": REAL},
        headers=bearer(adviser),
    )
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "own_decision"
    with pytest.raises(ActionForbidden) as caught:
        reviews.record_review(client.id, adviser, "approve", REAL)
    assert caught.value.reason == "own_decision"
    assert count(Decision, client_id=client.id) == 1  # the referral only
    assert queue(api, headers).get_json()["total"] == 1


def test_a_reviewer_does_not_review_their_own_review_again(api, headers, users, scored):
    client, _other, _outside = scored
    refer(api, headers, client)
    first = {"decision": "approve", "justification": REAL}
    assert (
        api.post(review_url(client), json=first, headers=headers["supervisor"]).status_code == 201
    )
    assert request_review(api, headers, client).status_code == 200  # the client contests it
    again = api.post(review_url(client), json=first, headers=headers["supervisor"])
    assert again.status_code == 403 and again.get_json()["error"]["code"] == "own_decision"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"decision": "approve"}, "justification"),
        ({"decision": "approve", "justification": "trop court"}, "justification"),
        ({"decision": "approve", "justification": " " * 40}, "justification"),
        ({"decision": "refer", "justification": REAL}, "decision"),
        ({"decision": "approve", "justification": "x" * 2001}, "justification"),
    ],
)
def test_a_review_decision_is_approve_or_decline_and_always_justified(
    api, headers, users, scored, body, field
):
    client, _other, _outside = scored
    refer(api, headers, client)
    response = api.post(review_url(client), json=body, headers=headers["supervisor"])
    assert response.status_code == 422 and field in response.get_json()["error"]["fields"]
    with pytest.raises(Invalid) as caught:
        reviews.record_review(
            client.id, users["supervisor"], body["decision"], body.get("justification")
        )
    assert field in caught.value.fields
    # Through the client's decision route too: a supervisor's decision there is the review.
    through_decisions = api.post(
        client_url(client, "/decisions"), json=body, headers=headers["supervisor"]
    )
    assert through_decisions.status_code == 422
    assert (
        count(Decision, client_id=client.id) == 1 and queue(api, headers).get_json()["total"] == 1
    )


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"client_view": "x" * 2001}, 422),
        ({"client_view": 12}, 422),
        ({"client_view": ["a"]}, 422),
        ({"view": "typo"}, 422),
    ],
)
def test_a_bad_client_view_is_refused_and_nothing_is_recorded(api, headers, scored, body, status):
    client, _other, _outside = scored
    response = request_review(api, headers, client, body)
    assert response.status_code == status
    assert set(response.get_json()["error"]["fields"]) <= {"client_view", "view"}
    session = current_database().session
    session.expire_all()
    assert session.get(Client, client.id).review_requested_at is None
    assert count(ReviewCase, client_id=client.id) == 0
    assert count(AuditEvent, action="review_request", client_id=client.id) == 0


def test_the_service_checks_the_client_view_too(users, scored):
    from app.services import rights

    client, _other, _outside = scored
    with pytest.raises(Invalid) as caught:
        rights.request_review(client.id, users["adviser"], "x" * 2001)
    assert "client_view" in caught.value.fields
    assert rights.request_review(client.id, users["adviser"], "   ")["client_view"] is None
    assert rights.request_review(client.id, users["adviser"], "Plus tard.")["client_view"] == (
        "Plus tard."
    )
    assert count(ReviewCase, client_id=client.id) == 1  # one open case per client


def test_marks_and_counts_for_the_portfolio_and_the_navigation_bar(
    api_app, api, headers, users, scored
):
    pending, answered, untouched = scored
    foreign = add_client(users["other"], GOOD)
    scoring.score_client(foreign.id, users["other"])
    refer(api, headers, pending)
    refer(api, headers, answered)
    decisions.record_decision(foreign.id, users["other"], "refer", REAL)
    reviews.record_review(answered.id, users["supervisor"], "approve", REAL)
    session = current_database().session
    ids = [pending.id, answered.id, untouched.id, uuid.uuid4()]
    assert reviews.review_marks(session, ids) == {
        pending.id: "pending",
        answered.id: "answered",
    }
    assert reviews.review_marks(session, []) == {}
    assert reviews.open_review_count(users["supervisor"]) == 2
    assert reviews.open_review_count(users["admin"]) == 2
    assert reviews.open_review_count(users["adviser"]) == 1  # their own client only
    with current_database().transaction():
        case = session.scalars(select(ReviewCase).where(ReviewCase.client_id == answered.id)).one()
        case.closed_at = utcnow() - timedelta(days=api_app.config["REVIEW_ANSWERED_DAYS"] + 1)
    assert reviews.review_marks(session, ids) == {pending.id: "pending"}


def test_a_decision_records_whether_the_explanation_was_served(api, headers, users):
    explained, unexplained = (add_client(users["adviser"], GOOD) for _ in range(2))
    shown = api.get(client_url(explained, "/score"), headers=headers["adviser"])
    hidden = api.get(client_url(unexplained, "/score?explain=false"), headers=headers["adviser"])
    assert shown.status_code == hidden.status_code == 200
    for client in (explained, unexplained):
        refer(api, headers, client)
    session = current_database().session
    opened = {
        d.client_id: d.explanation_opened
        for d in session.scalars(select(Decision).where(Decision.adviser_id == users["adviser"].id))
    }
    assert opened == {explained.id: True, unexplained.id: False}
