"""Who is asking and in which language, for layouts and callbacks (request context only)."""

from __future__ import annotations

from flask import current_app, request
from flask_login import current_user

from app.i18n import DEFAULT_LANGUAGE, LANGUAGES
from app.services import web_sessions

LANG_COOKIE = "lang"
SESSION_TOKEN = "sid"  # noqa: S105 - the signed cookie's key for the server session's token


def session_user():
    """The logged-in SessionUser, or None (the guard already refused anonymous requests)."""
    return current_user if current_user.is_authenticated else None


def session_actor():
    """The logged-in user's ORM row, as the services expect it, or None."""
    user = session_user()
    return user.user if user is not None else None


def session_language() -> str:
    lang = request.cookies.get(LANG_COOKIE)
    if lang in LANGUAGES:
        return lang
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)


def is_fresh_login(minutes: float | None = None) -> bool:
    """True if the password was given within `minutes` (default FRESH_LOGIN_MINUTES):
    destructive or bulk actions from the dashboard ask for it, as the API asks for a fresh token.
    The time is the log-in's, kept in the server-side session (services/web_sessions)."""
    user = session_user()
    if minutes is None:
        minutes = current_app.config["FRESH_LOGIN_MINUTES"]
    return user is not None and web_sessions.is_fresh(user.logged_in_at, minutes)
