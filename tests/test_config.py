"""Configuration: environment parsing, Heroku URL normalisation, production refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import DEV_SECRETS, ConfigError, load_config, normalise_database_url

GOOD = {
    "SECRET_KEY": "s" * 40,
    "JWT_SECRET_KEY": "j" * 40,
    "PSEUDONYMISATION_KEY": "p" * 40,
    "MODEL_SIGNING_KEY": "m" * 40,
    "AUDIT_KEY": "a" * 40,
    "DATABASE_URL": "postgres://u:pw@db.example:5432/prod",
    "REDIS_URL": "redis://cache.example:6379/0",
}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://u:p@h:5432/d", "postgresql+psycopg://u:p@h:5432/d"),
        ("postgresql://u@h/d", "postgresql+psycopg://u@h/d"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_database_url_is_normalised_for_psycopg3(url, expected):
    assert normalise_database_url(url) == expected


def test_production_starts_with_real_secrets():
    settings = load_config({"APP_ENV": "production", **GOOD})
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["DATABASE_URL"].startswith("postgresql+psycopg://")


@pytest.mark.parametrize("name", sorted(DEV_SECRETS))
@pytest.mark.parametrize(
    ("value", "rule"),
    [(None, "is not set"), ("default", "development default"), ("short", "at least 32")],
)
def test_production_refuses_missing_default_or_short_secret(name, value, rule):
    environ = {"APP_ENV": "production", **GOOD}
    if value is None:
        del environ[name]
    else:
        environ[name] = DEV_SECRETS[name] if value == "default" else "short"
    with pytest.raises(ConfigError, match=rule) as info:
        load_config(environ)
    assert str(info.value).startswith(name)


def test_production_refuses_the_embedded_sqlite_default():
    environ = {"APP_ENV": "production", **GOOD}
    del environ["DATABASE_URL"]
    with pytest.raises(ConfigError, match=r"^DATABASE_URL"):
        load_config(environ)


def test_development_uses_documented_defaults_and_says_so_in_one_line(caplog):
    settings = load_config({"APP_ENV": "development"})
    assert settings["SECRET_KEY"] == DEV_SECRETS["SECRET_KEY"]
    (warning,) = [r for r in caplog.records if r.levelname == "WARNING"]
    assert all(name in warning.getMessage() for name in DEV_SECRETS)


def test_make_runs_set_up_step_can_quiet_the_defaults_warning(caplog):
    load_config({"APP_ENV": "development", "QUIET_DEV_DEFAULTS": "1"})
    assert [r for r in caplog.records if r.levelname == "WARNING"] == []


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"STALE_AFTER_DAYS": "six months"}, "STALE_AFTER_DAYS must be a whole number"),
        ({"RETENTION_AUDIT_DAYS": "0"}, "RETENTION_AUDIT_DAYS must be at least 1"),
        ({"APP_ENV": "staging"}, "APP_ENV must be one of"),
    ],
)
def test_bad_values_name_the_variable(environ, message):
    with pytest.raises(ConfigError, match=message):
        load_config(environ)


def test_settings_come_from_the_environment():
    settings = load_config({"STALE_AFTER_DAYS": "90", "MODEL_REGISTRY_DIR": "/srv/models"})
    assert settings["STALE_AFTER_DAYS"] == 90
    assert settings["MODEL_REGISTRY_DIR"] == "/srv/models"


def _run_wsgi(environ: dict) -> subprocess.CompletedProcess:
    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k not in DEV_SECRETS} | environ
    return subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_wsgi_refuses_production_defaults_with_one_clear_line():
    result = _run_wsgi({"APP_ENV": "production", "DATABASE_URL": "postgres://u@h/d"})
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "configuration error: SECRET_KEY is not set: production needs a secret of its own"
    ]


def test_importing_the_config_never_raises_on_a_bad_environment():
    result = subprocess.run(
        [sys.executable, "-c", "import app.config, app"],
        cwd=Path(__file__).resolve().parent.parent,
        env=os.environ | {"STALE_AFTER_DAYS": "bad", "APP_ENV": "nonsense"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("platform", "said"),
    [
        ({"DYNO": "web.1"}, "DYNO is set"),
        ({"RENDER": "true"}, "RENDER is set"),
        ({"DATABASE_URL": "postgres://u@db.example/prod"}, "DATABASE_URL names a database server"),
    ],
)
def test_a_production_platform_without_app_env_refuses_to_start(platform, said):
    with pytest.raises(ConfigError, match=rf"^APP_ENV is not set but {said}"):
        load_config(platform)


def test_without_app_env_a_local_sqlite_file_is_still_development():
    assert load_config({"DATABASE_URL": "sqlite:///local.db"})["APP_ENV"] == "development"


def test_wsgi_on_heroku_without_app_env_stops_with_one_line():
    environ = {k: v for k, v in os.environ.items() if k not in (*DEV_SECRETS, "APP_ENV")}
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        cwd=Path(__file__).resolve().parent.parent,
        env=environ | {"DYNO": "web.1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "configuration error: APP_ENV is not set but DYNO is set: set APP_ENV=production "
        "(the development defaults are public)"
    ]


@pytest.mark.parametrize("workers", [None, "2", "4"])
def test_production_with_several_workers_requires_redis(workers):
    environ = {"APP_ENV": "production", **GOOD}
    del environ["REDIS_URL"]
    if workers:
        environ["WEB_CONCURRENCY"] = workers
    with pytest.raises(ConfigError, match=r"^REDIS_URL is not set: production with \d workers"):
        load_config(environ)


def test_production_with_one_worker_runs_without_redis():
    environ = {"APP_ENV": "production", **GOOD, "WEB_CONCURRENCY": "1"}
    del environ["REDIS_URL"]
    assert load_config(environ)["RATELIMIT_STORAGE_URI"] == "memory://"


def test_heroku_redis_self_signed_certificate_can_be_accepted_for_every_client():
    import redis

    environ = {"REDIS_URL": "rediss://:pw@ec2.example:6380", "REDIS_TLS_VERIFY": "false"}
    settings = load_config(environ)
    for name in ("REDIS_URL", "RATELIMIT_STORAGE_URI", "TOKEN_BLOCKLIST_URI"):
        assert settings[name] == "rediss://:pw@ec2.example:6380?ssl_cert_reqs=none"
    client = redis.Redis.from_url(settings["REDIS_URL"])
    assert client.connection_pool.connection_kwargs["ssl_cert_reqs"] == "none"
    verified = load_config({"REDIS_URL": "rediss://:pw@ec2.example:6380"})
    assert verified["RATELIMIT_STORAGE_URI"] == "rediss://:pw@ec2.example:6380"
