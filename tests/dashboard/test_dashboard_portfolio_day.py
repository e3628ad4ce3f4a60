"""An adviser's day on the portfolio: the strip's figures match the lists they filter, a click on
a figure filters, the To-do view lists the right clients, the review marks, and an adviser never
reaches another adviser's client through the grid's request callback (function and HTTP)."""

from __future__ import annotations

import uuid

import pytest
from dash import no_update
from dashboard_helpers import GOOD, RISKY, add_client, in_callback, log_in, text_of
from sqlalchemy import select

from app.callbacks.portfolio import OUTPUTS, RANGE_INPUTS, STATES, portfolio_rows
from app.callbacks.portfolio_controls import figure_counts, press_figure, show_pressed
from app.database import current_database
from app.layouts.common import ALL
from app.models import Client
from app.services import decisions, scoring
from app.services.portfolio_figures import FIGURES
from app.services.refresh import refresh_scores

NO_BOUNDS = [None] * len(RANGE_INPUTS)
JUSTIFICATION = "Une justification assez longue pour la règle."


def grid(acting, user, risk=ALL, stale=False, focus=None, view="all", lang="fr"):
    request = {"startRow": 0, "endRow": 50, "sortModel": [], "filterModel": {}}
    with acting(user, lang):
        values = portfolio_rows(request, *NO_BOUNDS, risk, stale, focus, view)
    return dict(zip(OUTPUTS, values, strict=True))["rows"]


def listed(acting, user, **kwargs) -> set[str]:
    return {row["id"] for row in grid(acting, user, **kwargs)["rowData"]}


def decide(client, adviser, decision="approve"):
    scoring.score_client(client.id, adviser)
    decisions.record_decision(client.id, adviser, decision, JUSTIFICATION, confirm=True)


def answer_review(client, supervisor, outcome="approve"):
    decisions.record_decision(client.id, supervisor, outcome, JUSTIFICATION)


@pytest.fixture
def day(people, book):
    """The adviser's clients: a decided one, a referred one (awaiting review), one whose review
    was answered, the stale one and the fresh one never decided; the other adviser holds a
    stale client and a referred one too (and the book's foreign client)."""
    refresh_scores()
    adviser, other = people["adviser"], people["other"]
    clients = {
        "decided": add_client(adviser, GOOD, age_days=5),
        "referred": add_client(adviser, RISKY, age_days=5),
        "answered": add_client(adviser, RISKY, age_days=5),
        "fresh": book["fresh"],
        "stale": book["stale"],
    }
    decide(clients["decided"], adviser)
    decide(clients["referred"], adviser, "refer")
    decide(clients["answered"], adviser, "refer")
    answer_review(clients["answered"], people["supervisor"])
    foreign = [add_client(other, RISKY, age_days=400), add_client(other, RISKY, age_days=5)]
    decide(foreign[1], other, "refer")
    refresh_scores()
    return {name: str(c.id) for name, c in clients.items()}


def figures(acting, user, lang="fr") -> dict[str, str]:
    with acting(user, lang):
        *counts, _note = figure_counts(0)
    return dict(zip(FIGURES, counts, strict=True))


def clicked(acting, user, figure, risk=ALL, stale=False, focus=None):
    """The filter widgets after a click on a figure (as Dash would call the callback)."""
    values = [risk, stale, focus]
    with acting(user):
        changed = in_callback(
            press_figure, *[1] * len(FIGURES), *values, trigger=f"portfolio-figure-{figure}"
        )
    return [old if new is no_update else new for old, new in zip(values, changed, strict=True)]


def test_each_figure_counts_what_its_click_lists(acting, people, day):
    adviser = people["adviser"]
    shown = figures(acting, adviser)
    expected = {
        "clients": set(day.values()),
        "stale": {day["stale"]},
        "review": {day["referred"]},
        "decided": {day["decided"], day["referred"], day["answered"]},
    }
    for figure, ids in expected.items():
        risk, stale, focus = clicked(acting, adviser, figure)
        assert listed(acting, adviser, risk=risk, stale=stale, focus=focus) == ids, figure
        assert shown[figure] == str(len(ids)), figure
    risk, stale, focus = clicked(acting, adviser, "high")
    high = grid(acting, adviser, risk=risk, stale=stale, focus=focus)
    assert risk == "high" and high["rowCount"] == int(shown["high"]) >= 1
    assert {r["band_key"] for r in high["rowData"]} == {"high"}


def test_a_figure_clicked_again_lifts_its_filter_and_clients_lifts_them_all(acting, people, day):
    adviser = people["adviser"]
    state = clicked(acting, adviser, "stale")
    state = clicked(acting, adviser, "review", *state)
    assert state == [ALL, True, ["review"]]
    assert listed(acting, adviser, risk=state[0], stale=state[1], focus=state[2]) == set()
    with acting(adviser):
        pressed = show_pressed(*state)
    assert pressed[::2] == ("false", "false", "true", "true", "false")  # aria-pressed
    assert clicked(acting, adviser, "stale", *state) == [ALL, False, ["review"]]
    assert clicked(acting, adviser, "clients", *state) == [ALL, False, []]


def test_the_supervisor_counts_the_whole_bank(acting, people, day):
    shown = figures(acting, people["supervisor"], lang="en")
    assert shown["clients"] == "8" and shown["review"] == "2" and shown["stale"] == "2"
    assert figures(acting, people["admin"])["clients"] == "0"


def test_the_to_do_view_lists_data_to_update_answered_reviews_and_undecided(acting, people, day):
    adviser = people["adviser"]
    todo = grid(acting, adviser, view="todo", lang="en")["rowData"]
    reasons = {row["id"]: row["todo"] for row in todo}
    assert reasons == {
        day["stale"]: "update the data, decide",
        day["fresh"]: "decide",
        day["answered"]: "review answered",
    }
    marks = {row["id"]: row["review"] for row in grid(acting, adviser, lang="en")["rowData"]}
    assert marks[day["referred"]] == "pending" and marks[day["answered"]] == "answered"
    assert marks[day["decided"]] == ""


def test_the_to_do_view_follows_the_work_done(acting, people, day):
    adviser = people["adviser"]
    fresh = current_database().session.get(Client, uuid.UUID(day["fresh"]))
    decide(fresh, adviser)
    assert day["fresh"] not in listed(acting, adviser, view="todo")


@pytest.mark.parametrize(
    ("focus", "view", "message"),
    [
        (["everything"], "all", "Figure chosen: is not one of the offered values."),
        ("review", "all", "Figure chosen: is not one of the offered values."),
        (None, "bank", "List view: is not one of the offered values."),
        (None, 7, "List view: is not one of the offered values."),
    ],
)
def test_a_hostile_focus_or_view_is_named_not_served(acting, people, day, focus, view, message):
    request = {"startRow": 0, "endRow": 25, "sortModel": [], "filterModel": {}}
    with acting(people["adviser"], "en"):
        values = portfolio_rows(request, *NO_BOUNDS, ALL, False, focus, view)
    out = dict(zip(OUTPUTS, values, strict=True))
    assert out["rows"] == {"rowData": [], "rowCount": 0}
    assert text_of(out["grid_feedback"]) == message


def grid_over_http(http, request, *, focus=None, view="all", risk=ALL, stale=False):
    values = [*NO_BOUNDS, risk, stale, focus, view]
    body = {
        "output": "..portfolio-grid.getRowsResponse..."
        + "...".join(f"{i}.{p}" for i, p in list(OUTPUTS.values())[1:])
        + "..",
        "outputs": [{"id": i, "property": p} for i, p in OUTPUTS.values()],
        "inputs": [{"id": "portfolio-grid", "property": "getRowsRequest", "value": request}],
        "state": [
            {"id": i, "property": p, "value": v} for (i, p), v in zip(STATES, values, strict=True)
        ],
        "changedPropIds": ["portfolio-grid.getRowsRequest"],
    }
    answer = http.post("/_dash-update-component", json=body)
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    return answer.get_json()["response"]


def test_an_adviser_never_gets_another_advisers_client_from_the_grid(dash_app, people, day):
    foreign = {
        str(c)
        for c in current_database().session.scalars(
            select(Client.id).where(Client.adviser_id == people["other"].id)
        )
    }
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    seen = set()
    for focus, view, risk, stale in [
        (None, "all", ALL, False),
        (["review"], "all", ALL, False),
        (["decided"], "all", ALL, False),
        (None, "todo", ALL, False),
        (None, "all", "high", True),
    ]:
        for sort in ([], [{"colId": "client", "sort": "asc"}], [{"colId": "age", "sort": "desc"}]):
            request = {"startRow": 0, "endRow": 200, "sortModel": sort, "filterModel": {}}
            response = grid_over_http(http, request, focus=focus, view=view, risk=risk, stale=stale)
            rows = response["portfolio-grid"]["getRowsResponse"]["rowData"]
            seen |= {row["id"] for row in rows}
    assert seen == set(day.values())  # every own client reached, no foreign one
    assert not seen & foreign
