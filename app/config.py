"""Configuration from the environment, one class per environment.

Nothing here runs at import time: `load_config()` reads the environment when the factory calls
it, and every bad value becomes a ConfigError that names the variable and the rule. One value's
parsing is in app/settings_values.py; the checks across settings (secrets, production, the API
libraries' keys, drift, model lifecycle) are in app/settings_checks.py.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from app.settings_checks import (
    DEV_SECRETS,
    check_previous_keys,
    derive_api_settings,
    production_platform,
    read_drift_thresholds,
    read_model_lifecycle,
    require_shared_store,
    resolve_secrets,
)
from app.settings_values import (
    ConfigError,
    normalise_database_url,
    parse_boolean,
    parse_fraction,
    parse_origins,
    parse_positive_int,
    parse_previous_keys,
)

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent

MIN_AUDIT_RETENTION_DAYS = 183  # AI Act Arts 19 and 26: automatic logs kept six months at least


class Config:
    APP_ENV = "development"
    DEBUG = False
    TESTING = False
    DATABASE_URL: str | None = None  # None: SQLite file under the instance folder
    DATABASE_REPLICA_URL: str | None = None  # optional read replica for the portfolio's reads
    MODEL_REGISTRY_DIR = str(PROJECT_ROOT / "models" / "registry")
    STALE_AFTER_DAYS = 183
    # Retention, in days (GDPR Art. 5.1.e); each a setting for the bank's DPO to confirm.
    RETENTION_CLIENT_DAYS = 3 * 365  # after the client's data was last updated
    RETENTION_SCORE_DAYS = 5 * 365
    RETENTION_DECISION_DAYS = 5 * 365
    RETENTION_AUDIT_DAYS = 365  # AI Act logging: at least six months
    RETENTION_ADHOC_SCORE_DAYS = 90  # scores of feature sets that are not a stored client
    RETENTION_OUTCOME_DAYS = 5 * 365  # realised outcomes, after the day they were observed
    PURGE_INTERVAL_SECONDS = 24 * 3600  # how often the clock process runs the purge
    ADHOC_SCORE_DAILY_QUOTA = 10_000  # ad-hoc scores per identity per day (API and simulator)
    # Signed audit checkpoints: written here (None: <instance>/audit-checkpoints) and logged.
    AUDIT_CHECKPOINT_DIR: str | None = None
    AUDIT_CHECKPOINT_INTERVAL_SECONDS = 3600  # how often the clock process writes one
    AUDIT_CHAINS = 8  # audit hash chains in use (1-16): audited writes spread over their heads
    PORT = 8050
    LOG_LEVEL = "INFO"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    SESSION_IDLE_MINUTES = 30  # a dashboard session ends after this long without a request
    SESSION_MAX_HOURS = 10  # and after this long in all, active or not
    JSON_SORT_KEYS = False
    # API: tokens, limits and request size (docs/api.md lists each one).
    JWT_ACCESS_TOKEN_SECONDS = 15 * 60
    JWT_REFRESH_TOKEN_SECONDS = 8 * 3600
    JWT_ISSUER = "credit-scoring"
    JWT_AUDIENCE = "credit-scoring-api"
    REDIS_URL: str | None = None
    REDIS_TLS_VERIFY = True  # false: rediss:// without certificate checks (Heroku's self-signed)
    PSEUDONYMISATION_KEY_VERSION = 1  # stored with each client derived from a reference
    # Keys rotated out, by version: clients derived under them are still found (docs/gdpr.md).
    PSEUDONYMISATION_PREVIOUS_KEYS: Mapping[int, str] = MappingProxyType({})
    WEB_CONCURRENCY = 2  # gunicorn workers, read by gunicorn.conf.py with the same default
    TOKEN_BLOCKLIST_URI: str | None = None  # None: REDIS_URL if set, else the database
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI: str | None = None  # None: REDIS_URL if set, else memory://
    RATELIMIT_LOGIN = "5 per minute"  # failed log-ins, per account and per address
    RATELIMIT_SCORE = "6000 per minute"  # scored clients per identity (a batch counts each)
    RATELIMIT_EXPORT = "30 per minute"  # client exports (GDPR Art. 15), per identity
    RATELIMIT_DEFAULT = "1200 per minute"  # every other API route, per identity or address
    RATELIMIT_HEADERS_ENABLED = True
    MAX_CONTENT_LENGTH = 1024 * 1024  # a 1,000-client batch is ~100 kB
    CORS_ORIGINS: tuple[str, ...] = ()  # browser origins allowed to call the API; none by default
    REVIEW_MARGIN = 0.2  # relative band around the threshold where advice is "review"
    REASON_MIN_CONTRIBUTION = 0.05  # log-odds a feature must add to the risk to be a reason
    FRESH_LOGIN_MINUTES = 5  # erasing from the dashboard needs a password given this recently
    JUSTIFICATION_MIN_LENGTH = 20  # characters justifying a decision against the advice
    DECISION_REPEAT_MINUTES = 5  # the same decision again this soon must be confirmed
    # Drift (issue 12 §2): PSI from which a feature is "watch" / "alert", scores a window needs.
    DRIFT_WATCH_PSI = 0.10
    DRIFT_ALERT_PSI = 0.25
    DRIFT_MIN_SCORES = 200
    DRIFT_INTERVAL_SECONDS = 24 * 3600  # how often the clock process checks drift
    # Back-test (issue 12 §3): fewer outcomes than this give the status "insufficient"; risk
    # grades (deciles of the probability) are merged until each has this many outcomes.
    BACKTEST_MIN_OUTCOMES = 100
    BACKTEST_MIN_GRADE_OUTCOMES = 30
    # Model lifecycle (issue 12): how often an instance re-reads the active and challenger
    # versions chosen in the database; whether only an approved version is served (always in
    # production; elsewhere the served version is approved automatically by the system).
    RESCORE_ON_ACTIVATION = True  # an activation enqueues the rescoring of every client
    MODEL_SETTING_POLL_SECONDS = 2.0
    MODEL_APPROVAL_REQUIRED = False
    REVIEW_DUE_DAYS = 30  # a review is answered within one month (GDPR Art. 12(3))
    DPO_CONTACT = "dpo@bank.example"  # the DPO's address printed in the client's letter
    REVIEW_ANSWERED_DAYS = 14  # a closed review stays marked "answered" this long


class DevelopmentConfig(Config):
    APP_ENV = "development"


class TestingConfig(Config):
    APP_ENV = "testing"
    TESTING = True


class ProductionConfig(Config):
    APP_ENV = "production"
    MODEL_APPROVAL_REQUIRED = True
    SESSION_COOKIE_SECURE = True


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}

_INT_SETTINGS = (
    "STALE_AFTER_DAYS",
    "PSEUDONYMISATION_KEY_VERSION",
    "RETENTION_CLIENT_DAYS",
    "RETENTION_SCORE_DAYS",
    "RETENTION_DECISION_DAYS",
    "RETENTION_AUDIT_DAYS",
    "PURGE_INTERVAL_SECONDS",
    "RETENTION_ADHOC_SCORE_DAYS",
    "RETENTION_OUTCOME_DAYS",
    "BACKTEST_MIN_OUTCOMES",
    "BACKTEST_MIN_GRADE_OUTCOMES",
    "ADHOC_SCORE_DAILY_QUOTA",
    "AUDIT_CHECKPOINT_INTERVAL_SECONDS",
    "AUDIT_CHAINS",
    "PORT",
    "SESSION_IDLE_MINUTES",
    "SESSION_MAX_HOURS",
    "JWT_ACCESS_TOKEN_SECONDS",
    "JWT_REFRESH_TOKEN_SECONDS",
    "MAX_CONTENT_LENGTH",
    "FRESH_LOGIN_MINUTES",
    "JUSTIFICATION_MIN_LENGTH",
    "DECISION_REPEAT_MINUTES",
    "REVIEW_DUE_DAYS",
    "REVIEW_ANSWERED_DAYS",
    "WEB_CONCURRENCY",
    "DRIFT_MIN_SCORES",
    "DRIFT_INTERVAL_SECONDS",
)
_STR_SETTINGS = (
    "DATABASE_URL",
    "DATABASE_REPLICA_URL",
    "DPO_CONTACT",
    "MODEL_REGISTRY_DIR",
    "AUDIT_CHECKPOINT_DIR",
    "LOG_LEVEL",
    "JWT_ISSUER",
    "JWT_AUDIENCE",
    "REDIS_URL",
    "TOKEN_BLOCKLIST_URI",
    "RATELIMIT_STORAGE_URI",
    "RATELIMIT_LOGIN",
    "RATELIMIT_SCORE",
    "RATELIMIT_EXPORT",
    "RATELIMIT_DEFAULT",
)


def load_config(
    environ: Mapping[str, str] | None = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Build the settings for one app: class defaults <- environment <- explicit overrides."""
    environ = os.environ if environ is None else environ
    overrides = dict(overrides or {})
    chosen = overrides.get("APP_ENV") or environ.get("APP_ENV")
    if not chosen and (platform := production_platform(environ, overrides)):
        raise ConfigError(
            f"APP_ENV is not set but {platform}: set APP_ENV=production "
            "(the development defaults are public)"
        )
    env_name = str(chosen or "development").lower()
    if env_name not in CONFIGS:
        raise ConfigError(f"APP_ENV must be one of {', '.join(CONFIGS)}, got {env_name!r}")
    cls = CONFIGS[env_name]
    settings = {k: getattr(cls, k) for k in dir(cls) if k.isupper()}

    for name in _STR_SETTINGS:
        if environ.get(name):
            settings[name] = environ[name]
    for name in _INT_SETTINGS:
        if environ.get(name):
            settings[name] = parse_positive_int(name, environ[name])
    if environ.get("RATELIMIT_ENABLED"):
        settings["RATELIMIT_ENABLED"] = parse_boolean(
            "RATELIMIT_ENABLED", environ["RATELIMIT_ENABLED"]
        )
    if environ.get("REDIS_TLS_VERIFY"):
        settings["REDIS_TLS_VERIFY"] = parse_boolean(
            "REDIS_TLS_VERIFY", environ["REDIS_TLS_VERIFY"]
        )
    if environ.get("CORS_ORIGINS"):
        settings["CORS_ORIGINS"] = parse_origins(environ["CORS_ORIGINS"])
    if environ.get("REVIEW_MARGIN"):
        settings["REVIEW_MARGIN"] = parse_fraction("REVIEW_MARGIN", environ["REVIEW_MARGIN"])
    if environ.get("REASON_MIN_CONTRIBUTION"):
        settings["REASON_MIN_CONTRIBUTION"] = parse_fraction(
            "REASON_MIN_CONTRIBUTION", environ["REASON_MIN_CONTRIBUTION"]
        )
    read_drift_thresholds(settings, environ)
    read_model_lifecycle(settings, environ)
    for name in DEV_SECRETS:
        settings[name] = environ.get(name) or None
    if environ.get("PSEUDONYMISATION_PREVIOUS_KEYS"):
        settings["PSEUDONYMISATION_PREVIOUS_KEYS"] = parse_previous_keys(
            environ["PSEUDONYMISATION_PREVIOUS_KEYS"]
        )
    if settings["RETENTION_AUDIT_DAYS"] < MIN_AUDIT_RETENTION_DAYS:
        raise ConfigError(
            f"RETENTION_AUDIT_DAYS must be at least {MIN_AUDIT_RETENTION_DAYS} "
            "(AI Act: logs are kept six months at least)"
        )
    settings.update(overrides)
    settings["APP_ENV"] = env_name
    if env_name == "production":
        settings["MODEL_APPROVAL_REQUIRED"] = True  # no setting serves an unapproved model there
    derive_api_settings(settings)

    defaulted = resolve_secrets(settings)
    if defaulted and env_name == "development" and not environ.get("QUIET_DEV_DEFAULTS"):
        # One line per process; `make run` quiets its set-up step so the server says it once.
        log.warning(
            "development defaults in use (production refuses them) for: %s",
            ", ".join(defaulted),
        )
    check_previous_keys(settings)
    if env_name == "production" and not settings.get("DATABASE_URL"):
        raise ConfigError("DATABASE_URL is not set: production needs a database server")
    if env_name == "production":
        require_shared_store(settings)
    for name in ("DATABASE_URL", "DATABASE_REPLICA_URL"):
        if settings.get(name):
            settings[name] = normalise_database_url(settings[name])
    return settings
