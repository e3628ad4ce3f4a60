"""GET /api/v1/monitoring/drift: the report's shape, each bad parameter (400 naming it) and
each role (supervisor and admin only)."""

from __future__ import annotations

import pytest
from drift_helpers import add_scores, use_reference

from modelling.features import FEATURE_NAMES

URL = "/api/v1/monitoring/drift"


@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_the_report(api, headers, monkeypatch, role):
    version = use_reference(monkeypatch)
    add_scores(170, 30, version)
    response = api.get(URL, headers=headers[role], query_string={"days": 7})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["model_version"] == version and body["status"] == "alert"
    assert set(body["window"]) == {"from", "to", "scores"} and body["window"]["scores"] == 200
    assert body["score"]["status"] == "alert" and body["score"]["psi"] > 0.25
    assert [f["feature"] for f in body["features"]] == list(FEATURE_NAMES)
    age = body["features"][0]
    assert set(age) == {"feature", "psi", "status", "bins"}
    assert set(age["bins"][0]) >= {"edge_low", "edge_high", "reference", "recent"}
    assert [b["recent"] for b in age["bins"]] == pytest.approx([0.85, 0.15])


def test_an_explicit_window(api, headers, monkeypatch):
    use_reference(monkeypatch)
    query = {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00+00:00"}
    body = api.get(URL, headers=headers["admin"], query_string=query).get_json()
    assert body["window"] == {
        "from": "2026-01-01T00:00:00+00:00",
        "to": "2026-02-01T00:00:00+00:00",
        "scores": 0,
    }
    assert body["status"] == "insufficient"


BAD = [
    ({"days": "0"}, "days"),
    ({"days": "3651"}, "days"),
    ({"days": "thirty"}, "days"),
    ({"days": "7", "from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}, "days"),
    ({"from": "2026-01-01T00:00:00Z"}, "to"),
    ({"to": "2026-01-01T00:00:00Z"}, "from"),
    ({"from": "01/01/2026", "to": "2026-02-01T00:00:00Z"}, "from"),
    ({"from": "2026-01-01T00:00:00Z", "to": "2026-02-30T00:00:00Z"}, "to"),
    ({"from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}, "from"),
    ({"day": "7"}, "day"),
]


def test_each_bad_parameter_is_a_400_naming_it(api, headers, monkeypatch):
    use_reference(monkeypatch)
    answers = {}
    for query, field in BAD:  # one app for every case: each is a separate request
        response = api.get(URL, headers=headers["supervisor"], query_string=query)
        error = response.get_json()["error"]
        answers[str(query)] = (response.status_code, error["code"], list(error["fields"]))
    assert answers == {str(q): (400, "invalid_parameter", [field]) for q, field in BAD}


def test_an_adviser_is_refused(api, headers, monkeypatch):
    use_reference(monkeypatch)
    response = api.get(URL, headers=headers["adviser"])
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden"


def test_without_a_token(api):
    assert api.get(URL).status_code == 401
