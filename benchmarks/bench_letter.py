"""Speed of the client's letter (issue 13 §4: under 500 ms), with a reference from the same run.

Builds a temporary SQLite store (or PostgreSQL with --postgres) with --clients clients of one
adviser, each scored and declined (the letter holds reasons and a counterfactual), then times
per letter:
  - the service alone: the letter's text (client_letter) and its PDF (letter_pdf);
  - GET /api/v1/clients/{id}/letter through the Flask test client (token, permission, audit,
    PDF), French and English;
  - the reference, measured in the same run: GET /api/v1/clients/{id} (one client's data).

    .venv/bin/python benchmarks/bench_letter.py [--clients 50] [--repeat 3] [--registry DIR]
        [--postgres]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time

from flask_jwt_extended import create_access_token
from localserver import temporary_store
from sqlalchemy import create_engine, select

from app import create_app
from app.database import current_database
from app.models import Client
from app.services import decisions, scoring
from app.services.client_letter import client_letter
from app.services.letter_pdf import letter_pdf
from app.services.seeding import seed_clients
from app.services.users import create_user
from db.migrate import upgrade

SECRETS = {
    "SECRET_KEY": "bench-secret-" + "x" * 32,
    "JWT_SECRET_KEY": "bench-jwt-" + "x" * 32,
    "PSEUDONYMISATION_KEY": "bench-pseudo-" + "x" * 32,
}
JUSTIFICATION = "Refus motivé après vérification des pièces en agence"


def timings(call, ids, repeat: int) -> list[float]:
    found = []
    for _ in range(repeat):
        for client_id in ids:
            started = time.perf_counter()
            call(client_id)
            found.append(1000 * (time.perf_counter() - started))
    return found


def report(name: str, ms: list[float]) -> None:
    p95 = statistics.quantiles(ms, n=20)[18] if len(ms) >= 20 else max(ms)
    print(f"{name:<44} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   n={len(ms)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--registry")
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    with temporary_store("bench_letter", args.postgres) as url:
        run(args, url)


def run(args, url: str) -> None:
    registry = args.registry or tempfile.mkdtemp(prefix="bench-letter-registry-")
    if not args.registry:
        subprocess.run(
            [sys.executable, "-m", "modelling", "train", "--quick", "--registry", registry],
            check=True,
            capture_output=True,
        )
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    app = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": url,
            "MODEL_REGISTRY_DIR": registry,
            "RATELIMIT_ENABLED": False,
            "LOG_LEVEL": "WARNING",
            **SECRETS,
        }
    )
    with app.app_context():
        adviser = create_user("adviser@bank.example", "adviser", "Bench-Password-2026")
        seed_clients(args.clients, seed=13)
        ids = list(current_database().session.scalars(select(Client.id)))
        for client_id in ids:
            scoring.score_client(client_id, adviser, "fr")
            decisions.record_decision(client_id, adviser, "decline", JUSTIFICATION)
        token = create_access_token(
            identity=str(adviser.id), additional_claims={"role": adviser.role.value}
        )
        headers = {"Authorization": f"Bearer {token}"}
        http = app.test_client()

        def get(path: str):
            answer = http.get(path, headers=headers)
            assert answer.status_code == 200, answer.status_code
            return answer

        timings(lambda c: get(f"/api/v1/clients/{c}/letter?lang=fr"), ids[:3], 1)  # warm-up
        backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
        print(f"{backend}: {args.clients} clients, each declined; {args.repeat} rounds")
        report(
            "reference: GET /api/v1/clients/{id}",
            timings(lambda c: get(f"/api/v1/clients/{c}"), ids, args.repeat),
        )
        report(
            "service: letter text (fr)",
            timings(lambda c: client_letter(c, adviser, "fr"), ids, args.repeat),
        )
        report(
            "service: letter text + PDF (fr)",
            timings(lambda c: letter_pdf(client_letter(c, adviser, "fr")), ids, args.repeat),
        )
        for lang in ("fr", "en"):
            report(
                f"GET /api/v1/clients/{{id}}/letter?lang={lang}",
                timings(
                    lambda c, lang=lang: get(f"/api/v1/clients/{c}/letter?lang={lang}"),
                    ids,
                    args.repeat,
                ),
            )


if __name__ == "__main__":
    main()
