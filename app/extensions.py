"""Extension instances, initialised by the application factory.

JWTManager keeps no per-app state, so one unbound instance serves every app. Flask-Limiter keeps
its storage and enabled flag on the instance, so each app gets its own (tests build many apps).
Per-request memos live in the WSGI environ, not in `g`: an app context can outlive a request.
"""

from __future__ import annotations

from flask import Flask, current_app, has_request_context, request
from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

_DECODED = "credit_scoring.decoded_jwt"
_RATE_KEY = "credit_scoring.rate_limit_key"


class RequestJWTManager(JWTManager):
    """Verifies a request's token once: the rate limiter's key and the view's check share it.

    The limiter needs the caller's identity before the view runs, and flask-jwt-extended
    decodes on every call (PyJWT parses the token three times per decode). Only a successful,
    fully verified decode is kept, for that token and that request only; failures decode again.
    """

    def _decode_jwt_from_config(self, encoded_token, csrf_value=None, allow_expired=False):
        if not has_request_context():
            return super()._decode_jwt_from_config(encoded_token, csrf_value, allow_expired)
        memo = request.environ.setdefault(_DECODED, {})
        key = (encoded_token, csrf_value, allow_expired)
        if key not in memo:
            memo[key] = super()._decode_jwt_from_config(encoded_token, csrf_value, allow_expired)
        return memo[key]


jwt = RequestJWTManager()


def identity_or_address() -> str:
    """Rate-limit key: the caller's identity when a valid access token is sent, else the address.

    A bad or missing token falls back to the address; the view refuses it with a 401 anyway.
    Computed once per request (each limit asks for it).
    """
    if _RATE_KEY not in request.environ:
        request.environ[_RATE_KEY] = _identity_or_address()
    return request.environ[_RATE_KEY]


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
