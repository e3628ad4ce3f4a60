"""Rectification from the client page (issue 13 §3): the adviser corrects their client's five
features with the API's rules, the client is scored again, the change is audited and the date
of update refreshed; the stale-data alert links to the form; errors name the field and rule."""

from __future__ import annotations

import pytest
from dash import html
from dashboard_helpers import find, text_of
from sqlalchemy import func, select

from app.callbacks.client import LOAD_OUTPUTS, load_client
from app.callbacks.rectification import draw_form, submit
from app.database import current_database
from app.feature_text import input_text, range_message
from app.models import AuditEvent, Client, ScoreRecord
from modelling.features import BY_NAME, FEATURES


def typed(client, lang: str = "fr", **changes) -> list[str]:
    """The form's five fields as the page prefills them, with some retyped."""
    values = client.features()
    return [changes.get(f.name, input_text(f, values[f.name], lang)) for f in FEATURES]


def count(model, **where) -> int:
    query = select(func.count()).select_from(model).filter_by(**where)
    return current_database().session.scalar(query)


def shown(acting, user, client, lang="fr") -> dict:
    with acting(user, lang):
        return dict(zip(LOAD_OUTPUTS, load_client(str(client.id)), strict=True))


def test_the_adviser_corrects_the_data_and_the_client_is_scored_again(acting, people, book):
    adviser, client = people["adviser"], book["stale"]
    before = shown(acting, adviser, client)
    assert find(before["client-stale-alert.children"], "client-stale-rectify") is not None
    with acting(adviser):
        feedback, counter = submit(1, str(client.id), 0, *typed(client, incidents="0"))
    assert feedback.id == "client-rectify-done" and counter == 1
    session = current_database().session
    stored = session.get(Client, client.id)
    session.refresh(stored)
    assert stored.incidents == 0 and stored.probability is not None
    assert count(ScoreRecord, client_id=client.id) == 2  # the visit's and the corrected data's
    assert count(AuditEvent, action="rectification", client_id=client.id) == 1
    after = shown(acting, adviser, client)
    assert after["client-stale-alert.children"] is None  # the date of update is today
    assert text_of(find(after["client-features.children"], "client-value-incidents")) == "0"
    facts = html.Div(after["client-header-facts.children"])
    assert find(facts, "client-header-freshness").to_plotly_json()["props"]["data-stale"] == (
        "false"
    )


def test_unchanged_data_confirmed_refreshes_the_date_and_keeps_the_score(acting, people, book):
    adviser, client = people["adviser"], book["stale"]
    shown(acting, adviser, client)
    with acting(adviser):
        feedback, _counter = submit(1, str(client.id), 0, *typed(client))
    assert feedback.id == "client-rectify-done"
    assert count(ScoreRecord, client_id=client.id) == 1  # the same state: the same score
    stored = current_database().session.get(Client, client.id)
    current_database().session.refresh(stored)
    assert stored.probability is not None
    assert shown(acting, adviser, client)["client-stale-alert.children"] is None


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("field", "value"), [("income", "abc"), ("age", "17"), ("incidents", "1,5")]
)
def test_a_bad_value_is_refused_naming_the_field_and_the_rule(
    acting, people, book, lang, field, value
):
    adviser, client = people["adviser"], book["stale"]
    with acting(adviser, lang):
        feedback, counter = submit(1, str(client.id), 3, *typed(client, lang, **{field: value}))
    assert feedback.id == "client-rectify-invalid" and counter == 3
    message = text_of(feedback)
    assert BY_NAME[field].label(lang).lower() in message.lower()
    if field == "age":
        assert range_message(BY_NAME["age"], lang) in message
    assert count(AuditEvent, action="rectification") == 0
    stored = current_database().session.get(Client, client.id)
    assert getattr(stored, field) == getattr(client, field)


def test_only_the_clients_adviser_gets_the_form(acting, people, book):
    client = book["stale"]
    with acting(people["adviser"]):
        assert find(draw_form(str(client.id)), "client-rectify-submit") is not None
    with acting(people["supervisor"]):
        assert draw_form(str(client.id)) is None
        alert = shown(acting, people["supervisor"], client)["client-stale-alert.children"]
        assert alert is not None and find(alert, "client-stale-rectify") is None
        # A forged submission is refused by the service, nothing written.
        feedback, counter = submit(1, str(client.id), 0, *typed(client, incidents="0"))
    assert feedback.id == "client-rectify-refused" and counter == 0
    assert count(AuditEvent, action="rectification") == 0
