"""Speed of the portfolio (issue 13 §2) on a large store: the strip of figures and the grid's
request callback for the first block, each filter, a sort and a deep block, as an adviser and
as a supervisor (the whole bank), with GET /api/v1/health timed in the same run as reference.

The store: 20 advisers and --clients synthetic clients, seeded by the project's seed helper
(`services.seeding.seed_clients`, a bulk load: COPY on PostgreSQL, batched inserts on SQLite)
and all scored by `refresh_scores` (bench_dashboard.build_store); then this script adds an
adviser's day by bulk inserts of its own (SQLAlchemy Core executemany): decisions this month
on 5 % of the clients (each with its score record), 10,000 open review cases (referrals) and
2,000 reviews answered last week, then brings the clients' marks up to date
(`services.client_marks.resync`, as any bulk load of decisions or cases must). Each call goes
through Dash's own endpoint (POST /_dash-update-component, logged-in session), so the log-in
guard, the envelope check, the handler, the services, the SQL and the JSON are all counted.

    .venv/bin/python benchmarks/bench_portfolio.py [--clients 1000000] [--repeat 15]
        [--registry DIR] [--workdir DIR (SQLite store kept and reused)]
        [--database-url URL (an existing store, e.g. PostgreSQL; reused when full)]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from bench_dashboard import PASSWORD, SECRETS, DashSession, build_store, ensure_registry, timed
from sqlalchemy import func, insert, select, text

from app import create_app
from app.callbacks.portfolio import OUTPUTS, RANGE_INPUTS, STATES
from app.database import current_database
from app.models import Client, Decision, ReviewCase, ScoreRecord, User, utcnow
from app.services import client_marks
from app.services.portfolio_figures import FIGURES
from app.services.users import create_user

DECIDED_SHARE = 0.05
OPEN_CASES = 10_000
ANSWERED_CASES = 2_000
BATCH = 20_000
JUSTIFICATION = "Benchmark decision, justified at length for the rule."


def log(message: str) -> None:
    print(message, flush=True)


def add_day(app) -> None:
    """Decisions, open review cases and answered reviews, once per store (bulk inserts); a store
    built before the clients' latest index (migration 0012's probability index) gets it."""
    with app.app_context():
        for index in Client.__table__.indexes:
            index.create(current_database().engine, checkfirst=True)
        session = current_database().session
        if session.scalar(select(func.count()).select_from(ReviewCase)):
            log("the store already holds its day: reused")
            return
        if session.scalar(select(User.id).where(User.email == "supervisor@bench.example")) is None:
            create_user("supervisor@bench.example", "supervisor", PASSWORD)
        supervisor = session.scalar(select(User.id).where(User.email == "supervisor@bench.example"))
        started = time.perf_counter()
        rows = session.execute(
            select(Client.id, Client.adviser_id, Client.probability).where(
                Client.probability.is_not(None)
            )
        ).all()
        rng = random.Random(7)
        chosen = rng.sample(rows, int(DECIDED_SHARE * len(rows)))
        now = utcnow()
        scores, decisions, cases = [], [], []
        for i, (client_id, adviser_id, probability) in enumerate(chosen):
            score_id = uuid.uuid4()
            at = now - timedelta(minutes=rng.randrange(1, 60 * 24 * max(now.day - 1, 1)))
            refer = i < OPEN_CASES + ANSWERED_CASES
            scores.append(
                {
                    "id": score_id,
                    "client_id": client_id,
                    "requested_by": adviser_id,
                    "inputs": {},
                    "probability": probability,
                    "recommendation": "review",
                    "created_at": at,
                }
            )
            decisions.append(
                {
                    "id": uuid.uuid4(),
                    "score_id": score_id,
                    "client_id": client_id,
                    "adviser_id": adviser_id,
                    "decision": "refer" if refer else "approve",
                    "justification": JUSTIFICATION,
                    "human_review": False,
                    "created_at": at,
                }
            )
            if refer:
                closed = i >= OPEN_CASES
                cases.append(
                    {
                        "id": uuid.uuid4(),
                        "client_id": client_id,
                        "reason": "referred",
                        "since": at,
                        "due": at + timedelta(days=30),
                        "referred_by": adviser_id,
                        "decided_by": adviser_id,
                        "justification": JUSTIFICATION,
                        "closed_at": now - timedelta(days=rng.randrange(1, 7)) if closed else None,
                        "closed_by": supervisor if closed else None,
                        "outcome": "approve" if closed else None,
                        "review_justification": JUSTIFICATION if closed else None,
                    }
                )
        session.commit()
        engine = current_database().engine
        with engine.begin() as connection:
            for table, values in (
                (ScoreRecord.__table__, scores),
                (Decision.__table__, decisions),
                (ReviewCase.__table__, cases),
            ):
                for start in range(0, len(values), BATCH):
                    connection.execute(insert(table), values[start : start + BATCH])
        with current_database().transaction() as marks:  # the clients' latest decision, queue
            client_marks.resync(marks)
        if engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                for table in ("clients", "score_records", "decisions", "review_cases"):
                    connection.execute(text(f"VACUUM (ANALYZE) {table}"))
        else:
            with engine.begin() as connection:
                connection.execute(text("ANALYZE"))
        log(
            f"added {len(decisions):,} decisions this month, {OPEN_CASES:,} open review cases "
            f"and {ANSWERED_CASES:,} answered in {time.perf_counter() - started:.1f} s"
        )


def grid_call(session: DashSession, start: int = 0, sort=None, **widgets) -> dict:
    values = {f"portfolio-{n}-{e}": widgets.get(f"{n}_{e}") for n, e in RANGE_INPUTS}
    values |= {
        "portfolio-risk": widgets.get("risk", "all"),
        "portfolio-stale": widgets.get("stale", False),
        "portfolio-focus": widgets.get("focus", []),
        "portfolio-view": widgets.get("view", "all"),
    }
    request = {
        "startRow": start,
        "endRow": start + 25,
        "sortModel": sort or [{"colId": "probability", "sort": "desc"}],
        "filterModel": {},
    }
    answer = session.call(
        list(OUTPUTS.values()),
        [("portfolio-grid", "getRowsRequest", request)],
        ["portfolio-grid.getRowsRequest"],
        state=[(i, p, values[i]) for i, p in STATES],
    )
    response = answer["response"]["portfolio-grid"]["getRowsResponse"]
    assert response["rowData"] or response["rowCount"] == 0, answer
    return response


def figures_call(session: DashSession) -> dict:
    outputs = [(f"portfolio-figure-{f}-count", "children") for f in FIGURES]
    outputs.append(("portfolio-figures-note", "children"))
    return session.call(
        outputs, [("portfolio-figures-load", "data", 0)], ["portfolio-figures-load.data"]
    )


def health(session: DashSession) -> None:
    assert session.http.get("/api/v1/health").status_code == 200


def cases(session: DashSession, adviser: bool) -> list[tuple[str, object]]:
    starts = iter(range(25, 10**7, 25))
    found = [
        ("Reference: GET /api/v1/health", lambda: health(session)),
        ("Strip of figures (5 counts)", lambda: figures_call(session)),
        ("Grid: first block (riskiest first)", lambda: grid_call(session)),
        ("Grid: next blocks (page 2, 3, ...)", lambda: grid_call(session, next(starts))),
        ("Grid: deep block (row 24,975)", lambda: grid_call(session, 24_975)),
        (
            "Grid: sort by income, ascending",
            lambda: grid_call(session, sort=[{"colId": "income", "sort": "asc"}]),
        ),
        ("Filter: high risk (figure)", lambda: grid_call(session, risk="high")),
        ("Filter: data to update (figure)", lambda: grid_call(session, stale=True)),
        ("Filter: awaiting review (figure)", lambda: grid_call(session, focus=["review"])),
        ("Filter: decided this month (figure)", lambda: grid_call(session, focus=["decided"])),
        (
            "Filter: income ≥ 40,000 and high risk",
            lambda: grid_call(session, income_min=40_000, risk="high"),
        ),
        (
            "Filter: age 30-45 and data to update",
            lambda: grid_call(session, age_min=30, age_max=45, stale=True),
        ),
    ]
    if adviser:
        found.append(("To-do view", lambda: grid_call(session, view="todo")))
    return found


def measure(app, repeat: int) -> list[tuple[str, str, dict]]:
    with app.app_context():
        session = current_database().session
        adviser = session.scalar(select(User).where(User.email == "adviser0@bench.example"))
        size = session.scalar(select(func.count(Client.id)).where(Client.adviser_id == adviser.id))
        total = session.scalar(select(func.count(Client.id)))
        session.rollback()
    log(f"adviser0 holds {size:,} clients; the supervisor sees {total:,}")
    results = []
    for who, email in (
        ("adviser", "adviser0@bench.example"),
        ("supervisor", "supervisor@bench.example"),
    ):
        dash = DashSession(app, email)
        for name, call in cases(dash, who == "adviser"):
            results.append((who, name, timed(call, repeat)))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--registry", help="an existing model registry (else a quick model)")
    parser.add_argument("--workdir", help="a folder kept after the run (the store is reused)")
    parser.add_argument("--database-url", help="an existing store (e.g. PostgreSQL) instead")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-portfolio-") as tmp:
        workdir = Path(args.workdir or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        registry = args.registry or str(workdir / "registry")
        ensure_registry(registry)
        url = args.database_url or f"sqlite:///{workdir / 'portfolio.db'}"
        build_store(url, registry, args.clients)
        config = {
            "APP_ENV": "testing",
            "DATABASE_URL": url,
            "MODEL_REGISTRY_DIR": registry,
            "RATELIMIT_ENABLED": False,
            **SECRETS,
        }
        app = create_app(config)
        add_day(app)
        results = measure(app, args.repeat)
        backend = app.extensions["database"].engine.dialect.name
        app.extensions["database"].dispose()
    log(
        f"\n{backend}, {args.clients:,} clients; server time per callback round trip in ms "
        f"over {args.repeat} calls (after one warm-up)"
    )
    log(f"{'Who':<11} {'Call':<42} {'median':>8} {'p90':>8} {'max':>8}  target 300")
    for who, name, r in results:
        verdict = "" if name.startswith("Reference") else ("ok" if r["median"] < 300 else "MISSED")
        log(f"{who:<11} {name:<42} {r['median']:8.1f} {r['p90']:8.1f} {r['max']:8.1f}  {verdict}")
    log(json.dumps({f"{who}: {name}": r for who, name, r in results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
