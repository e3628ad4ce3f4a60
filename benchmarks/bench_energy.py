"""Energy of serving, measured with CodeCarbon (issue 15 §1): scores with explanations, and the
portfolio rescoring.

    .venv/bin/python benchmarks/bench_energy.py [--registry DIR] [--scores 5000]
        [--one-by-one 1000] [--portfolio 100000] [--idle 10]

Everything runs in this process on a temporary SQLite store (so the database's work is in the
measurement too; on PostgreSQL the server's own processes would not be): the service layer
called as the API and the dashboard call it. Each figure comes from modelling/energy.py
(CodeCarbon offline, France's grid, this process and its children only) and prints its method.

- batch: `services.scoring.evaluate` on batches of 1,000 clients with explanations (the API's
  /score/batch without the storage), over --scores clients, given per 1,000 scores;
- one by one: `services.scoring.score_features` one client at a time with its explanation
  (the simulator's and /score's model call), over --one-by-one clients, per 1,000 scores;
- portfolio: `services.rescore.plan` then `run_chunk` for every chunk of 10,000 (score with
  explanations, store the records and the clients' latest scores) over --portfolio seeded
  clients, scaled to 1,000,000 (the scaling is linear: every chunk does the same work);
- reference (same run): this process idle for --idle seconds, the floor any figure includes.

Without --registry a --quick model is trained into a temporary folder first.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine

from app import create_app
from app.services import rescore
from app.services.scoring import evaluate, score_features, served_model
from app.services.seeding import seed_clients
from app.services.users import create_user
from db.migrate import upgrade
from modelling.energy import measure
from modelling.features import FEATURE_NAMES
from modelling.synthetic import generate

SECRETS = {
    "SECRET_KEY": "bench-secret-key-" + "x" * 32,
    "JWT_SECRET_KEY": "bench-jwt-secret-key-" + "x" * 32,
    "PSEUDONYMISATION_KEY": "bench-pseudonymisation-key-" + "x" * 32,
    "AUDIT_KEY": "bench-audit-key-" + "x" * 32,
}
BATCH = 1_000


def report(label: str, used: dict, count: int, per: int) -> None:
    """One line: the measured figures, then scaled to `per` units of work."""
    if used["kwh"] is None:
        print(f"{label:<34} {count:>9,}  {used['seconds']:>8.1f} s  not measured: {used['detail']}")
        return
    scale = per / count
    print(
        f"{label:<34} {count:>9,}  {used['seconds']:>8.1f} s  {used['kwh'] * 1000:>9.3g} Wh  "
        f"{used['g_co2e']:>8.3g} g   per {per:,}: {used['kwh'] * 1000 * scale:.3g} Wh, "
        f"{used['g_co2e'] * scale:.3g} g CO2e, {used['seconds'] * scale:.1f} s  [{used['method']}]"
    )


def train(registry: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "modelling", "train", "--quick", "--registry", str(registry)],
        check=True,
        capture_output=True,
    )


def bench(args, registry: Path, tmp: Path) -> None:
    url = f"sqlite:///{tmp / 'energy.db'}"
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    app = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": url,
            "MODEL_REGISTRY_DIR": str(registry),
            "AUDIT_CHECKPOINT_DIR": str(tmp / "checkpoints"),
            "RATELIMIT_ENABLED": False,
            **SECRETS,
        }
    )
    with app.app_context():
        model = served_model()
        print(f"model {model.version} ({model.algorithm})")
        with measure() as idle:
            time.sleep(args.idle)
        print(f"{'':<34} {'count':>9}  {'seconds':>10}  {'energy':>12}  {'carbon':>10}")
        report("reference: idle process", idle, 1, 1)
        rows = generate(args.scores, seed=11)[list(FEATURE_NAMES)].to_dict("records")
        with measure() as batch:
            for start in range(0, len(rows), BATCH):
                evaluate(rows[start : start + BATCH], "fr", True, model)
        report("batch of 1,000 with explanations", batch, len(rows), 1_000)
        single = rows[: args.one_by_one]
        with measure() as one:
            for row in single:
                score_features(row, "fr", True)
        report("one by one with explanation", one, len(single), 1_000)
        create_user("adviser@bench.example", "adviser", "Bench-Password-2026")
        seed_clients(args.portfolio, seed=1)
        job = rescore.plan(None, "on_demand", rescore.DEFAULT_CHUNK_SIZE, "in_process")
        with measure() as portfolio:
            stored = sum(rescore.run_chunk(job.id, seq) for seq in range(job.chunks_total))
        report("portfolio rescoring (SQLite)", portfolio, stored, 1_000_000)
        print("how measured:", batch["detail"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registry", type=Path)
    parser.add_argument("--scores", type=int, default=5_000)
    parser.add_argument("--one-by-one", type=int, default=1_000)
    parser.add_argument("--portfolio", type=int, default=100_000)
    parser.add_argument("--idle", type=float, default=10.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        registry = args.registry
        if registry is None:
            registry = tmp / "registry"
            train(registry)
        bench(args, registry, tmp)


if __name__ == "__main__":
    main()
