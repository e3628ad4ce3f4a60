"""The functions RQ runs by name (services/jobs enqueues them): each makes sure an app context
exists, then calls the service that does the work.

A worker (app/worker.py) builds the app once before it forks a work-horse per job; a horse
inherits it and only renews the database pool (a connection must never cross a fork).
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, has_app_context

log = logging.getLogger(__name__)

_app: Flask | None = None
_pid: int | None = None


def bind(app: Flask) -> None:
    """The app the jobs of this process run in (set by the worker before it forks)."""
    global _app, _pid
    _app, _pid = app, os.getpid()


@contextmanager
def app_context() -> Iterator[None]:
    if has_app_context():  # in process (no Redis) or a test: the caller's app
        yield
        return
    global _pid
    if _app is None:
        from app import create_app

        bind(create_app())
    if _pid != os.getpid():  # a forked work-horse: pooled connections belong to the parent
        _app.extensions["database"].engine.dispose(close=False)
        _pid = os.getpid()
    with _app.app_context():
        yield


def rescore_chunk(job_id: str, seq: int) -> int:
    from app.services import rescore

    with app_context():
        return rescore.run_chunk(uuid.UUID(job_id), seq)


def chunk_failed(job, _connection, exc_type, exc_value, _traceback) -> None:
    """RQ's failure callback, after each failed or abandoned attempt of a chunk: recorded on
    the chunk; the last one (no retry left) marks it failed."""
    from app.services import rescore
    from app.services.jobs import describe

    job_id, seq = job.args
    final = not job.should_retry
    error = describe(exc_value) if exc_value is not None else exc_type.__name__
    with app_context():
        rescore.record_failure(uuid.UUID(job_id), seq, error, final)


def retention_purge() -> dict:
    from app.services.retention import purge

    with app_context():
        return purge()


def audit_checkpoint():
    from app.services.audit_checkpoints import write

    with app_context():
        return write("hourly").line()


def drift_check():
    from app.services import drift  # issue 12: L2's daily drift computation

    with app_context():
        return drift.run_daily_check()
