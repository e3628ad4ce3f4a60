"""Token checks: every failure is a JSON 401, a revoked token or a deactivated user included."""

from __future__ import annotations

from flask import Response, request
from flask_jwt_extended import get_current_user, verify_jwt_in_request

from app.api.errors import ApiError, error_response
from app.extensions import jwt
from app.models import User
from app.services import auth


def _unauthorised(code: str, message: str) -> Response:
    response = error_response(401, code, message)
    response.headers["WWW-Authenticate"] = 'Bearer realm="credit-scoring"'
    return response


_HOLDER = "credit_scoring.token_holder"


@jwt.token_in_blocklist_loader
def _is_revoked(_header: dict, payload: dict) -> bool:
    # Asked first; the user comes with the same query and is kept for the look-up below.
    revoked, user = auth.token_holder(payload)
    request.environ[_HOLDER] = (payload["jti"], user)
    return revoked


@jwt.user_lookup_loader
def _load_user(_header: dict, payload: dict) -> User | None:
    # Checked on every request: a deactivated user's tokens stop working at once.
    jti, user = request.environ.get(_HOLDER, (None, None))
    if jti != payload["jti"]:
        user = auth.token_holder(payload)[1]
    return user


@jwt.unauthorized_loader
def _missing(_reason: str) -> Response:
    return _unauthorised("missing_token", "A Bearer token is required.")


@jwt.invalid_token_loader
def _invalid(_reason: str) -> Response:
    return _unauthorised("invalid_token", "The token is invalid.")


@jwt.expired_token_loader
def _expired(_header: dict, _payload: dict) -> Response:
    return _unauthorised("token_expired", "The token has expired.")


@jwt.revoked_token_loader
def _revoked(_header: dict, payload: dict) -> Response:
    auth.refused_revoked(payload)  # a rotated refresh token used again ends its whole log-in
    return _unauthorised("token_revoked", "The token has been revoked.")


@jwt.needs_fresh_token_loader
def _not_fresh(_header: dict, _payload: dict) -> Response:
    return _unauthorised(
        "fresh_token_required",
        "This operation needs a token from a fresh log-in, not a refreshed one.",
    )


@jwt.user_lookup_error_loader
def _no_user(_header: dict, _payload: dict) -> Response:
    return _unauthorised("invalid_token", "The token is invalid.")


@jwt.token_verification_failed_loader
def _claims_failed(_header: dict, _payload: dict) -> Response:
    return _unauthorised("invalid_token", "The token is invalid.")


def authorise(kind: str, roles: tuple[str, ...], fresh: bool = False) -> User:
    """Verify the token of the request (type, signature, issuer, audience, expiry, revocation,
    freshness when asked, active user), then the role; returns the user."""
    verify_jwt_in_request(refresh=kind == "refresh", verify_type=kind != "any", fresh=fresh)
    user = get_current_user()
    if roles and user.role.value not in roles:
        raise ApiError(403, "forbidden", "Your role does not allow this operation.")
    return user
