"""Portfolio job fixtures: a quick model, one user per role and a small synthetic portfolio."""

from __future__ import annotations

import pytest
import redis
from dashboard_helpers import PASSWORD
from jobs_helpers import CLIENTS, REDIS_URL, unavailable
from sqlalchemy import select

from app.database import current_database
from app.models import Client
from app.services.seeding import seed_clients
from app.services.users import create_user


@pytest.fixture
def jobs_app(make_app, model_registry):
    application = make_app(MODEL_REGISTRY_DIR=str(model_registry), RATELIMIT_ENABLED=False)
    with application.app_context():
        yield application


@pytest.fixture
def people(jobs_app):
    return {
        "adviser": create_user("adviser@bank.example", "adviser", PASSWORD),
        "supervisor": create_user("supervisor@bank.example", "supervisor", PASSWORD),
        "admin": create_user("admin@bank.example", "admin", PASSWORD),
    }


@pytest.fixture
def portfolio(people):
    """CLIENTS synthetic clients in the adviser's portfolio, none scored yet."""
    assert seed_clients(CLIENTS, seed=7) == CLIENTS
    return sorted(current_database().session.scalars(select(Client.id)))


@pytest.fixture
def redis_db():
    """Redis database 8, this folder's own, emptied before and after."""
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.flushdb()
    except redis.RedisError as exc:
        unavailable(f"Redis unavailable at {REDIS_URL}: {exc.__class__.__name__}")
    yield connection
    connection.flushdb()
    connection.close()
