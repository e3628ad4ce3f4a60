"""The admin page and the tab titles in headless Chromium, in French and English: erasing a
client and switching the model both ask first; each page names its browser tab."""

from __future__ import annotations

import re

import pytest
from dashboard_helpers import GOOD, PAGE_DRAWN, PASSWORD, add_client, log_in_browser
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CONFIRM = {
    "fr": ("Effacer…", "Effacer définitivement le client", "Annuler", "effacé"),
    "en": ("Erase…", "Erase client", "Cancel", "erased"),
}


@pytest.fixture(scope="module")
def erasable(live):
    """Clients of an adviser of their own, so that erasing them changes no other test's view."""
    from app.services.users import create_user

    with live.app.app_context():
        adviser = create_user("erasure-adviser@bank.example", "adviser", PASSWORD)
        return {lang: str(add_client(adviser, GOOD).id) for lang in ("fr", "en")}


def in_language(page, base: str, lang: str, path: str) -> None:
    page.goto(f"{base}/language/{lang}?next={path}")
    page.wait_for_selector(PAGE_DRAWN)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_erasing_a_client_asks_first(page, live, erasable, lang):
    client = erasable[lang]
    button, title, cancel, done = CONFIRM[lang]
    log_in_browser(page, live.url, "admin@bank.example")
    in_language(page, live.url, lang, "/admin")
    page.fill("#admin-erase-search", client[:8])
    page.press("#admin-erase-search", "Enter")
    row = page.locator("#admin-erase-table tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("erasure-adviser@bank.example")
    row.get_by_role("button", name=button).click()
    modal = page.locator("#admin-erase-modal")
    expect(modal).to_contain_text(f"{title} {client[:8]}")
    page.get_by_role("button", name=cancel).click()
    expect(modal).to_be_hidden()
    expect(row).to_have_count(1)  # nothing erased on "cancel"
    row.get_by_role("button", name=button).click()
    page.click("#admin-erase-confirm")
    expect(page.locator("#admin-erase-done")).to_contain_text(done)
    expect(page.locator("#admin-erase-none")).to_be_visible()  # the search no longer finds it


def test_switching_the_model_off_can_be_cancelled_in_english(page, live):
    log_in_browser(page, live.url, "admin@bank.example")
    in_language(page, live.url, "en", "/admin")
    page.wait_for_selector("#admin-model-state[data-enabled='true']")
    page.click("#admin-model-off")
    modal = page.locator("#admin-switch-modal")
    expect(modal).to_contain_text("Switch the model off?")
    expect(modal).to_contain_text("Your e-mail address will be shown")
    page.click("#admin-switch-cancel")
    expect(modal).to_be_hidden()
    expect(page.locator("#admin-model-state")).to_have_attribute("data-enabled", "true")


@pytest.mark.parametrize(
    ("lang", "titles"),
    [
        (
            "fr",
            {
                "/": "Mes clients · Scoring crédit",
                "/model": "Le modèle · Scoring crédit",
                "/gdpr": "RGPD et transparence · Scoring crédit",
            },
        ),
        (
            "en",
            {
                "/": "My clients · Credit scoring",
                "/model": "The model · Credit scoring",
                "/gdpr": "GDPR and transparency · Credit scoring",
            },
        ),
    ],
)
def test_each_page_names_its_tab(adviser_page, live, lang, titles):
    page = adviser_page
    for path, title in titles.items():
        in_language(page, live.url, lang, path)
        expect(page).to_have_title(title)
    in_language(page, live.url, lang, f"/clients/{live.fresh}")
    expect(page).to_have_title(f"Client {live.fresh[:8]} · " + titles["/"].split(" · ")[1])
    page.click("#nav-nav_simulator")  # moving inside the app renames the tab too
    simulator = "Simulateur" if lang == "fr" else "Simulator"
    expect(page).to_have_title(re.compile(f"^{simulator} · "))
