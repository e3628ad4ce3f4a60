"""Background jobs on one Redis queue (RQ), or in process without Redis (issue 14 §4).

With `REDIS_URL` set, jobs are enqueued on the `jobs` queue and the `worker:` processes
(`python -m app.worker`) run them; without it (`make run`'s embedded default) the same job
functions run here, synchronously, with the same retries. Job functions live in app/tasks.py
(what RQ imports by name); the work itself stays in the services.

- `enqueue_rescore(actor, reason)`: rescoring the whole portfolio, one RQ job per chunk
  (services/rescore), retried up to MAX_ATTEMPTS times; a chunk abandoned by a killed worker
  is retried by RQ's abandoned-job handling (`StartedJobRegistry.cleanup`).
- `enqueue_scheduled(name)`: the clock's periodic jobs (purge, audit checkpoint, drift) with
  one RQ job id per period, so two clock processes never run one period twice.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass

from flask import current_app

from app.database import current_database
from app.models import User
from app.services import rescore

log = logging.getLogger(__name__)

QUEUE_NAME = "jobs"
CHUNK_TIMEOUT_SECONDS = 15 * 60  # a 10,000-client chunk takes seconds; RQ kills it after this
RESULT_TTL_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Schedule:
    name: str
    task: str  # dotted path RQ imports
    interval_setting: str | None  # the setting holding the period, in seconds
    interval: int = 0  # used when interval_setting is None

    def period(self) -> int:
        if self.interval_setting is None:
            return self.interval
        return int(current_app.config[self.interval_setting])


SCHEDULES = (
    Schedule("retention_purge", "app.tasks.retention_purge", "PURGE_INTERVAL_SECONDS"),
    Schedule("audit_checkpoint", "app.tasks.audit_checkpoint", "AUDIT_CHECKPOINT_INTERVAL_SECONDS"),
    Schedule("drift_check", "app.tasks.drift_check", "DRIFT_INTERVAL_SECONDS"),
)


def schedules() -> list[Schedule]:
    """The periodic jobs the clock hands to the workers."""
    return list(SCHEDULES)


# --- the queue -----------------------------------------------------------------------------


def redis_connection():
    """One Redis client per app for the queue (RQ needs bytes, not decoded strings)."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    connection = current_app.extensions.get("jobs_redis")
    if connection is None:
        import redis

        connection = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=2)
        current_app.extensions["jobs_redis"] = connection
    return connection


def job_queue():
    """The RQ queue, or None without Redis (jobs then run in process)."""
    connection = redis_connection()
    if connection is None:
        return None
    from rq import Queue

    return Queue(QUEUE_NAME, connection=connection)


# --- rescoring -----------------------------------------------------------------------------


def enqueue_rescore(
    actor: User | None,
    reason: str,
    chunk_size: int = rescore.DEFAULT_CHUNK_SIZE,
    on_progress=None,
) -> uuid.UUID:
    """Plan a rescoring of every client and hand its chunks to the workers (or run them here
    without Redis, then `on_progress` gets the job's figures after each chunk). The hook a
    model activation calls (`enqueue_rescore(admin, "model_activation")`); returns the id."""
    queue = job_queue()
    job = rescore.plan(actor, reason, chunk_size, "queue" if queue is not None else "in_process")
    job_id = job.id
    current_database().session.commit()
    if queue is None:
        for seq in range(job.chunks_total):
            run_chunk_in_process(job_id, seq)
            if on_progress is not None:
                on_progress(rescore.progress(job_id, None))
        return job_id
    from rq import Callback, Queue, Retry

    calls = [
        Queue.prepare_data(
            "app.tasks.rescore_chunk",
            args=(str(job_id), seq),
            job_id=f"rescore-{job_id}-{seq}",
            timeout=CHUNK_TIMEOUT_SECONDS,
            result_ttl=RESULT_TTL_SECONDS,
            retry=Retry(max=rescore.MAX_ATTEMPTS - 1),
            on_failure=Callback("app.tasks.chunk_failed"),
        )
        for seq in range(job.chunks_total)
    ]
    queue.enqueue_many(calls)
    log.info("rescore %s: %d chunks enqueued", job_id, len(calls))
    return job_id


def run_chunk_in_process(job_id: uuid.UUID, seq: int) -> None:
    """One chunk here and now, retried like RQ would; its last failure is recorded."""
    for attempt in range(1, rescore.MAX_ATTEMPTS + 1):
        try:
            rescore.run_chunk(job_id, seq)
            return
        except Exception as exc:
            current_database().session.rollback()
            log.exception("rescore %s: chunk %d failed (attempt %d)", job_id, seq, attempt)
            rescore.record_failure(job_id, seq, describe(exc), attempt == rescore.MAX_ATTEMPTS)


def describe(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return f"{exc.__class__.__name__}: {message}" if message else exc.__class__.__name__


def wait(job_id: uuid.UUID, on_progress=None, poll_seconds: float = 1.0, timeout=None) -> dict:
    """Follow a job until every chunk is done or failed (the CLI's --wait); `on_progress`
    receives each reading."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        current_database().session.rollback()  # read what the workers committed since
        figures = rescore.progress(job_id, None)
        if on_progress is not None:
            on_progress(figures)
        if figures["state"] in ("done", "failed"):
            return figures
        if deadline is not None and time.monotonic() > deadline:
            return figures
        time.sleep(poll_seconds)


# --- the clock's periodic jobs -------------------------------------------------------------


def period_key(schedule: Schedule, now: float) -> str:
    """The RQ job id of the period containing `now` (UTC epoch seconds)."""
    return f"{schedule.name}-{int(now // schedule.period())}"


def enqueue_scheduled(schedule: Schedule, now: float) -> str:
    """Enqueue this period's job once ("enqueued"), or find it there ("duplicate"); without
    Redis run it here ("ran")."""
    queue = job_queue()
    if queue is None:
        from app import tasks

        getattr(tasks, schedule.task.rsplit(".", 1)[1])()
        return "ran"
    from rq.exceptions import DuplicateJobError

    try:
        queue.enqueue(
            schedule.task,
            job_id=period_key(schedule, now),
            unique=True,
            job_timeout=CHUNK_TIMEOUT_SECONDS,
            # The id stays taken for the whole period: a second clock finds it.
            result_ttl=max(schedule.period() * 2, RESULT_TTL_SECONDS),
            failure_ttl=max(schedule.period() * 2, RESULT_TTL_SECONDS),
        )
    except DuplicateJobError:
        return "duplicate"
    return "enqueued"
