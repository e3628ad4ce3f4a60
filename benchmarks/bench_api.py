"""Speed of the scoring API under gunicorn, as the Procfile runs it (loopback only).

Starts `gunicorn -c gunicorn.conf.py wsgi:app` on a free 127.0.0.1 port against a temporary
SQLite database, a quick model and a created adviser, logs in, then measures:
  1. sequential POST /api/v1/score with the explanation (p50/p95/p99),
  2. 8 concurrent clients for --duration seconds (requests per second, errors),
  3. POST /api/v1/score/batch with 1,000 clients and explanations,
  4. sequential GET /api/v1/health through the same server, the run's reference (no token, one
     `SELECT 1`): a figure is read against it, since this machine's speed drifts.
Audit and score records stay on. The score rate limit and the daily ad-hoc quota are raised (a
benchmark sends more than one partner's quota), the limiter and the quota's counter stay on.
Everything is bounded and stops by itself.

    .venv/bin/python benchmarks/bench_api.py [--duration 30] [--requests 1000] [--registry DIR]
        [--postgres]    (a temporary database on the local PostgreSQL instead of SQLite)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

from localserver import BIN, ROOT, free_port, serve, stop, temporary_postgres

PASSWORD = "Correct-Horse-2026"


def settings(workdir: Path, registry: Path) -> dict[str, str]:
    """The app's settings for a benchmark (also used in process by profile_api.py)."""
    return dict(
        APP_ENV="development",
        LOG_LEVEL="WARNING",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.db'}",
        MODEL_REGISTRY_DIR=str(registry),
        SECRET_KEY="bench-secret-" + "x" * 32,
        JWT_SECRET_KEY="bench-jwt-" + "x" * 32,
        PSEUDONYMISATION_KEY="bench-pseudo-" + "x" * 32,
        RATELIMIT_SCORE="10000000 per minute",
        RATELIMIT_DEFAULT="10000000 per minute",
        # A run scores ~20,000 ad-hoc clients, over the default 10,000 per identity per day; the
        # counter is still hit on every score (an app without the quota ignores the setting).
        ADHOC_SCORE_DAILY_QUOTA="100000000",
    )


def environment(workdir: Path, registry: Path, port: int) -> dict[str, str]:
    return dict(os.environ, PORT=str(port), **settings(workdir, registry))


def prepare(workdir: Path, registry: Path | None, env: dict[str, str]) -> None:
    if registry is None or not (registry / "ACTIVE").exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "modelling",
                "train",
                "--quick",
                "--registry",
                env["MODEL_REGISTRY_DIR"],
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=900,
        )
    flask = [str(BIN / "flask"), "--app", "wsgi"]
    for args in (
        ["db", "upgrade"],
        ["users", "create", "bench@bank.example", "--role", "adviser", "--password", PASSWORD],
    ):
        subprocess.run(
            flask + args, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300
        )


def request(port, method, path, body=None, token=None, timeout=30.0):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        connection.request(
            method, path, body=json.dumps(body) if body is not None else None, headers=headers
        )
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def log_in(port: int, email: str = "bench@bank.example") -> str:
    """The benchmark user's access token (the run stops if the log-in fails)."""
    status, payload = request(
        port, "POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD}
    )
    if status != 200:
        raise SystemExit(f"log-in failed: {status}")
    return json.loads(payload)["access_token"]


def random_client(rng: random.Random) -> dict:
    age = rng.randint(18, 75)
    return {
        "age": age,
        "income": float(rng.randint(8, 120) * 1_000),
        "seniority": float(rng.randint(0, (age - 14) * 2)) / 2,
        "incidents": rng.choice([0, 0, 0, 1, 1, 2, 3, 5]),
        "credit_score": rng.randint(350, 850),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def sequential(port: int, token: str, n: int) -> dict:
    rng = random.Random(1)
    for _ in range(50):  # warm-up: imports, caches, both workers
        request(port, "POST", "/api/v1/score", random_client(rng), token)
    times, errors = [], 0
    for _ in range(n):
        body = random_client(rng)
        started = time.perf_counter()
        status, _ = request(port, "POST", "/api/v1/score", body, token)
        times.append((time.perf_counter() - started) * 1000)
        errors += status != 200
    return {
        "requests": n,
        "errors": errors,
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "p99_ms": percentile(times, 99),
        "mean_ms": statistics.fmean(times),
    }


def health(port: int, n: int) -> dict:
    """The reference: the same server's cheapest route, measured like the sequential scores."""
    for _ in range(50):
        request(port, "GET", "/api/v1/health")
    times, errors = [], 0
    for _ in range(n):
        started = time.perf_counter()
        status, _ = request(port, "GET", "/api/v1/health")
        times.append((time.perf_counter() - started) * 1000)
        errors += status != 200
    return {
        "requests": n,
        "errors": errors,
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "p99_ms": percentile(times, 99),
    }


def concurrent(port: int, token: str, threads: int, duration: float) -> dict:
    counts = [[0, 0] for _ in range(threads)]
    latencies: list[list[float]] = [[] for _ in range(threads)]
    deadline = time.monotonic() + duration

    def worker(i: int) -> None:
        rng = random.Random(100 + i)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                status, _ = request(port, "POST", "/api/v1/score", random_client(rng), token)
            except OSError:
                status = 0
            latencies[i].append((time.perf_counter() - started) * 1000)
            counts[i][0 if status == 200 else 1] += 1

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    started = time.monotonic()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(duration + 60)
    elapsed = time.monotonic() - started
    ok, errors = sum(c[0] for c in counts), sum(c[1] for c in counts)
    everything = [t for per in latencies for t in per]
    return {
        "threads": threads,
        "seconds": round(elapsed, 1),
        "ok": ok,
        "errors": errors,
        "rps": ok / elapsed,
        "p50_ms": percentile(everything, 50),
        "p99_ms": percentile(everything, 99),
    }


def batch(port: int, token: str, runs: int = 10) -> dict:
    rng = random.Random(7)
    body = {"clients": [random_client(rng) for _ in range(1_000)]}
    request(port, "POST", "/api/v1/score/batch", body, token)  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        status, payload = request(port, "POST", "/api/v1/score/batch", body, token)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200 or len(json.loads(payload)["results"]) != 1_000:
            raise SystemExit(f"batch failed with status {status}")
    return {
        "clients": 1_000,
        "runs": runs,
        "p50_ms": percentile(times, 50),
        "min_ms": min(times),
        "max_ms": max(times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=30.0, help="concurrent phase, s")
    parser.add_argument("--requests", type=int, default=1_000, help="sequential requests")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--registry", type=Path, help="reuse a registry with an active model")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        registry = args.registry or workdir / "registry"
        port = free_port()
        env = environment(workdir, registry, port)
        if args.postgres:
            env["DATABASE_URL"] = stack.enter_context(temporary_postgres("bench_api"))
        prepare(workdir, args.registry, env)
        server = serve(env, port, ready_path="/api/v1/health")
        try:
            token = log_in(port)
            figures = {
                "sequential": sequential(port, token, args.requests),
                "concurrent": concurrent(port, token, args.threads, args.duration),
                "batch": batch(port, token),
                "health": health(port, args.requests),
            }
        finally:
            stop(server)
    report(figures, args.json, "PostgreSQL" if args.postgres else "SQLite")
    return 0


def report(figures: dict, as_json: bool, backend: str) -> None:
    if as_json:
        sys.stdout.write(json.dumps(figures | {"store": backend}, indent=2) + "\n")
        return
    s, c, b, h = (figures[k] for k in ("sequential", "concurrent", "batch", "health"))
    lines = [
        f"store: {backend}",
        f"sequential POST /score ({s['requests']} requests, explanation on): "
        f"p50 {s['p50_ms']:.2f} ms, p95 {s['p95_ms']:.2f} ms, p99 {s['p99_ms']:.2f} ms, "
        f"errors {s['errors']}",
        f"concurrent ({c['threads']} clients, {c['seconds']} s): {c['rps']:.0f} requests/s, "
        f"{c['ok']} ok, {c['errors']} errors, p50 {c['p50_ms']:.2f} ms, p99 {c['p99_ms']:.2f} ms",
        f"batch of {b['clients']} with explanations ({b['runs']} runs): p50 {b['p50_ms']:.0f} ms, "
        f"min {b['min_ms']:.0f} ms, max {b['max_ms']:.0f} ms",
        f"reference: sequential GET /health ({h['requests']} requests): p50 {h['p50_ms']:.2f} ms, "
        f"p95 {h['p95_ms']:.2f} ms, p99 {h['p99_ms']:.2f} ms, errors {h['errors']}",
    ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
