"""Who is asking and in which language, for layouts and callbacks (request context only)."""

from __future__ import annotations

import time

from flask import current_app, request, session
from flask_login import current_user

from app.i18n import DEFAULT_LANGUAGE, LANGUAGES

LANG_COOKIE = "lang"
LOGGED_IN_AT = "logged_in_at"


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


def mark_login() -> None:
    """Remember when the user last gave their password (called by the log-in form)."""
    session[LOGGED_IN_AT] = time.time()


def is_fresh_login() -> bool:
    """True if the password was given within FRESH_LOGIN_MINUTES: destructive or bulk actions
    from the dashboard ask for it, as the API asks for a fresh token."""
    logged_in_at = session.get(LOGGED_IN_AT)
    if not isinstance(logged_in_at, (int, float)):
        return False
    age = time.time() - logged_in_at
    return 0 <= age <= current_app.config["FRESH_LOGIN_MINUTES"] * 60
