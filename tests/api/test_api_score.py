"""POST /score and /score/batch: shape, explanations, counterfactuals, validation, audit."""

from __future__ import annotations

import json
import math

import pytest
from api_helpers import GOOD, RISKY
from sqlalchemy import func, select

from app.database import current_database
from app.models import AuditEvent, ScoreRecord
from app.services.policy import rank

SCORE = "/api/v1/score"
BATCH = "/api/v1/score/batch"


def score(api, headers, body, **kwargs):
    return api.post(SCORE, json=body, headers=headers["adviser"], **kwargs)


def logit(p):
    return math.log(p) - math.log1p(-p)


def test_score_answers_the_documented_shape(api, headers):
    response = score(api, headers, GOOD)
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {
        "probability_of_default",
        "recommendation",
        "threshold",
        "model_version",
        "explanation",
    }
    assert 0 < body["probability_of_default"] < 1
    assert body["recommendation"] in ("favourable", "review", "unfavourable")
    contributions = body["explanation"]["contributions"]
    assert [c["feature"] for c in contributions] == list(GOOD)
    for c in contributions:  # as shown, to two decimals: 0,00 has no notable effect
        shown = round(c["impact"], 2)
        expected = "increases_risk" if shown > 0 else "decreases_risk" if shown < 0 else None
        assert c["direction"] == (expected or "no_notable_effect")


@pytest.mark.parametrize("values", [GOOD, RISKY, {**RISKY, "incidents": 6, "credit_score": 400}])
def test_explanations_add_up_to_the_served_probability(api, headers, values):
    body = score(api, headers, values).get_json()
    explanation = body["explanation"]
    total = explanation["base_value"] + sum(c["impact"] for c in explanation["contributions"])
    assert total == pytest.approx(logit(body["probability_of_default"]), abs=1e-9)


def test_reasons_are_the_risk_raising_features_strongest_first(api, headers):
    explanation = score(api, headers, RISKY).get_json()["explanation"]
    impacts = {c["feature"]: c["impact"] for c in explanation["contributions"]}
    reasons = explanation["reasons"]
    assert 1 <= len(reasons) <= 4
    assert all(impacts[r["feature"]] > 0 for r in reasons)
    assert [impacts[r["feature"]] for r in reasons] == sorted(
        (impacts[r["feature"]] for r in reasons), reverse=True
    )


def test_reasons_speak_french_by_default_and_english_on_request(api, headers):
    body = {**RISKY, "incidents": 3}
    french = score(api, headers, body).get_json()["explanation"]["reasons"]
    english = api.post(
        SCORE, json=body, headers={**headers["adviser"], "Accept-Language": "en-GB,en;q=0.8"}
    )
    english = english.get_json()["explanation"]["reasons"]
    by_feature = {r["feature"]: r["text"] for r in french}
    assert by_feature["incidents"].startswith("3 incidents de paiement sur les 24 derniers mois")
    assert "21\u202f000\xa0€" in by_feature.get("income", "21\u202f000\xa0€")
    assert {r["feature"]: r["text"] for r in english}["incidents"].startswith(
        "3 payment incidents over the last 24 months"
    )


def test_explain_false_skips_the_explanation(api, headers):
    response = api.post(SCORE + "?explain=false", json=GOOD, headers=headers["adviser"])
    assert response.status_code == 200
    assert response.get_json()["explanation"] is None


@pytest.mark.parametrize(
    "values",
    [
        RISKY,
        {**RISKY, "incidents": 1},
        {"age": 55, "income": 30_000.0, "seniority": 20.0, "incidents": 0, "credit_score": 480},
        {"age": 25, "income": 15_000.0, "seniority": 2.0, "incidents": 4, "credit_score": 700},
    ],
)
def test_the_counterfactual_really_changes_the_recommendation(api, headers, values):
    body = score(api, headers, values).get_json()
    counterfactual = body["explanation"]["counterfactual"]
    if body["recommendation"] == "favourable" or counterfactual["feature"] is None:
        assert counterfactual["message"]
        return
    assert counterfactual["from"] == values[counterfactual["feature"]]
    changed = {**values, counterfactual["feature"]: counterfactual["to"]}
    rescored = score(api, headers, changed).get_json()
    assert rescored["recommendation"] == counterfactual["recommendation"]
    assert rank(rescored["recommendation"]) < rank(body["recommendation"])


def test_some_counterfactual_is_found_for_a_borderline_client(api, headers):
    found = []
    for credit in range(500, 800, 20):
        body = score(api, headers, {**GOOD, "credit_score": credit, "incidents": 2}).get_json()
        if body["recommendation"] != "favourable":
            found.append(body["explanation"]["counterfactual"]["feature"])
    assert any(found)


def test_key_order_never_matters(api, headers):
    forward = json.dumps(RISKY)
    backward = json.dumps(dict(reversed(list(RISKY.items()))))
    answers = [
        api.post(
            SCORE, data=body, content_type="application/json", headers=headers["adviser"]
        ).get_json()
        for body in (forward, backward)
    ]
    assert answers[0] == answers[1]


BAD_BODIES = [
    ({**GOOD, "age": True}, "age"),
    ({**GOOD, "age": 42.5}, "age"),
    ({**GOOD, "age": 17}, "age"),
    ({**GOOD, "age": 101}, "age"),
    ({**GOOD, "age": "42"}, "age"),
    ({**GOOD, "income": -1}, "income"),
    ({**GOOD, "income": None}, "income"),
    ({**GOOD, "income": 10_000_001}, "income"),
    ({**GOOD, "incidents": 1.5}, "incidents"),
    ({**GOOD, "incidents": -1}, "incidents"),
    ({**GOOD, "credit_score": 299}, "credit_score"),
    ({**GOOD, "credit_score": False}, "credit_score"),
    ({**GOOD, "seniority": 29.0}, "seniority"),
    ({**GOOD, "seniority": [1]}, "seniority"),
    ({k: v for k, v in GOOD.items() if k != "credit_score"}, "credit_score"),
    ({**GOOD, "name": "Dupont"}, "name"),
    ([GOOD], "body"),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
def test_bad_bodies_get_a_422_naming_the_field(api, headers, body, field):
    response = score(api, headers, body)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error" and field in error["fields"]


@pytest.mark.parametrize(
    ("literal", "field"), [("NaN", "income"), ("Infinity", "income"), ("-Infinity", "seniority")]
)
def test_nan_and_infinity_are_refused(api, headers, literal, field):
    text = json.dumps({**GOOD, field: 1.0}).replace("1.0", literal)
    response = api.post(
        SCORE, data=text, content_type="application/json", headers=headers["adviser"]
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["fields"][field] == "must be a finite number"


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("", "application/json", 400),
        (json.dumps(GOOD), "text/plain", 415),
        ("age=42", "application/x-www-form-urlencoded", 415),
    ],
)
def test_unreadable_bodies_are_4xx_json(api, headers, data, content_type, status):
    response = api.post(SCORE, data=data, content_type=content_type, headers=headers["adviser"])
    assert response.status_code == status
    assert response.get_json()["error"]["status"] == status


def test_a_body_over_the_cap_is_a_json_413(api, headers):
    huge = json.dumps({"clients": [GOOD] * 20_000})
    response = api.post(
        BATCH, data=huge, content_type="application/json", headers=headers["adviser"]
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("get", SCORE, 405), ("post", "/api/v1/nowhere", 404), ("delete", BATCH, 405)],
)
def test_routing_errors_are_json(api, headers, method, path, status):
    response = getattr(api, method)(path, headers=headers["adviser"])
    assert response.status_code == status and response.is_json


def test_a_score_is_recorded_and_audited(api, headers, users):
    body = score(api, headers, GOOD).get_json()
    session = current_database().session
    record = session.scalar(select(ScoreRecord))
    assert record.inputs == GOOD and record.client_id is None
    assert record.probability == body["probability_of_default"]
    assert record.threshold == body["threshold"] and record.model_version == body["model_version"]
    assert record.explanation == body["explanation"]
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "score"))
    assert event.actor_id == users["adviser"].id
    assert event.model_version == body["model_version"]
    assert "income" not in json.dumps(event.details)


def test_batch_scores_in_order_and_isolates_invalid_items(api, headers):
    clients = [GOOD, {**GOOD, "age": "x"}, RISKY, {**GOOD, "seniority": 40.0}]
    response = api.post(BATCH, json={"clients": clients}, headers=headers["adviser"])
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert len(results) == 4
    assert results[1] == {
        "index": 1,
        "error": {
            "status": 422,
            "code": "validation_error",
            "message": "The request is invalid.",
            "fields": {"age": "must be an integer"},
        },
    }
    assert results[3]["error"]["fields"] == {"seniority": "must be at most age - 14"}
    single = score(api, headers, RISKY).get_json()
    assert results[2]["probability_of_default"] == single["probability_of_default"]
    assert results[2]["explanation"] == single["explanation"]
    assert current_database().session.scalar(select(func.count(ScoreRecord.id))) == 3


def test_a_full_batch_of_1000_is_accepted(api, headers):
    clients = [{**GOOD, "credit_score": 300 + i % 550} for i in range(1_000)]
    response = api.post(BATCH, json={"clients": clients}, headers=headers["adviser"])
    assert response.status_code == 200
    assert len(response.get_json()["results"]) == 1_000


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"clients": [GOOD] * 1_001}, "clients"),
        ({"clients": []}, "clients"),
        ({"clients": GOOD}, "clients"),
        ({}, "clients"),
        ({"clients": [GOOD], "x": 1}, "x"),
    ],
)
def test_bad_batches_get_a_422(api, headers, body, field):
    response = api.post(BATCH, json=body, headers=headers["adviser"])
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]


def test_without_a_model_scoring_is_a_json_503(make_app, registry_dir, users):
    application = make_app(RATELIMIT_ENABLED=False)  # an empty registry
    with application.app_context():
        from api_helpers import bearer

        response = application.test_client().post(
            SCORE, json=GOOD, headers=bearer(users["adviser"])
        )
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "model_unavailable"
