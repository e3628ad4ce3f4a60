"""A service's refusal, in the reader's language: the dashboard's face of the API's 401/403/429.

The permission table (services/permissions) says why an action is refused; a callback shows that
reason as the API answers it, never a silent no-op and never the service's English sentence.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from flask import current_app

from app.services.errors import Forbidden, FreshLoginRequired, RateLimited, ServiceError
from app.services.permissions import ActionForbidden, roles_for
from app.texts import t


def refusal_text(exc: ServiceError, lang: str) -> str | None:
    """The sentence for a refusal, a stale log-in or a spent budget; None for other errors."""
    if isinstance(exc, ActionForbidden) and exc.reason != "role":
        return t(f"forbidden_{exc.reason}", lang)
    if isinstance(exc, ActionForbidden):
        roles = ", ".join(t(f"role_{r}", lang).lower() for r in roles_for(exc.action))
        return t("forbidden_role", lang, roles=roles)
    if isinstance(exc, Forbidden):
        return t("forbidden_action", lang)
    if isinstance(exc, FreshLoginRequired):
        return t("fresh_login_required", lang, minutes=current_app.config["FRESH_LOGIN_MINUTES"])
    if isinstance(exc, RateLimited):
        return t("rate_limited", lang, seconds=exc.retry_after)
    return None


def refusal_alert(exc: ServiceError, lang: str, component_id: str):
    """A visible alert for a refusal (None if the error is not one: the caller handles it)."""
    text = refusal_text(exc, lang)
    if text is None:
        return None
    return dbc.Alert(text, color="warning", id=component_id, className="py-2 mb-0")
