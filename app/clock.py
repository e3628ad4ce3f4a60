"""The `clock:` process (Procfile): it only ENQUEUES the periodic jobs (services/jobs.SCHEDULES:
the retention purge once a day, an audit checkpoint every hour, the daily drift check) on the
Redis queue, where the `worker:` processes run them; it never does the work itself.

Each period's job has one RQ id (`retention_purge-<period>`), so a second clock (a restart, two
dynos by mistake) finds it queued and does not run it twice. Without Redis (`REDIS_URL` unset)
the same jobs run here, in process. Alternatively schedule `flask --app wsgi gdpr purge` with
Heroku Scheduler or a Render cron job (README).
"""

from __future__ import annotations

import logging
import time

from app import create_app

log = logging.getLogger("app.clock")


def run_once(app) -> dict[str, int] | None:
    """One purge; a failure is logged and the next run retries (the clock stays alive)."""
    from app.services.retention import purge

    with app.app_context():
        try:
            return purge()
        except Exception:
            log.exception("retention purge failed")
            return None


def checkpoint_once(app):
    """One signed checkpoint of the audit chain (services/audit_checkpoints); failures logged."""
    from app.services.audit_checkpoints import write

    with app.app_context():
        try:
            return write("hourly")
        except Exception:
            log.exception("audit checkpoint failed")
            return None


def tick(app, last: dict[str, str], now: float) -> dict[str, str]:
    """Enqueue each periodic job whose period began since the last tick; `last` remembers the
    period keys handed over (a failure is logged and retried at the next tick)."""
    from app.services import jobs

    outcomes = {}
    with app.app_context():
        for schedule in jobs.schedules():
            key = jobs.period_key(schedule, now)
            if last.get(schedule.name) == key:
                continue
            try:
                outcomes[schedule.name] = jobs.enqueue_scheduled(schedule, now)
            except Exception:
                log.exception("%s: could not be enqueued", schedule.name)
                continue
            last[schedule.name] = key
            log.info("%s %s: %s", schedule.name, key, outcomes[schedule.name])
    return outcomes


def seconds_to_next_period(app, now: float) -> float:
    from app.services import jobs

    with app.app_context():
        periods = [schedule.period() for schedule in jobs.schedules()]
    return max(1.0, min(period - now % period for period in periods))


def run_forever() -> None:
    app = create_app()
    last: dict[str, str] = {}
    while True:
        tick(app, last, time.time())
        time.sleep(min(60.0, seconds_to_next_period(app, time.time())))


if __name__ == "__main__":
    run_forever()
