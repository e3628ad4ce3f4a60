"""The dashboard over HTTP (Flask test client): log-in, CSRF, and no data without a session."""

from __future__ import annotations

import json

import pytest
from dashboard_helpers import dash_call, log_in, registered_outputs

from app.callbacks.client import LOAD_OUTPUTS

PAGES = ("/", "/clients/{id}", "/simulator", "/model", "/gdpr", "/admin")
CLIENT_OUTPUTS = [tuple(o.split(".")) for o in LOAD_OUTPUTS]


def load_client_call(http, client_id):
    return dash_call(
        http,
        CLIENT_OUTPUTS,
        [("client-id", "data", str(client_id)), ("client-rectified", "data", 0)],
        ["client-id.data"],
    )


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_page_request_goes_to_log_in(dash_app, book, path):
    answer = dash_app.test_client().get(path.format(id=book["fresh"].id))
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("/login?next=")
    assert str(book["fresh"].id) not in answer.headers["Location"].split("next=")[0]


@pytest.mark.parametrize("path", ["/_dash-layout", "/_dash-dependencies", "/_reload-hash"])
def test_anonymous_dash_api_is_refused(dash_app, path):
    answer = dash_app.test_client().get(path)
    assert answer.status_code == 401
    assert answer.get_json()["error"]["code"] == "login_required"


def test_anonymous_callback_is_refused_and_gives_no_data(dash_app, book):
    answer = load_client_call(dash_app.test_client(), book["fresh"].id)
    assert answer.status_code == 401
    body = answer.get_data(as_text=True)
    assert "client-gauge" not in body and str(book["fresh"].features()["income"]) not in body
    assert book["fresh"].probability is None  # nothing was scored


def test_log_in_page_and_assets_are_public(dash_app):
    http = dash_app.test_client()
    assert http.get("/login").status_code == 200
    with http.get("/assets/lib/bootstrap/bootstrap.min.css") as answer:
        assert answer.status_code == 200


def test_log_in_needs_the_csrf_token(dash_app, people):
    http = dash_app.test_client()
    http.get("/login")
    answer = http.post(
        "/login", data={"email": "adviser@bank.example", "password": "Correct-Horse-42"}
    )
    assert answer.status_code == 400
    assert http.get("/").status_code == 302


def test_wrong_password_is_refused(dash_app, people):
    http = dash_app.test_client()
    answer = log_in(http, "adviser@bank.example", "Wrong-Password-99")
    assert answer.status_code == 401
    assert "login-error" in answer.get_data(as_text=True)
    assert http.get("/_dash-layout").status_code == 401


def test_session_cookie_is_httponly_and_samesite(dash_app, people):
    answer = log_in(dash_app.test_client(), "adviser@bank.example")
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_log_in_redirects_only_within_the_site(dash_app, people):
    http = dash_app.test_client()
    page = http.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    answer = http.post(
        "/login?next=//evil.example/x",
        data={"csrf_token": token, "email": "adviser@bank.example", "password": "Correct-Horse-42"},
    )
    assert answer.status_code == 302 and answer.headers["Location"] == "/"


def test_logged_in_adviser_gets_pages_and_own_client(dash_app, people, book):
    http = dash_app.test_client()
    assert log_in(http, "adviser@bank.example").status_code == 302
    for path in PAGES:
        assert http.get(path.format(id=book["fresh"].id)).status_code == 200
    assert http.get("/_dash-layout").status_code == 200
    answer = load_client_call(http, book["fresh"].id)
    assert answer.status_code == 200
    response = answer.get_json()["response"]
    assert response["client-gauge"]["figure"]["data"][0]["value"] > 0
    assert response["client-error"]["children"] is None


def test_adviser_cannot_get_another_advisers_client_through_a_callback(dash_app, people, book):
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    answer = load_client_call(http, book["foreign"].id)
    assert answer.status_code == 200
    response = answer.get_json()["response"]
    assert response["client-error"]["children"]["props"]["id"] == "client-not-found"
    assert response["client-features"]["children"] is None
    assert response["client-gauge"]["figure"]["data"] == []
    text = json.dumps(response)
    assert str(int(book["foreign"].features()["income"])) not in text
    history = dash_call(
        http,
        registered_outputs(dash_app.extensions["dash_app"], "client-history.children"),
        [
            ("client-id", "data", str(book["foreign"].id)),
            ("client-refresh", "data", 0),
            ("client-review-request", "children", None),
        ],
        ["client-id.data"],
    )
    assert history.status_code in (200, 204)
    if history.status_code == 200:
        assert history.get_json()["response"]["client-history"]["children"] is None
    outputs = registered_outputs(dash_app.extensions["dash_app"], "simulator-source.children")
    prefill = dash_call(
        http,
        outputs,
        [
            ("simulator-client", "data", str(book["foreign"].id)),
            ("simulator-reset", "n_clicks", None),
        ],
        ["simulator-client.data"],
    )
    assert prefill.status_code == 200
    shown = prefill.get_json()["response"]
    assert set(shown) == {"simulator-source", "simulator-stale"}  # no feature values
    assert shown["simulator-stale"]["children"] is None


def test_log_out_needs_the_csrf_token_and_ends_the_session(dash_app, people):
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    assert http.post("/logout").status_code == 400
    page = http.get("/").get_data(as_text=True)
    assert http.get("/_dash-layout").status_code == 200
    layout = http.get("/_dash-layout").get_data(as_text=True)
    token = (
        layout.split('"name":"csrf_token"')[0].rsplit('"value":"', 1)[-1].split('"')[0]
        if '"name":"csrf_token"' in layout
        else None
    )
    assert page and token
    assert http.post("/logout", data={"csrf_token": token}).status_code == 302
    assert http.get("/_dash-layout").status_code == 401


def test_language_switch_sets_a_cookie_and_stays_on_the_page(dash_app, people):
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    answer = http.get("/language/en?next=/simulator%3Fclient%3Dabc")
    assert answer.status_code == 302 and answer.headers["Location"] == "/simulator?client=abc"
    assert "lang=en" in answer.headers["Set-Cookie"]
    layout = http.get("/_dash-layout").get_json()
    assert "Log out" in json.dumps(layout)
    assert http.get("/language/de").status_code == 404


def test_every_dashboard_route_refuses_an_anonymous_request(dash_app, book):
    """Walks the URL map, so a route Dash adds in a later version is covered too."""
    public = (
        "/login",
        "/language/",
        "/assets/",
        "/static/",
        "/_dash-component-suites/",
        "/_favicon.ico",
        "/api/",
    )
    http = dash_app.test_client()
    checked = 0
    for rule in dash_app.url_map.iter_rules():
        if rule.rule.startswith(public):
            continue
        path = rule.rule.replace("<path:path>", f"clients/{book['fresh'].id}")
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            answer = http.open(path, method=method, json={})
            assert answer.status_code in (302, 400, 401, 403), (method, path)
            if answer.status_code == 302:
                assert answer.headers["Location"].startswith("/login")
            body = answer.get_data(as_text=True)  # a redirect may echo the URL asked for
            assert str(book["stale"].id) not in body
            assert "38000" not in body.replace(str(book["fresh"].id), "")
            checked += 1
    assert checked >= 6  # /, the page catch-all, layout, dependencies, callbacks, reload hash
