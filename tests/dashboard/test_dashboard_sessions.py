"""Dashboard sessions live on the server: log-out, the idle timeout and the absolute lifetime end
them, and a copied cookie then gets exactly what an anonymous browser gets (issue 11 §3)."""

from __future__ import annotations

import contextvars
import hashlib
from datetime import timedelta

import pytest
from dashboard_helpers import dash_call, log_in
from flask.testing import FlaskClient
from session_helpers import Browser, log_out
from sqlalchemy import select

from app.callbacks.client import LOAD_OUTPUTS
from app.database import current_database
from app.models import WebSession, utcnow
from app.web.session import is_fresh_login

CLIENT_OUTPUTS = [tuple(o.split(".")) for o in LOAD_OUTPUTS]


@pytest.fixture(autouse=True)
def browsers(dash_app):
    dash_app.test_client_class = Browser


def load_client_call(http, client_id):
    return dash_call(
        http,
        CLIENT_OUTPUTS,
        [("client-id", "data", str(client_id)), ("client-rectified", "data", 0)],
        ["client-id.data"],
    )


def copy_of(dash_app, http):
    """Another browser holding a copy of this browser's session cookie."""
    thief = dash_app.test_client()
    thief.set_cookie("session", http.get_cookie("session").value)
    return thief


def same_as_anonymous(dash_app, http, client_id):
    """The answers of this browser are an anonymous browser's: for a page and for a callback."""
    anonymous = dash_app.test_client()
    for ask in (lambda c: c.get("/"), lambda c: load_client_call(c, client_id)):
        got, expected = ask(http), ask(anonymous)
        assert (got.status_code, got.headers.get("Location"), got.get_data()) == (
            expected.status_code,
            expected.headers.get("Location"),
            expected.get_data(),
        )
    return True


@pytest.fixture
def clock(dash_app):
    """Move the time the session rules read (no sleeping)."""
    start = utcnow()

    def move(**delta):
        dash_app.extensions["clock"] = lambda: start + timedelta(**delta)

    move()
    yield move
    dash_app.extensions.pop("clock", None)


def test_a_copied_cookie_is_refused_after_log_out(dash_app, people, book):
    http = dash_app.test_client()
    assert log_in(http, "adviser@bank.example").status_code == 302
    thief = copy_of(dash_app, http)
    assert thief.get("/").status_code == 200  # the copy works while the session lives
    assert load_client_call(thief, book["fresh"].id).status_code == 200

    assert log_out(http).status_code == 302

    assert thief.get("/").status_code == 302
    assert load_client_call(thief, book["fresh"].id).status_code == 401
    assert same_as_anonymous(dash_app, thief, book["fresh"].id)


def test_log_out_is_confirmed_once_in_the_readers_language(dash_app, people):
    for lang, words in (("fr", "Vous êtes déconnecté(e)"), ("en", "You have been logged out")):
        http = dash_app.test_client()
        http.set_cookie("lang", lang)
        log_in(http, "adviser@bank.example")
        page = http.get(log_out(http).headers["Location"]).get_data(as_text=True)
        assert words in page
        assert words not in http.get("/login").get_data(as_text=True)  # once, not forever
        assert words not in dash_app.test_client().get("/login").get_data(as_text=True)


def test_log_in_and_log_out_tell_the_browser_to_forget_what_pages_stored(dash_app, people):
    """The portfolio's filters persist in the tab's storage: the header that clears it comes
    with every successful log-in and every log-out, never with a failed attempt."""
    http = dash_app.test_client()
    failed = log_in(http, "adviser@bank.example", "not-the-password")
    assert failed.status_code == 401 and "Clear-Site-Data" not in failed.headers
    logged_in = log_in(http, "adviser@bank.example")
    assert logged_in.status_code == 302
    assert logged_in.headers["Clear-Site-Data"] == '"storage"'
    logged_out = log_out(http)
    assert logged_out.status_code == 302
    assert logged_out.headers["Clear-Site-Data"] == '"storage"'


def test_the_session_ends_after_the_idle_timeout(dash_app, people, book, clock):
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    clock(minutes=29)
    assert http.get("/").status_code == 200
    clock(minutes=29 + 29)  # each request restarts the idle time
    assert http.get("/").status_code == 200
    clock(minutes=29 + 29 + 30)
    assert same_as_anonymous(dash_app, http, book["fresh"].id)
    clock(minutes=29 + 29)  # ended is ended, even if the clock went back
    assert http.get("/").status_code == 302


def test_the_idle_timeout_is_a_setting(make_app, model_registry, people):
    application = make_app(MODEL_REGISTRY_DIR=str(model_registry), SESSION_IDLE_MINUTES=5)
    application.test_client_class, start = Browser, utcnow()
    with application.app_context():
        http = application.test_client()
        log_in(http, "adviser@bank.example")
        application.extensions["clock"] = lambda: start + timedelta(minutes=4)
        assert http.get("/").status_code == 200
        application.extensions["clock"] = lambda: start + timedelta(minutes=4 + 5)
        assert http.get("/").status_code == 302


def test_the_session_ends_after_its_lifetime_even_when_active(dash_app, people, book, clock):
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    for minutes in range(20, 10 * 60, 20):  # a request every 20 minutes: never idle
        clock(minutes=minutes)
        assert http.get("/").status_code == 200, minutes
    clock(hours=10)
    assert same_as_anonymous(dash_app, http, book["fresh"].id)


def test_a_fresh_log_in_is_the_password_given_within_the_window(dash_app, people, clock):
    http = dash_app.test_client()

    def freshness(*windows):
        with http:
            FlaskClient.open(http, "/")  # keeps this request's context open for the check
            return [is_fresh_login(*w) for w in windows]

    log_in(http, "adviser@bank.example")
    assert contextvars.Context().run(freshness, (5,), ()) == [True, True]  # default 5 minutes
    clock(minutes=6)
    assert contextvars.Context().run(freshness, (5,), (), (10,)) == [False, False, True]
    log_out(http)
    log_in(http, "adviser@bank.example")  # giving the password again makes it fresh
    assert contextvars.Context().run(freshness, (5,)) == [True]


def test_the_server_keeps_only_a_hash_of_the_session_token(dash_app, people):
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    with http.session_transaction() as session:
        token = session["sid"]
    stored = current_database().session.scalars(select(WebSession.id)).all()
    assert stored == [hashlib.sha256(token.encode()).hexdigest()]
    assert token not in stored
    # A reader of the table who puts the stored value in a cookie is not logged in.
    forged = dash_app.test_client()
    with forged.session_transaction() as session:
        session.update({"sid": stored[0], "_user_id": str(people["adviser"].id), "_fresh": True})
    assert forged.get("/").status_code == 302
