"""The decision form and the history, as plain callback functions: the justification rule with
its reason, the form emptied after saving, the decision in force, a repeat confirmed first,
and a history that says who decided, the review request and the outcome in words."""

from __future__ import annotations

import pytest
from dash import no_update
from dashboard_helpers import add_client, find, text_of
from sqlalchemy import func, select

from app.callbacks.client import history_view
from app.callbacks.decision import cancel_repeat, confirm_record, record, reset_form
from app.database import current_database
from app.models import Decision
from app.services import rights, scoring

# Far from the threshold on every feature: the quick model's advice cannot be "review".
UNSAFE = {"age": 23, "income": 9_000.0, "seniority": 0.5, "incidents": 12, "credit_score": 320}
AGAINST = {"favourable": "decline", "unfavourable": "approve"}
REAL = "Garant solvable et CDI confirmé"
OUTCOMES = {
    "fr": {"approve": "Accordé", "decline": "Refusé", "refer": "Transmis pour examen"},
    "en": {"approve": "Approved", "decline": "Declined", "refer": "Referred for review"},
}


def stored(client) -> int:
    query = select(func.count()).select_from(Decision).where(Decision.client_id == client.id)
    return current_database().session.scalar(query)


@pytest.fixture
def scored(people):
    """A client of the adviser, scored, and the decision that goes against its advice."""
    client = add_client(people["adviser"], UNSAFE)
    recommendation = scoring.score_client(client.id, people["adviser"])["recommendation"]
    if recommendation not in AGAINST:
        pytest.fail(f"the quick model should not rate this extreme client {recommendation!r}")
    return client, AGAINST[recommendation]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["Justification", "20 caractères au moins", "2 saisis"]),
        ("en", ["Justification", "at least 20 characters", "2 typed"]),
    ],
)
def test_ok_is_refused_with_the_rule_in_the_readers_language(acting, people, scored, lang, words):
    client, against = scored
    with acting(people["adviser"], lang):
        feedback, refresh = record(1, against, "  ok ", str(client.id), 3)
    assert feedback.id == "client-decision-error" and refresh is no_update  # form kept
    for word in words:
        assert word in text_of(feedback)
    assert stored(client) == 0


def test_a_justified_decision_is_stored_and_the_form_is_emptied(acting, people, scored):
    client, against = scored
    with acting(people["adviser"]):
        feedback, refresh = record(1, against, REAL, str(client.id), 3)
    assert feedback.id == "client-decision-ok" and refresh == 4
    assert stored(client) == 1
    assert reset_form(refresh) == (None, "")  # no choice left, no justification


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_shows_the_decision_in_force(acting, people, scored, lang):
    client, _against = scored
    with acting(people["adviser"], lang):
        _table, before = history_view(str(client.id), 0)
        record(1, "refer", REAL, str(client.id), 0)
        _table, current = history_view(str(client.id), 1)
    assert {"fr": "Aucune décision", "en": "No decision"}[lang] in text_of(before)
    text = text_of(current)
    assert OUTCOMES[lang]["refer"] in text and "adviser@bank.example" in text and REAL in text
    assert current.to_plotly_json()["props"]["data-decision"] == "refer"
    created = current_database().session.scalar(
        select(Decision.created_at).where(Decision.client_id == client.id)
    )
    # CLDR dates: 03/12/2026 in French, the month spelt in English (3 Dec 2026).
    when = {"fr": "%d/%m/%Y à %H:%M", "en": f"{created.day} %b %Y at %H:%M"}[lang]
    assert created.strftime(when) in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_same_decision_again_is_confirmed_first(acting, people, scored, lang):
    client, against = scored  # not "refer": a referred client is in the review queue
    with acting(people["adviser"], lang):
        record(1, against, REAL, str(client.id), 0)
        question, refresh = record(2, against, REAL, str(client.id), 1)
    assert question.id == "client-decision-repeat" and refresh is no_update  # form kept
    assert OUTCOMES[lang][against] in text_of(question) and "5 minutes" in text_of(question)
    assert find(question, "client-decision-confirm") is not None
    assert stored(client) == 1  # nothing stored twice without the second click
    with acting(people["adviser"], lang):
        cancelled = cancel_repeat(1)
        feedback, refresh = confirm_record(1, against, REAL, str(client.id), 1)
    assert stored(client) == 2 and feedback.id == "client-decision-ok" and refresh == 2
    assert text_of(cancelled)


def test_another_decision_is_not_taken_for_a_repeat(acting, people, scored):
    client, against = scored
    followed = "approve" if against == "decline" else "decline"
    with acting(people["adviser"]):
        record(1, followed, REAL, str(client.id), 0)
        feedback, _refresh = record(2, against, REAL, str(client.id), 1)
    assert feedback.id == "client-decision-ok" and stored(client) == 2


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_history_says_who_decided_the_request_and_the_outcome(acting, people, scored, lang):
    client, against = scored
    rights.request_review(client.id, people["adviser"])
    with acting(people["supervisor"], lang):  # the request is a supervisor's to answer
        record(1, against, REAL, str(client.id), 0)
    with acting(people["adviser"], lang):
        table, _current = history_view(str(client.id), 1)
    rows = table.children[1].children
    kinds = [row.to_plotly_json()["props"]["data-kind"] for row in rows]
    assert kinds[:2] == ["decision", "review_request"]  # newest first
    decision, request = (text_of(row) for row in rows[:2])
    assert OUTCOMES[lang][against] in decision and "supervisor@bank.example" in decision
    assert REAL in decision
    assert ("réexamen" if lang == "fr" else "review") in request
    assert "adviser@bank.example" in request
    assert "decision_" not in text_of(table) and "Accorder" not in text_of(table)
