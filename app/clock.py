"""The `clock:` process (Procfile): runs the retention purge once a day.

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


def run_forever() -> None:
    app = create_app()
    while True:
        run_once(app)
        time.sleep(app.config["PURGE_INTERVAL_SECONDS"])


if __name__ == "__main__":
    run_forever()
