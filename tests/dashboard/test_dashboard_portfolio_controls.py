"""Portfolio controls: the filters' messages, the grid's own request values checked, the reset
and the search by short id (callbacks as functions and over HTTP)."""

from __future__ import annotations

import uuid

import pytest
from dash import no_update
from dashboard_helpers import add_client, text_of

from app.callbacks.portfolio import OUTPUTS, RANGE_INPUTS, portfolio_rows
from app.callbacks.portfolio_controls import RANGE_IDS, open_client, reset_filters
from app.layouts.common import ALL

NO_BOUNDS = [None] * len(RANGE_INPUTS)
EMPTY = {"rowData": [], "rowCount": 0}


def bounds(**values):
    return [values.get(f"{name}_{end}") for name, end in RANGE_INPUTS]


def shown(acting, user, lang="fr", ranges=None, request=None):
    request = {"startRow": 0, "endRow": 25, "sortModel": [], "filterModel": {}} | (request or {})
    with acting(user, lang):
        values = portfolio_rows(request, *(ranges or NO_BOUNDS), ALL, False, None, "all")
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
    assert out["rows"] == EMPTY and out["total"] == ""  # no "0 client" under a refused filter
    assert {k for k, v in out.items() if k.endswith("_invalid") and v} == {f"{flagged}_invalid"}


def test_a_valid_filter_clears_the_message_and_the_red_borders(acting, people, book):
    out = shown(acting, people["adviser"], ranges=bounds(age_min=18, age_max=100))
    assert out["feedback"] == "" and out["total"] == "2 clients"
    assert not any(v for k, v in out.items() if k.endswith("_invalid"))


@pytest.mark.parametrize(
    ("request_values", "message"),
    [
        (
            {"startRow": -1},
            "Première ligne demandée : doit être compris entre 0 et 200\u202f000\u202f000.",
        ),
        ({"endRow": 10**9}, "Fin du bloc de lignes demandé : doit être compris entre 1 et 200."),
        ({"endRow": 0}, "Fin du bloc de lignes demandé : doit être compris entre 1 et 200."),
        ({"startRow": 7, "endRow": 32}, "Première ligne demandée : doit être un multiple de 25."),
        ({"startRow": "NaN"}, "Première ligne demandée : doit être un nombre entier."),
        ({"startRow": 1.5}, "Première ligne demandée : doit être un nombre entier."),
        (
            {"sortModel": [{"colId": "adviser_id", "sort": "asc"}]},
            "Colonne de tri : n'est pas une valeur proposée.",
        ),
        (
            {"sortModel": [{"colId": "age", "sort": "up"}]},
            "Colonne de tri : n'est pas une valeur proposée.",
        ),
        ({"sortModel": "probability"}, "Colonne de tri : n'est pas une valeur proposée."),
        (
            {"filterModel": {"age": {"filterType": "number", "type": "equals", "filter": 5}}},
            "Filtre de colonne : n'est pas proposé : utilisez les filtres au-dessus de la liste.",
        ),
        (
            {"filterModel": "' OR 1=1 --"},
            "Filtre de colonne : n'est pas proposé : utilisez les filtres au-dessus de la liste.",
        ),
    ],
)
def test_grid_request_values_the_browser_sends_are_checked_never_served(
    acting, people, book, request_values, message
):
    out = shown(acting, people["adviser"], request=request_values)
    assert text_of(out["grid_feedback"]) == message
    assert out["rows"] == EMPTY and out["total"] == "" and out["feedback"] == ""


def test_a_request_that_is_not_a_block_at_all_is_named(acting, people, book):
    with acting(people["adviser"], "en"):
        values = portfolio_rows("garbage", *NO_BOUNDS, ALL, False, None, "all")
    out = dict(zip(OUTPUTS, values, strict=True))
    assert text_of(out["grid_feedback"]) == "First row requested: must be a whole number."
    assert out["rows"] == EMPTY


def test_reset_clears_every_filter(acting, people):
    with acting(people["adviser"]):
        values = reset_filters(1)
    assert values == [None] * len(RANGE_IDS) + [ALL, False, "", []]


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
