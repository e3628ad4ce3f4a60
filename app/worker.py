"""The `worker:` process (Procfile, render.yaml): RQ workers on the `jobs` queue of REDIS_URL.

    python -m app.worker              # one worker
    python -m app.worker --workers 2  # a pool of two (RQ's WorkerPool), one per core

Each worker builds the app once (settings, store, model) and forks a work-horse per job, as RQ
does; the horse inherits the loaded model. Run as many worker processes as there are cores to
share; they share the work through the queue.
"""

from __future__ import annotations

import argparse
import gc
import sys

from rq import Worker


class AppWorker(Worker):
    """An RQ worker whose jobs run in this deployment's app (built once per worker process)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from app import create_app, tasks

        self.app = create_app()
        tasks.bind(self.app)
        gc.freeze()  # the app's objects, shared with each forked horse, are never collected

    def execute_job(self, job, queue) -> None:
        """Before forking the job's work-horse, take up a model activated since (the horse
        inherits the model; loading it in each horse would cost every chunk that time)."""
        from app.services.models import model_service

        with self.app.app_context():
            model_service().sync()
        super().execute_job(job, queue)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.worker", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--burst", action="store_true", help="stop once the queue is empty")
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")

    import redis

    from app.config import ConfigError, load_config
    from app.services.jobs import QUEUE_NAME

    try:
        url = load_config().get("REDIS_URL")
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    if not url:
        print(
            "configuration error: REDIS_URL is not set: the worker takes its jobs from Redis "
            "(without Redis, jobs run in the web or CLI process itself)",
            file=sys.stderr,
        )
        return 2
    connection = redis.Redis.from_url(url)
    if args.workers == 1:
        worker = AppWorker([QUEUE_NAME], connection=connection)
        worker.work(burst=args.burst)
        return 0
    from rq.worker_pool import WorkerPool

    pool = WorkerPool(
        [QUEUE_NAME], connection=connection, num_workers=args.workers, worker_class=AppWorker
    )
    pool.start(burst=args.burst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
