"""Client page callbacks as plain functions: the advice, the explanation, the decision."""

from __future__ import annotations

import pytest
from dash import html, no_update
from dash.exceptions import PreventUpdate
from dashboard_helpers import add_client, find, text_of

from app.callbacks.client import LOAD_OUTPUTS, history_view, load_client
from app.callbacks.decision import record
from app.layouts.figures import RISK_DOWN, RISK_UP
from app.services import decisions, scoring
from app.services.policy import policy_for
from app.texts import t

OUT = {name.split(".")[0]: i for i, name in enumerate(LOAD_OUTPUTS)}


def load(acting, user, client, lang="fr"):
    with acting(user, lang):
        return load_client(str(client.id))


def test_gauge_shows_the_scored_probability_and_marks_the_threshold(acting, people, book):
    result = load(acting, people["adviser"], book["fresh"])
    expected = scoring.score_features(book["fresh"].features())
    indicator = result[OUT["client-gauge"]].data[0]
    assert indicator.value == pytest.approx(100 * expected["probability_of_default"])
    assert indicator.gauge.threshold.value == pytest.approx(100 * expected["threshold"])
    policy = policy_for(expected["threshold"])
    steps = indicator.gauge.steps
    assert steps[0].range[1] == pytest.approx(100 * policy.lower)
    assert steps[1].range[1] == pytest.approx(100 * policy.upper)
    badge = result[OUT["client-recommendation"]]
    assert badge.to_plotly_json()["props"]["data-recommendation"] == expected["recommendation"]


def test_recommendation_is_in_words_and_colour(acting, people, book):
    result = load(acting, people["adviser"], book["stale"])
    badge = result[OUT["client-recommendation"]].children
    reco = result[OUT["client-recommendation"]].to_plotly_json()["props"]["data-recommendation"]
    assert (
        badge.color
        == {"favourable": "success", "review": "warning", "unfavourable": "danger"}[reco]
    )
    assert text_of(badge).strip() in ("Favorable", "À examiner", "Défavorable")


def test_bars_are_red_up_or_green_down_and_sorted_by_impact(acting, people, book):
    result = load(acting, people["adviser"], book["stale"])
    bars = result[OUT["client-contributions"]].data[0]
    impacts = list(bars.x)
    assert [abs(v) for v in impacts] == sorted(abs(v) for v in impacts)  # strongest on top
    assert any(v > 0 for v in impacts) and any(v < 0 for v in impacts)
    for impact, colour, label in zip(impacts, bars.marker.color, bars.y, strict=True):
        assert (colour, label[0]) == ((RISK_UP, "▲") if impact > 0 else (RISK_DOWN, "▼"))
    items = result[OUT["client-contribution-list"]].children
    # The list carries the API's impacts; the bars are in risk points (100 x impact).
    shown = [100 * float(i.to_plotly_json()["props"]["data-impact"]) for i in items]
    assert shown == pytest.approx(impacts[::-1])
    for item in items:
        props = item.to_plotly_json()["props"]
        assert props["data-direction"] == ("up" if float(props["data-impact"]) > 0 else "down")


def test_reasons_and_counterfactual_are_plain_language(acting, people, book):
    result = load(acting, people["adviser"], book["stale"])
    reasons = [text_of(li) for li in result[OUT["client-reasons"]]]
    assert reasons and all("risque" in r for r in reasons)
    counterfactual = result[OUT["client-counterfactual"]]
    expected = scoring.score_features(book["stale"].features())["explanation"]["counterfactual"]
    assert counterfactual == (expected.get("text") or expected.get("message"))


@pytest.mark.parametrize(("which", "stale"), [("stale", True), ("fresh", False)])
def test_stale_alert_only_on_stale_data(acting, people, book, which, stale):
    alert = load(acting, people["adviser"], book[which])[OUT["client-stale-alert"]]
    if not stale:
        assert alert is None
        return
    assert alert.id == "client-stale" and alert.color == "warning"
    text = text_of(alert)
    assert "400 jours" in text and "183" in text and "mettez ses données à jour" in text


def test_client_card_has_units_and_data_date(acting, people, book):
    table = load(acting, people["adviser"], book["fresh"])[OUT["client-features"]]
    assert text_of(find(table, "client-value-age")) == "42 ans"
    assert text_of(find(table, "client-value-income")) == "38\u202f000\xa0€"
    assert text_of(find(table, "client-value-seniority")) == "6,5 ans"
    assert "il y a 10\u00a0jours" in text_of(table)
    table = load(acting, people["adviser"], book["fresh"], "en")[OUT["client-features"]]
    assert text_of(find(table, "client-value-income")) == "€38,000"
    assert text_of(find(table, "client-value-age")) == "42 years"


@pytest.mark.parametrize(
    ("days", "lang", "words"),
    [
        (0, "fr", "(aujourd'hui)"),
        (1, "fr", "(il y a 1\u00a0jour)"),
        (2, "fr", "(il y a 2\u00a0jours)"),
        (0, "en", "(today)"),
        (1, "en", "(1 day ago)"),
        (2, "en", "(2 days ago)"),
    ],
)
def test_the_data_age_reads_as_the_language_says_it(acting, people, days, lang, words):
    """Updated today, yesterday or before: the card and the sticky header say it in words, in
    the count's plural ("1 jour", never "1 jours"; never "il y a 0 jour")."""
    client = add_client(people["adviser"], age_days=days)
    shown = load(acting, people["adviser"], client, lang)
    assert words in text_of(shown[OUT["client-features"]])
    assert words in text_of(html.Div(shown[OUT["client-header-facts"]]))


def test_cohorts_place_the_client_and_mark_it_on_the_distribution(acting, people, book):
    load(acting, people["adviser"], book["stale"])  # scored clients enter the distribution
    result = load(acting, people["adviser"], book["fresh"])
    text = text_of(result[OUT["client-cohorts"]])
    assert "Portefeuille : 2 clients" in text
    figure = result[OUT["client-distribution"]]
    assert sum(figure.data[0].y) == 2  # both clients of this portfolio, not the foreign one
    marker = figure.layout.shapes[0]
    assert marker.x0 == pytest.approx(100 * book["fresh"].probability)


def test_another_advisers_client_gives_no_data(acting, people, book):
    result = load(acting, people["adviser"], book["foreign"])
    assert result[OUT["client-error"]].id == "client-not-found"
    for name in (
        "client-recommendation",
        "client-features",
        "client-reasons",
        "client-counterfactual",
        "client-cohorts",
        "client-contribution-list",
    ):
        assert result[OUT[name]] is None
    for name in ("client-gauge", "client-contributions", "client-distribution"):
        assert result[OUT[name]]["data"] == []
    with acting(people["adviser"]):
        assert history_view(str(book["foreign"].id), 0) == (None, None)
    assert book["foreign"].probability is None  # nothing was scored on the adviser's behalf


def test_anonymous_callbacks_do_nothing(acting, book):
    with acting(None), pytest.raises(PreventUpdate):
        load_client(str(book["fresh"].id))
    with acting(None), pytest.raises(PreventUpdate):
        history_view(str(book["fresh"].id), 0)
    with acting(None), pytest.raises(PreventUpdate):
        record(1, "approve", "x", str(book["fresh"].id), 0)


def test_admin_sees_no_client_data(acting, people, book):
    result = load(acting, people["admin"], book["fresh"])
    assert result[OUT["client-error"]].id == "client-not-found"


def test_decision_against_the_advice_needs_a_justification(acting, people, book):
    client = book["stale"]
    load(acting, people["adviser"], client)  # scores the client
    reco = decisions.latest_score(client.id).recommendation
    against = {"favourable": "decline", "unfavourable": "approve"}.get(reco)
    if against is None:
        pytest.fail(f"the risky client should not be 'review' with this model ({reco})")
    with acting(people["adviser"]):
        feedback, refresh = record(1, against, "  ", str(client.id), 3)
    assert feedback.id == "client-decision-error" and refresh is no_update
    assert text_of(feedback) == t("justification_too_short", "fr", minimum=20, length=0)
    with acting(people["adviser"]):
        feedback, refresh = record(1, against, "Justificatifs récents fournis", str(client.id), 3)
    assert feedback.id == "client-decision-ok" and refresh == 4


def test_recorded_decision_appears_in_the_history(acting, people, book):
    client = book["fresh"]
    load(acting, people["adviser"], client)
    with acting(people["adviser"]):
        record(1, "refer", "Dossier à compléter", str(client.id), 0)
        table = history_view(str(client.id), 1)
    text = text_of(table)
    assert "Transmis pour examen" in text and "Dossier à compléter" in text
    assert "Score" in text


def test_no_decision_chosen_is_a_warning(acting, people, book):
    with acting(people["adviser"]):
        feedback, refresh = record(1, None, "", str(book["fresh"].id), 2)
    assert feedback.color == "warning" and refresh is no_update


def test_adviser_cannot_decide_on_another_advisers_client(acting, people, book):
    with acting(people["other"]):
        load_client(str(book["foreign"].id))  # its own adviser scores it
    with acting(people["adviser"]):
        feedback, refresh = record(1, "approve", "because", str(book["foreign"].id), 0)
    assert feedback.id == "client-decision-error" and refresh is no_update
    with acting(people["other"]):
        assert "because" not in text_of(history_view(str(book["foreign"].id), 0))


@pytest.mark.parametrize("probability", [0.02, 0.3, 0.97])
def test_gauge_axis_always_shows_the_needle(probability):
    from app.layouts.figures import gauge

    axis = gauge(probability, 0.08, 0.064, 0.096, "fr").data[0].gauge.axis.range
    assert axis[0] == 0 and axis[1] >= 100 * probability


def test_a_client_on_a_band_boundary_is_among_its_similar_clients(acting, people, book):
    from dashboard_helpers import GOOD, add_client

    from app.services import cohorts

    edge = add_client(people["adviser"], GOOD | {"income": 35_000.0})
    with acting(people["adviser"]):
        comparison = cohorts.compare(edge.id, people["adviser"])
    assert comparison["income_band"] == [35_000, 60_000]
    assert comparison["similar"]["size"] == 2  # itself and the fresh client (38,000 €, age 42)
