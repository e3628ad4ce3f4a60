"""The client page in headless Chromium, in French and in English (issue 10 §1-§2): every client
draws, an unknown client is a clean page, a failure says so, the words agree with the numbers."""

from __future__ import annotations

import pytest
from dashboard_helpers import GOOD, add_client, log_in_browser
from playwright.sync_api import expect

from app.services import cohorts, explanations, scoring
from app.texts import t

pytestmark = pytest.mark.browser

LANGS = ["fr", "en"]
GAUGE = "#client-gauge .js-plotly-plot"
# Edge clients: the open top income band, the schema's ends (age, incidents, income 0).
EDGES = {
    "top_income": GOOD | {"income": 1_000_000.0},
    "band_edge": GOOD | {"income": 100_000.0, "age": 18, "seniority": 4.0},
    "oldest": GOOD | {"age": 100, "seniority": 86.0, "income": 0.0},
    "incidents": GOOD | {"incidents": 100, "credit_score": 300},
}


def as_reader(page, live, lang: str, email: str = "adviser@bank.example") -> None:
    log_in_browser(page, live.url, email)
    page.context.add_cookies([{"name": "lang", "value": lang, "url": live.url}])


def other_advisers_client(live, values: dict) -> str:
    """A client of the second adviser: the first adviser's portfolio counts stay as they are."""
    from app.services.users import find_by_email

    with live.app.app_context():
        return str(add_client(find_by_email("other@bank.example"), values).id)


def open_client(page, live, client_id: str) -> None:
    page.goto(f"{live.url}/clients/{client_id}")
    expect(page.locator("#client-body")).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_edge_clients_draw_whole_with_one_gauge_scale_and_its_legend(page, live, lang):
    ids = {name: other_advisers_client(live, values) for name, values in EDGES.items()}
    as_reader(page, live, lang, "other@bank.example")
    for name, client_id in ids.items():
        open_client(page, live, client_id)
        page.wait_for_selector(f"{GAUGE} .main-svg")
        expect(page.locator("#client-cohorts table")).to_be_visible()
        expect(page.locator("#page-error")).to_have_count(0)
        axis = page.eval_on_selector(GAUGE, "el => el.data[0].gauge.axis.range")
        assert axis == [0, 100], name
        legend = page.text_content(f"{GAUGE} .annotation")
        for advice in ("favourable", "review", "unfavourable"):
            assert t(f"reco_{advice}", lang) in legend, name


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_or_foreign_client_is_a_clean_not_found_page(page, live, lang):
    as_reader(page, live, lang)
    unknown = "0badc0de-0000-4000-8000-000000000000"
    for client_id in (live.foreign, unknown):
        page.goto(f"{live.url}/clients/{client_id}")
        expect(page.locator("#client-not-found")).to_have_text(t("client_not_found", lang))
        expect(page.locator("#client-back")).to_have_text(t("back_to_portfolio", lang))
        for part in ("#client-export", "#client-review-record", "#client-gauge", "#client-body"):
            expect(page.locator(part)).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
def test_a_failing_callback_replaces_the_page_by_a_message(page, live, lang, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("cohorts down")

    as_reader(page, live, lang)
    monkeypatch.setattr(cohorts, "compare", broken)
    page.goto(f"{live.url}/clients/{live.fresh}")
    error = page.locator("#page-error")
    expect(error).to_contain_text(t("callback_failed", lang, ref="")[:40])
    expect(error).to_contain_text(t("reload_page", lang))
    expect(page.locator("#client-body")).to_have_count(0)  # nothing half drawn


@pytest.mark.parametrize("lang", LANGS)
def test_the_model_switched_off_is_a_card_without_the_advice_banner(page, live, lang):
    from app.services import oversight
    from app.services.users import find_by_email

    as_reader(page, live, lang)
    open_client(page, live, live.fresh)
    expect(page.locator("#decision-aid-banner")).to_be_visible()
    with live.app.app_context():
        oversight.set_model_enabled(False, find_by_email("admin@bank.example"))
    try:
        open_client(page, live, live.fresh)
        card = page.locator("#client-model-off-card")
        expect(card).to_contain_text(t("model_off_title", lang))
        expect(card).to_contain_text(t("model_off_text", lang))
        expect(page.locator("#client-gauge")).to_be_hidden()
        expect(page.locator("#client-why-card")).to_be_hidden()  # no empty bars
        expect(page.locator("#client-cohorts table")).to_be_visible()
        expect(page.locator("#decision-aid-banner")).to_have_count(0)
    finally:
        with live.app.app_context():
            oversight.set_model_enabled(True, find_by_email("admin@bank.example"))


@pytest.mark.parametrize(
    ("lang", "zero"),
    [("fr", "0 point de risque (sans effet notable)"), ("en", "0 risk points (no notable effect)")],
)
def test_an_impact_shown_as_zero_reads_no_notable_effect(page, live, lang, zero, monkeypatch):
    real = scoring.score_client

    def age_barely_matters(*args, **kwargs):
        scored = real(*args, **kwargs)
        explanation = scored["explanation"]
        row = [c["value"] for c in explanation["contributions"]]
        impacts = [
            0.003 if c["feature"] == "age" else c["impact"] for c in explanation["contributions"]
        ]
        explanation["contributions"] = explanations.contributions(row, impacts)
        return scored

    monkeypatch.setattr(scoring, "score_client", age_barely_matters)
    as_reader(page, live, lang)
    open_client(page, live, live.stale)
    item = page.locator("#client-contribution-age")
    expect(item).to_have_attribute("data-direction", "none")
    expect(item).to_contain_text(zero)
    # Plotly draws the bars after the list is in the page: wait for the chart's data.
    bars = "#client-contributions .js-plotly-plot"
    page.wait_for_function(f"() => document.querySelector('{bars}')?.data?.[0]?.y?.length === 5")
    labels = page.eval_on_selector(bars, "el => el.data[0].y")
    assert any(label.startswith("●") for label in labels)


@pytest.mark.parametrize("lang", LANGS)
def test_the_portfolio_and_the_client_page_use_the_same_word(page, live, lang):
    as_reader(page, live, lang)
    page.goto(f"{live.url}/")
    page.wait_for_selector("#portfolio-grid .ag-row a")
    words = {t(f"reco_{a}", lang) for a in ("favourable", "review", "unfavourable")}
    link = page.locator(f"a[href='/clients/{live.stale}']")  # within the row: relative
    index = page.locator("#portfolio-grid .ag-row", has=link).get_attribute("row-index")
    band = f"#portfolio-grid .ag-center-cols-container [row-index='{index}'] [col-id='band']"
    word = page.locator(band).inner_text().strip()
    assert word in words
    open_client(page, live, live.stale)
    expect(page.locator("#client-recommendation-badge")).to_have_text(word)
