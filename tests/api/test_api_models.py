"""GET /models and /models/active."""

from __future__ import annotations


def test_models_lists_versions_with_metrics(api, headers):
    body = api.get("/api/v1/models", headers=headers["supervisor"]).get_json()
    assert len(body["items"]) == 1
    version = body["items"][0]
    assert version["active"] is True and "auc" in version["metrics"]


def test_active_model_gives_threshold_and_margin(api, headers):
    body = api.get("/api/v1/models/active", headers=headers["adviser"]).get_json()
    assert 0 < body["threshold"] < 1 and body["review_margin"] == 0.2
    assert body["version"] == api.get("/api/v1/health").get_json()["model_version"]


def test_models_need_a_token(api):
    assert api.get("/api/v1/models").status_code == 401
