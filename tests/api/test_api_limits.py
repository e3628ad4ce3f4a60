"""Rate limits (memory and Redis) and the Redis revocation store."""

from __future__ import annotations

import os
import uuid

import pytest
from api_helpers import GOOD, PASSWORD, bearer
from flask_jwt_extended import decode_token

from app.services.tokens import REDIS_PREFIX
from app.services.users import create_user

IN_CI = os.environ.get("CI", "").lower() == "true"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LOGIN = "/api/v1/auth/login"


@pytest.fixture
def limited(make_app, model_registry):
    def build(**overrides):
        overrides.setdefault("RATELIMIT_KEY_PREFIX", uuid.uuid4().hex)
        return make_app(MODEL_REGISTRY_DIR=str(model_registry), **overrides)

    return build


def _attempt(client, email, password="Wrong-Horse-42"):
    return client.post(LOGIN, json={"email": email, "password": password})


def test_failed_logins_are_throttled_per_account(limited):
    application = limited()
    with application.app_context():
        create_user("adviser@bank.example", "adviser", PASSWORD)
        client = application.test_client()
        for _ in range(5):
            assert _attempt(client, "adviser@bank.example").status_code == 401
        blocked = _attempt(client, "adviser@bank.example", PASSWORD)
    assert blocked.status_code == 429
    assert blocked.get_json()["error"]["status"] == 429
    assert int(blocked.headers["Retry-After"]) > 0


def test_failed_logins_are_throttled_per_address(limited):
    application = limited()
    with application.app_context():
        client = application.test_client()
        for i in range(5):
            assert _attempt(client, f"guess{i}@bank.example").status_code == 401
        assert _attempt(client, "another@bank.example").status_code == 429


def test_successful_logins_are_not_counted(limited):
    application = limited(RATELIMIT_LOGIN="2 per minute")
    with application.app_context():
        create_user("adviser@bank.example", "adviser", PASSWORD)
        client = application.test_client()
        for _ in range(4):
            assert _attempt(client, "adviser@bank.example", PASSWORD).status_code == 200


def test_scores_are_limited_per_identity_and_a_batch_counts_its_clients(limited):
    application = limited(RATELIMIT_SCORE="5 per minute")
    with application.app_context():
        header = bearer(create_user("adviser@bank.example", "adviser", PASSWORD))
        client = application.test_client()
        batch = client.post("/api/v1/score/batch", json={"clients": [GOOD] * 4}, headers=header)
        assert batch.status_code == 200
        assert client.post("/api/v1/score", json=GOOD, headers=header).status_code == 200
        assert client.post("/api/v1/score", json=GOOD, headers=header).status_code == 429


@pytest.mark.parametrize("path", ["/api/v1/score", "/api/v1/score/batch"])
@pytest.mark.parametrize("data", ["{not json", b"\xff\xfe{", ""])
def test_an_unreadable_body_is_a_400_while_the_score_limit_reads_it_first(limited, path, data):
    """The score limit costs a batch by its size, so it reads the body before the view does."""
    application = limited()
    with application.app_context():
        header = bearer(create_user("adviser@bank.example", "adviser", PASSWORD))
        client = application.test_client()
        response = client.post(path, data=data, content_type="application/json", headers=header)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_json"


def test_other_routes_have_the_default_limit_but_health_does_not(limited):
    application = limited(RATELIMIT_DEFAULT="2 per minute")
    with application.app_context():
        header = bearer(create_user("adviser@bank.example", "adviser", PASSWORD))
        client = application.test_client()
        statuses = [client.get("/api/v1/models", headers=header).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        assert all(client.get("/api/v1/health").status_code == 200 for _ in range(4))


def test_limits_can_be_switched_off(limited):
    application = limited(RATELIMIT_ENABLED=False)
    with application.app_context():
        client = application.test_client()
        assert all(_attempt(client, "x@bank.example").status_code == 401 for _ in range(8))


@pytest.fixture
def redis_url():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        reason = f"Redis unavailable at {REDIS_URL}: {exc.__class__.__name__}"
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: a missing service is a failure, not a skip)")
        pytest.skip(reason)
    return REDIS_URL


@pytest.mark.redis
def test_the_login_limit_is_shared_through_redis(limited, redis_url):
    prefix = uuid.uuid4().hex
    first = limited(REDIS_URL=redis_url, RATELIMIT_KEY_PREFIX=prefix)
    second = limited(REDIS_URL=redis_url, RATELIMIT_KEY_PREFIX=prefix)  # another worker
    assert first.config["RATELIMIT_STORAGE_URI"] == redis_url
    with first.app_context():
        for _ in range(5):
            assert _attempt(first.test_client(), "adviser@bank.example").status_code == 401
    with second.app_context():
        assert _attempt(second.test_client(), "adviser@bank.example").status_code == 429


@pytest.mark.redis
def test_revocations_in_redis_expire_with_the_token_and_survive_a_restart(limited, redis_url):
    import redis

    application = limited(REDIS_URL=redis_url, RATELIMIT_ENABLED=False)
    with application.app_context():
        create_user("adviser@bank.example", "adviser", PASSWORD)
        client = application.test_client()
        tokens = _attempt(client, "adviser@bank.example", PASSWORD).get_json()
        header = {"Authorization": f"Bearer {tokens['access_token']}"}
        assert client.post("/api/v1/auth/logout", headers=header).status_code == 200
        claims = decode_token(tokens["access_token"])
        ttl = redis.Redis.from_url(redis_url).ttl
        assert 0 < ttl(REDIS_PREFIX + claims["jti"]) <= 15 * 60 + 1  # the token's own life
        # Its log-in (the refresh token too) is revoked for as long as a refresh token lives.
        assert 15 * 60 + 1 < ttl(REDIS_PREFIX + claims["sid"]) <= 8 * 3600 + 1
    restarted = limited(REDIS_URL=redis_url, RATELIMIT_ENABLED=False)
    with restarted.app_context():
        response = restarted.test_client().get("/api/v1/models", headers=header)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "token_revoked"
