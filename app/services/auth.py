"""Log-in, token issue and log-out for the API (JWT access + refresh tokens)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from flask import current_app
from flask_jwt_extended import create_access_token, create_refresh_token
from sqlalchemy import bindparam, select

from app.database import current_database
from app.models import User
from app.services import audit
from app.services.passwords import hash_password, verify_password
from app.services.tokens import DatabaseRevocations, revocations

_DUMMY_HASH: list[str] = []  # computed once, so unknown e-mails cost as much as wrong passwords


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None (never says which part was wrong)."""
    session = current_database().session
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(hash_password(uuid.uuid4().hex))
        verify_password(_DUMMY_HASH[0], password)
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        return None
    return user


def issue_tokens(user: User) -> dict:
    claims = {"role": user.role.value}
    tokens = {
        # Fresh: proves a password was just given (export and erasure require it); tokens
        # from /auth/refresh are not.
        "access_token": create_access_token(
            identity=str(user.id), additional_claims=claims, fresh=True
        ),
        "refresh_token": create_refresh_token(identity=str(user.id), additional_claims=claims),
        "token_type": "Bearer",
        "expires_in": int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds()),
    }
    with current_database().transaction():
        audit.record("login", user.id)
    return tokens


def refresh_access(user: User) -> dict:
    token = create_access_token(identity=str(user.id), additional_claims={"role": user.role.value})
    expires_in = int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds())
    return {"access_token": token, "token_type": "Bearer", "expires_in": expires_in}


_HOLDER = select(User, DatabaseRevocations.REVOKED).where(User.id == bindparam("user_id"))


def token_holder(jti: str, user_id: str | None) -> tuple[bool, User | None]:
    """Whether the token is revoked, and the active user it names (checked on every request).

    With revocations in the database both answers come from one query; a deactivated user's
    tokens stop working at once either way.
    """
    try:
        key = uuid.UUID(user_id)
    except (TypeError, ValueError):
        return revocations().is_revoked(jti), None
    store, session = revocations(), current_database().session
    if isinstance(store, DatabaseRevocations):
        row = session.execute(_HOLDER, {"jti": jti, "user_id": key}).first()
        revoked, user = (row[1], row[0]) if row else (store.is_revoked(jti), None)
    else:
        revoked, user = store.is_revoked(jti), session.get(User, key)
    return bool(revoked), (user if user is not None and user.active else None)


def logout(user: User, jti: str, expires: int) -> None:
    """Revoke the token until its own expiry (the store keeps it no longer than that)."""
    revocations().revoke(jti, datetime.fromtimestamp(expires, UTC))
    with current_database().transaction():
        audit.record("logout", user.id)
