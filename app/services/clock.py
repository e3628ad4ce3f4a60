"""The time the session and log-in rules read; tests move it instead of sleeping."""

from __future__ import annotations

from datetime import datetime

from flask import current_app

from app.models import utcnow


def now() -> datetime:
    """UTC now, or the app's `extensions["clock"]()` when a test has set one."""
    clock = current_app.extensions.get("clock")
    return clock() if clock is not None else utcnow()
