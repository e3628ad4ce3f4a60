"""Security headers on every response, HTTPS in production, CORS closed unless configured.

The Content-Security-Policy allows only this origin: scripts from /_dash-component-suites and
/assets plus the hashes of Dash's own inline scripts (its bootstrap, and the tab title's update
that Dash pages adds on the server's first request: so the hashes are read per response); nothing
from a CDN.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, redirect, request
from werkzeug.middleware.proxy_fix import ProxyFix

HSTS_SECONDS = 63_072_000  # two years


def init_app(app: Flask, script_hashes: Callable[[], list[str]]) -> None:
    if app.config["APP_ENV"] == "production":
        # Heroku and Render terminate TLS and say so in X-Forwarded-Proto.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)
        # First of all: an http request is redirected before the log-in guard sees it.
        app.before_request_funcs.setdefault(None, []).insert(0, _require_https)
    origins = set(app.config.get("CORS_ORIGINS") or ())

    @app.after_request
    def add_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", content_security_policy(script_hashes()))
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if request.is_secure:
            headers["Strict-Transport-Security"] = f"max-age={HSTS_SECONDS}; includeSubDomains"
        if not request.path.startswith(("/assets/", "/_dash-component-suites/")):
            headers.setdefault("Cache-Control", "no-store")
        origin = request.headers.get("Origin")
        if origin and origin in origins and request.path.startswith("/api/"):
            headers["Access-Control-Allow-Origin"] = origin
            headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
            headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE"
            response.vary.add("Origin")  # keep any Vary already set (Cookie)
        return response


def content_security_policy(script_hashes: list[str]) -> str:
    scripts = " ".join(["'self'", *script_hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",  # plotly and Dash set inline styles
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def _require_https():
    if request.is_secure or request.path == "/api/v1/health":
        return None
    return redirect(request.url.replace("http://", "https://", 1), code=301)
