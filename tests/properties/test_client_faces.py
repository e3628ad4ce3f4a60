"""Properties over the whole feature space: every face draws every client, and agrees with itself.

A hand-picked client missed a page that broke for every income of 100,000 EUR or more; here
hypothesis draws clients from the schema (each range's ends and the comparison's band edges
included) and renders the API's client score, the client page's callbacks, the simulator and the
cohort comparison for each, in French and in English.
"""

from __future__ import annotations

import pytest
from client_strategies import clients
from dashboard_helpers import add_client, draw_page, find, text_of
from flask_jwt_extended import create_access_token
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.callbacks.client import LOAD_OUTPUTS, history_view, load_client
from app.callbacks.decision import record
from app.callbacks.simulator import RESULT_OUTPUTS, prefill, simulate
from app.services import cohorts
from app.services.explanations import IMPACT_DECIMALS
from app.services.policy import policy_for
from modelling.features import FEATURES

# A few dozen clients per property: each is stored, scored and drawn on both stores.
PROPERTY = settings(
    max_examples=30,
    deadline=None,
    database=None,  # nothing written into the shared work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LANGS = st.sampled_from(["fr", "en"])
DECISIONS = st.sampled_from(["approve", "decline", "refer"])
JUSTIFICATION = "Pièces vérifiées en agence avec le client"  # long enough for any decision
MARK = {"up": "▲", "down": "▼", "none": "●"}


def bearer(user) -> dict[str, str]:
    token = create_access_token(identity=str(user.id), additional_claims={"role": user.role.value})
    return {"Authorization": f"Bearer {token}"}


def api_score(dash_app, user, client_id) -> dict:
    answer = dash_app.test_client().get(f"/api/v1/clients/{client_id}/score", headers=bearer(user))
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def assert_words_follow_numbers(contribution_list, explanation: dict, minimum: float):
    impacts = {c["feature"]: c["impact"] for c in explanation["contributions"]}
    for item in contribution_list.children:
        props = item.to_plotly_json()["props"]
        impact = impacts[props["data-feature"]]
        shown = round(impact, IMPACT_DECIMALS)
        expected = "up" if shown > 0 else "down" if shown < 0 else "none"
        assert props["data-direction"] == expected, (text_of(item), impact)
        assert text_of(item).startswith(MARK[expected])
    for reason in explanation["reasons"]:
        assert impacts[reason["feature"]] >= minimum


@PROPERTY
@given(values=clients(), lang=LANGS, decision=DECISIONS)
def test_every_clients_page_draws_and_agrees_with_the_api(
    dash_app, acting, owner, values, lang, decision
):
    client = add_client(owner, values)
    cid = str(client.id)
    with acting(owner, lang):
        page = draw_page("app.layouts.client", client_id=cid)
        shown = dict(zip(LOAD_OUTPUTS, load_client(cid), strict=True))
        comparison = cohorts.compare(client.id, owner)
        feedback, refresh = record(1, decision, JUSTIFICATION, cid, 0)
        history = history_view(cid, refresh)
    assert find(page, "client-body") is not None and find(page, "client-not-found") is None
    assert shown["client-body.style"] == {} and shown["client-error.children"] is None
    assert feedback.id == "client-decision-ok" and refresh == 1
    assert JUSTIFICATION in text_of(history)

    served = api_score(dash_app, owner, cid)
    probability = served["probability_of_default"]
    indicator = shown["client-gauge.figure"].data[0]
    assert indicator.value == pytest.approx(100 * probability)
    assert tuple(indicator.gauge.axis.range) == (0, 100)
    badge = shown["client-recommendation.children"].to_plotly_json()["props"]
    assert badge["data-recommendation"] == served["recommendation"]
    assert served["recommendation"] == policy_for(served["threshold"]).recommend(probability)
    minimum = dash_app.config["REASON_MIN_CONTRIBUTION"]
    assert_words_follow_numbers(
        shown["client-contribution-list.children"], served["explanation"], minimum
    )

    low, high = comparison["income_band"]
    assert low <= values["income"] and (high is None or values["income"] < high)
    young, old = comparison["age_band"]
    assert young <= values["age"] <= old
    assert comparison["similar"]["size"] >= 1  # the client is among its similar clients
    for cohort in ("portfolio", "similar"):
        for share in comparison[cohort]["percentiles"].values():
            assert 0 <= share <= 1


@PROPERTY
@given(values=clients(), lang=LANGS)
def test_the_simulator_accepts_and_scores_every_clients_values(
    dash_app, acting, owner, values, lang
):
    client = add_client(owner, values)
    with acting(owner, lang):
        _source, _stale, *texts = prefill(str(client.id))
        result = dict(zip(RESULT_OUTPUTS, simulate(*texts), strict=True))
    assert len(texts) == len(FEATURES)
    assert result["simulator-error.children"] is None, text_of(result["simulator-error.children"])
    indicator = result["simulator-gauge.figure"].data[0]
    assert 0 <= indicator.value <= 100
    assert tuple(indicator.gauge.axis.range) == (0, 100)
    badge = result["simulator-recommendation.children"].to_plotly_json()["props"]
    threshold = indicator.gauge.threshold.value / 100
    assert badge["data-recommendation"] == policy_for(threshold).recommend(indicator.value / 100)


@PROPERTY
@given(values=clients(), lang=LANGS)
def test_the_apis_ad_hoc_score_explains_every_feature_set(dash_app, owner, values, lang):
    answer = dash_app.test_client().post(
        "/api/v1/score", json=values, headers=bearer(owner) | {"Accept-Language": lang}
    )
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    explanation = body["explanation"]
    minimum = dash_app.config["REASON_MIN_CONTRIBUTION"]
    for c in explanation["contributions"]:
        shown = round(c["impact"], IMPACT_DECIMALS)
        expected = "increases_risk" if shown > 0 else "decreases_risk" if shown < 0 else None
        assert c["direction"] == (expected or "no_notable_effect")
    impacts = {c["feature"]: c["impact"] for c in explanation["contributions"]}
    assert all(impacts[r["feature"]] >= minimum for r in explanation["reasons"])
    assert body["recommendation"] == policy_for(body["threshold"]).recommend(
        body["probability_of_default"]
    )
