"""Accessibility in headless Chromium: axe-core (vendored in tests/browser/vendor, never loaded
from a CDN) on every page, in French and in English, for each role, finds no serious or critical
violation and the page logs no error; and the decision panel works with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from dashboard_helpers import PAGE_DRAWN, PASSWORD, log_in_browser
from playwright.sync_api import expect

from app.services.users import create_user, find_by_email

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}
TIMEOUT_MS = 15_000  # as in conftest.py
ROLES = {
    "adviser": "adviser@bank.example",
    "supervisor": "supervisor@bank.example",
    "admin": "admin@bank.example",
}
PAGES = ("/", "/reviews", "/simulator", "/model", "/gdpr", "/admin", "/nowhere")


@pytest.fixture
def page(browser):
    """axe is injected as a script tag: the app's Content Security Policy (no inline script, no
    eval) would refuse it, so this context alone bypasses the policy; the pages are the same."""
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="fr-FR", bypass_csp=True
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture
def supervisor(live):
    with live.app.app_context():
        if find_by_email(ROLES["supervisor"]) is None:
            create_user(ROLES["supervisor"], "supervisor", PASSWORD)


def settled(page) -> None:
    """The page is drawn and no callback is in flight (Dash marks what it is updating)."""
    page.wait_for_selector(PAGE_DRAWN)
    page.wait_for_function("!document.querySelector('[data-dash-is-loading=\"true\"]')")


def blocking_violations(page) -> list[str]:
    """axe's serious and critical findings on the page as drawn now, one line each."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['impact']} {v['id']}: {v['help']} -> "
        + "; ".join(f"{' '.join(node['target'])} {node['html'][:120]}" for node in v["nodes"][:5])
        for v in found
        if v["impact"] in BLOCKING
    ]


def logged_errors(page) -> list[str]:
    """Every error the page logs from now on: Dash's renderer reports a callback it refuses
    (an input missing from the page, say) in the console and draws nothing for it."""
    errors: list[str] = []
    page.on(
        "console",
        lambda message: errors.append(message.text[:300]) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: errors.append(str(error)[:300]))
    return errors


def audit(page, base: str, paths) -> dict[str, list[str]]:
    """axe's blocking findings and the errors logged, for each page that has any."""
    errors, report = logged_errors(page), {}
    for path in paths:
        page.goto(f"{base}{path}")
        settled(page)
        report[path] = blocking_violations(page) + [f"console: {e}" for e in errors]
        errors.clear()
    return {path: found for path, found in report.items() if found}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("role", sorted(ROLES))
def test_no_serious_violation_on_any_page(page, live, supervisor, role, lang):
    log_in_browser(page, live.url, ROLES[role])
    page.goto(f"{live.url}/language/{lang}?next=/")
    settled(page)
    expect(page.locator(f"div[lang={lang}] > #page-content")).to_have_count(1)
    paths = (*PAGES, f"/clients/{live.stale}", f"/clients/{live.foreign}")  # a page, not found
    assert audit(page, live.url, paths) == {}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_log_in_page_has_no_serious_violation(page, live, lang):
    page.goto(f"{live.url}/language/{lang}?next=/")
    page.wait_for_selector("#login-email")
    assert blocking_violations(page) == []


def test_the_decision_panel_works_with_the_keyboard(page, live, own_client):
    log_in_browser(page, live.url)
    page.goto(f"{live.url}/clients/{own_client}")
    page.wait_for_selector("#client-decision-submit")
    settled(page)
    # Into the choice from the element before it, then along the choices with the arrows.
    page.locator("#client-decision-card legend").click()
    choices = page.locator("#client-decision input[type=radio]")
    first_id = choices.first.get_attribute("id")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == first_id
    page.keyboard.press("Space")
    expect(choices.first).to_be_checked()
    # Tab leaves the radio group for the justification, then reaches the button.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "client-justification"
    page.keyboard.type("Garant solvable, CDI confirmé par l'employeur")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "client-decision-submit"
    page.keyboard.press("Enter")
    expect(page.locator("#client-decision-ok")).to_be_visible()
    expect(page.locator("#client-history-table tbody tr[data-kind=decision]")).to_have_count(1)
