"""Log-in and log-out for the dashboard, on the same users as the API (Flask-Login sessions).

The form carries a per-session CSRF token; the session cookie is HttpOnly and SameSite=Lax (and
Secure in production), so a cross-site page can neither read it nor post with it. The cookie only
names a session kept on the server (services/web_sessions): log-out, the idle timeout and the
absolute lifetime end it there, whatever copies of the cookie exist.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, redirect, render_template, request, session, url_for
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user, login_user, logout_user

from app.i18n import LANGUAGES, format_number
from app.models import User
from app.services import auth as auth_service
from app.services import web_sessions
from app.services.login_throttle import Throttled
from app.texts import page_texts, t
from app.web.session import LANG_COOKIE, SESSION_TOKEN, session_language

log = logging.getLogger(__name__)
bp = Blueprint("web", __name__)
login_manager = LoginManager()


class SessionUser:
    """What Flask-Login keeps: the id and role, reloaded (and re-checked active) per request."""

    def __init__(self, user: User, logged_in_at: datetime | None = None) -> None:
        self.user = user  # the ORM row, for the services (attached to this request's session)
        self.id, self.email, self.role = user.id, user.email, user.role.value
        self.logged_in_at = logged_in_at  # when the password was given (fresh log-in checks)
        self.is_authenticated, self.is_active, self.is_anonymous = True, True, False

    def get_id(self) -> str:
        return str(self.id)


@login_manager.user_loader
def load_user(user_id: str) -> SessionUser | None:
    """The user only while the server-side session the cookie names is alive."""
    active = web_sessions.resume(session.get(SESSION_TOKEN), user_id)
    if active is None:
        session.pop(SESSION_TOKEN, None)
        return None
    return SessionUser(active.user, active.logged_in_at)


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
    error, status, headers = None, 200, {}
    if request.method == "POST":
        _check_csrf()
        try:
            user = auth_service.authenticate(
                request.form.get("email", ""),
                request.form.get("password", ""),
                get_remote_address() or "unknown",
                face="dashboard",
            )
        except Throttled as exc:
            user, status, headers = None, 429, {"Retry-After": str(exc.retry_after)}
            error = t("login_throttled", lang, seconds=format_number(exc.retry_after, lang))
        if user is not None:
            session.clear()  # a fresh session id on log-in (no fixation)
            started = web_sessions.start(user)
            session[SESSION_TOKEN] = started.token
            login_user(SessionUser(user, started.logged_in_at))
            log.info("dashboard log-in of user %s", user.id)
            return _forget_browser_storage(redirect(_safe_next(request.args.get("next"))))
        if error is None:
            error, status = page_texts(lang)["login_failed"], 401
    if current_user.is_authenticated and request.method == "GET":
        return redirect("/")
    notice = page_texts(lang)["logged_out"] if session.pop("logged_out", False) else None
    response = render_template(
        "login.html",
        t=page_texts(lang),
        lang=lang,
        error=error,
        notice=notice,
        csrf_token=csrf_token(),
        next=_safe_next(request.args.get("next")),
    )
    return response, status, headers


@bp.route("/logout", methods=["POST"])
def logout():
    _check_csrf()
    user_id = current_user.id if current_user.is_authenticated else None
    web_sessions.end(session.get(SESSION_TOKEN))
    if user_id is not None:
        auth_service.logged_out(user_id, face="dashboard")
    logout_user()
    session.clear()
    session["logged_out"] = True  # the log-in page confirms it, once
    return _forget_browser_storage(redirect(url_for("web.login")))


def _forget_browser_storage(response):
    """The browser drops what pages kept in its storage (the portfolio's filters persist in the
    tab's session storage): whoever logs in next in that tab starts afresh, however the last
    session ended. A standard header (W3C Clear Site Data), so no script is needed."""
    response.headers["Clear-Site-Data"] = '"storage"'
    return response


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
