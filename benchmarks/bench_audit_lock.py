"""How long audited writes wait for the audit chain's head (issue 14 §3), under gunicorn.

Starts --instances gunicorn instances (2 workers each, as the Procfile runs them) on one
temporary PostgreSQL database, sends POST /api/v1/score (one score record and one audit event
each) from --threads client threads spread over the instances for --duration seconds, and
meanwhile samples pg_stat_activity every few milliseconds. The lock-wait share is

    (mean number of backends waiting for a lock while running the chain's head statement
     x duration) / (sum of the requests' client-side latencies)

that is, the part of the time requests spent queued behind another transaction's hold of a
head row. Each value of --chains (AUDIT_CHAINS: 1 is the single-chain design, where every audited
write queues on one row) is measured in turn in the same run, on a fresh database, each with its
reference: GET /api/v1/health p50 through the same servers.

    .venv/bin/python benchmarks/bench_audit_lock.py [--instances 2] [--threads 8] [--duration 30]
        [--chains 1,8]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

from bench_api import PASSWORD, environment, health, percentile, prepare, random_client, request
from localserver import free_port, serve, stop, temporary_postgres
from sqlalchemy import create_engine, text

# The chain's append statement (services/audit_chain.py); any later design names its own here.
HEAD_STATEMENT = "audit_take_head"
SAMPLE = text(
    "SELECT count(*) FILTER (WHERE wait_event_type = 'Lock' AND query LIKE :head),"
    " count(*) FILTER (WHERE state = 'active')"
    " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
)


class Sampler(threading.Thread):
    """Counts, every `every` seconds, the backends waiting on the head's lock."""

    def __init__(self, url: str, every: float = 0.005) -> None:
        super().__init__(daemon=True)
        self.engine = create_engine(url)
        self.every, self.samples, self.waiting, self.active = every, 0, 0, 0
        self._done = threading.Event()

    def run(self) -> None:
        with self.engine.connect() as db:
            while not self._done.is_set():
                waiting, active = db.execute(SAMPLE, {"head": f"%{HEAD_STATEMENT}%"}).one()
                db.rollback()
                self.samples += 1
                self.waiting += waiting
                self.active += active
                time.sleep(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join(10)
        self.engine.dispose()


def load(ports: list[int], token: str, threads: int, duration: float) -> dict:
    latencies: list[list[float]] = [[] for _ in range(threads)]
    errors = [0] * threads
    deadline = time.monotonic() + duration

    def worker(i: int) -> None:
        rng, port = random.Random(300 + i), ports[i % len(ports)]
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                status, _ = request(port, "POST", "/api/v1/score", random_client(rng), token)
            except OSError:
                status = 0
            latencies[i].append(time.perf_counter() - started)
            errors[i] += status != 200

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    started = time.monotonic()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(duration + 60)
    elapsed = time.monotonic() - started
    everything = [t for per in latencies for t in per]
    return {
        "seconds": elapsed,
        "requests": len(everything),
        "errors": sum(errors),
        "rps": (len(everything) - sum(errors)) / elapsed,
        "p50_ms": percentile(everything, 50) * 1000,
        "p99_ms": percentile(everything, 99) * 1000,
        "request_seconds": sum(everything),
    }


def measure(args, chains: int, workdir: Path, registry: Path) -> dict:
    with ExitStack() as stack:
        ports = [free_port() for _ in range(args.instances)]
        env = environment(workdir, registry, ports[0]) | {"AUDIT_CHAINS": str(chains)}
        env["DATABASE_URL"] = stack.enter_context(temporary_postgres("bench_audit"))
        prepare(workdir, registry if (registry / "ACTIVE").exists() else None, env)
        servers = [serve(env | {"PORT": str(port)}, port, "/api/v1/health") for port in ports]
        try:
            status, payload = request(
                ports[0],
                "POST",
                "/api/v1/auth/login",
                {"email": "bench@bank.example", "password": PASSWORD},
            )
            if status != 200:
                raise SystemExit(f"log-in failed: {status}")
            token = json.loads(payload)["access_token"]
            load(ports, token, args.threads, 3.0)  # warm-up: imports, caches, every worker
            sampler = Sampler(env["DATABASE_URL"])
            sampler.start()
            figures = load(ports, token, args.threads, args.duration)
            sampler.stop()
            reference = health(ports[0], 300)
        finally:
            for server in servers:
                stop(server)
    mean_waiting = sampler.waiting / max(1, sampler.samples)
    share = mean_waiting * figures["seconds"] / figures["request_seconds"]
    print(
        f"AUDIT_CHAINS={chains}: {args.instances} instance(s) x 2 workers, {args.threads} threads,"
        f" PostgreSQL: {figures['rps']:.0f} scores/s, p50 {figures['p50_ms']:.1f} ms,"
        f" p99 {figures['p99_ms']:.1f} ms, errors {figures['errors']};"
        f" backends waiting on a chain's head: {mean_waiting:.2f} on average"
        f" ({sampler.samples} samples) -> lock-wait share of request time {share:.1%};"
        f" reference GET /api/v1/health p50 {reference['p50_ms']:.2f} ms",
        flush=True,
    )
    return figures | {"share": share, "health_p50_ms": reference["p50_ms"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=2, choices=(1, 2, 3, 4))
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--chains", default="1,8", help="AUDIT_CHAINS values, comma-separated")
    parser.add_argument("--registry", type=Path, help="reuse a registry with an active model")
    args = parser.parse_args(argv)
    try:
        chains = [int(value) for value in args.chains.split(",")]
    except ValueError:
        parser.error(f"--chains: whole numbers separated by commas, got {args.chains!r}")
    if not all(1 <= value <= 16 for value in chains):
        parser.error("--chains: each value must be between 1 and 16")
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as tmp:
        workdir = Path(tmp)
        registry = args.registry or workdir / "registry"
        for value in chains:
            measure(args, value, workdir, registry)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
