"""POST /auth/login, /auth/refresh, /auth/logout: JWT access and refresh tokens."""

from __future__ import annotations

from flask_jwt_extended import get_jwt
from flask_limiter.util import get_remote_address

from app.api.errors import ApiError
from app.api.routing import Route
from app.api.schemas import requests as rq
from app.api.schemas import responses as rs
from app.services import auth


def login(body: rq.LoginRequest):
    address = get_remote_address() or "unknown"
    user = auth.authenticate(body.email, body.password, address, face="api")
    if user is None:  # one message for every failure: no account enumeration
        raise ApiError(401, "invalid_credentials", "Invalid e-mail or password.")
    return auth.issue_tokens(user)


def refresh(user):
    tokens = auth.rotate_refresh(user, get_jwt())
    if tokens is None:  # another request used this refresh token first
        raise ApiError(401, "token_revoked", "The token has been revoked.")
    return tokens


def logout(user):
    auth.logout(user, get_jwt())
    return {"revoked": True}


ROUTES = [
    Route(
        "POST",
        "/auth/login",
        login,
        "Log in: access and refresh tokens",
        "auth",
        roles=None,
        body=rq.LoginRequest,
        response=rs.TokenResponse,
        errors=(400, 401, 413, 415, 422, 429),
        description="Failed log-ins slow down per account and per address: after the "
        "RATELIMIT_LOGIN allowance, each failure doubles the wait (429 with Retry-After), "
        "up to 5 minutes.\n\n```\ncurl -s -X POST http://127.0.0.1:8050/api/v1/auth/login "
        "-H 'Content-Type: application/json' "
        '-d \'{"email": "conseiller1@demo.example", '
        '"password": "Demo-Conseil-2026"}\'\n```',
    ),
    Route(
        "POST",
        "/auth/refresh",
        refresh,
        "New access and refresh tokens from a refresh token (rotation)",
        "auth",
        kind="refresh",
        response=rs.TokenResponse,
        errors=(401,),
        description="Send the **refresh** token as the Bearer token. The answer holds a new "
        "refresh token: the one sent is revoked and refused if sent again.",
    ),
    Route(
        "POST",
        "/auth/logout",
        logout,
        "End the log-in: the token sent and every token of the same log-in",
        "auth",
        kind="any",
        response=rs.LogoutResponse,
        errors=(401,),
        description="Send either token (access or refresh): both, and every token obtained "
        "from them by refresh, are revoked; revocations survive a restart.",
    ),
]
