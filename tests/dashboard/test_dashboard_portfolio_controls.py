"""Portfolio controls: the filters' messages, the first page after a new filter, the paging
buttons, the reset and the search by short id (callbacks as functions and over HTTP)."""

from __future__ import annotations

import uuid

import pytest
from dash import no_update
from dashboard_helpers import (
    GOOD,
    add_client,
    dash_call,
    find,
    log_in,
    registered_outputs,
    text_of,
)

from app.callbacks.portfolio import OUTPUTS, RANGE_INPUTS, portfolio_page
from app.callbacks.portfolio_controls import RANGE_IDS, STEPS, open_client, reset_filters
from app.layouts.common import ALL
from app.layouts.portfolio import pager

NO_BOUNDS = [None] * len(RANGE_INPUTS)


def bounds(**values):
    return [values.get(f"{name}_{end}") for name, end in RANGE_INPUTS]


def shown(acting, user, lang="fr", ranges=None, number=0, size=25, sort_by=None, seen=None):
    with acting(user, lang):
        values = portfolio_page(
            *(ranges or NO_BOUNDS), ALL, False, number, size, sort_by or [], seen
        )
    return dict(zip(OUTPUTS, values, strict=True))


@pytest.mark.parametrize(
    ("lang", "widgets", "message", "flagged"),
    [
        (
            "fr",
            {"age_min": 50, "age_max": 40},
            "Âge minimum : ne peut pas dépasser le maximum (40 ans).",
            "age_min",
        ),
        (
            "en",
            {"age_min": 50, "age_max": 40},
            "Age minimum: cannot be above the maximum (40 years).",
            "age_min",
        ),
        ("fr", {"age_min": 5}, "Âge minimum : doit être compris entre 18 et 100 ans.", "age_min"),
        ("en", {"age_min": 5}, "Age minimum: must be between 18 and 100 years.", "age_min"),
        (
            "fr",
            {"income_max": 20_000_000},
            "Revenu net annuel maximum : doit être compris entre 0 et 10\u202f000\u202f000 € / an.",
            "income_max",
        ),
        (
            "en",
            {"credit_score_min": 299.5},
            "Credit score minimum: must be a whole number.",
            "credit_score_min",
        ),
    ],
)
def test_a_broken_filter_rule_is_named_in_the_page_language(
    acting, people, book, lang, widgets, message, flagged
):
    out = shown(acting, people["adviser"], lang, ranges=bounds(**widgets))
    assert text_of(out["feedback"]) == message
    assert out["data"] == [] and out["total"] == ""  # no "0 client" under a refused filter
    assert {k for k, v in out.items() if k.endswith("_invalid") and v} == {f"{flagged}_invalid"}


def test_a_valid_filter_clears_the_message_and_the_red_borders(acting, people, book):
    out = shown(acting, people["adviser"], ranges=bounds(age_min=18, age_max=100))
    assert out["feedback"] == "" and out["total"] == "2 clients"
    assert not any(v for k, v in out.items() if k.endswith("_invalid"))


@pytest.mark.parametrize(
    ("size", "number", "sort_by", "message"),
    [
        (10**9, 0, [], "Nombre de lignes par page : doit être compris entre 1 et 200."),
        (201, 0, [], "Nombre de lignes par page : doit être compris entre 1 et 200."),
        (0, 0, [], "Nombre de lignes par page : doit être compris entre 1 et 200."),
        (25, -1, [], "Numéro de page : doit être compris entre 1 et 1\u202f000\u202f000."),
        (
            25,
            0,
            [{"column_id": "adviser_id", "direction": "asc"}],
            "Colonne de tri : n'est pas une valeur proposée.",
        ),
        (25, 0, ["probability"], "Colonne de tri : n'est pas une valeur proposée."),
        ("NaN", 0, [], "Nombre de lignes par page : doit être un nombre entier."),
        (25, "1", [], "Numéro de page : doit être un nombre entier."),
    ],
)
def test_table_values_the_browser_sends_are_checked_never_served(
    acting, people, book, size, number, sort_by, message
):
    out = shown(acting, people["adviser"], size=size, number=number, sort_by=sort_by)
    assert text_of(out["feedback"]) == message and out["data"] == []


def test_a_new_filter_starts_on_the_first_page(acting, people, book):
    for i in range(12):
        add_client(people["adviser"], GOOD | {"credit_score": 700 + i})
    first = shown(acting, people["adviser"], size=5, number=2)
    assert first["page_current"] is no_update and len(first["data"]) == 4
    assert first["status"] == "Page 3 sur 3"
    narrowed = shown(
        acting,
        people["adviser"],
        ranges=bounds(credit_score_min=705),
        size=5,
        number=2,
        seen=first["filters_seen"],
    )
    assert narrowed["page_current"] == 0 and narrowed["status"] == "Page 1 sur 2"
    assert len(narrowed["data"]) == 5


def test_paging_buttons_are_enabled_only_where_they_lead(acting, people, book):
    for _ in range(4):
        add_client(people["adviser"])
    first = shown(acting, people["adviser"], lang="en", size=2)
    assert first["status"] == "Page 1 of 3"
    assert [first[f"{s}_disabled"] for s in STEPS] == [True, True, False, False]
    middle = shown(acting, people["adviser"], lang="en", size=2, number=1)
    assert [middle[f"{s}_disabled"] for s in STEPS] == [False, False, False, False]
    last = shown(acting, people["adviser"], lang="en", size=2, number=2)
    assert [last[f"{s}_disabled"] for s in STEPS] == [False, False, True, True]


@pytest.mark.parametrize(
    ("button", "current", "count", "expected"),
    [
        ("portfolio-page-next", 0, 3, 1),
        ("portfolio-page-next", 2, 3, 2),
        ("portfolio-page-previous", 0, 3, 0),
        ("portfolio-page-last", 0, 3, 2),
        ("portfolio-page-first", 2, 3, 0),
        ("portfolio-page-next", "NaN", {"a": 1}, 0),
    ],
)
def test_paging_buttons_over_http(dash_app, people, button, current, count, expected):
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    outputs = registered_outputs(dash_app.extensions["dash_app"], "portfolio-table.page_current@")
    answer = dash_call(
        http,
        outputs,
        [(f"portfolio-page-{s}", "n_clicks", 1 if button.endswith(s) else None) for s in STEPS],
        [f"{button}.n_clicks"],
        state=[
            ("portfolio-table", "page_current", current),
            ("portfolio-table", "page_count", count),
        ],
    )
    assert answer.status_code == 200
    (value,) = answer.get_json()["response"].values()
    assert value == {"page_current": expected}


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("fr", ["Première page", "Page précédente", "Page suivante", "Dernière page"]),
        ("en", ["First page", "Previous page", "Next page", "Last page"]),
    ],
)
def test_paging_buttons_have_names_in_the_page_language(lang, names):
    nav = pager(lang)
    buttons = [find(nav, f"portfolio-page-{step}") for step in STEPS]
    assert [text_of(b).strip() for b in buttons] == names  # the accessible names
    assert [b.title for b in buttons] == names  # and their tooltips


def test_reset_clears_every_filter(acting, people):
    with acting(people["adviser"]):
        values = reset_filters(1)
    assert values == [None] * len(RANGE_IDS) + [ALL, False, ""]


def test_a_unique_short_id_opens_the_client(acting, people, book):
    short = str(book["fresh"].id)[:8]
    with acting(people["adviser"]):
        for typed in (short, short.upper(), f" {short}… ", str(book["fresh"].id)[:13]):
            assert open_client(1, None, typed) == (f"/clients/{book['fresh'].id}", "", [])


def test_several_matches_are_listed_and_a_foreign_client_never_is(acting, people):
    prefix = "abcdef12"
    mine = [
        add_client(people["adviser"], client_id=uuid.UUID(prefix + "0" * 23 + str(i)))
        for i in (1, 2)
    ]
    add_client(people["other"], client_id=uuid.UUID(prefix + "0" * 23 + "3"))
    for lang, sentence in (("fr", "2 clients de votre portefeuille"), ("en", "2 clients of your")):
        with acting(people["adviser"], lang):
            href, message, listed = open_client(None, 1, prefix)
        assert href is no_update and message == ""
        assert sentence in text_of(listed)
        links = [li.children.href for li in listed[1].children]
        assert links == [f"/clients/{c.id}" for c in mine]
    with acting(people["other"]):
        assert open_client(1, None, prefix)[0] == f"/clients/{prefix}-0000-0000-0000-000000000003"


@pytest.mark.parametrize("typed", ["abcdef1", "zzzzzzzz", "x" * 5_000, "\ud800abc", ["a"], 12])
def test_a_short_or_hostile_search_finds_nothing(acting, people, typed):
    add_client(people["adviser"], client_id=uuid.UUID("abcdef12" + "0" * 24))
    with acting(people["adviser"], "en"):
        href, message, listed = open_client(1, None, typed)
    assert href is no_update and listed == []
    assert message == "No matching client in your portfolio."
