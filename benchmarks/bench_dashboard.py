"""Speed of the dashboard with a large store: callback server time, and first load in Chromium.

Builds a temporary SQLite store (or PostgreSQL with --postgres), creates 20 advisers, seeds
--clients synthetic clients over them and scores them all, then times, in process and through
Dash's own endpoint (POST /_dash-update-component with a logged-in session, so routing, the
login guard, the handler and JSON serialisation are all counted):
  - the portfolio page: first page, a filter change, a page change, a sort;
  - the client page: its load and history callbacks together;
  - a what-if change in the simulator;
and, with gunicorn serving the same store, the first load of / in headless Chromium (Debian's
/usr/bin/chromium; never a downloaded browser) from navigation to the table's first rows.

    .venv/bin/python benchmarks/bench_dashboard.py [--clients 1000000] [--repeat 15]
        [--registry DIR] [--workdir DIR (kept; reused when it already holds a store)]
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
RANGE_IDS = [f"portfolio-{name}-{end}" for name in FEATURE_NAMES for end in ("min", "max")]


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


def portfolio_call(
    session: DashSession,
    bounds=None,
    risk="all",
    stale=False,
    page=0,
    sort_by=None,
    changed="portfolio-table.page_current",
) -> dict:
    bounds = bounds or {}
    inputs = [(i, "value", bounds.get(i)) for i in RANGE_IDS]
    inputs += [
        ("portfolio-risk", "value", risk),
        ("portfolio-stale", "value", stale),
        ("portfolio-table", "page_current", page),
        ("portfolio-table", "page_size", 25),
        ("portfolio-table", "sort_by", sort_by or []),
    ]
    return session.call(
        [
            ("portfolio-table", "data"),
            ("portfolio-table", "page_count"),
            ("portfolio-total", "children"),
        ],
        inputs,
        [changed],
    )


def client_calls(session: DashSession, client_id: str) -> None:
    from app.callbacks.client import LOAD_OUTPUTS

    session.call(
        [tuple(o.split(".")) for o in LOAD_OUTPUTS],
        [("client-id", "data", client_id)],
        ["client-id.data"],
    )
    session.call(
        [("client-history", "children")],
        [("client-id", "data", client_id), ("client-refresh", "data", 0)],
        ["client-id.data"],
    )


def whatif_call(session: DashSession, values: dict) -> None:
    session.call(
        [
            ("simulator-gauge", "figure"),
            ("simulator-recommendation", "children"),
            ("simulator-contributions", "figure"),
            ("simulator-reasons", "children"),
            ("simulator-counterfactual", "children"),
            ("simulator-error", "children"),
            ("simulator-contribution-list", "children"),
        ],
        [(f"simulator-{n}-input", "value", values[n]) for n in FEATURE_NAMES],
        ["simulator-income-input.value"],
    )


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
    pages = iter(range(1, 10_000))
    sorts = iter(
        [
            [{"column_id": "probability", "direction": "desc"}],
            [{"column_id": "income", "direction": "asc"}],
        ]
        * 1000
    )
    incomes = iter(range(10_000, 10_000_000, 1_000))
    results = [
        ("Portfolio: first page (no filter)", timed(lambda: portfolio_call(dash), repeat), 300),
        (
            "Portfolio: filter change (income ≥ 40,000, high risk)",
            timed(
                lambda: portfolio_call(
                    dash,
                    {"portfolio-income-min": 40_000},
                    risk="high",
                    changed="portfolio-risk.value",
                ),
                repeat,
            ),
            300,
        ),
        (
            "Portfolio: filter change (age 30-45, stale only)",
            timed(
                lambda: portfolio_call(
                    dash,
                    {"portfolio-age-min": 30, "portfolio-age-max": 45},
                    stale=True,
                    changed="portfolio-stale.value",
                ),
                repeat,
            ),
            300,
        ),
        (
            "Portfolio: page change (page 2, 3, ...)",
            timed(lambda: portfolio_call(dash, page=next(pages)), repeat),
            300,
        ),
        (
            "Portfolio: deep page (page 1,000)",
            timed(lambda: portfolio_call(dash, page=1000), repeat),
            300,
        ),
        (
            "Portfolio: sort (probability desc / income asc)",
            timed(
                lambda: portfolio_call(
                    dash, sort_by=next(sorts), changed="portfolio-table.sort_by"
                ),
                repeat,
            ),
            300,
        ),
        (
            "Client page: load + history callbacks",
            timed(lambda: client_calls(dash, client_id), repeat),
            200,
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
                url = f"sqlite:///{workdir / 'dashboard.db'}"
            build_store(url, registry, args.clients)
            results = measure_callbacks(url, registry, args.repeat)
            backend = "PostgreSQL" if args.postgres else "SQLite"
            log(
                f"\n{backend}, {args.clients:,} clients, {ADVISERS} advisers; server time per "
                f"callback round trip in ms over {args.repeat} calls (after one warm-up)"
            )
            log(f"{'Callback':<58} {'median':>8} {'p90':>8} {'max':>8} {'target':>7}")
            for name, r, target in results:
                verdict = "ok" if r["median"] < target else "MISSED"
                log(
                    f"{name:<58} {r['median']:8.1f} {r['p90']:8.1f} {r['max']:8.1f} "
                    f"{target:>5} {verdict}"
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
