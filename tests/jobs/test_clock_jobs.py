"""The clock process only enqueues its periodic jobs (one RQ job id per period, so two clocks
never run one period twice); a worker does the work. Without Redis the same jobs run in
process."""

from __future__ import annotations

import pytest
from jobs_helpers import REDIS_URL
from rq import Queue, SimpleWorker
from sqlalchemy import func, select

from app import clock
from app.database import current_database
from app.models import AuditEvent
from app.services import jobs
from app.services.audit_checkpoints import checkpoint_path

DAY_START = 1_796_256_000.0  # 2026-12-03 00:00:00 UTC: a day's and an hour's first second


def purges() -> int:
    query = select(func.count()).where(AuditEvent.action == "purge")
    return current_database().session.scalar(query)


def checkpoints() -> int:
    path = checkpoint_path()
    return len(path.read_text().splitlines()) if path.exists() else 0


@pytest.mark.redis
def test_the_clock_enqueues_each_period_once_and_a_worker_runs_it(make_app, redis_db):
    app = make_app(REDIS_URL=REDIS_URL, RATELIMIT_ENABLED=False)
    expected = {schedule.name for schedule in jobs.schedules()}
    assert expected == {"retention_purge", "audit_checkpoint", "drift_check"}
    with app.app_context():
        queue = Queue(jobs.QUEUE_NAME, connection=jobs.redis_connection())
        assert clock.tick(app, {}, DAY_START + 10) == dict.fromkeys(expected, "enqueued")
        assert (purges(), checkpoints()) == (0, 0)  # the clock did not do the work
        assert len(queue) == len(expected)
        # A second clock process in the same period finds every job there.
        assert clock.tick(app, {}, DAY_START + 20) == dict.fromkeys(expected, "duplicate")
        assert len(queue) == len(expected)
        # The next hour: only the hourly checkpoint is due again.
        last: dict[str, str] = {}
        clock.tick(app, last, DAY_START + 30)
        assert clock.tick(app, last, DAY_START + 3600 + 5) == {"audit_checkpoint": "enqueued"}
        assert len(queue) == len(expected) + 1
        SimpleWorker([queue], connection=queue.connection).work(burst=True)
        assert len(queue) == 0
        assert (purges(), checkpoints()) == (1, 3)  # the purge writes a checkpoint too


def test_without_redis_the_clock_runs_the_jobs_in_process(make_app):
    app = make_app(RATELIMIT_ENABLED=False)
    expected = {schedule.name for schedule in jobs.schedules()}
    with app.app_context():
        assert jobs.job_queue() is None
        last: dict[str, str] = {}
        assert clock.tick(app, last, DAY_START + 10) == dict.fromkeys(expected, "ran")
        assert (purges(), checkpoints()) == (1, 2)  # the purge writes a checkpoint too
        assert clock.tick(app, last, DAY_START + 20) == {}  # same period: nothing again
        assert (purges(), checkpoints()) == (1, 2)


def test_a_job_that_cannot_be_handed_over_is_tried_again_at_the_next_tick(make_app, monkeypatch):
    app = make_app(RATELIMIT_ENABLED=False)
    handed = jobs.enqueue_scheduled

    def redis_down_for_the_purge(schedule, now):
        if schedule.name == "retention_purge":
            raise ConnectionError("Redis is down")
        return handed(schedule, now)

    monkeypatch.setattr(jobs, "enqueue_scheduled", redis_down_for_the_purge)
    last: dict[str, str] = {}
    outcomes = clock.tick(app, last, DAY_START + 10)
    assert "retention_purge" not in outcomes and outcomes["audit_checkpoint"] == "ran"
    assert "retention_purge" not in last
    monkeypatch.setattr(jobs, "enqueue_scheduled", handed)
    assert clock.tick(app, last, DAY_START + 20) == {"retention_purge": "ran"}
