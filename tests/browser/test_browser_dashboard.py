"""The dashboard in headless Chromium: what an adviser sees matches what the API serves."""

from __future__ import annotations

import re

import pytest
from dashboard_helpers import log_in_browser
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

GAUGE = "#client-gauge .js-plotly-plot"
RED, GREEN = "rgb(192, 57, 43)", "rgb(30, 122, 68)"  # figures.RISK_UP / RISK_DOWN (#1e7a44)


def api_score(page, base: str, client_id: str) -> dict:
    """The API's answer for this client, with a token of the same adviser."""
    login = page.request.post(
        f"{base}/api/v1/auth/login",
        data={"email": "adviser@bank.example", "password": "Correct-Horse-42"},
    )
    assert login.status == 200
    token = login.json()["access_token"]
    answer = page.request.get(
        f"{base}/api/v1/clients/{client_id}/score", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status == 200
    return answer.json()


def gauge_value(page, selector: str = GAUGE) -> float:
    return page.eval_on_selector(selector, "el => el.data[0].value")


def open_client(page, base: str, client_id: str) -> None:
    page.goto(f"{base}/clients/{client_id}")
    page.wait_for_selector(f"{GAUGE} .main-svg")
    page.wait_for_selector("#client-contribution-list li")


def portfolio_total(page) -> str:
    return page.inner_text("#portfolio-total")


def test_log_in_filter_and_open_a_client(adviser_page, live):
    page = adviser_page
    page.wait_for_selector("#portfolio-grid .ag-row a")
    assert page.inner_text("#nav-user").strip() == "adviser@bank.example"
    assert portfolio_total(page) == "8 clients"
    assert live.foreign not in page.content()
    page.fill("#portfolio-income-min", "40000")
    page.press("#portfolio-income-min", "Enter")
    expect(page.locator("#portfolio-total")).to_have_text("3 clients")
    page.fill("#portfolio-income-min", "")
    page.press("#portfolio-income-min", "Enter")
    page.check("#portfolio-stale")
    expect(page.locator("#portfolio-total")).to_have_text("1 client")
    page.click("#portfolio-grid .ag-row a")
    page.wait_for_url(f"**/clients/{live.stale}")
    page.wait_for_selector("#client-stale")
    page.click("#nav-nav_portfolio")  # back to the portfolio: the filter is remembered
    page.wait_for_selector("#portfolio-grid .ag-row a")
    expect(page.locator("#portfolio-total")).to_have_text("1 client")
    assert page.is_checked("#portfolio-stale")


def test_gauge_shows_the_apis_probability(adviser_page, live):
    page = adviser_page
    open_client(page, live.url, live.stale)
    expected = api_score(page, live.url, live.stale)["probability_of_default"]
    assert gauge_value(page) == pytest.approx(100 * expected, abs=1e-9)
    shown = page.text_content("#client-gauge text.number")
    assert shown.replace("\u202f", " ").strip() == f"{100 * expected:.1f} %".replace(".", ",")
    threshold = page.eval_on_selector(GAUGE, "el => el.data[0].gauge.threshold.value")
    assert threshold == pytest.approx(100 * api_score(page, live.url, live.stale)["threshold"])
    badge = page.get_attribute(
        "#client-recommendation [data-recommendation]", "data-recommendation"
    )
    assert badge == api_score(page, live.url, live.stale)["recommendation"]


def test_bars_are_red_and_green_as_the_apis_contributions(adviser_page, live):
    page = adviser_page
    open_client(page, live.url, live.stale)
    contributions = api_score(page, live.url, live.stale)["explanation"]["contributions"]
    signs = {c["feature"]: c["impact"] > 0 for c in contributions}
    assert any(signs.values()) and not all(signs.values())
    for feature, up in signs.items():
        item = f"#client-contribution-{feature}"
        assert page.get_attribute(item, "data-direction") == ("up" if up else "down")
        assert page.inner_text(item).startswith("▲" if up else "▼")
    # The drawn bars: one per feature, filled red when it raises the risk, green otherwise.
    drawn = page.eval_on_selector(
        "#client-contributions .js-plotly-plot",
        """el => {
        const paths = el.querySelectorAll('.bars .point path');
        return el.data[0].customdata.map((f, i) => [f, getComputedStyle(paths[i]).fill]);
    }""",
    )
    assert {f: fill for f, fill in drawn} == {f: RED if up else GREEN for f, up in signs.items()}
    impacts = [
        abs(
            float(
                page.get_attribute(
                    f"#client-contribution-list li:nth-child({i + 1})", "data-impact"
                )
            )
        )
        for i in range(len(signs))
    ]
    assert impacts == sorted(impacts, reverse=True)


def test_stale_alert_only_on_the_stale_client(adviser_page, live):
    page = adviser_page
    open_client(page, live.url, live.stale)
    alert = page.inner_text("#client-stale")
    assert "400 jours" in alert and "mettez ses données à jour" in alert
    open_client(page, live.url, live.fresh)
    page.wait_for_selector("#client-value-age")
    assert page.query_selector("#client-stale") is None
    assert "il y a 10\u00a0jours" in page.inner_text("#client-features")


def test_what_if_change_moves_the_gauge(adviser_page, live):
    page = adviser_page
    page.goto(f"{live.url}/simulator?client={live.stale}")
    expect(page.locator("#simulator-income-input")).to_have_value("21 000")
    page.wait_for_selector("#simulator-gauge .js-plotly-plot .main-svg")
    before = gauge_value(page, "#simulator-gauge .js-plotly-plot")
    page.fill("#simulator-credit_score-input", "800")
    page.press("#simulator-credit_score-input", "Enter")
    page.wait_for_function(  # a function, not a string: the page's CSP forbids eval
        "before => document.querySelector('#simulator-gauge .js-plotly-plot').data[0].value"
        " < before",
        arg=before,
    )
    after = gauge_value(page, "#simulator-gauge .js-plotly-plot")
    assert after < before  # a better credit score lowers the risk (monotone model)


def test_record_a_decision_and_find_it_in_the_history(adviser_page, live, own_client):
    page = adviser_page
    open_client(page, live.url, own_client)  # a referred client awaits review: not live.fresh
    page.wait_for_selector("#client-history-table")
    page.get_by_label("Transmettre pour examen").check()
    page.fill("#client-justification", "Pièces justificatives à vérifier en agence")
    page.click("#client-decision-submit")
    page.wait_for_selector("#client-decision-ok")
    expect(page.locator("#client-history-table")).to_contain_text(
        "Pièces justificatives à vérifier en agence"
    )
    row = page.inner_text("#client-history-table tbody tr:first-child")
    assert "Transmis pour examen" in row


def test_switch_language(adviser_page, live):
    page = adviser_page
    open_client(page, live.url, live.fresh)
    assert page.inner_text("#client-value-income").strip() == "38\u202f000\xa0€"  # CLDR
    page.click("#nav-language")
    page.wait_for_url(f"**/clients/{live.fresh}")
    page.wait_for_selector("#client-value-income")
    assert page.inner_text("#client-value-income").strip() == "€38,000"
    assert page.inner_text("#nav-nav_portfolio").strip() == "My clients"
    assert re.fullmatch(
        r"on \d{1,2} [A-Z][a-z]{2} \d{4} \(10 days ago\)",  # CLDR's English date: 24 Nov 2026
        page.inner_text("#client-features tr:last-child td").strip(),
    )
    page.click("#nav-language")
    page.wait_for_selector("#client-value-income")
    assert page.inner_text("#nav-nav_portfolio").strip() == "Mes clients"


def test_adviser_cannot_open_another_advisers_client(adviser_page, live):
    page = adviser_page
    page.goto(f"{live.url}/clients/{live.foreign}")
    page.wait_for_selector("#client-not-found")
    assert "pas dans votre portefeuille" in page.inner_text("#client-not-found")
    shown = page.inner_text("#page-content").replace("\u202f", "").replace(live.foreign, "")
    assert "77" not in shown  # the foreign client's features never reach the page


DASH_ENDPOINTS = ("/_dash-layout", "/_dash-dependencies")


def test_anonymous_browser_gets_no_data(page, live):
    for path in ("/", f"/clients/{live.fresh}", "/simulator", "/model", "/gdpr", "/admin"):
        page.goto(f"{live.url}{path}")
        assert page.url.startswith(f"{live.url}/login"), path
        assert page.query_selector("#login-email") is not None
        assert live.fresh not in page.content().split("next=")[0]
    for path in DASH_ENDPOINTS:
        answer = page.request.get(f"{live.url}{path}")
        assert answer.status == 401 and answer.json()["error"]["code"] == "login_required"
    answer = page.request.post(
        f"{live.url}/_dash-update-component",
        data={
            "output": "client-features.children",
            "outputs": {"id": "client-features", "property": "children"},
            "inputs": [{"id": "client-id", "property": "data", "value": live.fresh}],
            "changedPropIds": ["client-id.data"],
        },
    )
    assert answer.status == 401
    assert "38" not in answer.text() and "client-value" not in answer.text()


def test_admin_page_is_for_admins(page, live):
    log_in_browser(page, live.url, "admin@bank.example")
    page.goto(f"{live.url}/admin")
    page.wait_for_selector("#admin-audit-table")
    assert "adviser@bank.example" in page.inner_text("#admin-users-table")
    page.context.clear_cookies()
    log_in_browser(page, live.url)
    page.goto(f"{live.url}/admin")
    page.wait_for_selector("#page-forbidden")
    assert page.query_selector("#admin-users-table") is None
