"""Application factory: one Flask server for the /api/v1 blueprints and the Dash dashboard."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask

from app.config import load_config
from app.json_provider import DepthSafeJSONProvider


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app; `config` overrides the environment (tests pass their own)."""
    app = Flask(__name__, instance_relative_config=False)
    app.json = DepthSafeJSONProvider(app)  # a 50,000-deep body is a 400, never a 500
    app.config.from_mapping(load_config(overrides=config))
    configure_logging(app)
    register_extensions(app)
    register_api(app)
    register_dashboard(app)
    register_commands(app)
    return app


def configure_logging(app: Flask) -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=app.config["LOG_LEVEL"],
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )


def register_extensions(app: Flask) -> None:
    from app.database import Database
    from app.extensions import init_limiter, jwt
    from app.services import auth, tokens
    from app.services.models import ModelService

    Database().init_app(app)
    ModelService().init_app(app)
    jwt.init_app(app)
    init_limiter(app)
    tokens.init_app(app)
    auth.init_app(app)


def register_api(app: Flask) -> None:
    from app.api import init_app as init_api

    init_api(app)


def register_dashboard(app: Flask) -> None:
    from app import dashboard, web
    from app.web import security

    web.init_app(app)
    dash_app = dashboard.init_app(app)
    security.init_app(app, dash_app.csp_hashes)


def register_commands(app: Flask) -> None:
    from app.cli import init_app as init_cli

    init_cli(app)
