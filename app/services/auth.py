"""Log-in (both faces), token issue, rotation and log-out for the API (JWT access + refresh).

The dashboard and the API log in through `authenticate()`: one throttle (services/
login_throttle), one dummy hash for unknown e-mails, one audit trail of successes and failures.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from flask import Flask, current_app
from flask_jwt_extended import create_access_token, create_refresh_token
from sqlalchemy import bindparam, select

from app.database import current_database
from app.models import User
from app.services import audit, clock, login_throttle
from app.services.passwords import hash_password, needs_rehash, verify_password
from app.services.tokens import DatabaseRevocations, revocations

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Made at start-up by the same function as real hashes: an unknown e-mail costs as much
    as a wrong password, whatever the hashing library becomes."""
    app.extensions["dummy_password_hash"] = hash_password(secrets.token_urlsafe(24))


def authenticate(email: str, password: str, address: str, face: str = "api") -> User | None:
    """The active user with these credentials, or None (never says which part was wrong).

    Raises login_throttle.Throttled, before any hashing, while the account or the address must
    wait. Every verdict is audited with the account's id when it exists, never the e-mail typed.
    """
    email = email.strip().lower()
    login_throttle.check(email, address)
    session = current_database().session
    user = session.scalar(select(User).where(User.email == email))
    stored = user.password_hash if user else current_app.extensions["dummy_password_hash"]
    valid = verify_password(stored, password)
    if user is None or not valid or not user.active:
        login_throttle.failed(email, address)
        reason = (
            "unknown_account" if user is None else "wrong_password" if not valid else "inactive"
        )
        with current_database().transaction():
            audit.record(
                "login_failed", user.id if user else None, details={"face": face, "reason": reason}
            )
        return None
    login_throttle.succeeded(email, address)
    with current_database().transaction():
        if needs_rehash(user.password_hash):  # an older scheme or weaker parameters
            user.password_hash = hash_password(password)
        audit.record("login", user.id, details={"face": face})
    return user


def _claims(user: User, login_id: str) -> dict:
    # gen: the user's session generation (a new password or a deactivation ends older tokens);
    # sid: the API log-in these tokens belong to (log-out with either token ends all of them).
    return {"role": user.role.value, "gen": user.session_generation, "sid": login_id}


def _token_pair(user: User, claims: dict, refresh_expires: timedelta | None, fresh: bool) -> dict:
    identity = str(user.id)
    return {
        "access_token": create_access_token(identity, additional_claims=claims, fresh=fresh),
        "refresh_token": create_refresh_token(
            identity, additional_claims=claims, expires_delta=refresh_expires
        ),
        "token_type": "Bearer",
        "expires_in": int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds()),
    }


def issue_tokens(user: User) -> dict:
    """After a log-in. Fresh: the access token proves a password was just given (export and
    erasure require it); tokens from /auth/refresh are not."""
    return _token_pair(user, _claims(user, uuid.uuid4().hex), None, fresh=True)


def rotate_refresh(user: User, used: dict) -> dict | None:
    """A new access token and a new refresh token; the refresh token used is revoked, so it
    cannot be used again. None if it was already used (two requests raced with one token).

    The new refresh token keeps the log-in's expiry: rotation never extends an API log-in
    beyond JWT_REFRESH_TOKEN_SECONDS.
    """
    expires = datetime.fromtimestamp(used["exp"], UTC)
    if not revocations().revoke(used["jti"], expires):
        refused_revoked(used)  # another request used it first: a reuse too
        return None
    remaining = max(expires - clock.now(), timedelta(seconds=1))
    claims = _claims(user, used.get("sid") or used["jti"])
    return _token_pair(user, claims, remaining, fresh=False)


_HOLDER = select(User, DatabaseRevocations.REVOKED).where(User.id == bindparam("user_id"))


def token_holder(claims: dict) -> tuple[bool, User | None]:
    """Whether the token is revoked, and the active user it names (checked on every request).

    Revoked: the token itself, its log-in (`sid`, after a log-out), or every token of an older
    session generation. With revocations in the database both answers come from one query; a
    deactivated user's tokens stop working at once either way.
    """
    jti = claims["jti"]
    login_id = claims.get("sid") or jti  # tokens from before rotation name no log-in
    try:
        key = uuid.UUID(claims.get("sub"))
    except (TypeError, ValueError):
        return revocations().is_revoked(jti, login_id), None
    store, session = revocations(), current_database().session
    if isinstance(store, DatabaseRevocations):
        row = session.execute(_HOLDER, {"jti": jti, "sid": login_id, "user_id": key}).first()
        revoked, user = (row[1], row[0]) if row else (store.is_revoked(jti, login_id), None)
    else:
        revoked, user = store.is_revoked(jti, login_id), session.get(User, key)
    if user is not None and claims.get("gen", 0) != user.session_generation:
        revoked = True
    return bool(revoked), (user if user is not None and user.active else None)


def refused_revoked(claims: dict) -> None:
    """A revoked refresh token came back. If it was rotated, someone holds a copy: the thief or
    the owner has the newer token, so the whole log-in ends (refresh-token reuse detection, as
    the OAuth 2.0 security best practice asks). After a log-out it ended already."""
    login_id = claims.get("sid")
    if claims.get("type") == "refresh" and login_id:
        _end_log_in(login_id)
        log.warning("revoked refresh token sent again: log-in %s ended", login_id)


def logout(user: User, claims: dict) -> None:
    """Revoke the token sent and its whole log-in: the access and refresh tokens issued with it
    and by its rotations (the store keeps each entry no longer than the tokens could live)."""
    revocations().revoke(claims["jti"], datetime.fromtimestamp(claims["exp"], UTC))
    if claims.get("sid"):
        _end_log_in(claims["sid"])
    logged_out(user.id, face="api")


def _end_log_in(login_id: str) -> None:
    # Kept as long as any token of the log-in could live (rotation keeps the first expiry).
    revocations().revoke(login_id, clock.now() + current_app.config["JWT_REFRESH_TOKEN_EXPIRES"])


def logged_out(user_id: uuid.UUID, face: str) -> None:
    with current_database().transaction():
        audit.record("logout", user_id, details={"face": face})
