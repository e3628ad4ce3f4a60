"""Every dashboard page and every Dash endpoint requires a logged-in user.

Dash adds its own routes (`/_dash-layout`, `/_dash-update-component`, a catch-all for pages);
this guard runs before all of them. Anonymous page requests are redirected to the log-in page;
anonymous Dash API requests get a 401 and never data. Only the log-in page, the JSON API (which
has its own JWT checks), static files and Dash's JavaScript bundles are public.
"""

from __future__ import annotations

from flask import Flask, current_app, jsonify, redirect, request, url_for
from flask_login import current_user
from werkzeug.routing import Map, Rule

from app.api import API_PREFIX

PUBLIC_PREFIXES = ("/assets/", "/_dash-component-suites/", "/static/")
PUBLIC_PATHS = ("/login", "/favicon.ico", "/_favicon.ico")


def init_app(app: Flask) -> None:
    app.before_request(require_login)


def _api_routes() -> Map:
    """The API's rules alone, to tell 404 from 405 for paths Dash's catch-all also matches."""
    routes = current_app.extensions.get("api_routes")
    if routes is None:
        routes = Map(
            [
                Rule(r.rule, methods=r.methods, endpoint=r.endpoint)
                for r in current_app.url_map.iter_rules()
                if r.endpoint.startswith("api.")
            ]
        )
        current_app.extensions["api_routes"] = routes
    return routes


def require_login():
    path = request.path
    if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
        if request.blueprint != "api":
            # Dash's catch-all took it: answer as the API would (JSON 404 or 405), never HTML.
            _api_routes().bind("").match(path, method=request.method)
        return None
    if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES) or path.startswith("/language/"):
        return None
    if current_user.is_authenticated:
        return None
    if path.startswith("/_"):  # Dash's own endpoints: callbacks, layout, dependencies
        response = jsonify(
            {
                "error": {
                    "status": 401,
                    "code": "login_required",
                    "message": "Log in to use the dashboard.",
                    "fields": {},
                }
            }
        )
        response.status_code = 401
        return response
    return redirect(url_for("web.login", next=request.full_path.rstrip("?")))
