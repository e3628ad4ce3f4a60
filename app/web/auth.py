"""Log-in and log-out for the dashboard, on the same users as the API (Flask-Login sessions).

The form carries a per-session CSRF token; the session cookie is HttpOnly and SameSite=Lax (and
Secure in production), so a cross-site page can neither read it nor post with it.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, redirect, render_template, request, session, url_for
from flask_login import LoginManager, current_user, login_user, logout_user

from app.database import current_database
from app.i18n import LANGUAGES
from app.models import User
from app.services.passwords import verify_password
from app.services.users import find_by_email
from app.texts import page_texts
from app.web.session import LANG_COOKIE, mark_login, session_language

log = logging.getLogger(__name__)
bp = Blueprint("web", __name__)
login_manager = LoginManager()
# Verified against when the e-mail is unknown, so both failures take the same time.
_DUMMY_HASH = "scrypt:32768:8:1$abcdefghijklmnop$" + "0" * 128


class SessionUser:
    """What Flask-Login keeps: the id and role, reloaded (and re-checked active) per request."""

    def __init__(self, user: User) -> None:
        self.user = user  # the ORM row, for the services (attached to this request's session)
        self.id, self.email, self.role = user.id, user.email, user.role.value
        self.is_authenticated, self.is_active, self.is_anonymous = True, True, False

    def get_id(self) -> str:
        return str(self.id)


@login_manager.user_loader
def load_user(user_id: str) -> SessionUser | None:
    try:
        user = current_database().session.get(User, uuid.UUID(user_id))
    except ValueError:
        return None
    return SessionUser(user) if user is not None and user.active else None


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "web.login"
    app.register_blueprint(bp)


def current_language() -> str:
    lang = request.args.get("lang")
    return lang if lang in LANGUAGES else session_language()


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _check_csrf() -> None:
    sent = request.form.get("csrf_token", "")
    if not sent or not secrets.compare_digest(sent, session.get("csrf", "")):
        abort(400, "invalid or missing CSRF token")


def _safe_next(target: str | None) -> str:
    """Only same-site relative paths: never an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    parts = urlsplit(target)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@bp.route("/login", methods=["GET", "POST"])
def login():
    lang = current_language()
    error = None
    if request.method == "POST":
        _check_csrf()
        email = request.form.get("email", "").strip().lower()
        user = find_by_email(email) if email else None
        valid = verify_password(
            user.password_hash if user else _DUMMY_HASH, request.form.get("password", "")
        )
        if user is not None and user.active and valid:
            session.clear()  # a fresh session id on log-in (no fixation)
            login_user(SessionUser(user))
            mark_login()  # when the password was given: erasure needs it recent
            log.info("dashboard log-in of user %s", user.id)
            return redirect(_safe_next(request.args.get("next")))
        error = "login_failed"
    if current_user.is_authenticated and request.method == "GET":
        return redirect("/")
    response = render_template(
        "login.html",
        t=page_texts(lang),
        lang=lang,
        error=error,
        csrf_token=csrf_token(),
        next=_safe_next(request.args.get("next")),
    )
    return response, 401 if error else 200


@bp.route("/logout", methods=["POST"])
def logout():
    _check_csrf()
    logout_user()
    session.clear()
    return redirect(url_for("web.login"))


@bp.route("/language/<lang>")
def set_language(lang: str):
    if lang not in LANGUAGES:
        abort(404)
    response = redirect(_safe_next(request.args.get("next")))
    response.set_cookie(
        LANG_COOKIE,
        lang,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        httponly=False,
        secure=request.is_secure,
    )
    return response
