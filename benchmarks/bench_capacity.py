"""What one worker can serve, and what each request asks of the database (docs/scaling.md).

Builds a store of --clients scored clients (bench_dashboard's builder: SQLite, or PostgreSQL with
--postgres), then, in process through the Flask test client (routing, authentication, the
service, JSON: everything but the socket), measures for each kind of request its median server
time and the number of SQL statements it sends (each one a database round trip), counted by a
SQLAlchemy `before_cursor_execute` listener. GET /api/v1/health is the reference in the same
run. One worker serves about 1000 / median requests per second of that kind, since a request
holds its worker for its whole server time.

    .venv/bin/python benchmarks/bench_capacity.py [--clients 100000] [--repeat 200] [--postgres]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench_dashboard import ADVISERS, PASSWORD, SECRETS, build_store
from localserver import ROOT, temporary_postgres
from sqlalchemy import event, select

from app import create_app
from app.database import current_database
from app.models import Client, User

BODY = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 0, "credit_score": 720}


class Counter:
    def __init__(self, engine) -> None:
        self.statements = 0
        event.listen(engine, "before_cursor_execute", self._count)

    def _count(self, *_args) -> None:
        self.statements += 1


def measure(http, counter: Counter, repeat: int, method: str, path: str, body=None, headers=None):
    def once() -> float:
        started = time.perf_counter()
        answer = http.open(path, method=method, json=body, headers=headers)
        elapsed = 1000 * (time.perf_counter() - started)
        assert answer.status_code in (200, 201), (path, answer.status_code, answer.get_data()[:200])
        return elapsed

    once()  # warm-up
    before = counter.statements
    samples = [once() for _ in range(repeat)]
    return statistics.median(samples), (counter.statements - before) / repeat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-capacity-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        registry = str(workdir / "registry")
        subprocess.run(
            [sys.executable, "-m", "modelling", "train", "--quick", "--registry", registry],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=900,
        )
        if args.postgres:
            url = stack.enter_context(temporary_postgres("bench_capacity"))
        else:
            url = f"sqlite:///{workdir / 'capacity.db'}"
        build_store(url, registry, args.clients)
        settings = {"APP_ENV": "testing", "DATABASE_URL": url, "MODEL_REGISTRY_DIR": registry}
        app = create_app(
            settings
            | SECRETS
            | {"RATELIMIT_ENABLED": False, "ADHOC_SCORE_DAILY_QUOTA": 100_000_000}
        )
        with app.app_context():
            counter = Counter(current_database().engine)
            session = current_database().session
            adviser = session.scalar(select(User).where(User.email == "adviser0@bench.example"))
            clients = list(
                session.scalars(select(Client.id).where(Client.adviser_id == adviser.id).limit(3))
            )
            session.rollback()
            http = app.test_client()
            login = {"email": "adviser0@bench.example", "password": PASSWORD}
            token = http.post("/api/v1/auth/login", json=login).get_json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            client = f"/api/v1/clients/{clients[0]}"
            decision = {
                "decision": "approve",
                "justification": "bench: file checked by the adviser",
                "confirm": True,
            }
            rows = [
                ("GET /api/v1/health (reference)", "GET", "/api/v1/health", None, None),
                ("POST /api/v1/score (with explanation)", "POST", "/api/v1/score", BODY, auth),
                (
                    "GET /api/v1/clients (portfolio page 1, 25 rows)",
                    "GET",
                    "/api/v1/clients?per_page=25",
                    None,
                    auth,
                ),
                (
                    "GET /api/v1/clients?risk=high (a filter)",
                    "GET",
                    "/api/v1/clients?per_page=25&risk=high",
                    None,
                    auth,
                ),
                ("GET /api/v1/clients/{id} (client page data)", "GET", client, None, auth),
                (
                    "GET /api/v1/clients/{id}/score (explained)",
                    "GET",
                    client + "/score",
                    None,
                    auth,
                ),
                (
                    "POST /api/v1/clients/{id}/decisions",
                    "POST",
                    client + "/decisions",
                    decision,
                    auth,
                ),
            ]
            results = [(name, *measure(http, counter, args.repeat, *rest)) for name, *rest in rows]
        app.extensions["database"].dispose()
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"\n{backend}, {args.clients:,} clients over {ADVISERS} advisers, {args.repeat} calls each"
    )
    print(f"{'Request':<52} {'median ms':>9} {'statements':>10} {'per worker/s':>12}")
    for name, median, statements in results:
        print(f"{name:<52} {median:9.2f} {statements:10.1f} {1000 / median:12.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
