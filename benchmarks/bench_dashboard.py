"""Speed of the dashboard with a large store: callback server time, and first load in Chromium.

Builds a temporary SQLite store (or PostgreSQL with --postgres), creates 20 advisers, seeds
--clients synthetic clients over them and scores them all, then times, in process and through
Dash's own endpoint (POST /_dash-update-component with a logged-in session, so routing, the
login guard, the handler and JSON serialisation are all counted):
  - the client page: its load and history callbacks together (an adviser opening a client);
  - a what-if change in the simulator;
and, with gunicorn serving the same store, the first load of / in headless Chromium (Debian's
/usr/bin/chromium; never a downloaded browser) from navigation to the grid's first rows. The
portfolio's own calls (strip, grid blocks, filters) are timed by bench_portfolio.py.

Each call is built from the callback as the app registers it (its outputs, inputs and state),
so the benchmark follows the pages when their callbacks change.

    .venv/bin/python benchmarks/bench_dashboard.py [--clients 1000000] [--repeat 15]
        [--registry DIR] [--workdir DIR (kept; reused when it already holds a store)]
        [--store FILE (an SQLite store built by this script or bench_portfolio.py)]
        [--postgres] [--no-browser]

On PostgreSQL the bulk rescoring (`refresh_scores`) ends with VACUUM (ANALYZE) of the clients,
as `flask scores refresh` does, so the figures are those an adviser sees after a refresh.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from localserver import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    free_port,
    serve,
    stop,
    temporary_postgres,
)
from sqlalchemy import create_engine, func, select

from app import create_app
from app.database import current_database
from app.models import Client, User
from app.services.refresh import refresh_scores
from app.services.seeding import seed_clients
from app.services.users import create_user
from db.migrate import upgrade
from modelling.features import FEATURE_NAMES

PASSWORD = "Bench-Password-2026"
ADVISERS = 20
SECRETS = {
    "SECRET_KEY": "bench-secret-" + "x" * 32,
    "JWT_SECRET_KEY": "bench-jwt-" + "x" * 32,
    "PSEUDONYMISATION_KEY": "bench-pseudo-" + "x" * 32,
}


def log(message: str) -> None:
    print(message, flush=True)


def bench_app(url: str, registry: str, **settings):
    """The app every step of the benchmark builds on the same store and registry."""
    base = {"APP_ENV": "testing", "DATABASE_URL": url, "MODEL_REGISTRY_DIR": registry}
    return create_app(base | SECRETS | settings)


def build_store(url: str, registry: str, n: int) -> None:
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    app = bench_app(url, registry)
    with app.app_context():
        count = current_database().session.scalar(select(func.count(Client.id))) or 0
        if count >= n:
            log(f"store already holds {count:,} clients: reused")
            return
        for i in range(ADVISERS):
            create_user(f"adviser{i}@bench.example", "adviser", PASSWORD)
        started = time.perf_counter()
        seed_clients(n, seed=1)
        log(
            f"seeded {n:,} clients over {ADVISERS} advisers in "
            f"{time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        scored = refresh_scores()
        log(f"scored {scored:,} clients in {time.perf_counter() - started:.1f} s")
    app.extensions["database"].dispose()


def ensure_registry(registry: str) -> None:
    """A quick model in this registry folder, unless it already serves one."""
    if not (Path(registry) / "ACTIVE").exists():
        subprocess.run(
            [sys.executable, "-m", "modelling", "train", "--quick", "--registry", registry],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=900,
        )


class DashSession:
    """A logged-in test client that calls Dash callbacks the way the browser does."""

    def __init__(self, app, email: str) -> None:
        self.app, self.http = app, app.test_client()
        page = self.http.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        answer = self.http.post(
            "/login", data={"csrf_token": token, "email": email, "password": PASSWORD}
        )
        assert answer.status_code == 302, answer.status_code

    def call(
        self,
        outputs: list[tuple[str, str]],
        inputs: list[tuple[str, str, object]],
        changed: list[str],
        state: list[tuple[str, str, object]] = (),
    ) -> dict:
        body = {
            "output": ".." + "...".join(f"{i}.{p}" for i, p in outputs) + ".."
            if len(outputs) > 1
            else f"{outputs[0][0]}.{outputs[0][1]}",
            "outputs": [{"id": i, "property": p} for i, p in outputs]
            if len(outputs) > 1
            else {"id": outputs[0][0], "property": outputs[0][1]},
            "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
            "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
            "changedPropIds": changed,
        }
        answer = self.http.post("/_dash-update-component", json=body)
        assert answer.status_code in (200, 204), (answer.status_code, answer.get_data()[:300])
        return answer.get_json() if answer.status_code == 200 else {}


def registered(session: DashSession, first_output: str) -> dict:
    """The callback whose outputs include `first_output` ("id.property"), as Dash registered it."""
    for key, spec in session.app.extensions["dash_app"].callback_map.items():
        outputs = [o.split("@")[0] for o in key.strip(".").split("...")]
        if first_output in outputs:
            return {"outputs": outputs, "inputs": spec["inputs"], "state": spec["state"]}
    raise LookupError(f"no callback draws {first_output}")


def callback_call(session: DashSession, first_output: str, values: dict, changed: str) -> dict:
    """Call that callback as the browser would, with `values` by "id.property" (None else)."""
    spec = registered(session, first_output)

    def filled(items):
        return [(i["id"], i["property"], values.get(f"{i['id']}.{i['property']}")) for i in items]

    outputs = [tuple(o.rsplit(".", 1)) for o in spec["outputs"]]
    return session.call(outputs, filled(spec["inputs"]), [changed], filled(spec["state"]))


def client_calls(session: DashSession, client_id: str) -> None:
    """The client page's load and its history, as when an adviser opens the client."""
    values = {"client-id.data": client_id, "client-rectified.data": 0, "client-refresh.data": 0}
    callback_call(session, "client-gauge.figure", values, "client-id.data")
    callback_call(session, "client-history.children", values, "client-id.data")


def whatif_call(session: DashSession, values: dict) -> None:
    typed = {f"simulator-{n}-input.value": values[n] for n in FEATURE_NAMES}
    callback_call(session, "simulator-gauge.figure", typed, "simulator-income-input.value")


def timed(fn, repeat: int) -> dict:
    fn()  # warm-up (caches, first query plans)
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(1000 * (time.perf_counter() - started))
    samples.sort()
    return {
        "median": statistics.median(samples),
        "p90": samples[int(0.9 * (len(samples) - 1))],
        "max": samples[-1],
    }


def measure_callbacks(url: str, registry: str, repeat: int) -> list[tuple[str, dict, float]]:
    app = bench_app(url, registry, RATELIMIT_ENABLED=False)
    with app.app_context():
        session = current_database().session
        adviser = session.scalar(select(User).where(User.email == "adviser0@bench.example"))
        size = session.scalar(select(func.count(Client.id)).where(Client.adviser_id == adviser.id))
        client = session.scalar(
            select(Client)
            .where(Client.adviser_id == adviser.id)
            .order_by(Client.probability.desc())
            .limit(1)
        )
        client_id, values = str(client.id), client.features()
    log(f"adviser0 holds {size:,} clients")
    dash = DashSession(app, "adviser0@bench.example")
    incomes = iter(range(10_000, 10_000_000, 1_000))
    results = [
        (
            "Reference: GET /api/v1/health (same test client)",
            timed(lambda: dash.http.get("/api/v1/health"), repeat),
            None,
        ),
        (
            "Client page: load + history callbacks",
            timed(lambda: client_calls(dash, client_id), repeat),
            150,
        ),
        (
            "What-if change (simulator)",
            timed(lambda: whatif_call(dash, values | {"income": next(incomes)}), repeat),
            100,
        ),
    ]
    app.extensions["database"].dispose()
    return results


def first_load(url: str, registry: str, loads: int = 5) -> list[float]:
    """Log in, then time fresh navigations to / until the first table rows are shown."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    env = dict(
        os.environ,
        APP_ENV="development",
        DATABASE_URL=url,
        LOG_LEVEL="WARNING",
        MODEL_REGISTRY_DIR=registry,
        WEB_CONCURRENCY="2",
        **SECRETS,
    )
    server = serve(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1366, "height": 768})
            page = context.new_page()
            page.goto(f"{base}/login")
            page.fill("#login-email", "adviser0@bench.example")
            page.fill("#login-password", PASSWORD)
            page.click("#login-submit")
            page.wait_for_selector("#portfolio-grid .ag-row a")
            times = []
            for i in range(loads):
                if i % 2:  # half the loads with an empty browser cache (new context)
                    cookies = context.cookies()
                    context.close()
                    context = browser.new_context(viewport={"width": 1366, "height": 768})
                    context.add_cookies(cookies)
                    page = context.new_page()
                started = time.perf_counter()
                page.goto(f"{base}/", wait_until="commit")
                page.wait_for_selector("#portfolio-grid .ag-row a")
                times.append(1000 * (time.perf_counter() - started))
            browser.close()
        return times
    finally:
        stop(server)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--registry", help="an existing model registry (else a quick model)")
    parser.add_argument("--workdir", help="a folder kept after the run (the store is reused)")
    parser.add_argument("--store", help="an SQLite store file to use (built if missing)")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-dash-") as tmp:
        workdir = Path(args.workdir or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        registry = args.registry or str(workdir / "registry")
        ensure_registry(registry)
        with ExitStack() as stack:
            if args.postgres:
                url = stack.enter_context(temporary_postgres("bench_dash"))
            else:
                url = f"sqlite:///{Path(args.store) if args.store else workdir / 'dashboard.db'}"
            build_store(url, registry, args.clients)
            results = measure_callbacks(url, registry, args.repeat)
            backend = "PostgreSQL" if args.postgres else "SQLite"
            log(
                f"\n{backend}, {args.clients:,} clients, {ADVISERS} advisers; server time per "
                f"callback round trip in ms over {args.repeat} calls (after one warm-up)"
            )
            log(f"{'Callback':<58} {'median':>8} {'p90':>8} {'max':>8} {'target':>7}")
            for name, r, target in results:
                verdict = "" if target is None else "ok" if r["median"] < target else "MISSED"
                log(
                    f"{name:<58} {r['median']:8.1f} {r['p90']:8.1f} {r['max']:8.1f} "
                    f"{target or '':>5} {verdict}"
                )
            if not args.no_browser and Path(CHROMIUM).exists():
                times = first_load(url, registry)
                log(
                    "First load of / in headless Chromium (navigation -> first rows), ms: "
                    + ", ".join(f"{t:.0f}" for t in times)
                    + f"; median {statistics.median(times):.0f} (target 2000)"
                )
            log(json.dumps({"results": {n: r for n, r, _ in results}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
