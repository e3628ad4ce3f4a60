"""Human oversight (AI Act Art. 14): an administrator can switch the model off and on.

The switch lives in the database, so every worker and every process sees it. Each process
re-reads it at most every SWITCH_CACHE_SECONDS (not one database round trip more per score),
and at once after its own change. While it is off,
scoring answers "manual_review" with no probability, and the dashboard shows a banner.
"""

from __future__ import annotations

import time

from flask import current_app
from sqlalchemy import select

from app.database import current_database
from app.models import AppSetting, User, utcnow
from app.services import audit, permissions

MODEL_ENABLED = "model_enabled"


SWITCH_CACHE_SECONDS = 1.0
_CACHE = "model_switch_cache"


def model_enabled() -> bool:
    """The switch as this process last read it, re-read once SWITCH_CACHE_SECONDS have passed."""
    cached = current_app.extensions.get(_CACHE)
    now = time.monotonic()
    if cached is not None and cached[0] > now:
        return cached[1]
    value = current_database().session.scalar(
        select(AppSetting.value).where(AppSetting.key == MODEL_ENABLED)
    )
    enabled = value is None or bool(value)
    current_app.extensions[_CACHE] = (now + SWITCH_CACHE_SECONDS, enabled)
    return enabled


def set_model_enabled(enabled: bool, actor: User) -> dict:
    permissions.require(actor, "switch_model")
    with current_database().transaction() as session:
        setting = session.get(AppSetting, MODEL_ENABLED)
        if setting is None:
            setting = AppSetting(key=MODEL_ENABLED)
            session.add(setting)
        setting.value, setting.updated_at, setting.updated_by = bool(enabled), utcnow(), actor.id
        audit.record("model_switch", actor.id, details={"enabled": bool(enabled)})
    current_app.extensions.pop(_CACHE, None)  # this process sees its own change at once
    return status()


def switch_status(actor: User) -> dict:
    """The switch's state, who changed it and when, for whoever may change it."""
    permissions.require(actor, "switch_model")
    return status()


def status() -> dict:
    session = current_database().session
    setting = session.get(AppSetting, MODEL_ENABLED)
    author = session.get(User, setting.updated_by) if setting and setting.updated_by else None
    return {
        "enabled": setting is None or bool(setting.value),
        "changed_at": setting.updated_at.isoformat() if setting else None,
        "changed_by": str(setting.updated_by) if setting and setting.updated_by else None,
        "changed_by_email": author.email if author else None,  # who to ask why
    }
