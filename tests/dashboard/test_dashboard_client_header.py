"""The client page in plain words (issue 13 §3): the sticky header's facts, contributions in
risk points with the exact value in a tooltip, and no "log-odds" on any page."""

from __future__ import annotations

import pytest
from dash import html
from dashboard_helpers import add_client, draw_page, find, text_of

from app.callbacks.client import LOAD_OUTPUTS, load_client
from app.callbacks.model import model_page
from app.i18n import format_percent
from app.layouts.cohort_table import cohort_table
from app.layouts.figures import RISK_DOWN, RISK_UP
from app.services import cohorts, decisions, scoring
from app.texts import TEXTS, t

JARGON = ("log-odds", "log odds", "logit", "shap")


def shown(acting, user, client, lang="fr") -> dict:
    with acting(user, lang):
        return dict(zip(LOAD_OUTPUTS, load_client(str(client.id)), strict=True))


def figure_words(figure) -> str:
    bars = figure.data[0] if figure.data else None
    words = [str(figure.layout.xaxis.title.text), str(figure.layout.yaxis.title.text)]
    if bars is not None and getattr(bars, "hovertext", None) is not None:
        words += [*bars.hovertext, *bars.y]
    return " ".join(words)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_header_gives_the_id_probability_advice_freshness_and_review(
    acting, people, book, lang
):
    adviser, client = people["adviser"], book["stale"]
    served = scoring.score_client(client.id, adviser, lang)
    decisions.record_decision(client.id, adviser, "refer", "Transmis pour un second avis.")
    page = shown(acting, adviser, client, lang)
    facts = html.Div(page["client-header-facts.children"])
    assert text_of(find(facts, "client-header-p")) == format_percent(
        served["probability_of_default"], lang
    )
    badge = find(facts, "client-header-badge").to_plotly_json()["props"]
    assert badge["data-recommendation"] == served["recommendation"]
    freshness = find(facts, "client-header-freshness")
    assert freshness.to_plotly_json()["props"]["data-stale"] == "true"
    assert t("header_stale", lang) in text_of(freshness)
    review = find(facts, "client-header-review").to_plotly_json()["props"]
    assert review["data-review"] == "pending"
    with acting(adviser, lang):
        frame = draw_page("app.layouts.client", client_id=str(client.id))
    assert text_of(find(frame, "client-short-id")) == str(client.id)[:8]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_contributions_are_risk_points_with_the_exact_value_in_the_tooltip(
    acting, people, book, lang
):
    adviser, client = people["adviser"], book["stale"]
    page = shown(acting, adviser, client, lang)
    served = scoring.score_client(client.id, adviser, lang)["explanation"]
    impacts = {c["feature"]: c["impact"] for c in served["contributions"]}
    bars = page["client-contributions.figure"].data[0]
    for feature, x, hover in zip(bars.customdata, bars.x, bars.hovertext, strict=True):
        assert x == pytest.approx(100 * impacts[feature])
        assert t("risk_point_other", lang) in hover or t("risk_point_one", lang) in hover
    assert t("impact_axis", lang) == page["client-contributions.figure"].layout.xaxis.title.text
    for item in page["client-contribution-list.children"].children:
        props = item.to_plotly_json()["props"]
        assert (
            t("risk_point_one", lang) in props["title"]
            or t("risk_point_other", lang) in (props["title"])
        )


def test_no_page_text_says_log_odds(acting, people, book):
    for lang, texts in TEXTS.items():
        found = {key: text for key, text in texts.items() if any(j in text.lower() for j in JARGON)}
        assert found == {}, lang
    for lang in ("fr", "en"):
        page = shown(acting, people["adviser"], book["stale"], lang)
        words = " ".join(
            [text_of(v) for k, v in page.items() if not k.endswith(".figure")]
            + [figure_words(v) for k, v in page.items() if k.endswith(".figure") and v.data]
        )
        with acting(people["adviser"], lang):
            words += text_of(model_page(1))
        assert not [j for j in JARGON if j in words.lower()]


def test_percentiles_are_coloured_by_what_they_mean_for_risk():
    shares = {"age": 0.95, "income": 0.05, "seniority": 0.5, "incidents": 0.9, "credit_score": 0.9}
    ties = dict.fromkeys(shares, 0.1)
    comparison = {
        cohort: {"percentiles": shares, "ties": ties, "size": 10}
        for cohort in ("portfolio", "similar")
    }
    table = cohort_table(comparison, "fr")
    risk = {
        name: find(table, f"client-cohort-portfolio-{name}").to_plotly_json()["props"]
        for name in shares
    }
    # A low income and many incidents are on the risky side; a high credit score on the safe
    # side; a middling seniority and age (not monotone) are not coloured.
    assert {name: props["data-risk"] for name, props in risk.items()} == {
        "age": "none",
        "income": "up",
        "seniority": "none",
        "incidents": "up",
        "credit_score": "down",
    }
    assert risk["income"]["style"]["color"] == RISK_UP
    assert risk["credit_score"]["style"]["color"] == RISK_DOWN
    assert text_of(find(table, "client-cohort-portfolio-income")).startswith("▲")
    assert "style" not in risk["age"]


@pytest.mark.parametrize(
    ("lang", "portfolio", "similar", "caption"),
    [
        ("en", 3315, 1, "Portfolio: 3,315 clients · similar: 1 client."),
        ("en", 1, 0, "Portfolio: 1 client · similar: 0 clients."),
        ("fr", 2, 1, "Portefeuille : 2 clients · semblables : 1 client."),
        ("fr", 1200, 0, "Portefeuille : 1\u202f200 clients · semblables : 0 client."),
    ],
)
def test_the_cohort_sizes_say_client_or_clients_as_the_language_does(
    lang, portfolio, similar, caption
):
    shares = dict.fromkeys(("age", "income", "seniority", "incidents", "credit_score"), 0.5)
    ties = dict.fromkeys(shares, 0.0)
    comparison = {
        "portfolio": {"percentiles": shares, "ties": ties, "size": portfolio},
        "similar": {"percentiles": shares, "ties": ties, "size": similar},
    }
    assert caption in text_of(cohort_table(comparison, lang))


def test_the_safest_value_held_is_green_even_when_most_clients_share_it(acting, people):
    """No incident is the safest value there is; most of a portfolio holds it, so its mid-rank
    (share below + half the ties) sits in the middle third. It is green all the same, and the
    most incidents held red; a value everyone holds is not coloured."""
    adviser = people["adviser"]
    base = {"age": 40, "income": 30_000.0, "seniority": 5.0, "credit_score": 650}
    clean = [add_client(adviser, base | {"incidents": 0}) for _ in range(7)]
    risky = [add_client(adviser, base | {"incidents": n}) for n in (1, 2, 5)]
    with acting(adviser, "en"):
        compared = {c.incidents: cohorts.compare(c.id, adviser) for c in (clean[0], risky[-1])}
    # The clean client's mid-rank is in the middle third: the thirds alone would not colour it.
    assert 1 / 3 < compared[0]["portfolio"]["percentiles"]["incidents"] < 2 / 3
    for incidents, expected in ((0, "down"), (5, "up")):
        for cohort in ("portfolio", "similar"):  # same bands: both cohorts are these ten
            shares = compared[incidents][cohort]
            assert shares["size"] == 10
            held = sum(c.incidents == incidents for c in clean + risky) / 10
            assert shares["ties"]["incidents"] == pytest.approx(held)
            cells = cohort_table(compared[incidents], "en")
            cell = find(cells, f"client-cohort-{cohort}-incidents").to_plotly_json()["props"]
            assert cell["data-risk"] == expected
            # Everyone has the same credit score: neither side.
            assert shares["ties"]["credit_score"] == 1.0
            same = find(cells, f"client-cohort-{cohort}-credit_score").to_plotly_json()["props"]
            assert same["data-risk"] == "none"
