"""The SQLAlchemy store: one engine and one scoped session per app, removed after each request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from flask import Flask, current_app
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, scoped_session, sessionmaker

# How long a request waits for PostgreSQL before the health check reports it unavailable.
CONNECT_TIMEOUT_SECONDS = 3


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
    codecs = {"json_serializer": dump_json, "json_deserializer": orjson.loads}
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, **codecs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=5,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
        **codecs,
    )


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
        self._session: scoped_session[Session] | None = None

    def init_app(self, app: Flask) -> None:
        self.engine = make_engine(database_url(app))
        self._session = scoped_session(sessionmaker(bind=self.engine, expire_on_commit=False))
        app.extensions["database"] = self
        app.teardown_appcontext(self._remove_session)

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("Database.init_app() was not called")
        return self._session()

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
        if self._session is not None:
            self._session.remove()
        if self.engine is not None:
            self.engine.dispose()

    def _remove_session(self, _exc: BaseException | None) -> None:
        if self._session is not None:
            self._session.remove()


def current_database() -> Database:
    """The Database of the app in context (one per app, so tests can build several apps)."""
    return current_app.extensions["database"]


def session() -> Session:
    return current_database().session
