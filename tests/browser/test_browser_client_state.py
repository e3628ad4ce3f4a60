"""The client page v2 in headless Chromium (issue 13 §3-4): the decision within a 1366 x 768
screen and a header that stays on top, two visits storing one score, a rectification that
re-scores, and the client's letter downloaded as a PDF."""

from __future__ import annotations

import uuid

import pytest
from dashboard_helpers import log_in_browser
from playwright.sync_api import expect
from sqlalchemy import func, select

from app.database import current_database
from app.models import ScoreRecord
from app.texts import t

pytestmark = pytest.mark.browser

HEIGHT = 768


def score_records(live, client_id: str) -> int:
    with live.app.app_context():
        query = select(func.count()).select_from(ScoreRecord)
        return current_database().session.scalar(
            query.where(ScoreRecord.client_id == uuid.UUID(client_id))
        )


def open_client(page, live, client_id: str) -> None:
    page.goto(f"{live.url}/clients/{client_id}")
    expect(page.locator("#client-body")).to_be_visible()
    expect(page.locator("#client-header-facts .client-fact")).to_have_count(4)


def test_the_decision_is_in_reach_and_the_header_stays_on_top(page, live, own_client):
    log_in_browser(page, live.url)
    open_client(page, live, own_client)
    submit = page.locator("#client-decision-submit")
    expect(submit).to_be_visible()
    box = submit.bounding_box()
    assert box["y"] + box["height"] <= HEIGHT  # no scrolling on a 1366 x 768 screen
    page.mouse.wheel(0, 1500)
    page.wait_for_function("() => window.scrollY > 400")
    header = page.locator("#client-header").bounding_box()
    assert header["y"] == pytest.approx(0, abs=1)  # stuck to the top of the window
    expect(page.locator("#client-short-id")).to_have_text(own_client[:8])


def test_two_visits_store_one_score(page, live, own_client):
    log_in_browser(page, live.url)
    open_client(page, live, own_client)
    page.goto(f"{live.url}/")
    open_client(page, live, own_client)
    assert score_records(live, own_client) == 1


def test_rectification_rescores_and_refreshes_the_date(page, live, own_client):
    log_in_browser(page, live.url)
    open_client(page, live, own_client)
    before = page.inner_text("#client-header-p")
    page.click("#client-rectify-details summary")
    page.fill("#client-rectify-incidents", "0")
    page.fill("#client-rectify-credit_score", "850")
    page.click("#client-rectify-submit")
    expect(page.locator("#client-rectify-done")).to_be_visible()
    expect(page.locator("#client-value-incidents")).to_have_text("0")
    expect(page.locator("#client-header-p")).not_to_have_text(before)
    assert score_records(live, own_client) == 2
    expect(page.locator("#client-header-freshness")).to_have_attribute("data-stale", "false")


def test_a_bad_value_names_the_field_and_the_rule(page, live, own_client):
    log_in_browser(page, live.url)
    open_client(page, live, own_client)
    page.click("#client-rectify-details summary")
    page.fill("#client-rectify-age", "17")
    page.click("#client-rectify-submit")
    expect(page.locator("#client-rectify-invalid")).to_contain_text("18")
    expect(page.locator("#client-rectify-invalid")).to_contain_text("âge")
    assert score_records(live, own_client) == 1


def test_the_letter_downloads_as_a_pdf(page, live, own_client):
    log_in_browser(page, live.url)
    open_client(page, live, own_client)
    page.get_by_label(t("decision_decline", "fr"), exact=True).check()
    page.click("#client-decision-submit")
    expect(page.locator("#client-decision-ok")).to_be_visible()
    page.select_option("#client-letter-lang", "en")
    with page.expect_download() as download:
        page.click("#client-letter")
    letter = download.value
    assert letter.suggested_filename == f"courrier-{own_client[:8]}-en.pdf"
    with open(letter.path(), "rb") as document:
        assert document.read(5) == b"%PDF-"
    expect(page.locator("#client-letter-refused")).to_have_count(0)
    assert t("letter_button", "fr") in page.inner_text("#client-letter")
