"""Dash pages in headless Chromium: every page, for every role, drawn by a full load and by
moving inside the app, raises no error in Dash's renderer. The renderer checks the callbacks
against the validation layout when the app starts (callback exceptions are not suppressed), and
reports a failed callback or an input missing from the page as it runs: each one reaches the
console as an error, which is what is collected here (the renderer's production build does so
too, so the live server needs no debug mode)."""

from __future__ import annotations

import re

import pytest
from dashboard_helpers import PAGE_DRAWN, PASSWORD, log_in_browser
from playwright.sync_api import expect

from app.services.users import create_user, find_by_email

pytestmark = pytest.mark.browser

ROLES = ("adviser", "supervisor", "admin")
PAGES = ("/", "/reviews", "/simulator", "/model", "/gdpr", "/admin", "/nowhere")
NAVIGATION = {
    "adviser": ("nav-nav_simulator", "nav-nav_model", "nav-nav_gdpr", "nav-nav_portfolio"),
    "supervisor": ("nav-nav_reviews", "nav-nav_model", "nav-nav_portfolio"),
    "admin": ("nav-nav_admin", "nav-nav_reviews", "nav-nav_simulator", "nav-nav_portfolio"),
}


@pytest.fixture
def supervisor(live):
    with live.app.app_context():
        if find_by_email("supervisor@bank.example") is None:
            create_user("supervisor@bank.example", "supervisor", PASSWORD)


@pytest.fixture
def renderer_errors(page):
    """Errors reported in the page: the renderer's console errors and uncaught exceptions."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def settled(page) -> None:
    """The page is drawn and no callback is in flight (Dash marks what it is updating)."""
    page.wait_for_selector(PAGE_DRAWN)
    expect(page.locator('[data-dash-is-loading="true"]')).to_have_count(0)  # no eval: the CSP


@pytest.mark.parametrize("role", ROLES)
def test_every_page_draws_without_a_renderer_error(page, live, supervisor, renderer_errors, role):
    log_in_browser(page, live.url, f"{role}@bank.example")
    paths = (*PAGES, f"/clients/{live.fresh}", f"/clients/{live.stale}", f"/clients/{live.foreign}")
    seen = {}
    for path in paths:
        page.goto(f"{live.url}{path}")
        settled(page)
        seen[path] = list(renderer_errors)
        renderer_errors.clear()
    assert {path: found for path, found in seen.items() if found} == {}


@pytest.mark.parametrize("role", ROLES)
def test_moving_inside_the_app_draws_each_page_without_an_error(
    page, live, supervisor, renderer_errors, role
):
    log_in_browser(page, live.url, f"{role}@bank.example")
    for link in NAVIGATION[role]:
        page.click(f"#{link}")
        expect(page.locator(f"#{link}")).to_have_class(re.compile(r"\bactive\b"))
        settled(page)
    assert renderer_errors == []


@pytest.mark.parametrize("role", ["adviser", "supervisor"])
def test_a_client_opened_from_the_portfolio_draws_without_an_error(
    page, live, supervisor, renderer_errors, role
):
    log_in_browser(page, live.url, f"{role}@bank.example")
    page.locator(f"#portfolio-grid .ag-row a[href='/clients/{live.stale}']").click()
    expect(page.locator("#client-short-id")).to_have_text(live.stale[:8])
    settled(page)
    page.go_back()  # the browser's history leads back to the portfolio, drawn again
    page.wait_for_selector("#portfolio-grid .ag-row a")
    settled(page)
    assert renderer_errors == []
