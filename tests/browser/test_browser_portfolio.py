"""The portfolio's filters in headless Chromium, in French and English: they apply while the
adviser types, a broken rule is named on the page, one button resets them, the paging buttons
have names, and the table's short id finds the client."""

from __future__ import annotations

import re

import pytest
from dashboard_helpers import log_in_browser
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def portfolio(page, live, lang: str):
    page.context.add_cookies([{"name": "lang", "value": lang, "url": live.url}])
    log_in_browser(page, live.url)
    page.wait_for_selector("#portfolio-table td a")
    expect(page.locator("#portfolio-total")).to_have_text("8 clients")


@pytest.mark.parametrize(("lang", "three"), [("fr", "3 clients"), ("en", "3 clients")])
def test_a_filter_applies_while_typing_without_enter_or_tab(page, live, lang, three):
    portfolio(page, live, lang)
    page.locator("#portfolio-income-min").press_sequentially("40000")
    expect(page.locator("#portfolio-total")).to_have_text(three)
    expect(page.locator("#portfolio-income-min")).to_be_focused()  # never left the field


@pytest.mark.parametrize(
    ("lang", "message", "reset"),
    [
        ("fr", "Âge minimum : ne peut pas dépasser le maximum (40 ans).", "Réinitialiser"),
        ("en", "Age minimum: cannot be above the maximum (40 years).", "Reset the filters"),
    ],
)
def test_min_above_max_is_named_and_reset_clears_it(page, live, lang, message, reset):
    portfolio(page, live, lang)
    page.locator("#portfolio-age-max").press_sequentially("40")
    page.locator("#portfolio-age-min").press_sequentially("50")
    expect(page.locator("#portfolio-filter-feedback")).to_have_text(message)
    expect(page.locator("#portfolio-age-min")).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(page.locator("#portfolio-total")).to_have_text("")  # not "0 client"
    page.get_by_role("button", name=reset).click()
    expect(page.locator("#portfolio-total")).to_have_text("8 clients")
    expect(page.locator("#portfolio-filter-feedback")).to_have_text("")
    expect(page.locator("#portfolio-age-min")).to_have_value("")
    expect(page.locator("#portfolio-age-max")).to_have_value("")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "Âge minimum : doit être compris entre 18 et 100 ans."),
        ("en", "Age minimum: must be between 18 and 100 years."),
    ],
)
def test_a_value_outside_the_schema_is_named(page, live, lang, message):
    portfolio(page, live, lang)
    page.locator("#portfolio-age-min").press_sequentially("5")
    expect(page.locator("#portfolio-filter-feedback")).to_have_text(message)


@pytest.mark.parametrize(
    ("lang", "names", "status"),
    [
        (
            "fr",
            ["Première page", "Page précédente", "Page suivante", "Dernière page"],
            "Page 1 sur 1",
        ),
        ("en", ["First page", "Previous page", "Next page", "Last page"], "Page 1 of 1"),
    ],
)
def test_paging_buttons_are_named_in_the_page_language(page, live, lang, names, status):
    portfolio(page, live, lang)
    for name in names:  # the accessible name the browser computes, and disabled on one page
        expect(page.get_by_role("button", name=name, exact=True)).to_be_disabled()
    expect(page.locator("#portfolio-page-status")).to_have_text(status)


def test_the_short_id_opens_the_client_and_a_foreign_one_is_not_found(page, live):
    portfolio(page, live, "fr")
    page.fill("#portfolio-search", live.foreign[:8])
    page.press("#portfolio-search", "Enter")
    expect(page.locator("#portfolio-search-feedback")).to_have_text(
        "Aucun client correspondant dans votre portefeuille."
    )
    page.fill("#portfolio-search", live.fresh[:8])
    page.press("#portfolio-search", "Enter")
    page.wait_for_url(f"**/clients/{live.fresh}")
