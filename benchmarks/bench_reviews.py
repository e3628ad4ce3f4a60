"""Speed of the human review queue (issue 13 §1: under 300 ms with 10,000 open cases), with a
reference measured in the same run.

Builds a temporary store (SQLite, or PostgreSQL with --postgres) with --cases clients of five
advisers, each with an open review case (referrals and clients' requests, a third overdue),
then times:
  - GET /api/v1/reviews through the Flask test client (token, permission, query, JSON): the
    first page, each filter (reason, overdue) and the last page;
  - the supervisors' page callback (callbacks/reviews.show_queue) in a logged-in request
    context, and the navigation bar's count (open_review_count);
  - the reference, in the same run: GET /api/v1/clients/{id} (one client's data).

    .venv/bin/python benchmarks/bench_reviews.py [--cases 10000] [--repeat 20] [--postgres]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from contextlib import ExitStack
from datetime import timedelta
from pathlib import Path

from flask_jwt_extended import create_access_token
from flask_login import login_user
from localserver import temporary_postgres
from sqlalchemy import create_engine, insert, select

from app import create_app
from app.callbacks.reviews import nav_count, show_queue
from app.database import current_database
from app.models import Client, ReviewCase, utcnow
from app.services.seeding import seed_clients
from app.services.users import create_user
from app.web.auth import SessionUser
from db.migrate import upgrade

SECRETS = {
    "SECRET_KEY": "bench-secret-" + "x" * 32,
    "JWT_SECRET_KEY": "bench-jwt-" + "x" * 32,
    "PSEUDONYMISATION_KEY": "bench-pseudo-" + "x" * 32,
}
PASSWORD = "Bench-Password-2026"


def timed(call, repeat: int) -> list[float]:
    call()  # warm-up
    found = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        found.append(1000 * (time.perf_counter() - started))
    return found


def report(name: str, ms: list[float]) -> None:
    p95 = statistics.quantiles(ms, n=20)[18] if len(ms) >= 20 else max(ms)
    print(f"{name:<52} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   n={len(ms)}")


def open_cases(ids: list[uuid.UUID], advisers: list) -> None:
    """One open case per client, opened over the last 40 days (due 30 days later)."""
    rng, now = random.Random(13), utcnow()
    rows = []
    for client_id in ids:
        since = now - timedelta(minutes=rng.randrange(40 * 24 * 60))
        referred = rng.random() < 0.6
        rows.append(
            {
                "id": uuid.uuid4(),
                "client_id": client_id,
                "reason": "referred" if referred else "client_request",
                "since": since,
                "due": since + timedelta(days=30),
                "referred_by": rng.choice(advisers).id,
                "decided_by": None,
                "justification": "Second regard demandé avant décision." if referred else None,
                "client_view": None if referred else "Je conteste le refus.",
            }
        )
    with current_database().transaction() as session:
        session.execute(insert(ReviewCase), rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    with ExitStack() as stack:
        work = Path(tempfile.mkdtemp(prefix="bench-reviews-"))
        url = (
            stack.enter_context(temporary_postgres("bench_reviews"))
            if args.postgres
            else f"sqlite:///{work / 'store.db'}"
        )
        engine = create_engine(url)
        upgrade(engine)
        engine.dispose()
        app = create_app(
            {
                "APP_ENV": "testing",
                "DATABASE_URL": url,
                "MODEL_REGISTRY_DIR": str(work / "registry"),  # no model: none is needed
                "RATELIMIT_ENABLED": False,
                "LOG_LEVEL": "WARNING",
                **SECRETS,
            }
        )
        run(app, args)
        app.extensions["database"].dispose()


def run(app, args) -> None:
    with app.app_context():
        advisers = [create_user(f"adviser{i}@bank.example", "adviser", PASSWORD) for i in range(5)]
        supervisor = create_user("supervisor@bank.example", "supervisor", PASSWORD)
        seed_clients(args.cases, seed=13)
        ids = list(current_database().session.scalars(select(Client.id)))
        open_cases(ids, advisers)
        token = create_access_token(
            identity=str(supervisor.id), additional_claims={"role": supervisor.role.value}
        )
        headers = {"Authorization": f"Bearer {token}"}
        http = app.test_client()

        def get(path: str):
            answer = http.get(path, headers=headers)
            assert answer.status_code == 200, (path, answer.status_code)
            return answer

        last = -(-args.cases // 50)
        backend = "PostgreSQL" if args.postgres else "SQLite"
        print(f"{backend}: {args.cases} open cases; {args.repeat} timed calls each")
        report(
            "reference: GET /api/v1/clients/{id}",
            timed(lambda: get(f"/api/v1/clients/{ids[0]}"), args.repeat),
        )
        for query in ("", "?reason=client_request", "?overdue=true", f"?page={last}"):
            report(
                f"GET /api/v1/reviews{query}",
                timed(lambda q=query: get(f"/api/v1/reviews{q}"), args.repeat),
            )
        with app.test_request_context("/_dash-update-component", method="POST"):
            login_user(SessionUser(supervisor, utcnow()))
            report(
                "page callback show_queue (first page)",
                timed(lambda: show_queue("all", False, 1), args.repeat),
            )
            report(
                "page callback show_queue (overdue, referred)",
                timed(lambda: show_queue("referred", True, 1), args.repeat),
            )
            report("navigation count (nav_count)", timed(lambda: nav_count("/"), args.repeat))


if __name__ == "__main__":
    main()
