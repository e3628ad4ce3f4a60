"""The decision form and the simulator in headless Chromium, in French and in English: the form
empties after saving and shows the decision in force, a repeat asks first, the slider follows
the field, an invalid field clears the gauge, and nothing leaves an empty column at 1366 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

REAL = "Garant solvable, CDI confirmé"
WORDS = {
    "fr": {
        "approve": "Accorder",
        "approved": "Accordé",
        "rule": "20 caractères au moins",
        "age": "L'âge doit être compris entre 18 et 100 ans.",
        "income": "38 000",
        "stale": "Données anciennes",
    },
    "en": {
        "approve": "Approve",
        "approved": "Approved",
        "rule": "at least 20 characters",
        "age": "Age must be between 18 and 100 years.",
        "income": "38,000",
        "stale": "Old data",
    },
}


def in_language(page, base: str, lang: str, path: str) -> None:
    page.goto(f"{base}/language/{lang}?next={path}")


def open_client(page, base: str, lang: str, client_id: str) -> None:
    in_language(page, base, lang, f"/clients/{client_id}")
    page.wait_for_selector("#client-gauge .js-plotly-plot .main-svg")
    page.wait_for_selector("#client-history-table")
    page.wait_for_selector("#client-decision-submit")


def decisions_in_history(page) -> int:
    return page.locator("#client-history-table tbody tr[data-kind=decision]").count()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_form_empties_after_saving_and_shows_the_decision_in_force(
    adviser_page, live, own_client, lang
):
    page, words = adviser_page, WORDS[lang]
    open_client(page, live.url, lang, own_client)
    page.get_by_label(words["approve"], exact=True).check()  # against the unfavourable advice
    page.fill("#client-justification", "ok")
    page.click("#client-decision-submit")
    expect(page.locator("#client-decision-error")).to_contain_text(words["rule"])
    assert decisions_in_history(page) == 0
    # Justified this time. (A referral would hand the client to a supervisor: no form then.)
    page.fill("#client-justification", REAL)
    page.click("#client-decision-submit")
    expect(page.locator("#client-decision-ok")).to_be_visible()
    expect(page.locator("#client-justification")).to_have_value("")
    expect(page.locator("#client-decision input[type=radio]:checked")).to_have_count(0)
    current = page.locator("#client-current-decision")
    expect(current).to_contain_text(words["approved"])
    expect(current).to_contain_text("adviser@bank.example")
    expect(page.locator("#client-history-table tbody tr[data-kind=decision]")).to_have_count(1)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_same_decision_again_asks_for_confirmation(adviser_page, live, own_client, lang):
    page, words = adviser_page, WORDS[lang]
    open_client(page, live.url, lang, own_client)
    for attempt in range(2):  # not "refer": a referred client is then a supervisor's case
        page.get_by_label(words["approve"], exact=True).check()  # against the advice: justified
        page.fill("#client-justification", REAL)
        page.click("#client-decision-submit")
        if attempt == 0:
            expect(page.locator("#client-decision-ok")).to_be_visible()
            expect(page.locator("#client-justification")).to_have_value("")  # form emptied
    expect(page.locator("#client-decision-repeat")).to_contain_text(words["approved"])
    assert decisions_in_history(page) == 1  # not stored a second time without asking
    page.click("#client-decision-confirm")
    expect(page.locator("#client-decision-ok")).to_be_visible()
    expect(page.locator("#client-history-table tbody tr[data-kind=decision]")).to_have_count(2)


def slider_value(page, name: str) -> float:
    return float(page.get_attribute(f"#simulator-{name} [role=slider]", "aria-valuenow"))


def gauge_traces(page) -> int:
    return page.eval_on_selector("#simulator-gauge .js-plotly-plot", "el => el.data.length")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_slider_follows_the_field_and_an_invalid_field_clears_the_gauge(
    adviser_page, live, lang
):
    page, words = adviser_page, WORDS[lang]
    in_language(page, live.url, lang, f"/simulator?client={live.fresh}")
    expect(page.locator("#simulator-income-input")).to_have_value(words["income"])
    page.wait_for_selector("#simulator-gauge .js-plotly-plot .main-svg")
    page.fill("#simulator-age-input", "150")
    page.press("#simulator-age-input", "Tab")
    expect(page.locator("#simulator-invalid")).to_contain_text(words["age"])
    page.wait_for_function(
        "() => document.querySelector('#simulator-gauge .js-plotly-plot').data.length === 0"
    )
    assert page.locator("#simulator-recommendation-badge").count() == 0
    expect(page.locator("#simulator-age [role=slider]")).to_have_attribute("aria-valuenow", "100")
    page.fill("#simulator-age-input", "42")
    page.press("#simulator-age-input", "Tab")
    typed = "55 000" if lang == "fr" else "55,000"
    page.fill("#simulator-income-input", typed)
    page.press("#simulator-income-input", "Tab")
    expect(page.locator("#simulator-income [role=slider]")).to_have_attribute(
        "aria-valuenow", "55000"
    )
    expect(page.locator("#simulator-invalid")).to_have_count(0)
    expect(page.locator("#simulator-recommendation-badge")).to_be_visible()
    assert gauge_traces(page) == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_reset_and_the_stale_warning(adviser_page, live, lang):
    page, words = adviser_page, WORDS[lang]
    in_language(page, live.url, lang, f"/simulator?client={live.stale}")
    expect(page.locator("#simulator-stale-alert")).to_contain_text(words["stale"])
    expect(page.locator("#simulator-credit_score-input")).to_have_value("560")
    page.fill("#simulator-credit_score-input", "800")
    page.press("#simulator-credit_score-input", "Tab")
    expect(page.locator("#simulator-credit_score [role=slider]")).to_have_attribute(
        "aria-valuenow", "800"
    )
    page.click("#simulator-reset")
    expect(page.locator("#simulator-credit_score-input")).to_have_value("560")
    expect(page.locator("#simulator-credit_score [role=slider]")).to_have_attribute(
        "aria-valuenow", "560"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_empty_column_at_1366_px(adviser_page, live, lang):
    page = adviser_page
    in_language(page, live.url, lang, f"/simulator?client={live.fresh}")
    page.wait_for_selector("#simulator-contributions .js-plotly-plot .main-svg")
    inputs, advice, why = (
        page.locator(f"#simulator-{name}-card").bounding_box()
        for name in ("inputs", "advice", "why")
    )
    assert page.viewport_size["width"] == 1366
    # The two cards side by side end together; the explanation spans both below them.
    assert abs((inputs["y"] + inputs["height"]) - (advice["y"] + advice["height"])) < 2
    assert why["y"] >= inputs["y"] + inputs["height"]
    assert abs(why["x"] - inputs["x"]) < 2
    assert abs((why["x"] + why["width"]) - (advice["x"] + advice["width"])) < 2
