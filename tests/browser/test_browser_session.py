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


def persisted_filters(page) -> list[str]:
    """The keys Dash keeps for persisted inputs in the tab's session storage."""
    return page.evaluate(
        "Object.keys(window.sessionStorage).filter(k => k.startsWith('_dash_persistence'))"
    )


@pytest.mark.parametrize("ending", ["log-out", "session ended on the server"])
def test_the_next_person_in_the_same_tab_starts_with_empty_filters(context, live, ending):
    """Filters persist in the tab while one person works; whoever logs in next in that tab
    (a colleague at a shared desk) must not inherit them: they say what the last one looked
    for, and hide clients from the next."""
    page = context.new_page()
    log_in_browser(page, live.url)
    page.wait_for_selector("#portfolio-grid .ag-row a")
    page.select_option("#portfolio-risk", "high")
    page.click("#portfolio-stale")
    page.wait_for_function(
        "Object.keys(window.sessionStorage).filter(k => k.startsWith('_dash_persistence'))"
        ".length >= 2"
    )
    page.reload()  # while the person works, the filters stay
    page.wait_for_selector("#portfolio-grid")
    assert page.input_value("#portfolio-risk") == "high" and page.is_checked("#portfolio-stale")
    if ending == "log-out":
        page.click("#nav-logout")
    else:
        with live.app.app_context(), current_database().transaction() as session:
            session.execute(delete(WebSession))
        page.click("#portfolio-stale")  # the next callback is refused with 401
    page.wait_for_selector("#login-email")
    page.fill("#login-email", "other@bank.example")
    page.fill("#login-password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_selector("#portfolio-grid")
    assert persisted_filters(page) == []
    assert page.input_value("#portfolio-risk") == "all"
    assert not page.is_checked("#portfolio-stale")
