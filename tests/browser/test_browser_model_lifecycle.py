"""The model page's approval section in headless Chromium (issue 12 §1): every callback's inputs
are on the page together (Dash refuses a callback whose inputs are half present), the admin's
press asks first, and the answer comes back in the page's language."""

from __future__ import annotations

import pytest
from dashboard_helpers import log_in_browser
from playwright.sync_api import expect

from app.texts import t

pytestmark = pytest.mark.browser


def test_the_admin_sees_the_versions_and_an_approval_asks_first(page, live):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    log_in_browser(page, live.url, "admin@bank.example")
    page.goto(f"{live.url}/model")
    table = page.locator("#model-lc-table")
    expect(table).to_contain_text(t("lc_role_active", "fr"))
    expect(table).to_contain_text(t("lc_system", "fr"))  # approved automatically (testing)
    active = page.locator("#model-lc-table tbody tr").first.get_attribute("data-version")
    page.select_option("#model-lc-version", active)
    page.fill("#model-lc-note", "Rapport de validation lu.")
    page.click("#model-lc-approve")
    expect(page.locator("#model-lc-modal-body")).to_contain_text(active)
    page.click("#model-lc-confirm")
    expect(page.locator("#model-lc-error")).to_have_text(t("lc_error_already_approved", "fr"))
    assert not [e for e in errors if "nonexistent object" in e], errors


def test_an_adviser_sees_the_approvals_without_the_controls(adviser_page, live):
    adviser_page.goto(f"{live.url}/model")
    expect(adviser_page.locator("#model-lc-table")).to_contain_text(t("lc_role_active", "fr"))
    expect(adviser_page.locator("#model-lc-controls")).to_have_count(0)
