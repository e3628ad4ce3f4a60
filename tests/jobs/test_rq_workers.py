"""Real RQ workers (`python -m app.worker` subprocesses) on Redis database 8 and a PostgreSQL
database of this test's own: two workers share a rescoring; a worker killed with SIGKILL in the
middle of a chunk loses nothing and, once RQ retries the chunk, nothing is stored twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from jobs_helpers import REDIS_URL, records_per_client
from lifecycle_helpers import wait_for
from paused_worker import PAUSED_KEY
from postgres_helpers import throwaway_database
from rq import Queue, Worker
from rq.job import Job
from rq.registry import StartedJobRegistry

from app import create_app
from app.database import current_database
from app.services import jobs, rescore
from app.services.seeding import seed_clients
from app.services.users import create_user

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CLIENTS, CHUNK = 240, 30  # eight chunks
DEADLINE = 60.0  # seconds; a loaded CI machine, the model loaded by each worker


@pytest.fixture
def own_database():
    """A migrated PostgreSQL database for this test alone, dropped afterwards."""
    with throwaway_database("credit_jobs") as url:
        yield url


@pytest.fixture
def settings(own_database, redis_db, model_registry, app_settings, tmp_path):
    """The settings of this test's app and of its workers (given as environment variables)."""
    return {
        **app_settings,
        "DATABASE_URL": own_database,
        "REDIS_URL": REDIS_URL,
        "MODEL_REGISTRY_DIR": str(model_registry),
        "AUDIT_CHECKPOINT_DIR": str(tmp_path / "checkpoints"),
        "RATELIMIT_ENABLED": "false",
    }


@pytest.fixture
def queue_app(settings):
    application = create_app({**settings, "RATELIMIT_ENABLED": False})
    with application.app_context():
        admin = create_user("admin@bank.example", "admin", "Correct-Horse-42")
        create_user("adviser@bank.example", "adviser", "Correct-Horse-42")
        assert seed_clients(CLIENTS, seed=11) == CLIENTS
        application.config["test_admin"] = admin
        yield application
    application.extensions["database"].dispose()


@pytest.fixture
def start_worker(settings, tmp_path):
    """Start a worker process (its own process group, so a kill reaches its work-horse too)."""
    started = []

    def start(*args: str, script: list[str] | None = None) -> subprocess.Popen:
        log = (tmp_path / f"worker-{len(started)}.log").open("w")
        process = subprocess.Popen(
            [sys.executable, *(script or ["-m", "app.worker"]), *args],
            env={**os.environ, **settings, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started.append((process, log))
        return process

    yield start
    for process, log in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


def rq_queue() -> Queue:
    return Queue(jobs.QUEUE_NAME, connection=jobs.redis_connection())


def done(job_id):
    def finished():
        """the job's chunks all ended"""
        figures = rescore.progress(job_id, None)
        current_database().session.rollback()
        return figures if figures["state"] in ("done", "failed") else None

    return finished


def test_two_workers_share_the_chunks_and_the_figures_are_right(queue_app, start_worker):
    workers = [start_worker(), start_worker()]

    def both_listening():
        """two workers registered on the queue"""
        return Worker.count(queue=rq_queue()) == 2

    wait_for(both_listening, DEADLINE)
    job_id = jobs.enqueue_rescore(queue_app.config["test_admin"], "on_demand", CHUNK)
    figures = wait_for(done(job_id), DEADLINE)
    assert figures["state"] == "done" and figures["runner"] == "queue"
    assert figures["chunks_total"] == figures["chunks_done"] == CLIENTS // CHUNK
    assert figures["clients_scored"] == figures["clients_total"] == CLIENTS
    assert figures["errors"] == figures["failed_attempts"] == 0
    assert set(records_per_client().values()) == {1}
    assert len(records_per_client()) == CLIENTS
    ran_by = {
        Job.fetch(f"rescore-{job_id}-{seq}", connection=jobs.redis_connection()).worker_name
        for seq in range(CLIENTS // CHUNK)
    }
    assert len(ran_by) == 2  # both workers took chunks
    for process in workers:  # a warm shutdown: each finishes and leaves
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=DEADLINE) == 0


def test_a_worker_killed_mid_chunk_loses_nothing_and_the_retry_stores_it_once(
    queue_app, start_worker, redis_db
):
    paused = start_worker(script=[str(Path(__file__).with_name("paused_worker.py"))])
    job_id = jobs.enqueue_rescore(queue_app.config["test_admin"], "on_demand", CHUNK)

    def in_chunk():
        """the worker wrote a chunk's rows and waits before its commit"""
        return redis_db.get(PAUSED_KEY)

    horse = int(wait_for(in_chunk, DEADLINE))
    # The machine dies: the worker and its work-horse (RQ puts the horse in a session of its
    # own, so both are named), the horse in the middle of its chunk's transaction.
    os.kill(horse, signal.SIGKILL)
    os.killpg(paused.pid, signal.SIGKILL)
    assert paused.wait(timeout=DEADLINE) == -signal.SIGKILL

    def horse_gone():
        """the killed work-horse has left the process table"""
        try:
            os.kill(horse, 0)
        except ProcessLookupError:
            return True
        return Path(f"/proc/{horse}/status").read_text().find("State:\tZ") >= 0

    wait_for(horse_gone, DEADLINE)
    assert records_per_client() == {}  # the open transaction died with it
    figures = rescore.progress(job_id, None)
    assert figures["chunks_done"] == 0 and figures["state"] == "queued"

    # RQ's maintenance finds the chunk abandoned once the dead worker's heartbeat has expired
    # (90 s); the test moves that clock instead of waiting. The chunk is retried.
    expired = time.time() + jobs.CHUNK_TIMEOUT_SECONDS + 120
    StartedJobRegistry(jobs.QUEUE_NAME, connection=jobs.redis_connection()).cleanup(expired)
    resumed = start_worker("--burst")
    assert resumed.wait(timeout=DEADLINE * 2) == 0
    figures = wait_for(done(job_id), DEADLINE)
    assert figures["state"] == "done" and figures["errors"] == 0
    assert figures["clients_scored"] == CLIENTS and figures["failed_attempts"] == 1
    (abandoned,) = figures["error_details"]
    assert abandoned["status"] == "done" and "AbandonedJobError" in abandoned["error"]
    stored = records_per_client()
    assert len(stored) == CLIENTS and set(stored.values()) == {1}
