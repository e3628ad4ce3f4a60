"""Log-out in a real browser: the log-in page says the session ended, in the reader's language,
and the pages are closed to that browser afterwards (issue 10 §5, issue 11 §3)."""

from __future__ import annotations

import pytest
from dashboard_helpers import PASSWORD, log_in_browser
from sqlalchemy import delete

from app.database import current_database
from app.models import WebSession


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "Vous êtes déconnecté(e)."), ("en", "You have been logged out.")],
)
def test_log_out_says_the_session_ended(context, live, lang, words):
    context.add_cookies([{"name": "lang", "value": lang, "url": live.url}])
    page = context.new_page()
    log_in_browser(page, live.url)
    page.click("#nav-logout")
    page.wait_for_selector("#login-notice")
    assert page.inner_text("#login-notice") == words
    assert page.locator("#login-error").count() == 0
    page.goto(f"{live.url}/clients/{live.fresh}")
    page.wait_for_selector("#login-email")  # back to the log-in form, nothing of the client
    assert "/login" in page.url and page.locator("#login-notice").count() == 0


def test_an_open_page_goes_to_the_log_in_when_its_session_has_ended(context, live):
    page = context.new_page()
    log_in_browser(page, live.url)
    page.wait_for_selector("#portfolio-grid .ag-row a")
    # The session ends on the server (idle, lifetime, log-out elsewhere, deactivation).
    with live.app.app_context(), current_database().transaction() as session:
        session.execute(delete(WebSession))
    page.click("#portfolio-stale")  # the next callback is refused with 401
    page.wait_for_selector("#login-email")
    assert page.url.endswith("/login?next=%2F")
    page.fill("#login-email", "adviser@bank.example")
    page.fill("#login-password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_selector("#portfolio-grid .ag-row a")  # back where the reader was
