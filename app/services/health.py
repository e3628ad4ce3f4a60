"""Health of the service: is the database reachable, which model is served."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.database import current_database
from app.services.models import model_service

log = logging.getLogger(__name__)


def check_health() -> dict[str, str | None]:
    database = "ok"
    try:
        with current_database().engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        log.warning("health check: database unavailable (%s)", exc.__class__.__name__)
        database = "unavailable"
    version = model_service().version
    status = "ok" if database == "ok" and version else "degraded"
    return {"status": status, "database": database, "model_version": version}
