"""Health of the service: are the database and Redis reachable, which model is served."""

from __future__ import annotations

import logging

import redis
from flask import current_app
from redis.exceptions import RedisError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.database import current_database
from app.services.models import model_service

log = logging.getLogger(__name__)


def check_health() -> dict[str, str | None]:
    """`redis` is reported only when REDIS_URL is set (rate limits and revocations live there)."""
    database = "ok"
    try:
        with current_database().engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        log.warning("health check: database unavailable (%s)", exc.__class__.__name__)
        database = "unavailable"
    version = model_service().version
    report = {"status": "ok", "database": database, "model_version": version}
    if current_app.config.get("REDIS_URL"):
        report["redis"] = _redis_status(current_app.config["REDIS_URL"])
    if "unavailable" in report.values() or not version:
        report["status"] = "degraded"
    if version and not model_service().servable:  # production: approved versions only
        report["status"], report["reason"] = "degraded", "model_not_approved"
    return report


def _redis_status(url: str) -> str:
    client = current_app.extensions.get("health_redis")
    if client is None:  # one small pool per app, with the same short timeouts as the stores
        client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        current_app.extensions["health_redis"] = client
    try:
        client.ping()
    except RedisError as exc:
        log.warning("health check: redis unavailable (%s)", exc.__class__.__name__)
        return "unavailable"
    return "ok"
