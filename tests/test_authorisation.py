"""Authorisation lives in the services: each action, for each role, gets the same answer from
the service, the API route and the dashboard callback (and the page draws the decision form only
for who may decide).

Each face acts on a client of its own, set up in the same state, so that one face's success
cannot change what the next one sees. A refusal must leave nothing written.
"""

from __future__ import annotations

import pytest
from dash import ctx
from dashboard_helpers import GOOD, PASSWORD, add_client, text_of
from flask_jwt_extended import create_access_token
from sqlalchemy import func, select

from app.callbacks import admin as admin_callbacks
from app.callbacks import admin_erasure, client_actions
from app.callbacks import client_letter as client_letter_callbacks
from app.callbacks import decision as decision_callbacks
from app.callbacks import oversight as oversight_callbacks
from app.callbacks import rectification as rectification_callbacks
from app.callbacks import reviews as reviews_callbacks
from app.callbacks import rights as rights_callbacks
from app.callbacks.model_backtest import backtest_section
from app.callbacks.model_monitoring import drift_view
from app.callbacks.refusals import refusal_text
from app.database import current_database
from app.feature_text import input_text
from app.models import AuditEvent, Client
from app.services import administration, decisions, oversight, reviews, rights, scoring
from app.services.backtest import backtest_version
from app.services.client_letter import client_letter
from app.services.drift import drift_report
from app.services.models import model_service
from app.services.outcomes import record_outcome
from app.services.permissions import MESSAGES, ActionForbidden
from app.services.users import create_user
from modelling.features import FEATURES

ALLOWED = "allowed"
JUSTIFICATION = "Checked the file by hand with the client on the phone today."
WRITES = ("decision", "review_request", "export", "rectification", "erasure", "model_switch")
WRITES += ("outcome",)
WRITES += ("score", "letter")

# (action, role, the client's state, expected answer: ALLOWED or the refusal's reason)
TABLE = [
    ("decide", "adviser", "scored", ALLOWED),
    ("decide", "supervisor", "scored", "not_awaiting_review"),
    ("decide", "supervisor", "referred", ALLOWED),
    ("decide", "supervisor", "review_requested", ALLOWED),
    # The decision under review is this supervisor's own (their earlier review, contested).
    ("decide", "supervisor", "reviewed_by_this_supervisor", "own_decision"),
    ("decide", "adviser", "referred", "in_review"),  # the queue's cases are a supervisor's
    ("decide", "adviser", "review_requested", "in_review"),
    ("decide", "admin", "scored", "role"),
    ("review", "supervisor", "referred", ALLOWED),
    ("review", "supervisor", "review_requested", ALLOWED),
    ("review", "supervisor", "reviewed_by_this_supervisor", "own_decision"),
    ("view_reviews", "adviser", "referred", "role"),
    ("view_reviews", "supervisor", "referred", ALLOWED),
    ("view_reviews", "admin", "referred", ALLOWED),
    ("request_review", "adviser", "scored", ALLOWED),
    ("request_review", "supervisor", "scored", ALLOWED),
    ("request_review", "admin", "scored", "role"),
    ("export", "adviser", "scored", ALLOWED),
    ("export", "supervisor", "scored", ALLOWED),
    ("export", "admin", "scored", ALLOWED),
    ("rectify", "adviser", "scored", ALLOWED),
    ("rectify", "supervisor", "scored", "role"),
    ("rectify", "admin", "scored", "role"),
    ("erase", "adviser", "scored", "role"),
    ("erase", "supervisor", "scored", "role"),
    ("erase", "admin", "scored", ALLOWED),
    ("switch_model", "adviser", "scored", "role"),
    ("switch_model", "supervisor", "scored", "role"),
    ("switch_model", "admin", "scored", ALLOWED),
    ("administer", "adviser", "scored", "role"),
    ("administer", "supervisor", "scored", "role"),
    ("administer", "admin", "scored", ALLOWED),
    ("score", "adviser", "scored", ALLOWED),
    ("score", "supervisor", "scored", ALLOWED),
    ("score", "admin", "scored", "role"),
    ("record_outcome", "adviser", "scored", "role"),
    ("record_outcome", "supervisor", "scored", ALLOWED),
    ("record_outcome", "admin", "scored", ALLOWED),
    ("backtest", "adviser", "scored", "role"),
    ("backtest", "supervisor", "scored", ALLOWED),
    ("backtest", "admin", "scored", ALLOWED),
    ("monitor_drift", "adviser", "scored", "role"),
    ("monitor_drift", "supervisor", "scored", ALLOWED),
    ("monitor_drift", "admin", "scored", ALLOWED),
    ("letter", "adviser", "referred", ALLOWED),  # a decision to write about
    ("letter", "supervisor", "referred", "role"),
    ("letter", "admin", "referred", "role"),
]
# The dashboard has no stored ad-hoc score callback: that action has two faces (the simulator
# stores nothing and asks no role).
NO_CALLBACK = {"score"}

# Outcomes are recorded through the API and the CLI import (tests/test_outcome_import.py).
NO_CALLBACK = NO_CALLBACK | {"record_outcome"}


@pytest.fixture
def people(dash_app):
    return {
        "adviser": create_user("adviser@bank.example", "adviser", PASSWORD),
        "supervisor": create_user("supervisor@bank.example", "supervisor", PASSWORD),
        "admin": create_user("admin@bank.example", "admin", PASSWORD),
    }


@pytest.fixture
def triggered(monkeypatch):
    """Make `dash.ctx.triggered_id` name a component, as a click would."""

    def trigger(component_id):
        monkeypatch.setattr(type(ctx), "triggered_id", property(lambda _self: component_id))

    return trigger


def make_client(people, state: str) -> Client:
    """A client of the adviser, scored, in the given review state."""
    adviser, supervisor = people["adviser"], people["supervisor"]
    client = add_client(adviser, GOOD)
    scoring.score_client(client.id, adviser)
    if state == "referred":
        decisions.record_decision(client.id, adviser, "refer", JUSTIFICATION)
    elif state == "review_requested":
        rights.request_review(client.id, adviser)
    elif state == "reviewed_by_this_supervisor":
        decisions.record_decision(client.id, adviser, "refer", JUSTIFICATION)
        reviews.record_review(client.id, supervisor, "approve", JUSTIFICATION)
        rights.request_review(client.id, adviser)  # the client contests the review
    return client


def writes() -> int:
    query = select(func.count()).select_from(AuditEvent).where(AuditEvent.action.in_(WRITES))
    return current_database().session.scalar(query)


def bearer(user) -> dict[str, str]:
    token = create_access_token(
        identity=str(user.id), additional_claims={"role": user.role.value}, fresh=True
    )
    return {"Authorization": f"Bearer {token}"}


# --- each face, reduced to ALLOWED or the refusal's reason ------------------------------------


def by_service(action: str, actor, client: Client) -> str:
    calls = {
        "decide": lambda: decisions.record_decision(client.id, actor, "decline", JUSTIFICATION),
        "review": lambda: reviews.record_review(client.id, actor, "decline", JUSTIFICATION),
        "view_reviews": lambda: reviews.queue(actor),
        "request_review": lambda: rights.request_review(client.id, actor),
        "export": lambda: rights.export_client(client.id, actor, fresh_login=True),
        "rectify": lambda: rights.rectify_client(client.id, actor, {"incidents": 1}),
        "erase": lambda: rights.erase_client(client.id, actor, fresh_login=True),
        "switch_model": lambda: oversight.set_model_enabled(False, actor),
        "administer": lambda: administration.list_users(actor),
        "score": lambda: scoring.score_and_record([GOOD], actor),
        "record_outcome": lambda: record_outcome(client.id, actor, True, "2026-05-31"),
        "backtest": lambda: backtest_version(model_service().version, actor),
        "monitor_drift": lambda: drift_report(actor),
        "letter": lambda: client_letter(client.id, actor, "en"),
    }
    try:
        calls[action]()
    except ActionForbidden as exc:
        return exc.reason
    return ALLOWED


def by_api(http, action: str, actor, client: Client) -> str:
    url = f"/api/v1/clients/{client.id}"
    headers = bearer(actor)
    calls = {
        "decide": lambda: http.post(
            url + "/decisions",
            headers=headers,
            json={"decision": "decline", "justification": JUSTIFICATION},
        ),
        "review": lambda: http.post(
            f"/api/v1/reviews/{client.id}/decision",
            headers=headers,
            json={"decision": "decline", "justification": JUSTIFICATION},
        ),
        "view_reviews": lambda: http.get("/api/v1/reviews", headers=headers),
        "request_review": lambda: http.post(url + "/review-request", headers=headers),
        "export": lambda: http.get(url + "/export", headers=headers),
        "rectify": lambda: http.patch(url, headers=headers, json={"incidents": 1}),
        "erase": lambda: http.delete(url, headers=headers),
        "switch_model": lambda: http.put(
            "/api/v1/admin/model-switch", headers=headers, json={"enabled": False}
        ),
        "administer": lambda: http.get("/api/v1/users", headers=headers),
        "score": lambda: http.post("/api/v1/score", headers=headers, json=GOOD),
        "record_outcome": lambda: http.post(
            url + "/outcomes",
            headers=headers,
            json={"defaulted": True, "observed_at": "2026-05-31"},
        ),
        "backtest": lambda: http.get(
            f"/api/v1/models/{model_service().version}/backtest", headers=headers
        ),
        "letter": lambda: http.get(url + "/letter?lang=en", headers=headers),
        "monitor_drift": lambda: http.get("/api/v1/monitoring/drift", headers=headers),
    }
    response = calls[action]()
    if response.status_code < 300:
        return ALLOWED
    assert response.status_code == 403, response.get_json()
    code = response.get_json()["error"]["code"]
    return "role" if code == "forbidden" else code


def _read(action: str, component, done_id: str) -> str:
    """ALLOWED if the callback shows the action done, else the reason its message names."""
    if getattr(component, "id", None) == done_id:
        return ALLOWED
    shown = text_of(component)
    for reason in MESSAGES:
        if shown == refusal_text(ActionForbidden(action, reason), "en"):
            return reason
    raise AssertionError(f"{action}: neither done nor refused: {shown!r}")


def by_callback(action: str, client: Client, triggered) -> str:
    cid = str(client.id)
    if action in ("decide", "review"):  # the client page's decision panel records both
        feedback, _refresh = decision_callbacks.record(1, "decline", JUSTIFICATION, cid, 0)
        return _read(action, feedback, "client-decision-ok")
    if action == "view_reviews":
        table, _summary, _pages = reviews_callbacks.show_queue("all", False, 1)
        return _read(action, table, "reviews-queue")
    if action == "request_review":
        notice, _disabled = rights_callbacks.record_review(1, None, cid)
        return _read(action, notice, "client-review-open")
    if action == "export":
        download, refused = rights_callbacks.export(1, cid)
        return ALLOWED if download and refused is None else _read(action, refused, "")
    if action == "rectify":
        values = client.features() | {"incidents": 1}
        typed = [input_text(f, values[f.name], "en") for f in FEATURES]
        feedback, _counter = rectification_callbacks.submit(1, cid, 0, *typed)
        return _read(action, feedback, "client-rectify-done")
    if action == "letter":
        download, refused = client_letter_callbacks.download_letter(1, "en", cid)
        return ALLOWED if download and refused is None else _read(action, refused, "")
    if action == "monitor_drift":
        return _read(action, drift_view(30), "model-drift-view")
    if action == "backtest":  # the model page draws the section only for who may read it
        return ALLOWED if backtest_section(1) is not None else "role"
    if action == "switch_model":
        triggered("admin-switch-confirm")
        status, *_ = oversight_callbacks.switch(1, False, 0)
        return _read(action, status, "admin-model-state")
    if action == "erase":
        outcome, _erased = admin_erasure.erase(1, cid, 0)
        return _read(action, outcome, "admin-erase-done")
    if action == "administer":
        users, _purge = admin_callbacks.admin_tables(None, None)
        return _read(action, users, "admin-users-table")
    raise AssertionError(f"no callback for {action}")


@pytest.mark.parametrize(("action", "role", "state", "expected"), TABLE)
def test_every_face_gives_the_same_answer(
    dash_app, acting, people, triggered, action, role, state, expected
):
    actor, http = people[role], dash_app.test_client()
    answers = {}
    clients = {face: make_client(people, state) for face in ("service", "api", "callback")}
    before = writes()
    answers["service"] = by_service(action, actor, clients["service"])
    answers["api"] = by_api(http, action, actor, clients["api"])
    if action not in NO_CALLBACK:
        with acting(actor, "en"):
            answers["callback"] = by_callback(action, clients["callback"], triggered)
    assert answers == dict.fromkeys(answers, expected)
    if expected != ALLOWED:  # a refusal writes nothing, whichever face was asked
        assert writes() == before
        assert oversight.model_enabled() is True
        assert all(current_database().session.get(Client, c.id) for c in clients.values())


DECIDERS = [
    ("adviser", "scored", True),
    ("supervisor", "scored", False),
    ("supervisor", "referred", True),
    ("supervisor", "review_requested", True),
    ("supervisor", "reviewed_by_this_supervisor", False),
    ("adviser", "referred", False),
]


@pytest.mark.parametrize(("role", "state", "drawn"), DECIDERS)
def test_the_decision_form_is_drawn_only_for_who_may_decide(acting, people, role, state, drawn):
    client = make_client(people, state)
    with acting(people[role], "en"):
        buttons, form = client_actions.draw_actions(str(client.id))
    assert ("client-decision-submit" in repr(form)) is drawn
    # Both roles that read the client may record a review request and export it.
    assert "client-review-record" in repr(buttons) and "client-export" in repr(buttons)
    if (role, state, drawn) == ("supervisor", "scored", False):
        assert "awaiting human review" in text_of(form)
    if state == "reviewed_by_this_supervisor":
        assert "your own decision" in text_of(form)
    if role == "adviser" and not drawn:
        assert "Awaiting a supervisor's review" in text_of(form)
    if role == "supervisor" and drawn:  # a review: approve or decline, never refer
        assert "Referred by adviser@bank.example" in text_of(form) or "Request recorded" in (
            text_of(form)
        )
        assert "'value': 'refer'" not in repr(form)
