"""The JSON API under /api/v1: one blueprint, one module per resource, JSON errors only."""

from __future__ import annotations

from flask import Blueprint, Flask

API_PREFIX = "/api/v1"


def init_app(app: Flask) -> None:
    from app.api import errors, health

    bp = Blueprint("api", __name__, url_prefix=API_PREFIX)
    errors.register(app, bp)
    health.register(bp)
    app.register_blueprint(bp)
