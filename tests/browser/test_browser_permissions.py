"""In a real browser, the client page offers only what its reader may do (services/permissions):
the decision form for the client's adviser, not for a supervisor on a client outside the review
queue; and drawing the form is not taken for a press of its button."""

from __future__ import annotations

from dashboard_helpers import PASSWORD, log_in_browser
from playwright.sync_api import expect

from app.services.users import create_user, find_by_email

SUPERVISOR = "supervisor@bank.example"


def open_client(page, base: str, client_id: str) -> None:
    page.goto(f"{base}/clients/{client_id}")
    page.wait_for_selector("#client-recommendation-badge")
    page.wait_for_selector("#client-rights-actions button")


def test_the_adviser_gets_the_form_and_no_message_before_pressing(page, live):
    log_in_browser(page, live.url)
    open_client(page, live.url, live.fresh)
    expect(page.locator("#client-decision-submit")).to_be_visible()
    expect(page.locator("#client-export")).to_be_visible()
    # Once no callback is in flight (Dash marks what it is updating), none answered a press.
    page.wait_for_selector("#client-history table")
    page.wait_for_function("!document.querySelector('[data-dash-is-loading=\"true\"]')")
    expect(page.locator("#client-decision-feedback")).to_be_empty()


def test_a_supervisor_sees_no_decision_form_outside_the_review_queue(page, live):
    with live.app.app_context():
        if find_by_email(SUPERVISOR) is None:
            create_user(SUPERVISOR, "supervisor", PASSWORD)
    log_in_browser(page, live.url, SUPERVISOR)
    open_client(page, live.url, live.fresh)
    expect(page.locator("#client-decision-form")).to_contain_text("réexamen humain")
    expect(page.locator("#client-decision-submit")).to_have_count(0)
    expect(page.locator("#client-export")).to_be_visible()
