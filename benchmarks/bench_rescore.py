"""Benchmark: rescore N clients with explanations on PostgreSQL with W RQ workers (issue 14).

    .venv/bin/python benchmarks/bench_rescore.py [--clients 1000000] [--workers 2]
        [--chunk-size 10000] [--registry DIR] [--redis-url redis://127.0.0.1:6379/8]

A fresh PostgreSQL database of its own (dropped afterwards) and a Redis database (emptied
before and after). Seeds N synthetic clients (COPY), starts `python -m app.worker --workers W`,
enqueues the rescoring and waits for it. Prints:

- the wall time of the whole job (enqueue to last chunk) and clients per second;
- the per-chunk cost (median and 90th percentile of each chunk's own seconds: read, score with
  explanations, COPY the records, update the clients, commit), from which N clients on W workers
  take about ceil(N / chunk) x median / W when the database keeps up;
- references measured in the same run: the seed's COPY rate, and one chunk's scoring with
  explanations in this process without the database (its CPU share).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import redis
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app import create_app
from app.database import current_database
from app.models import JobChunk
from app.services import jobs
from app.services.scoring import evaluate, served_model
from app.services.seeding import seed_clients
from app.services.users import create_user
from db.migrate import upgrade
from modelling.features import FEATURE_NAMES
from modelling.synthetic import generate

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = os.environ.get(
    "TEST_POSTGRES_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SECRETS = {
    "SECRET_KEY": "bench-secret-key-" + "x" * 32,
    "JWT_SECRET_KEY": "bench-jwt-secret-key-" + "x" * 32,
    "PSEUDONYMISATION_KEY": "bench-pseudonymisation-key-" + "x" * 32,
    "AUDIT_KEY": "bench-audit-key-" + "x" * 32,
}


def train(registry: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "modelling", "train", "--quick", "--registry", str(registry)],
        check=True,
        capture_output=True,
    )


def scoring_reference(chunk_size: int) -> float:
    """Seconds to score one chunk with explanations in process, no database (best of 3)."""
    rows = generate(chunk_size, seed=3)[list(FEATURE_NAMES)].to_dict("records")
    model = served_model()
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        evaluate(rows, "fr", True, model)
        best = min(best, time.perf_counter() - started)
    return best


def run(args, url: str, registry: Path, tmp: Path) -> None:
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    settings = {
        "APP_ENV": "testing",
        "DATABASE_URL": url,
        "REDIS_URL": args.redis_url,
        "MODEL_REGISTRY_DIR": str(registry),
        "AUDIT_CHECKPOINT_DIR": str(tmp / "checkpoints"),
        "RATELIMIT_ENABLED": "false",
        **SECRETS,
    }
    app = create_app({**settings, "RATELIMIT_ENABLED": False})
    with app.app_context():
        admin = create_user("admin@bench.example", "admin", "Bench-Password-2026")
        for i in range(20):
            create_user(f"adviser{i}@bench.example", "adviser", "Bench-Password-2026")
        started = time.perf_counter()
        seed_clients(args.clients, seed=1)
        seeded = time.perf_counter() - started
        print(
            f"seed (COPY)      {args.clients:>9,} clients  {seeded:7.1f} s  "
            f"{args.clients / seeded:>9,.0f} rows/s   (reference)"
        )
        reference = scoring_reference(args.chunk_size)
        print(
            f"score+explain    {args.chunk_size:>9,} clients  {reference:7.2f} s  in process, "
            "no database (reference)"
        )
        worker = subprocess.Popen(
            [sys.executable, "-m", "app.worker", "--workers", str(args.workers)],
            env={**os.environ, **settings},
            cwd=ROOT,
            stdout=(tmp / "workers.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        try:
            from rq import Queue, Worker

            queue = Queue(jobs.QUEUE_NAME, connection=jobs.redis_connection())
            deadline = time.monotonic() + 300
            while Worker.count(queue=queue) < args.workers:
                if time.monotonic() > deadline or worker.poll() is not None:
                    raise SystemExit(f"workers did not start: see {tmp / 'workers.log'}")
                time.sleep(0.2)
            started = time.perf_counter()
            job_id = jobs.enqueue_rescore(admin, "on_demand", args.chunk_size)
            figures = jobs.wait(job_id, poll_seconds=0.5)
            wall = time.perf_counter() - started
        finally:
            worker.terminate()
            worker.wait(timeout=120)
        seconds = list(
            current_database().session.scalars(
                select(JobChunk.seconds).where(
                    JobChunk.job_id == job_id, JobChunk.seconds.is_not(None)
                )
            )
        )
        median = statistics.median(seconds)
        p90 = statistics.quantiles(seconds, n=10)[-1] if len(seconds) > 1 else median
        print(
            f"rescore          {figures['clients_scored']:>9,} clients  {wall:7.1f} s  "
            f"{figures['clients_scored'] / wall:>9,.0f} clients/s  with {args.workers} workers, "
            f"{figures['chunks_done']}/{figures['chunks_total']} chunks, "
            f"{figures['errors']} failed (state {figures['state']})"
        )
        print(
            f"per chunk        {args.chunk_size:>9,} clients  median {median:.2f} s, "
            f"p90 {p90:.2f} s  -> N clients on W workers ~ N/{args.chunk_size:,} x "
            f"{median:.2f} s / W"
        )
    app.extensions["database"].dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=10_000)
    parser.add_argument("--registry", help="a model registry (default: train a quick model)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    args = parser.parse_args()
    store = redis.Redis.from_url(args.redis_url)
    store.flushdb()
    name = f"credit_bench_rescore_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            registry = Path(args.registry) if args.registry else Path(tmp) / "registry"
            if not args.registry:
                train(registry)
            run(args, url, registry, Path(tmp))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        store.flushdb()


if __name__ == "__main__":
    main()
