"""Where the time of one POST /api/v1/score goes, in process (cProfile over Flask's test client).

Builds the app as bench_api.py configures gunicorn (temporary SQLite store, rate limiter on,
audit on), logs in, sends --warmup requests, then profiles --requests more and prints the
per-request wall time without the profiler and the top functions by cumulative time.

    .venv/bin/python benchmarks/profile_api.py --registry DIR [--requests 500] [--batch]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_api import PASSWORD, prepare, random_client, settings
from localserver import ROOT


def build_app(workdir: Path, registry: Path, database_url: str | None):
    overrides = settings(workdir, registry)
    if database_url:
        overrides["DATABASE_URL"] = database_url
    prepare(workdir, registry, dict(os.environ, **overrides))  # migrate, create the adviser
    os.environ.update(overrides)
    sys.path.insert(0, str(ROOT))
    from app import create_app

    return create_app()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registry", type=Path, required=True, help="a registry with a model")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--batch", action="store_true", help="profile batches of 1,000 instead")
    parser.add_argument("--database-url", help="another store (e.g. a PostgreSQL database)")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="profile-api-") as tmp:
        app = build_app(Path(tmp), args.registry, args.database_url)
        client = app.test_client()
        login = {"email": "bench@bank.example", "password": PASSWORD}
        token = client.post("/api/v1/auth/login", json=login).get_json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        rng = random.Random(1)
        path = "/api/v1/score/batch" if args.batch else "/api/v1/score"
        n = max(1, args.requests // 100) if args.batch else args.requests

        def body():
            if args.batch:
                return {"clients": [random_client(rng) for _ in range(1_000)]}
            return random_client(rng)

        def send(count: int) -> None:
            for _ in range(count):
                response = client.post(path, json=body(), headers=headers)
                if response.status_code != 200:
                    raise SystemExit(f"{path} answered {response.status_code}")

        send(max(1, args.warmup // (100 if args.batch else 1)))
        rounds = []  # this shared machine drifts: the best of 5 rounds compares runs best
        for _ in range(5):
            started = time.perf_counter()
            send(max(1, n // 5))
            rounds.append((time.perf_counter() - started) / max(1, n // 5) * 1000)
        profiler = cProfile.Profile()
        profiler.enable()
        send(n)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
    sys.stdout.write(
        f"{path}: {min(rounds):.2f} ms per request without the profiler, best of 5 rounds "
        f"(median {statistics.median(rounds):.2f} ms)\n"
    )
    sys.stdout.write(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
