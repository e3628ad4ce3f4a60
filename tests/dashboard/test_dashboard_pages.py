"""Routing, the simulator, the model, GDPR and admin pages, as plain functions."""

from __future__ import annotations

import json
import uuid

import pytest
from dash import no_update
from dashboard_helpers import (
    GOOD,
    RISKY,
    dash_call,
    draw_page,
    find,
    in_callback,
    language_link,
    open_page,
    reader,
    text_of,
)

from app.callbacks.admin import admin_tables, audit_page
from app.callbacks.model import model_page
from app.callbacks.simulator import prefill, simulate
from app.services import scoring
from app.texts import t
from modelling.features import FEATURE_NAMES


@pytest.mark.parametrize(
    ("path", "marker"),
    [
        ("/", "portfolio-grid"),
        ("/simulator", "simulator-gauge"),
        ("/model", "model-content"),
        ("/gdpr", "gdpr-notice"),
        ("/clients/{id}", "client-gauge"),
    ],
)
def test_every_page_has_a_stable_url(dash_app, people, book, path, marker):
    http = reader(dash_app.test_client(), "adviser@bank.example")
    address = path.format(id=book["fresh"].id)
    page, _title = open_page(http, address)
    assert find(page, marker) is not None
    assert language_link(http, address) == "/language/en?next=" + address


def test_language_link_keeps_the_query(dash_app, people, book):
    http = reader(dash_app.test_client(), "adviser@bank.example", "en")
    link = language_link(http, "/simulator", f"?client={book['fresh'].id}")
    assert link == f"/language/fr?next=/simulator%3Fclient%3D{book['fresh'].id}"


def test_the_query_string_reaches_the_page(dash_app, people, book):
    http = reader(dash_app.test_client(), "adviser@bank.example")
    page, _title = open_page(http, "/simulator", f"?client={book['fresh'].id}")
    assert find(page, "simulator-client")["props"]["data"] == str(book["fresh"].id)
    page, _title = open_page(http, "/simulator", "?client=")  # an empty value is no value
    assert find(page, "simulator-client")["props"].get("data") is None


@pytest.mark.parametrize(
    ("path", "marker", "role"),
    [
        ("/admin", "admin-audit", "admin"),
        ("/reviews", "reviews-table", "supervisor"),
        ("/reviews", "reviews-table", "admin"),
    ],
)
def test_a_page_for_some_roles_opens_to_them(dash_app, people, path, marker, role):
    http = reader(dash_app.test_client(), f"{role}@bank.example")
    page, _title = open_page(http, path)
    assert find(page, marker) is not None and find(page, "page-forbidden") is None


@pytest.mark.parametrize(
    ("path", "marker", "role", "roles"),
    [
        ("/admin", "admin-audit", "adviser", "administrateur"),
        ("/admin", "admin-audit", "supervisor", "administrateur"),
        ("/reviews", "reviews-table", "adviser", "superviseur, administrateur"),
    ],
)
def test_a_page_for_some_roles_tells_the_others_who_may(
    dash_app, people, path, marker, role, roles
):
    http = reader(dash_app.test_client(), f"{role}@bank.example")
    page, title = open_page(http, path)
    assert page["props"]["id"] == "page-forbidden" and find(page, marker) is None
    assert text_of(page) == f"Votre rôle n'ouvre pas cette page (réservée au rôle : {roles})."
    assert title == "Accès réservé · Scoring crédit"


def test_unknown_page_is_a_page(dash_app, people):
    http = reader(dash_app.test_client(), "adviser@bank.example")
    for path in ("/nowhere", "/clients", "/admin/users"):
        page, _title = open_page(http, path)
        assert page["props"]["id"] == "page-not-found", path


@pytest.mark.parametrize("path", ["/clients/{foreign}", "/clients/{unknown}", "/clients/x"])
def test_a_client_the_reader_may_not_see_is_not_found(dash_app, people, book, path):
    """Unknown, malformed and foreign ids draw the same page: it tells nothing of which."""
    http = reader(dash_app.test_client(), "adviser@bank.example")
    address = path.format(foreign=book["foreign"].id, unknown=uuid.uuid4())
    page, _title = open_page(http, address)
    assert find(page, "client-not-found") is not None and find(page, "client-gauge") is None
    assert "77" not in text_of(page) and str(book["foreign"].id) not in json.dumps(page)


@pytest.mark.parametrize(
    ("path", "search", "drawn"),
    [
        ("/clients/" + "f" * 100_000, "", "client-not-found"),
        ("/clients/a/b", "", "client-not-found"),
        ("/clients/\u0000\ud800", "?client_id=[1]", "client-not-found"),
        ("/<script>alert(1)</script>", "?a=%00&a=", "page-not-found"),
        ("//", "?" + "x=1&" * 1000, "portfolio-grid"),  # Dash strips the slashes: the home page
        ("/simulator", "?client=" + "9" * 10_000, "simulator-client"),
    ],
)
def test_a_forged_address_draws_a_page_not_an_error(dash_app, people, caplog, path, search, drawn):
    http = reader(dash_app.test_client(), "adviser@bank.example")
    page, _title = open_page(http, path, search)
    assert find(page, drawn) is not None
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    for value in (None, 7, [path], "no-slash"):  # not a browser's pathname: nothing changes
        answer = dash_call(
            http,
            [("_pages_content", "children"), ("_pages_store", "data")],
            [("_pages_location", "pathname", value), ("_pages_location", "search", search)],
            ["_pages_location.pathname"],
        )
        assert answer.status_code == 204


def test_anonymous_readers_get_no_page(dash_app):
    http = dash_app.test_client()
    answer = dash_call(
        http,
        [("_pages_content", "children"), ("_pages_store", "data")],
        [("_pages_location", "pathname", "/"), ("_pages_location", "search", "")],
        ["_pages_location.pathname"],
    )
    assert answer.status_code == 401
    assert http.get("/clients/x").status_code == 302  # to the log-in page


def values_of(features: dict) -> list:
    return [features[name] for name in FEATURE_NAMES]


def test_simulator_scores_what_is_typed(acting, people):
    with acting(people["adviser"]):
        good = simulate(*values_of(GOOD))
        risky = simulate(*values_of(RISKY))
    expected = scoring.score_features(RISKY)
    assert risky[0].data[0].value == pytest.approx(100 * expected["probability_of_default"])
    assert risky[0].data[0].value > good[0].data[0].value
    badge = risky[1].to_plotly_json()["props"]
    assert badge["data-recommendation"] == expected["recommendation"]
    items = risky[6].children
    assert {i.to_plotly_json()["props"]["data-feature"] for i in items} == set(FEATURE_NAMES)


def test_simulator_refuses_values_out_of_range(acting, people):
    with acting(people["adviser"]):
        result = simulate(*values_of(GOOD | {"age": 12}))
    assert result[5].id == "simulator-invalid"
    assert "L'âge doit être compris entre 18 et 100 ans." in text_of(result[5])
    assert result[0]["data"] == [] and result[1] is None  # no previous gauge left shown


def test_simulator_prefills_only_the_advisers_own_clients(acting, people, book):
    with acting(people["adviser"]):
        source, _stale, *values = prefill(str(book["stale"].id))
    assert values == ["30", "21 000", "1", "2", "560"]  # RISKY, as a French reader types it
    assert str(book["stale"].id)[:8] in source
    with acting(people["adviser"]):
        source, _stale, *values = prefill(str(book["foreign"].id))
    assert source == t("search_not_found", "fr") and all(v is no_update for v in values)


def test_model_page_reads_the_served_model(acting, people, dash_app):
    with acting(people["adviser"], "en"):
        content = model_page(1)
    version = dash_app.extensions["model_service"].version
    assert text_of(find(content, "model-version")) == version
    for block in (
        "model-metrics",
        "model-roc",
        "model-calibration",
        "model-cost",
        "model-importance",
        "model-candidates",
        "model-fairness",
    ):
        assert find(content, block) is not None, block


def test_gdpr_page_reads_retention_from_the_configuration(make_app, model_registry, acting, people):
    with acting(people["adviser"]):
        page = draw_page("app.layouts.gdpr")
    assert text_of(find(page, "gdpr-retention_client_days")) == "1\u202f095\xa0jours (3 ans)"
    assert "art. 22" in text_of(find(page, "gdpr-rights")).lower()
    assert "CNIL" in text_of(find(page, "gdpr-notice"))


def test_admin_tables_for_the_admin_only(acting, people, book):
    with acting(people["admin"]):
        users, purge = admin_tables(1, 0)
        audit, _pages, _page = in_callback(audit_page, "all", None, None, 1, 0)
    assert "adviser@bank.example" in text_of(users)
    assert find(audit, "admin-audit-table") is not None
    assert find(purge, "admin-purge-table") is not None
    with acting(people["adviser"]):
        users, purge = admin_tables(1, 0)
    assert "adviser@bank.example" not in text_of(users)
    assert users.id == "admin-refused"


def test_admin_audit_filters(acting, people, book):
    with acting(people["adviser"]):
        from app.callbacks.client import load_client

        load_client(str(book["fresh"].id))
    with acting(people["admin"]):
        audit, _, _ = in_callback(audit_page, "score_client", str(book["fresh"].id), 1, 1, 0)
        bad, _, _ = in_callback(audit_page, "all", "not-a-uuid", None, 1, 0)
    rows = find(audit, "admin-audit-table").children[1].children
    assert len(rows) == 1 and t("audit_action_score_client", "fr") in text_of(rows[0])
    assert bad.color == "warning"


def _candidate(label, auc, simplicity, violations=()):
    return {
        "label": label,
        "cv": {"auc": auc},
        "simplicity": simplicity,
        "eligible": not violations,
        "monotone_violations": list(violations),
    }


@pytest.mark.parametrize(
    ("candidates", "champion", "lang", "expected"),
    [
        (
            {
                "logistic": _candidate("Logistic", 0.840, 1),
                "gam": _candidate("GAM", 0.850, 2, ["income"]),
                "catboost": _candidate("CatBoost", 0.849, 3),
            },
            "catboost",
            "fr",
            [
                "GAM a une AUC en validation croisée plus élevée (0,8500)",
                "revenu net annuel",
                "Arbres de décision boostés CatBoost (monotones) a la meilleure AUC en validation "
                "croisée (0,8490)",
            ],
        ),
        (
            {
                "logistic": _candidate("Logistic", 0.846, 1),
                "catboost": _candidate("CatBoost", 0.849, 3),
            },
            "logistic",
            "en",
            [
                "Logistic regression (AUC 0.8460) is within 0.005 AUC of CatBoost boosted "
                "decision trees (monotone) (0.8490)"
            ],
        ),
        (  # the registry's own case: the GAM's AUC is lower, it would have won by simplicity
            {
                "logistic": _candidate("Logistic", 0.834, 1),
                "spline_logistic": _candidate("Spline logistic (GAM)", 0.8475, 2, ["income"]),
                "catboost": _candidate("CatBoost (monotone)", 0.8493, 3),
            },
            "catboost",
            "fr",
            [
                "Régression logistique à splines (GAM) est plus simple que Arbres de décision "
                "boostés CatBoost (monotones) et son AUC en validation croisée (0,8475) est à "
                "moins de 0,005 de la sienne (0,8493) : il aurait été retenu pour sa simplicité",
                "Arbres de décision boostés CatBoost (monotones) a la meilleure AUC",
            ],
        ),
    ],
)
def test_the_choice_of_model_is_explained_in_the_readers_language(
    candidates, champion, lang, expected
):
    from app.layouts.model import choice_sentence

    meta = {"candidates": candidates, "algorithm": champion, "choice": {"margin": 0.005}}
    sentence = choice_sentence(meta, lang)
    for part in expected:
        assert part in sentence
