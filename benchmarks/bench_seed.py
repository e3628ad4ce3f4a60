"""Benchmark: load N synthetic clients into SQLite and PostgreSQL (`make bench`).

Prints wall seconds and rows per second for each backend. Uses fresh databases of its own (a
temporary SQLite file; a temporary PostgreSQL database dropped afterwards).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import create_app
from app.services.seeding import seed_clients
from app.services.users import create_user
from db.migrate import upgrade

PG_ADMIN = os.environ.get(
    "TEST_POSTGRES_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def run(url: str, n: int, registry: str) -> float:
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    app = create_app({"APP_ENV": "testing", "DATABASE_URL": url, "MODEL_REGISTRY_DIR": registry})
    with app.app_context():
        for i in range(20):
            create_user(f"adviser{i}@bench.example", "adviser", "Bench-Password-2026")
        started = time.perf_counter()
        seed_clients(n, seed=1)
        elapsed = time.perf_counter() - started
    app.extensions["database"].dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.backend in ("sqlite", "both"):
            seconds = run(f"sqlite:///{Path(tmp) / 'bench.db'}", args.clients, tmp)
            print(
                f"seed sqlite     {args.clients:>9,} clients  {seconds:6.1f} s  "
                f"{args.clients / seconds:>9,.0f} rows/s"
            )
        if args.backend in ("postgresql", "both"):
            name = f"credit_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            url = make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
            try:
                seconds = run(url, args.clients, tmp)
                print(
                    f"seed postgresql {args.clients:>9,} clients  {seconds:6.1f} s  "
                    f"{args.clients / seconds:>9,.0f} rows/s"
                )
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
