"""Rights and oversight in headless Chromium, under the real Content-Security-Policy: the JSON
export downloads, the review request shows, the kill switch banner and manual review appear and
go, and no CSP violation is reported on the way."""

from __future__ import annotations

import json

import pytest
from dashboard_helpers import log_in_browser
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def csp_errors(page):
    """Console messages about blocked content, collected for the whole test."""
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return errors


def open_client(page, base: str, client_id: str) -> None:
    page.goto(f"{base}/clients/{client_id}")
    page.wait_for_selector("#client-recommendation-badge")


def test_the_client_page_exports_the_clients_json(page, live, csp_errors, tmp_path):
    log_in_browser(page, live.url)
    open_client(page, live.url, live.fresh)
    expect(page.locator("#decision-aid-banner")).to_contain_text("le conseiller décide")
    with page.expect_download() as info:
        page.click("#client-export")
    download = info.value
    assert download.suggested_filename == f"client-{live.fresh}.json"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["client_id"] == live.fresh
    assert document["scores"] and document["scores"][-1]["explanation"]["contributions"]
    # Rendering the page never records a review request by itself (only a press does).
    assert document["review_requested_at"] is None
    assert csp_errors == []


def test_a_review_request_shows_on_the_client(page, live, csp_errors):
    log_in_browser(page, live.url)
    open_client(page, live.url, live.stale)
    page.click("#client-review-record")
    expect(page.locator("#client-review-open")).to_contain_text("réexamen humain")
    expect(page.locator("#client-review-record")).to_be_disabled()
    page.reload()
    page.wait_for_selector("#client-review-open")  # recorded, not just displayed
    assert csp_errors == []


def test_the_kill_switch_from_the_admin_page_to_the_adviser(page, live, csp_errors):
    log_in_browser(page, live.url, "admin@bank.example")
    page.goto(f"{live.url}/admin")
    page.wait_for_selector("#admin-model-state[data-enabled='true']")
    try:
        page.click("#admin-model-off")
        expect(page.locator("#admin-switch-modal")).to_contain_text("Désactiver le modèle ?")
        page.click("#admin-switch-confirm")  # the press only asked; the confirmation switches
        page.wait_for_selector("#admin-model-state[data-enabled='false']")
        expect(page.locator("#model-off-alert")).to_be_visible()  # at once, on this page
        page.context.clear_cookies()
        log_in_browser(page, live.url)
        expect(page.locator("#model-off-alert")).to_be_visible()  # on the portfolio
        open_client(page, live.url, live.fresh)
        expect(page.locator("#client-recommendation-badge")).to_contain_text("Examen manuel")
        expect(page.locator("#client-model-off-card")).to_contain_text("Le modèle est désactivé")
        expect(page.locator("#client-gauge")).to_be_hidden()  # a card, not a blank gauge
        expect(page.locator("#decision-aid-banner")).to_have_count(0)
        expect(page.locator("#model-off-alert")).to_be_visible()
    finally:
        with live.app.app_context():
            from app.models import User
            from app.services import oversight
            from app.services.users import find_by_email

            admin = find_by_email("admin@bank.example")
            assert isinstance(admin, User)
            oversight.set_model_enabled(True, admin)
    open_client(page, live.url, live.fresh)
    expect(page.locator("#model-off-alert")).to_have_count(0)
    expect(page.locator("#client-recommendation-badge")).not_to_contain_text("Examen manuel")
    assert csp_errors == []


def test_an_open_page_says_when_the_database_stops_answering(page, live, monkeypatch):
    """A callback answered 503 shows the notice; the next answered one hides it."""
    from sqlalchemy.exc import OperationalError

    log_in_browser(page, live.url)
    expect(page.locator("#outage-notice")).to_be_hidden()

    def unreachable():
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("database is down"))

    monkeypatch.setattr("app.callbacks.oversight.oversight.model_enabled", unreachable)
    page.click("#nav-nav_gdpr")  # navigation fires the banner callback, which now fails
    expect(page.locator("#outage-notice")).to_be_visible()
    expect(page.locator("#outage-notice")).to_contain_text("La base de données ne répond pas")
    monkeypatch.undo()
    page.click("#nav-nav_portfolio")
    expect(page.locator("#outage-notice")).to_be_hidden()
