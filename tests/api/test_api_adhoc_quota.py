"""POST /score and /score/batch count against the identity's daily quota of ad-hoc scores:
over it, 429 in the error shape with Retry-After, and nothing stored."""

from __future__ import annotations

import os

import pytest
from api_helpers import GOOD
from sqlalchemy import func, select

from app.database import current_database
from app.models import ScoreRecord
from app.services.retention import CATEGORIES

QUOTA = 3
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(params=["memory", "redis"])
def api_app(request, make_app, model_registry):
    """Counters in process memory (development) and in Redis (production, shared by workers)."""
    store = "memory://" if request.param == "memory" else REDIS_URL
    application = make_app(
        MODEL_REGISTRY_DIR=str(model_registry),
        RATELIMIT_ENABLED=False,
        RATELIMIT_STORAGE_URI=store,
        ADHOC_SCORE_DAILY_QUOTA=QUOTA,
    )
    with application.app_context():
        yield application


def _stored() -> int:
    return current_database().session.scalar(select(func.count()).select_from(ScoreRecord))


def test_the_quota_answers_429_in_the_error_shape_and_stores_nothing(api, headers):
    batch = {"clients": [GOOD, GOOD]}
    assert (
        api.post("/api/v1/score/batch", json=batch, headers=headers["adviser"]).status_code == 200
    )
    assert api.post("/api/v1/score", json=GOOD, headers=headers["adviser"]).status_code == 200
    refused = api.post("/api/v1/score", json=GOOD, headers=headers["adviser"])
    assert refused.status_code == 429
    error = refused.get_json()["error"]
    assert (error["status"], error["code"]) == (429, "adhoc_quota_exceeded")
    assert "ADHOC_SCORE_DAILY_QUOTA" in error["message"]
    assert 0 < int(refused.headers["Retry-After"]) <= 24 * 3600
    assert _stored() == QUOTA


def test_a_batch_larger_than_what_is_left_is_refused_whole_and_spends_nothing(api, headers):
    assert api.post("/api/v1/score", json=GOOD, headers=headers["adviser"]).status_code == 200
    batch = {"clients": [GOOD] * QUOTA}
    assert (
        api.post("/api/v1/score/batch", json=batch, headers=headers["adviser"]).status_code == 429
    )
    two = {"clients": [GOOD, GOOD]}
    assert api.post("/api/v1/score/batch", json=two, headers=headers["adviser"]).status_code == 200
    assert _stored() == QUOTA


def test_the_quota_is_per_identity(api, headers):
    for _ in range(QUOTA):
        assert api.post("/api/v1/score", json=GOOD, headers=headers["adviser"]).status_code == 200
    assert api.post("/api/v1/score", json=GOOD, headers=headers["adviser"]).status_code == 429
    assert api.post("/api/v1/score", json=GOOD, headers=headers["other"]).status_code == 200


def test_the_retention_preview_lists_ad_hoc_scores_as_documented(api, headers):
    response = api.get("/api/v1/admin/retention", headers=headers["admin"])
    rows = {row["category"]: row for row in response.get_json()["categories"]}
    assert rows["adhoc_scores"]["days"] == 90
    document = api.get("/api/v1/openapi.json").get_json()
    documented = document["components"]["schemas"]["RetentionCategory"]["properties"]["category"]
    assert set(documented["enum"]) == {category.name for category in CATEGORIES}
