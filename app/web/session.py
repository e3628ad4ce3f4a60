"""Who is asking and in which language, for layouts and callbacks (request context only)."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from app.i18n import DEFAULT_LANGUAGE, LANGUAGES

LANG_COOKIE = "lang"


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
