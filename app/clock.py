"""The `clock:` process (Procfile): runs the retention purge once a day.

Heroku and Render run it as a worker of its own; alternatively schedule
`flask --app wsgi gdpr purge` with Heroku Scheduler or a Render cron job (README).
"""

from __future__ import annotations

import logging
import os
import time

from app import create_app

log = logging.getLogger("app.clock")


def run_forever() -> None:
    app = create_app()
    interval = int(os.environ.get("PURGE_INTERVAL_SECONDS") or 24 * 3600)
    while True:
        with app.app_context():
            from app.services.retention import purge

            try:
                purge()
            except Exception:  # keep the clock alive; the next run retries
                log.exception("retention purge failed")
        time.sleep(interval)


if __name__ == "__main__":
    run_forever()
