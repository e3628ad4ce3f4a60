"""GET /api/v1/health: liveness for the platform's router, no authentication, no data."""

from __future__ import annotations

from flask import Blueprint, jsonify

from app.api.errors import RETRY_AFTER_SECONDS
from app.services.health import check_health


def register(bp: Blueprint) -> None:
    bp.add_url_rule("/health", view_func=health, methods=["GET"])


def health():
    report = check_health()
    response = jsonify(report)
    if "unavailable" in report.values():  # the database, or Redis when configured
        response.status_code = 503
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response
