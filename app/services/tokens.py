"""Revoked tokens: one small interface, stored in the database or in Redis.

Revocations must survive a restart, so the memory of a single process is never used. An entry
is only needed until the token would have expired anyway: Redis keys get that TTL, database rows
are removed by `purge_expired()`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from flask import Flask, current_app
from sqlalchemy import bindparam, delete, exists, select
from sqlalchemy.dialects import postgresql, sqlite

from app.database import current_database
from app.models import RevokedToken, utcnow

REDIS_PREFIX = "credit-scoring:revoked:"


class RevocationStore(Protocol):
    def revoke(self, jti: str, expires_at: datetime) -> bool:
        """True if this call revoked it, False if it already was (a refresh token used twice)."""

    def is_revoked(self, jti: str, *more: str) -> bool:
        """Whether any of these identifiers (a token's, its log-in's) is revoked."""


class DatabaseRevocations:
    def revoke(self, jti: str, expires_at: datetime) -> bool:
        with current_database().transaction() as session:
            dialect = session.get_bind().dialect.name
            insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
            statement = insert(RevokedToken).values(jti=jti, expires_at=expires_at)
            statement = statement.on_conflict_do_nothing(index_elements=["jti"])
            inserted = session.connection().execute(statement.returning(RevokedToken.jti)).first()
        return inserted is not None

    # True when the token :jti or its log-in :sid is revoked; built once (the token check asks
    # it on every request, together with the user look-up, see services/auth.token_holder).
    REVOKED = exists().where(RevokedToken.jti.in_([bindparam("jti"), bindparam("sid")]))
    _IS_REVOKED = select(REVOKED)

    def is_revoked(self, jti: str, *more: str) -> bool:
        sid = more[0] if more else jti
        return bool(current_database().session.scalar(self._IS_REVOKED, {"jti": jti, "sid": sid}))

    def purge_expired(self) -> int:
        with current_database().transaction() as session:
            result = session.execute(delete(RevokedToken).where(RevokedToken.expires_at < utcnow()))
        return result.rowcount or 0


class RedisRevocations:
    def __init__(self, url: str):
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    def revoke(self, jti: str, expires_at: datetime) -> bool:
        ttl = max(1, int((expires_at - datetime.now(UTC)).total_seconds()) + 1)
        return bool(self.client.set(REDIS_PREFIX + jti, b"1", ex=ttl, nx=True))

    def is_revoked(self, jti: str, *more: str) -> bool:
        return bool(self.client.exists(*(REDIS_PREFIX + key for key in (jti, *more))))


def init_app(app: Flask) -> None:
    uri = app.config.get("TOKEN_BLOCKLIST_URI")
    store = RedisRevocations(uri) if uri else DatabaseRevocations()
    app.extensions["revocations"] = store


def revocations() -> RevocationStore:
    return current_app.extensions["revocations"]
