"""Age is never given as a reason (issue 15 §2): not in the API's `reasons`, not in the client
page's list, not in the client's letter, for clients of every age; it stays in the contribution
chart, marked as not a reason."""

from __future__ import annotations

import itertools

from client_strategies import clients
from dashboard_helpers import add_client, text_of
from flask_jwt_extended import create_access_token
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.callbacks.client import LOAD_OUTPUTS, load_client
from app.services import decisions, scoring
from app.services.client_letter import client_letter
from app.texts import t
from modelling.features import BY_NAME, MIN_WORKING_AGE

PROPERTY = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
AGES = st.integers(int(BY_NAME["age"].minimum), int(BY_NAME["age"].maximum))
JUSTIFICATION = "Dossier vérifié en agence avec le client ce jour"


def age_words(lang: str) -> str:
    """What every age reason says, whatever the value: "l'âge du client", "the client's age"."""
    return t("reason_sentence_age", lang).split("{value}")[1].split("{verb}")[0].strip(" ,")


@st.composite
def clients_of_any_age(draw) -> dict:
    values = draw(clients())
    age = draw(AGES)
    return values | {"age": age, "seniority": min(values["seniority"], age - MIN_WORKING_AGE)}


def bearer(user, lang: str) -> dict[str, str]:
    token = create_access_token(identity=str(user.id), additional_claims={"role": user.role.value})
    return {"Authorization": f"Bearer {token}", "Accept-Language": lang}


@PROPERTY
@given(values=clients_of_any_age(), lang=st.sampled_from(["fr", "en"]))
def test_no_face_gives_age_as_a_reason(dash_app, acting, owner, values, lang):
    client = add_client(owner, values)
    http = dash_app.test_client()
    adhoc = http.post("/api/v1/score", json=values, headers=bearer(owner, lang)).get_json()
    stored = http.get(f"/api/v1/clients/{client.id}/score", headers=bearer(owner, lang)).get_json()
    with acting(owner, lang):
        shown = dict(zip(LOAD_OUTPUTS, load_client(str(client.id)), strict=True))
    decisions.record_decision(client.id, owner, "decline", JUSTIFICATION)
    letter = client_letter(client.id, owner, lang)

    for answer in (adhoc, stored):
        assert "age" not in [r["feature"] for r in answer["explanation"]["reasons"]]
    listed = text_of(shown["client-reasons.children"])
    assert age_words(lang) not in listed and age_words(lang) not in letter.text()
    assert "age" not in letter.reasons
    # The chart still shows age, marked as never a reason.
    bars = shown["client-contributions.figure"].data[0]
    label = dict(zip(bars.customdata, bars.y, strict=True))["age"]
    assert t("not_a_reason_mark", lang) in label


def test_age_weighs_on_many_scores_yet_is_never_a_reason(dash_app):
    """Every age from 18 to 100 across contrasting profiles, in one batch: age is a material
    risk-raising contribution for many of them (the rule has work to do), a reason for none."""
    profiles = [
        {"income": 38_000.0, "seniority": 4.0, "incidents": 0, "credit_score": 720},
        {"income": 21_000.0, "seniority": 1.0, "incidents": 2, "credit_score": 560},
        {"income": 0.0, "seniority": 0.0, "incidents": 8, "credit_score": 300},
        {"income": 250_000.0, "seniority": 4.0, "incidents": 0, "credit_score": 850},
    ]
    ages = range(int(BY_NAME["age"].minimum), int(BY_NAME["age"].maximum) + 1)
    rows = [
        p | {"age": a, "seniority": min(p["seniority"], a - MIN_WORKING_AGE)}
        for a, p in itertools.product(ages, profiles)
    ]
    minimum = dash_app.config["REASON_MIN_CONTRIBUTION"]
    with dash_app.test_request_context():
        items = scoring.evaluate(rows, "fr")
    material = 0
    for item in items:
        explanation = item["explanation"]
        age = next(c for c in explanation["contributions"] if c["feature"] == "age")
        material += age["impact"] >= minimum
        assert age["may_be_reason"] is False
        assert "age" not in [r["feature"] for r in explanation["reasons"]]
    assert material >= len(rows) // 10
