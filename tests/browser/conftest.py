"""A live dashboard for the browser tests: the Flask app served by werkzeug in a thread on a free
loopback port, over a temporary SQLite store with a quick model, a few users and clients, and
Debian's Chromium driven by Playwright (never a downloaded browser).

Under CI=true a missing Chromium fails the tests instead of skipping them.
"""

from __future__ import annotations

import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from dashboard_helpers import GOOD, PASSWORD, RISKY, add_client, log_in_browser
from werkzeug.serving import make_server

from app import create_app

IN_CI = os.environ.get("CI", "").lower() == "true"  # as in tests/conftest.py
SECRETS = {
    "SECRET_KEY": "browser-secret-" + "x" * 32,
    "JWT_SECRET_KEY": "browser-jwt-" + "x" * 32,
    "PSEUDONYMISATION_KEY": "browser-pseudo-" + "x" * 32,
}

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's; never downloaded
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


@dataclass
class LiveDashboard:
    url: str
    app: object
    fresh: str
    stale: str
    foreign: str


@pytest.fixture(scope="session")
def live(tmp_path_factory, sqlite_template, model_registry):
    from app.services.users import create_user

    path = tmp_path_factory.mktemp("browser") / "live.db"
    shutil.copy(sqlite_template, path)
    app = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": f"sqlite:///{path}",
            "MODEL_REGISTRY_DIR": str(model_registry),
            "RATELIMIT_ENABLED": False,
            "LOG_LEVEL": "WARNING",
            **SECRETS,
        }
    )
    with app.app_context():
        adviser = create_user("adviser@bank.example", "adviser", PASSWORD)
        other = create_user("other@bank.example", "adviser", PASSWORD)
        create_user("admin@bank.example", "admin", PASSWORD)
        fresh = add_client(adviser, GOOD, age_days=10)
        stale = add_client(adviser, RISKY, age_days=400)
        for i in range(6):
            add_client(adviser, GOOD | {"income": 25_000.0 + 5_000 * i}, age_days=30 + i)
        foreign = add_client(other, GOOD | {"income": 77_777.0})
        ids = str(fresh.id), str(stale.id), str(foreign.id)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveDashboard(f"http://127.0.0.1:{server.server_port}", app, *ids)
    server.shutdown()
    thread.join(timeout=10)
    app.extensions["database"].dispose()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} not found: install Debian's chromium package"
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: a missing browser is a failure, not a skip)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="fr-FR")
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def adviser_page(page, live):
    log_in_browser(page, live.url)
    return page


# Far from the threshold on every feature: the quick model's advice is unfavourable.
UNSAFE = {"age": 23, "income": 9_000.0, "seniority": 0.5, "incidents": 12, "credit_score": 320}


@pytest.fixture
def own_client(live):
    """A client of the adviser's for a test that decides on it: decisions accumulate (a referred
    client awaits review, the same decision again asks first), so no shared client is used.
    Removed afterwards with its scores and decisions, so the portfolio's counts stay as seeded."""
    from sqlalchemy import delete, select

    from app.database import current_database
    from app.models import Client, User

    with live.app.app_context():
        adviser = current_database().session.scalar(
            select(User).where(User.email == "adviser@bank.example")
        )
        client_id = add_client(adviser, UNSAFE).id
    yield str(client_id)
    with live.app.app_context(), current_database().transaction() as session:
        session.execute(delete(Client).where(Client.id == client_id))  # cascades (foreign keys)
