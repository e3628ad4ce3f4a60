"""Speed of the drift report (issue 12 §2) over 1,000,000 score records on PostgreSQL.

Builds a temporary PostgreSQL database of its own (dropped at the end), loads --clients stored
clients and --records score records by COPY (three quarters of the stored clients' records
rescore a client already scored; the rest are ad-hoc scores; all inside the 30-day window;
inputs drawn from the synthetic portfolio, each record with an explanation of the served
size), runs VACUUM (ANALYZE), then times, --repeat times each and interleaved:

  - reference: SELECT count(*) of the window's score records (a plain scan of the same rows);
  - drift: services/drift.report_for, the whole report as GET /monitoring/drift computes it
    (PSI of the five features and of the probability against a reference made by
    modelling/drift.py from a synthetic development sample).

    .venv/bin/python benchmarks/bench_drift.py [--records 1000000] [--clients 200000]
        [--repeat 5]

Prints the median, the minimum and the maximum of each, in seconds. Never asserts.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

import numpy as np
import orjson
from localserver import temporary_postgres
from sqlalchemy import create_engine, func, select

from app import create_app
from app.database import current_database
from app.models import ScoreRecord
from app.services.drift import report_for
from db.migrate import upgrade
from modelling.drift import reference_profile
from modelling.features import FEATURE_NAMES
from modelling.synthetic import generate

SECRETS = {
    "SECRET_KEY": "bench-secret-" + "x" * 32,
    "JWT_SECRET_KEY": "bench-jwt-" + "x" * 32,
    "PSEUDONYMISATION_KEY": "bench-pseudo-" + "x" * 32,
    "AUDIT_KEY": "bench-audit-" + "x" * 32,
}
VERSION = "20261201T000000Z-bench00"
# A served explanation's size (~1 kB): contributions, reasons and a counterfactual.
EXPLANATION = {
    "base_value": -2.1,
    "contributions": [{"feature": n, "value": 1.0, "contribution": 0.1} for n in FEATURE_NAMES],
    "reasons": [{"feature": "incidents", "text": "x" * 120}],
    "counterfactual": {"text": "y" * 200, "changes": [{"feature": "income", "to": 42000}]},
}


def log(message: str) -> None:
    print(message, flush=True)


def load(url: str, records: int, clients: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    people = generate(clients, seed)
    sample = generate(records, seed + 1)
    probability = sample["true_pd"].to_numpy(float)
    now = datetime.now(UTC)
    adviser, client_ids = uuid.uuid4(), [uuid.uuid4() for _ in range(clients)]
    stored = int(records * 0.6)  # 60 % of the records are of stored clients
    explanation = orjson.dumps(EXPLANATION).decode()
    engine = create_engine(url)
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cursor:
            cursor.execute(
                "INSERT INTO users (id, email, password_hash, role, active, created_at) "
                "VALUES (%s, 'bench@bench.example', 'x', 'adviser', true, now())",
                (adviser,),
            )
            with cursor.copy(
                "COPY clients (id, adviser_id, age, income, seniority, incidents, credit_score, "
                "data_updated_at, created_at) FROM STDIN"
            ) as copy:
                for i, row in enumerate(people[list(FEATURE_NAMES)].itertuples(index=False)):
                    copy.write_row((client_ids[i], adviser, *row, now, now))
            columns = sample[list(FEATURE_NAMES)].to_dict("records")
            offsets = rng.uniform(0, 29 * 86400, records)
            with cursor.copy(
                "COPY score_records (id, client_id, requested_by, inputs, probability, "
                "recommendation, threshold, model_version, explanation, created_at) FROM STDIN"
            ) as copy:
                for i in range(records):
                    copy.write_row(
                        (
                            uuid.uuid4(),
                            client_ids[i % clients] if i < stored else None,
                            adviser,
                            orjson.dumps(columns[i]).decode(),
                            float(probability[i]),
                            "favourable",
                            0.2,
                            VERSION,
                            explanation,
                            now - timedelta(seconds=float(offsets[i])),
                        )
                    )
        raw.commit()
    finally:
        raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM (ANALYZE) score_records")
        connection.exec_driver_sql("VACUUM (ANALYZE) clients")
    engine.dispose()


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def summary(name: str, seconds: list[float]) -> str:
    return (
        f"{name:<44} median {statistics.median(seconds):6.3f} s  "
        f"min {min(seconds):6.3f} s  max {max(seconds):6.3f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    development = generate(40_000, 7)
    reference = reference_profile(
        development[list(FEATURE_NAMES)].to_numpy(float), development["true_pd"]
    )
    with temporary_postgres("bench_drift") as url:
        engine = create_engine(url)
        upgrade(engine)
        engine.dispose()
        started = time.perf_counter()
        load(url, args.records, args.clients, seed=11)
        log(
            f"loaded {args.records:,} score records ({args.clients:,} stored clients) in "
            f"{time.perf_counter() - started:.1f} s"
        )
        app = create_app(
            {"APP_ENV": "testing", "DATABASE_URL": url, "MODEL_REGISTRY_DIR": "/nonexistent"}
            | SECRETS
        )
        with app.app_context():
            end = datetime.now(UTC) + timedelta(seconds=1)
            start = end - timedelta(days=30)
            session = current_database().session
            window = (ScoreRecord.created_at >= start) & (ScoreRecord.created_at < end)

            def count():
                return session.scalar(select(func.count()).where(window))

            report = report_for(reference, VERSION, start, end)
            log(
                f"window: {report['window']['scores']:,} records counted of {count():,}; "
                f"status {report['status']}"
            )
            references, drifts = [], []
            for _ in range(args.repeat):
                references.append(timed(count))
                drifts.append(timed(lambda: report_for(reference, VERSION, start, end)))
                session.rollback()
            log(summary("reference: count(*) of the window", references))
            log(summary("drift report (5 features + probability)", drifts))
        app.extensions["database"].dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
