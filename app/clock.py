"""The `clock:` process (Procfile): the retention purge once a day, an audit checkpoint every hour.

Heroku and Render run it as a worker of its own; alternatively schedule
`flask --app wsgi gdpr purge` with Heroku Scheduler or a Render cron job (README).
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


def run_forever() -> None:
    app = create_app()
    jobs = [
        (run_once, app.config["PURGE_INTERVAL_SECONDS"]),
        (checkpoint_once, app.config["AUDIT_CHECKPOINT_INTERVAL_SECONDS"]),
    ]
    due = [time.monotonic()] * len(jobs)
    while True:
        for index, (job, interval) in enumerate(jobs):
            if time.monotonic() >= due[index]:
                job(app)
                due[index] = time.monotonic() + interval
        time.sleep(max(0.0, min(due) - time.monotonic()))


if __name__ == "__main__":
    run_forever()
