"""Two gunicorn instances (2 workers each, as the Procfile runs them) on one PostgreSQL database
and one Redis: the production shape of issue 14, on loopback.

The instances are started once for the module (about 10 s each) and share everything an
instance must not decide alone: the store, the kill switch, revocations, rate limits, the
audit chain. Redis database 14 is this suite's own and is emptied before and after.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

import pytest
import redis
from gunicorn_helpers import Server, call, free_port
from postgres_helpers import throwaway_database

from app import create_app
from app.database import current_database
from app.models import Client, utcnow
from app.services.users import create_user

PASSWORD = "Correct-Horse-42"
GOOD = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 0, "credit_score": 720}
REDIS_URL = os.environ.get("TEST_SCALE_REDIS_URL", "redis://127.0.0.1:6379/14")
CLIENTS = 8

pytestmark = [pytest.mark.scale, pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]


@dataclass
class Cluster:
    """What the tests reach: both instances, the shared URLs and the seeded identities."""

    app: object
    database_url: str
    instances: list[Server]
    client_ids: list[str] = field(default_factory=list)
    # Logged in once at start: the throttle test later blocks log-ins from the loopback address.
    adviser_token: str = ""
    admin_token: str = ""

    def login(self, email: str, instance: int = 0) -> str:
        status, body = call(
            self.instances[instance].port,
            "POST",
            "/api/v1/auth/login",
            {"email": email, "password": PASSWORD},
        )
        assert status == 200, body
        return body["access_token"]


@pytest.fixture(scope="module")
def cluster(model_registry, tmp_path_factory):
    shared_redis = redis.Redis.from_url(REDIS_URL)
    shared_redis.flushdb()
    try:
        with throwaway_database("credit_scale") as url:
            yield from _cluster(url, model_registry, tmp_path_factory)
    finally:
        shared_redis.flushdb()
        shared_redis.close()


def _cluster(url: str, model_registry, tmp_path_factory):
    settings = {
        "APP_ENV": "testing",
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "MODEL_REGISTRY_DIR": str(model_registry),
        "SECRET_KEY": secrets.token_hex(32),
        "JWT_SECRET_KEY": secrets.token_hex(32),
        "PSEUDONYMISATION_KEY": secrets.token_hex(32),
        "AUDIT_KEY": secrets.token_hex(32),
    }
    app = create_app(settings | {"AUDIT_CHECKPOINT_DIR": str(tmp_path_factory.mktemp("ckpt"))})
    with app.app_context():
        adviser = create_user("adviser@bank.example", "adviser", PASSWORD)
        create_user("admin@bank.example", "admin", PASSWORD)
        create_user("target@bank.example", "adviser", PASSWORD)
        with current_database().transaction() as session:
            clients = [
                Client(adviser_id=adviser.id, data_updated_at=utcnow(), **GOOD)
                for _ in range(CLIENTS)
            ]
            session.add_all(clients)
        client_ids = [str(c.id) for c in clients]
    secret = ("SECRET", "JWT", "PSEUDO", "AUDIT")
    env = {k: v for k, v in os.environ.items() if not k.startswith(secret)}
    env |= settings | {
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
        # Generous limits for the load (the log-in throttle keeps its production value).
        "RATELIMIT_SCORE": "1000000 per minute",
        "RATELIMIT_DEFAULT": "1000000 per minute",
        "ADHOC_SCORE_DAILY_QUOTA": "1000000",
    }
    logs = tmp_path_factory.mktemp("gunicorn")
    instances = [Server(free_port(), env, logs / f"instance{i}.log") for i in (1, 2)]
    try:
        for instance in instances:
            instance.start()
        cluster = Cluster(app, url, instances, client_ids)
        cluster.adviser_token = cluster.login("adviser@bank.example", instance=1)
        cluster.admin_token = cluster.login("admin@bank.example", instance=0)
        yield cluster
    finally:
        for instance in instances:
            instance.kill()
        app.extensions["database"].dispose()
