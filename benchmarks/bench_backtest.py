"""Benchmark: the back-test of one version over N outcomes (issue 12: under 2 s for 100,000).

Stores N clients, each with two scores of the version (one 30 days before its outcome, one the
day after: the pairing must pick the first) and one outcome, in fresh databases of its own
(a temporary SQLite file; a temporary PostgreSQL database dropped afterwards). Then times, as
the API runs it, `backtest_version` (the pairing query and the numerics), each part alone, and a
same-run reference: reading the N outcome rows with no pairing at all. Median of --repeat runs.

    .venv/bin/python benchmarks/bench_backtest.py [--outcomes 100000] [--backend both]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
from localserver import temporary_postgres
from sqlalchemy import create_engine, insert, select, text

from app import create_app
from app.database import current_database
from app.models import Client, Outcome, ScoreRecord
from app.services.backtest import arrays, paired, run
from app.services.backtest import backtest_version as backtest
from app.services.users import create_user
from db.migrate import upgrade

VERSION = "20260101-000000-bench"
FEATURES = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 0, "credit_score": 720}
CHUNK = 10_000


def store(n: int, adviser_id, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    p = np.round(rng.beta(1.5, 8, n), 4)
    y = rng.random(n) < p
    observed = date(2026, 6, 30)
    before = datetime(2026, 5, 31, 12, tzinfo=UTC)
    after = datetime(2026, 7, 1, 12, tzinfo=UTC)
    session = current_database().session
    for start in range(0, n, CHUNK):
        ids = [uuid.uuid4() for _ in range(min(CHUNK, n - start))]
        clients = [
            {"id": i, "adviser_id": adviser_id, "data_updated_at": before, "created_at": before}
            | FEATURES
            for i in ids
        ]
        scores = []
        for k, client_id in enumerate(ids):
            for at, probability in ((before, float(p[start + k])), (after, 0.5)):
                scores.append(
                    {
                        "id": uuid.uuid4(),
                        "client_id": client_id,
                        "inputs": FEATURES,
                        "probability": probability,
                        "recommendation": "review",
                        "threshold": 0.1,
                        "model_version": VERSION,
                        "created_at": at,
                    }
                )
        outcomes = [
            {
                "id": uuid.uuid4(),
                "client_id": client_id,
                "defaulted": bool(y[start + k]),
                "observed_at": observed,
                "recorded_at": before + timedelta(days=40),
                "source": "import",
            }
            for k, client_id in enumerate(ids)
        ]
        with current_database().transaction():
            session.execute(insert(Client), clients)
            session.execute(insert(ScoreRecord), scores)
            session.execute(insert(Outcome), outcomes)
    if session.get_bind().dialect.name == "postgresql":
        with current_database().engine.connect() as connection:
            connection.execute(text("ANALYZE"))
            connection.commit()


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
        current_database().session.rollback()  # each run reads afresh, as a request would
    return statistics.median(times)


def bench(url: str, n: int, repeat: int, registry: str) -> dict[str, float]:
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    app = create_app({"APP_ENV": "testing", "DATABASE_URL": url, "MODEL_REGISTRY_DIR": registry})
    with app.app_context():
        adviser = create_user("adviser@bench.example", "adviser", "Bench-Password-2026")
        supervisor = create_user("supervisor@bench.example", "supervisor", "Bench-Password-2026")
        started = time.perf_counter()
        store(n, adviser.id)
        stored = time.perf_counter() - started
        report = backtest(VERSION, supervisor)
        assert report["outcomes"] == n, report["outcomes"]
        rows = paired([ScoreRecord.model_version == VERSION], [ScoreRecord.probability])
        y, p = arrays(rows)
        figures = {
            "store": stored,
            "backtest": median_seconds(lambda: backtest(VERSION, supervisor), repeat),
            "pairing": median_seconds(
                lambda: paired([ScoreRecord.model_version == VERSION], [ScoreRecord.probability]),
                repeat,
            ),
            "numerics": median_seconds(lambda: run(y, p), repeat),
            "reference": median_seconds(
                lambda: (
                    current_database()
                    .session.connection()
                    .execute(select(Outcome.defaulted, Outcome.observed_at))
                    .all()
                ),
                repeat,
            ),
            "status": report["status"],
        }
    app.extensions["database"].dispose()
    return figures


def show(backend: str, n: int, figures: dict) -> None:
    print(
        f"backtest {backend:<10} {n:>9,} outcomes  total {figures['backtest']:6.3f} s  "
        f"(pairing {figures['pairing']:.3f} s, numerics {figures['numerics']:.3f} s)  "
        f"reference: read {n:,} outcome rows {figures['reference']:.3f} s  "
        f"[stored in {figures['store']:.1f} s; status {figures['status']}]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outcomes", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.backend in ("sqlite", "both"):
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            show("sqlite", args.outcomes, bench(url, args.outcomes, args.repeat, tmp))
        if args.backend in ("postgresql", "both"):
            with temporary_postgres("credit_bench") as url:
                show("postgresql", args.outcomes, bench(url, args.outcomes, args.repeat, tmp))


if __name__ == "__main__":
    main()
