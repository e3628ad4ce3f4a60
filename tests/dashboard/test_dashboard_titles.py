"""What each page is called: the browser tab's title per page, the log-in page for every role,
the portfolio heading by role, and a value shown beside its label without repeating it."""

from __future__ import annotations

import re

import pytest
from dashboard_helpers import RISKY, add_client, find, open_page, reader, text_of

from app.callbacks.client import features_table, stale_alert
from app.layouts.shell import shell
from app.services.portfolio import client_summary
from app.texts import t


@pytest.mark.parametrize(
    ("lang", "path", "expected"),
    [
        ("fr", "/", "Mes clients · Scoring crédit"),
        ("fr", "/simulator", "Simulateur · Scoring crédit"),
        ("fr", "/model", "Le modèle · Scoring crédit"),
        ("fr", "/gdpr", "RGPD et transparence · Scoring crédit"),
        ("fr", "/admin", "Accès réservé · Scoring crédit"),
        ("fr", "/nowhere", "Page introuvable · Scoring crédit"),
        ("en", "/", "My clients · Credit scoring"),
        ("en", "/model", "The model · Credit scoring"),
        ("en", "/gdpr", "GDPR and transparency · Credit scoring"),
    ],
)
def test_each_page_has_its_own_tab_title(dash_app, people, lang, path, expected):
    http = reader(dash_app.test_client(), "adviser@bank.example", lang)
    _page, title = open_page(http, path)
    assert title == expected


def test_a_client_tab_names_the_client(dash_app, people, book):
    client_id = str(book["fresh"].id)
    http = reader(dash_app.test_client(), "adviser@bank.example")
    _page, title = open_page(http, f"/clients/{client_id}")
    _page, foreign = open_page(http, f"/clients/{book['foreign'].id}")
    _page, malformed = open_page(http, "/clients/1a2b3c4d")
    assert title == f"Client {client_id[:8]} · Scoring crédit"
    assert foreign == "Page introuvable · Scoring crédit"  # as its page: unknown and foreign alike
    assert malformed == foreign


@pytest.mark.parametrize(
    ("role", "lang", "heading"),
    [
        ("adviser", "fr", "Mes clients"),
        ("supervisor", "fr", "Portefeuille"),
        ("admin", "fr", "Portefeuille"),
        ("adviser", "en", "My clients"),
        ("supervisor", "en", "Portfolio"),
    ],
)
def test_the_portfolio_heading_fits_the_role(dash_app, acting, people, role, lang, heading):
    http = reader(dash_app.test_client(), f"{role}@bank.example", lang)
    page, title = open_page(http, "/")
    with acting(people[role], lang):
        frame = shell()
    assert text_of(find(page, "portfolio-title")) == heading
    assert title.startswith(heading + " · ")
    assert text_of(find(frame, "nav-nav_portfolio")).strip() == heading


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_log_in_page_is_for_every_role(dash_app, lang):
    page = dash_app.test_client().get(f"/login?lang={lang}").get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert title == f"{t('login_title', lang)} · {t('app_title', lang)}"
    for word in ("conseiller", "adviser", "Adviser", "Conseiller"):
        assert word not in title


@pytest.mark.parametrize(("lang", "age"), [("fr", "30 ans"), ("en", "30 years")])
def test_a_count_beside_its_label_does_not_repeat_the_label(acting, people, lang, age):
    client = add_client(people["adviser"], RISKY | {"incidents": 7})
    table = features_table(client_summary(client, 183), lang)
    assert text_of(find(table, "client-value-incidents")) == "7"
    assert text_of(find(table, "client-value-age")) == age


@pytest.mark.parametrize(("lang", "days"), [("fr", "1\u202f200\\sjours"), ("en", "1,200\\sdays")])
def test_a_long_data_age_groups_its_digits(acting, people, lang, days):
    """Grouped digits (a narrow no-break space in French), then the unit after a space, which
    CLDR makes a no-break one where it writes the unit itself."""
    summary = client_summary(add_client(people["adviser"], RISKY, age_days=1200), 183)
    with acting(people["adviser"], lang):
        alert = stale_alert(summary, lang)
    assert re.search(days, text_of(features_table(summary, lang)))
    assert re.search(days, text_of(alert))
