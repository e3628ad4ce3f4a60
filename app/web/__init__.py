"""Browser sessions for the dashboard: log-in, log-out, language, and the guard on Dash routes."""

from __future__ import annotations

from flask import Flask

from app.web import auth, guard


def init_app(app: Flask) -> None:
    auth.init_app(app)
    guard.init_app(app)
