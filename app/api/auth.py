"""POST /auth/login, /auth/refresh, /auth/logout: JWT access and refresh tokens."""

from __future__ import annotations

from flask import request
from flask_jwt_extended import get_jwt
from flask_limiter.util import get_remote_address

from app.api.errors import ApiError
from app.api.routing import Limit, Route
from app.api.schemas import requests as rq
from app.api.schemas import responses as rs
from app.services import auth


def _login_email() -> str:
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return "login-email:" + (email.strip().lower() if isinstance(email, str) else "")


def _login_address() -> str:
    return "login-addr:" + (get_remote_address() or "unknown")


def login(body: rq.LoginRequest):
    user = auth.authenticate(body.email, body.password)
    if user is None:  # one message for every failure: no account enumeration
        raise ApiError(401, "invalid_credentials", "Invalid e-mail or password.")
    return auth.issue_tokens(user)


def refresh(user):
    return auth.refresh_access(user)


def logout(user):
    claims = get_jwt()
    auth.logout(user, claims["jti"], claims["exp"])
    return {"revoked": True}


LOGIN_LIMITS = (
    Limit("RATELIMIT_LOGIN", key=_login_email, failures_only=True),
    Limit("RATELIMIT_LOGIN", key=_login_address, failures_only=True),
)

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
        limits=LOGIN_LIMITS,
        description="Failed log-ins are limited per account and per address "
        "(RATELIMIT_LOGIN).\n\n```\ncurl -s -X POST http://127.0.0.1:8050/api/v1/auth/login "
        "-H 'Content-Type: application/json' "
        '-d \'{"email": "conseiller1@demo.example", '
        '"password": "Demo-Conseil-2026"}\'\n```',
    ),
    Route(
        "POST",
        "/auth/refresh",
        refresh,
        "A new access token from a refresh token",
        "auth",
        kind="refresh",
        response=rs.AccessTokenResponse,
        errors=(401,),
        description="Send the **refresh** token as the Bearer token.",
    ),
    Route(
        "POST",
        "/auth/logout",
        logout,
        "Revoke the token sent (access or refresh)",
        "auth",
        kind="any",
        response=rs.LogoutResponse,
        errors=(401,),
        description="Call it with each token to revoke both; revocations survive a restart.",
    ),
]
