"""The JSON API under /api/v1: one blueprint, one module per resource, JSON errors only.

Each resource module declares its routes once (`ROUTES`); the same table registers the views
and generates the OpenAPI document.
"""

from __future__ import annotations

from flask import Blueprint, Flask

API_PREFIX = "/api/v1"


def routes() -> list:
    from app.api import (
        admin,
        auth,
        clients,
        jobs,  # issue 14 §4: portfolio jobs
        letters,  # issue 13 §4: the client's letter
        models,
        monitoring,  # issue 12 §2: drift
        outcomes,
        reviews,
        rights,
        scoring,
        users,
    )

    return [
        *auth.ROUTES,
        *scoring.ROUTES,
        *clients.ROUTES,
        *rights.ROUTES,
        *letters.ROUTES,
        *reviews.ROUTES,
        *models.ROUTES,
        *outcomes.ROUTES,
        *users.ROUTES,
        *admin.ROUTES,
        *monitoring.ROUTES,
        *jobs.ROUTES,
    ]


def init_app(app: Flask) -> None:
    from app.api import docs, errors, health, routing

    bp = Blueprint("api", __name__, url_prefix=API_PREFIX)
    errors.register(app, bp)
    health.register(bp)
    table = routes()
    routing.register(app, bp, table)
    docs.register(bp, table, API_PREFIX)
    app.register_blueprint(bp)
    limiter = app.extensions["rate_limiter"]
    # The log-in has its own throttle (services/login_throttle), shared with the dashboard;
    # under the default limit too, its 429 would carry that limit's Retry-After, not its own.
    for endpoint in ("health", "openapi_json", "docs", "docs_init", "docs_asset", "login"):
        limiter.exempt(app.view_functions[f"api.{endpoint}"])
