"""Extension instances, initialised by the application factory.

JWTManager keeps no per-app state, so one unbound instance serves every app. Flask-Limiter keeps
its storage and enabled flag on the instance, so each app gets its own (tests build many apps).
"""

from __future__ import annotations

from flask import Flask, current_app, g, request
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

jwt = JWTManager()


def identity_or_address() -> str:
    """Rate-limit key: the caller's identity when a valid access token is sent, else the address.

    A bad or missing token falls back to the address; the view refuses it with a 401 anyway.
    Computed once per request (each limit asks for it; a JWT decode costs ~0.3 ms here).
    """
    if "rate_limit_key" not in g:
        g.rate_limit_key = _identity_or_address()
    return g.rate_limit_key


def _identity_or_address() -> str:
    from flask_jwt_extended import decode_token

    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        try:
            return "user:" + str(decode_token(header[7:])["sub"])
        except Exception:  # noqa: S110 - an invalid token is simply keyed by address
            pass
    return "addr:" + (get_remote_address() or "unknown")


def _outside_api() -> bool:
    from app.api import API_PREFIX

    return not request.path.startswith(API_PREFIX + "/")


def init_limiter(app: Flask) -> Limiter:
    """A Limiter for this app; RATELIMIT_* settings are read by Flask-Limiter itself."""
    limiter = Limiter(key_func=identity_or_address, default_limits_exempt_when=_outside_api)
    limiter.init_app(app)
    app.extensions["rate_limiter"] = limiter
    return limiter


def current_limiter() -> Limiter:
    return current_app.extensions["rate_limiter"]
