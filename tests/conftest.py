"""Fixtures that build on each other: database -> app -> client/runner -> users.

Database-backed tests run twice, on SQLite and on the real PostgreSQL at 127.0.0.1:5432 (a
database of its own per test run, dropped at the end). Under CI=true a missing PostgreSQL fails
the run instead of skipping it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from contextlib import contextmanager
from datetime import timedelta

import pytest
from flask_login import login_user
from postgres_helpers import throwaway_database
from sqlalchemy import create_engine, text

from app import create_app
from app.database import current_database
from app.models import Base, utcnow
from app.services.audit_chain import GENESIS, MAX_CHAINS
from app.web.auth import SessionUser
from db.migrate import upgrade

TEST_SECRETS = {
    "SECRET_KEY": "test-secret-key-" + "x" * 32,
    "JWT_SECRET_KEY": "test-jwt-secret-key-" + "x" * 32,
    "PSEUDONYMISATION_KEY": "test-pseudonymisation-key-" + "x" * 32,
    "AUDIT_KEY": "test-audit-key-" + "x" * 32,
}


@pytest.fixture(scope="session")
def postgres_url():
    """A fresh, migrated PostgreSQL database for this test run, dropped afterwards."""
    with throwaway_database("credit_test") as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A migrated SQLite file, copied for each test (migrating once is much faster)."""
    path = tmp_path_factory.mktemp("sqlite") / "template.db"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path, sqlite_template):
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {tables} CASCADE"))
        # The audit chains' head rows are data the migrations seed: put them back as migrated.
        connection.execute(
            text("INSERT INTO audit_head (id, seq, hash) VALUES (:id, 0, :genesis)"),
            [{"id": chain, "genesis": GENESIS} for chain in range(1, MAX_CHAINS + 1)],
        )
    engine.dispose()


@pytest.fixture(scope="session")
def model_registry(tmp_path_factory):
    """A quick model, trained once for the whole session (about 20 s); shared by the API,
    dashboard and browser tests."""
    path = tmp_path_factory.mktemp("registry")
    subprocess.run(
        [sys.executable, "-m", "modelling", "train", "--quick", "--registry", str(path)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return path


@pytest.fixture
def app_settings():
    """What any test app needs besides its store and registry: the testing env and secrets."""
    return {"APP_ENV": "testing", **TEST_SECRETS}


@pytest.fixture
def registry_dir(tmp_path):
    path = tmp_path / "registry"
    path.mkdir()
    return path


@pytest.fixture
def make_app(database_url, registry_dir, tmp_path):
    """Build an app on the test database; keyword arguments override settings."""
    apps = []

    def factory(**overrides):
        config = {
            "APP_ENV": "testing",
            "DATABASE_URL": database_url,
            "MODEL_REGISTRY_DIR": str(registry_dir),
            "AUDIT_CHECKPOINT_DIR": str(tmp_path / "audit-checkpoints"),  # one per test
            **TEST_SECRETS,
            **overrides,
        }
        application = create_app(config)
        apps.append(application)
        return application

    yield factory
    for application in apps:
        application.extensions["database"].dispose()


@pytest.fixture
def app(make_app):
    application = make_app()
    with application.app_context():
        yield application


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def db_session(app):
    return current_database().session


@pytest.fixture
def adviser(app):
    from app.services.users import create_user

    return create_user("adviser@bank.example", "adviser", "Correct-Horse-42")


@pytest.fixture
def dash_app(make_app, model_registry):
    """The whole server (API and dashboard) with a quick model, inside an app context."""
    application = make_app(MODEL_REGISTRY_DIR=str(model_registry), RATELIMIT_ENABLED=False)
    with application.app_context():
        yield application


@pytest.fixture
def acting(dash_app):
    """`with acting(user, "en"):` a request context in which `user` is logged in (with
    `fresh=False`, a log-in older than any fresh-log-in window)."""

    @contextmanager
    def as_user(user, lang: str = "fr", fresh: bool = True):
        with dash_app.test_request_context(
            "/_dash-update-component", method="POST", headers={"Cookie": f"lang={lang}"}
        ):
            if user is not None:
                logged_in_at = utcnow() if fresh else utcnow() - timedelta(days=1)
                login_user(SessionUser(user, logged_in_at))
            yield

    return as_user
