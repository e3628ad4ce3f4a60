"""The human review loop in headless Chromium (issue 13 §1): the adviser refers a client, the
supervisor's queue "À examiner" lists it with the adviser's justification, the supervisor opens
the case and decides, and the adviser reads the answer in the client's history."""

from __future__ import annotations

import pytest
from dashboard_helpers import PASSWORD, log_in_browser
from playwright.sync_api import expect

from app.services.users import create_user, find_by_email
from app.texts import t

pytestmark = pytest.mark.browser

SUPERVISOR = "supervisor@bank.example"
REFERRAL = "Revenus irréguliers : un second regard avant de refuser."
REVIEW = "Dossier relu : incidents récents confirmés, refus maintenu."


@pytest.fixture
def supervisor_page(browser, live):
    with live.app.app_context():
        if find_by_email(SUPERVISOR) is None:
            create_user(SUPERVISOR, "supervisor", PASSWORD)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="fr-FR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in_browser(page, live.url, SUPERVISOR)
    yield page
    context.close()


def open_client(page, base: str, client_id: str) -> None:
    page.goto(f"{base}/clients/{client_id}")
    page.wait_for_selector("#client-history-table")


def test_a_referral_reaches_the_supervisor_and_the_answer_the_adviser(
    adviser_page, supervisor_page, live, own_client
):
    adviser, supervisor = adviser_page, supervisor_page
    open_client(adviser, live.url, own_client)
    adviser.get_by_label(t("decision_refer", "fr"), exact=True).check()
    adviser.fill("#client-justification", REFERRAL)
    adviser.click("#client-decision-submit")
    expect(adviser.locator("#client-decision-ok")).to_be_visible()
    expect(adviser.locator("#client-review-waiting")).to_be_visible()  # now a supervisor's

    supervisor.goto(f"{live.url}/reviews")
    row = supervisor.locator(f"#reviews-queue tr[data-client='{own_client}']")
    expect(row).to_contain_text("Transmis par adviser@bank.example")
    expect(row).to_contain_text(REFERRAL)
    expect(supervisor.locator("#nav-reviews-count")).not_to_be_empty()
    row.get_by_role("link").click()
    expect(supervisor.locator("#client-review-case")).to_contain_text(REFERRAL)
    expect(supervisor.get_by_label(t("decision_refer", "fr"), exact=True)).to_have_count(0)
    supervisor.get_by_label(t("decision_decline", "fr"), exact=True).check()
    supervisor.fill("#client-justification", REVIEW)
    supervisor.click("#client-decision-submit")
    expect(supervisor.locator("#client-decision-ok")).to_be_visible()
    supervisor.goto(f"{live.url}/reviews")
    expect(supervisor.locator("#reviews-summary")).to_be_visible()
    expect(supervisor.locator(f"tr[data-client='{own_client}']")).to_have_count(0)

    open_client(adviser, live.url, own_client)
    answer = t("history_review_answer", "fr", outcome=t("outcome_decline", "fr"))
    answered = adviser.locator("#client-history-table tbody tr[data-kind=decision]").first
    expect(answered).to_contain_text(answer)
    expect(answered).to_contain_text(SUPERVISOR)
    expect(answered).to_contain_text(REVIEW)
    expect(adviser.locator("#client-decision-submit")).to_be_visible()  # the case is closed
