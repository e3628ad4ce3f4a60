"""Issue 10 §1-§2: every client's page draws, and its words agree with its numbers."""

from __future__ import annotations

import logging

import numpy as np
import pytest
from dashboard_helpers import GOOD, add_client, dash_call, draw_page, find, log_in, text_of
from flask_jwt_extended import create_access_token

from app.callbacks.client import LOAD_OUTPUTS, load_client
from app.callbacks.portfolio_rows import grid_rows
from app.layouts.common import contribution_list
from app.layouts.figures import RISK_DOWN, RISK_UP, contribution_bars, gauge
from app.services import cohorts, explanations, oversight, portfolio, scoring
from app.services.policy import Policy
from app.texts import t


def bearer(user) -> dict[str, str]:
    token = create_access_token(identity=str(user.id), additional_claims={"role": user.role.value})
    return {"Authorization": f"Bearer {token}"}


def load(acting, user, client, lang="fr"):
    with acting(user, lang):
        return dict(zip(LOAD_OUTPUTS, load_client(str(client.id)), strict=True))


# §1 the income band of the comparison ------------------------------------------------------


@pytest.mark.parametrize("income", [100_000.0, 250_000.0, 1_000_000.0, 10_000_000.0])
def test_the_open_upper_income_band_holds_every_top_income(income):
    assert cohorts.band_of(income, cohorts.INCOME_BANDS, closed=False) == (100_000, None)


@pytest.mark.parametrize("income", [100_000.0, 1_000_000.0])
def test_a_top_income_clients_page_draws_with_its_cohort(acting, people, income):
    rich = add_client(people["adviser"], GOOD | {"income": income})
    add_client(people["adviser"], GOOD | {"income": 150_000.0})
    shown = load(acting, people["adviser"], rich)
    assert shown["client-body.style"] == {} and shown["client-error.children"] is None
    assert shown["client-gauge.figure"].data[0].value > 0
    with acting(people["adviser"]):
        comparison = cohorts.compare(rich.id, people["adviser"])
    assert comparison["income_band"] == [100_000, None]
    assert comparison["similar"]["size"] == 2  # itself and the other top income, same age band


# §1 not found, model switched off, a callback that fails ------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "pas dans votre portefeuille"), ("en", "not in")]
)
def test_an_invisible_or_unknown_client_is_a_clean_not_found_page(
    acting, people, book, lang, words
):
    for path in (
        f"/clients/{book['foreign'].id}",
        "/clients/" + "0" * 8 + "-0000-4000-8000-" + "0" * 12,
    ):
        with acting(people["adviser"], lang):
            page = draw_page("app.layouts.client", client_id=path.rsplit("/", 1)[1])
        assert words in text_of(find(page, "client-not-found"))
        for part in ("client-body", "client-rights-actions", "client-decision-form", "client-id"):
            assert find(page, part) is None  # no cards, no buttons, no callbacks to run
    with acting(people["adviser"], lang):  # the adviser's own client: the whole page
        assert find(draw_page("app.layouts.client", client_id=str(book["fresh"].id)), "client-body")


def test_a_client_erased_after_the_page_was_drawn_hides_the_page(acting, people, book):
    shown = load(acting, people["adviser"], book["foreign"], "en")
    assert shown["client-body.style"] == {"display": "none"}
    assert text_of(shown["client-error.children"]) == t("client_not_found", "en")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_model_switched_off_shows_a_card_and_no_advice_banner(acting, people, book, lang):
    on = load(acting, people["adviser"], book["fresh"], lang)
    assert find(on["client-aid.children"], "decision-aid-banner") is not None
    assert on["client-gauge-box.hidden"] is False and on["client-model-off.children"] is None
    with acting(people["admin"], lang):
        oversight.set_model_enabled(False, people["admin"])
    off = load(acting, people["adviser"], book["fresh"], lang)
    assert off["client-aid.children"] is None  # no "le modèle conseille"
    assert off["client-gauge-box.hidden"] is True  # no blank gauge
    assert off["client-why-card.style"] == {"display": "none"}  # no empty bars and reasons
    assert t("cohort_portfolio", lang) in text_of(off["client-cohorts.children"])
    card = off["client-model-off.children"]
    assert t("model_off_title", lang) in text_of(card)
    assert t("model_off_text", lang) in text_of(card)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_failing_callback_shows_a_message_in_the_readers_language_and_logs(
    dash_app, people, book, monkeypatch, caplog, lang
):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cohorts, "compare", broken)
    http = dash_app.test_client()
    http.set_cookie("lang", lang)
    log_in(http, "adviser@bank.example")
    outputs = [tuple(target.split(".")) for target in LOAD_OUTPUTS]
    with caplog.at_level(logging.ERROR):
        answer = dash_call(
            http,
            outputs,
            [("client-id", "data", str(book["fresh"].id)), ("client-rectified", "data", 0)],
            ["client-id.data"],
        )
    assert answer.status_code == 200
    body = answer.get_json()
    page = body["sideUpdate"]["_pages_content"]["children"]  # the page in dash.page_container
    assert page["props"]["id"] == "page-error"
    assert t("callback_failed", lang, ref="")[:30] in str(page)
    assert "response" not in body or not body["response"]  # nothing half drawn
    assert any("boom" in (r.exc_text or "") for r in caplog.records if r.levelname == "ERROR")


# §2 contributions that round to zero --------------------------------------------------------

IMPACTS = [0.004, -0.003, 0.48, -0.44, 0.0]


def shown_contributions():
    return explanations.contributions([42, 38_000.0, 6.5, 0, 720], IMPACTS)


def test_an_impact_shown_as_zero_has_no_direction_in_the_service():
    directions = [c["direction"] for c in shown_contributions()]
    assert directions == [
        "no_notable_effect",
        "no_notable_effect",
        "increases_risk",
        "decreases_risk",
        "no_notable_effect",
    ]


@pytest.mark.parametrize(
    ("lang", "zero", "exact", "up"),
    [
        ("fr", "0 point de risque (sans effet notable)", "+0,40 point de risque", "augmente"),
        ("en", "0 risk points (no notable effect)", "+0.40 risk points", "raises"),
    ],
)
def test_an_impact_shown_as_zero_is_never_written_as_raising_the_risk(lang, zero, exact, up):
    items = {
        li.to_plotly_json()["props"]["data-feature"]: li
        for li in contribution_list(shown_contributions(), lang, "client").children
    }
    for name in ("age", "income", "credit_score"):
        assert text_of(items[name]).endswith(zero), text_of(items[name])
        assert items[name].to_plotly_json()["props"]["data-direction"] == "none"
    assert up in text_of(items["seniority"])
    bars = contribution_bars(shown_contributions(), lang).data[0]
    by_feature = dict(
        zip(bars.customdata, zip(bars.y, bars.marker.color, bars.hovertext, bars.text))
    )
    label, colour, hover, text = by_feature["age"]
    assert label.startswith("●") and colour not in (RISK_UP, RISK_DOWN)
    # Shown rounded (0 risk points: no notable effect); the tooltip gives the exact value.
    assert text == "0" and hover == f"{exact} ({zero.split('(')[1]}"
    assert by_feature["seniority"][0].startswith("▲") and by_feature["seniority"][1] == RISK_UP
    assert "%{x" not in bars.hovertemplate  # the hover says what the label says


# §2 reasons above a materiality threshold ---------------------------------------------------


def test_reasons_come_only_from_material_contributions():
    impacts = [0.01, 0.30, 0.06, 0.049, -0.5]
    order = explanations.strongest_first(np.array([impacts]))[0]
    found = explanations.reasons([42, 38_000.0, 6.5, 0, 720], impacts, order, "fr", 0.05)
    assert [r["feature"] for r in found] == ["income", "seniority"]


@pytest.mark.parametrize("minimum", [0.0, 0.3, 0.99])
def test_the_dashboard_and_the_api_give_the_same_material_reasons(
    acting, people, book, minimum, dash_app
):
    dash_app.config["REASON_MIN_CONTRIBUTION"] = minimum
    client = book["stale"]
    with acting(people["adviser"]):
        served = scoring.score_features(client.features())["explanation"]
    impacts = {c["feature"]: c["impact"] for c in served["contributions"]}
    expected = [
        f for f, v in sorted(impacts.items(), key=lambda kv: -kv[1]) if v >= minimum and v >= 0.005
    ]
    assert [r["feature"] for r in served["reasons"]] == expected[:4]
    shown = load(acting, people["adviser"], client)
    reasons = [text_of(li) for li in shown["client-reasons.children"]]
    assert reasons == ([r["text"] for r in served["reasons"]] or [t("no_reason", "fr")])
    answer = dash_app.test_client().get(
        f"/api/v1/clients/{client.id}/score", headers=bearer(people["adviser"])
    )
    assert answer.status_code == 200
    assert answer.get_json()["explanation"]["reasons"] == served["reasons"]


# §2 one rule and one vocabulary for the risk ------------------------------------------------


def test_two_probabilities_shown_alike_get_the_same_advice():
    policy = Policy(threshold=0.07909454928288814, margin=0.2)  # the demo model's
    assert policy.upper == 0.095  # t(1+m) = 9,49 %: shown as 9,5 %
    assert policy.recommend(0.0946) == policy.recommend(0.0952) == "unfavourable"
    assert policy.recommend(0.0944) == "review"  # shown as 9,4 %
    for probability in (0.0624, 0.0626, 0.0944, 0.0946, 0.2):
        band = policy.band(probability)
        low, high = policy.band_range(band)
        assert (low is None or probability >= low) and (high is None or probability < high)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_portfolio_and_the_client_page_name_the_risk_with_the_same_words(
    acting, people, book, lang
):
    words = {t(f"reco_{r}", lang) for r in ("favourable", "review", "unfavourable")}
    for client in (book["fresh"], book["stale"]):
        shown = load(acting, people["adviser"], client, lang)
        reco = shown["client-recommendation.children"].to_plotly_json()["props"][
            "data-recommendation"
        ]
        with acting(people["adviser"], lang):
            item = portfolio.view_client(client.id, people["adviser"])
        (row,) = grid_rows([item], lang)
        assert row["band"] == t(f"reco_{reco}", lang) and row["band"] in words


# §2 one gauge scale, with a legend ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ("Favorable", "À examiner", "Défavorable")),
        ("en", ("Favourable", "To review", "Unfavourable")),
    ],
)
def test_every_gauge_has_the_same_scale_and_a_legend(lang, words):
    policy = Policy(0.0791, 0.2)
    ranges = {
        tuple(gauge(p, 0.0791, policy.lower, policy.upper, lang).data[0].gauge.axis.range)
        for p in (0.001, 0.03, 0.2, 0.49, 0.97)
    }
    assert ranges == {(0, 100)}
    legend = " ".join(
        a.text for a in gauge(0.03, 0.0791, policy.lower, policy.upper, lang).layout.annotations
    )
    for word in words:
        assert word in legend
    assert (
        ("6,3" in legend and "9,5" in legend)
        if lang == "fr"
        else ("6.3" in legend and "9.5" in legend)
    )


def test_the_reason_threshold_is_a_setting_with_a_checked_range():
    from app.config import ConfigError, load_config

    assert load_config({"APP_ENV": "testing"})["REASON_MIN_CONTRIBUTION"] == 0.05
    environ = {"APP_ENV": "testing", "REASON_MIN_CONTRIBUTION": "0.2"}
    assert load_config(environ)["REASON_MIN_CONTRIBUTION"] == 0.2
    for wrong in ("-0.1", "1.5", "beaucoup"):
        with pytest.raises(ConfigError, match=r"^REASON_MIN_CONTRIBUTION"):
            load_config({"APP_ENV": "testing", "REASON_MIN_CONTRIBUTION": wrong})
