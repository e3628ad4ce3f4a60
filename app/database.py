"""The SQLAlchemy store: one engine and one scoped session per app, removed after each request.

With DATABASE_REPLICA_URL (a PostgreSQL read replica), a second engine and session serve the
portfolio's read-only queries (`read_session`); every write and every read that precedes a write
stays on the primary. Without it, `read_session` is the primary's session.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from flask import Flask, current_app
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, scoped_session, sessionmaker

# How long a request waits for PostgreSQL before the health check reports it unavailable.
CONNECT_TIMEOUT_SECONDS = 3
# A pooled connection unused for this long is pinged before a request gets it.
PING_AFTER_IDLE_SECONDS = 5.0


def database_url(app: Flask) -> str:
    """The configured URL, or a SQLite file in the instance folder (the embedded default)."""
    url = app.config.get("DATABASE_URL")
    if url:
        return url
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(app.instance_path) / 'credit.db'}"


def dump_json(value) -> str:
    """JSON columns (score records keep each explanation): orjson is ~10x the standard library."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def make_engine(url: str) -> Engine:
    # hide_parameters: a failed statement's message (logged with its traceback) shows the SQL
    # but never its values (features, justifications, e-mails, password hashes).
    codecs = {
        "json_serializer": dump_json,
        "json_deserializer": orjson.loads,
        "hide_parameters": True,
    }
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, **codecs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(
        url,
        pool_size=5,
        max_overflow=5,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
        **codecs,
    )
    event.listen(engine.pool, "connect", _note_checkin)  # a new connection is known alive
    event.listen(engine.pool, "checkin", _note_checkin)
    event.listen(engine.pool, "checkout", _ping_if_idle(engine))
    return engine


def _note_checkin(_dbapi_connection, record) -> None:
    record.info["checked_in_at"] = time.monotonic()


def _ping_if_idle(engine: Engine):
    """Like pool_pre_ping, but only for a connection idle for PING_AFTER_IDLE_SECONDS or more.

    A ping is one more round trip to PostgreSQL per request (7 instead of 6 for a score). A
    connection in steady use is known alive: if the server goes away anyway, that request gets
    the 503 and SQLAlchemy renews the whole pool. After a quiet spell, when a restart or a
    proxy's idle timeout is likely, the ping finds a dead connection and a fresh one is used.
    """

    def checkout(dbapi_connection, record, _proxy) -> None:
        idle = time.monotonic() - record.info.get("checked_in_at", float("-inf"))
        if idle < PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError("stale pooled connection") from exc  # pool connects anew

    return checkout


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Foreign keys are off by default in SQLite; WAL lets readers and one writer coexist.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Database:
    """A tiny Flask extension: engine + scoped session, like Flask-SQLAlchemy without the magic."""

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self.replica_engine: Engine | None = None
        self._session: scoped_session[Session] | None = None
        self._read_session: scoped_session[Session] | None = None

    def init_app(self, app: Flask) -> None:
        self.engine = make_engine(database_url(app))
        self._session = scoped_session(sessionmaker(bind=self.engine, expire_on_commit=False))
        if app.config.get("DATABASE_REPLICA_URL"):
            self.replica_engine = make_engine(app.config["DATABASE_REPLICA_URL"])
            self._read_session = scoped_session(sessionmaker(bind=self.replica_engine))
        app.extensions["database"] = self
        app.teardown_appcontext(self._remove_session)

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("Database.init_app() was not called")
        return self._session()

    @property
    def read_session(self) -> Session:
        """For read-only queries that may lag the primary by the replica's delay (the
        portfolio's lists and counts); the primary's session when there is no replica."""
        return self._read_session() if self._read_session is not None else self.session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit on success, roll back on any error: nothing is ever half-written."""
        session = self.session
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise

    def dispose(self) -> None:
        self._remove_session(None)
        for engine in (self.engine, self.replica_engine):
            if engine is not None:
                engine.dispose()

    def _remove_session(self, _exc: BaseException | None) -> None:
        for scoped in (self._session, self._read_session):
            if scoped is not None:
                scoped.remove()


def current_database() -> Database:
    """The Database of the app in context (one per app, so tests can build several apps)."""
    return current_app.extensions["database"]


def session() -> Session:
    return current_database().session
