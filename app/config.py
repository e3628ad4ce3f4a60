"""Configuration from the environment, one class per environment.

Nothing here runs at import time: `load_config()` reads the environment when the factory calls
it, and every bad value becomes a ConfigError that names the variable and the rule.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

from modelling.signing import DEV_SIGNING_KEY

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Documented development defaults (README). Production refuses to start on any of them.
DEV_SECRETS = {
    "SECRET_KEY": "dev-secret-key-not-for-production",
    "JWT_SECRET_KEY": "dev-jwt-secret-key-not-for-production",
    "PSEUDONYMISATION_KEY": "dev-pseudonymisation-key-not-for-production",
    # Signs and verifies the model registry's manifests (training signs, loading verifies).
    "MODEL_SIGNING_KEY": DEV_SIGNING_KEY,
    # Keys the audit chain and signs its checkpoints; kept apart from the database.
    "AUDIT_KEY": "dev-audit-key-not-for-production",
}
MIN_SECRET_LENGTH = 32
MIN_AUDIT_RETENTION_DAYS = 183  # AI Act Arts 19 and 26: automatic logs kept six months at least


class ConfigError(RuntimeError):
    """A setting is missing or invalid; the message names the variable."""


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
_RATE_SETTINGS = ("RATELIMIT_LOGIN", "RATELIMIT_SCORE", "RATELIMIT_EXPORT", "RATELIMIT_DEFAULT")
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def load_config(
    environ: Mapping[str, str] | None = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Build the settings for one app: class defaults <- environment <- explicit overrides."""
    environ = os.environ if environ is None else environ
    overrides = dict(overrides or {})
    chosen = overrides.get("APP_ENV") or environ.get("APP_ENV")
    if not chosen and (platform := _production_platform(environ, overrides)):
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
            settings[name] = _positive_int(name, environ[name])
    if environ.get("RATELIMIT_ENABLED"):
        settings["RATELIMIT_ENABLED"] = _boolean("RATELIMIT_ENABLED", environ["RATELIMIT_ENABLED"])
    if environ.get("REDIS_TLS_VERIFY"):
        settings["REDIS_TLS_VERIFY"] = _boolean("REDIS_TLS_VERIFY", environ["REDIS_TLS_VERIFY"])
    if environ.get("CORS_ORIGINS"):
        settings["CORS_ORIGINS"] = _origins(environ["CORS_ORIGINS"])
    if environ.get("REVIEW_MARGIN"):
        settings["REVIEW_MARGIN"] = _fraction("REVIEW_MARGIN", environ["REVIEW_MARGIN"])
    if environ.get("REASON_MIN_CONTRIBUTION"):
        settings["REASON_MIN_CONTRIBUTION"] = _fraction(
            "REASON_MIN_CONTRIBUTION", environ["REASON_MIN_CONTRIBUTION"]
        )
    _drift_thresholds(settings, environ)
    _model_lifecycle(settings, environ)
    for name in DEV_SECRETS:
        settings[name] = environ.get(name) or None
    if environ.get("PSEUDONYMISATION_PREVIOUS_KEYS"):
        settings["PSEUDONYMISATION_PREVIOUS_KEYS"] = _previous_keys(
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
    _derive_api_settings(settings)

    defaulted = _resolve_secrets(settings)
    if defaulted and env_name == "development" and not environ.get("QUIET_DEV_DEFAULTS"):
        # One line per process; `make run` quiets its set-up step so the server says it once.
        log.warning(
            "development defaults in use (production refuses them) for: %s",
            ", ".join(defaulted),
        )
    _check_previous_keys(settings)
    if env_name == "production" and not settings.get("DATABASE_URL"):
        raise ConfigError("DATABASE_URL is not set: production needs a database server")
    if env_name == "production":
        _require_shared_store(settings)
    for name in ("DATABASE_URL", "DATABASE_REPLICA_URL"):
        if settings.get(name):
            settings[name] = normalise_database_url(settings[name])
    return settings


def _drift_thresholds(settings: dict[str, Any], environ: Mapping[str, str]) -> None:
    for name in ("DRIFT_WATCH_PSI", "DRIFT_ALERT_PSI"):
        if environ.get(name):
            settings[name] = _fraction(name, environ[name])
    if not 0 < settings["DRIFT_WATCH_PSI"] < settings["DRIFT_ALERT_PSI"]:
        raise ConfigError("DRIFT_WATCH_PSI must be above 0 and below DRIFT_ALERT_PSI")


def _production_platform(environ: Mapping[str, str], overrides: Mapping[str, Any]) -> str | None:
    """What says this process runs in production: Heroku's DYNO, Render's RENDER, a server DB."""
    for marker in ("DYNO", "RENDER"):
        if environ.get(marker):
            return f"{marker} is set"
    url = str(overrides.get("DATABASE_URL") or environ.get("DATABASE_URL") or "")
    if url and not url.startswith("sqlite"):
        return "DATABASE_URL names a database server"
    return None


def _require_shared_store(settings: dict[str, Any]) -> None:
    """Several workers must share rate limits and revocations: each worker's memory would not."""
    workers = settings["WEB_CONCURRENCY"]
    if workers > 1 and not settings.get("REDIS_URL"):
        raise ConfigError(
            f"REDIS_URL is not set: production with {workers} workers (WEB_CONCURRENCY) "
            "needs Redis to share rate limits and token revocations"
        )


def normalise_database_url(url: str) -> str:
    """Heroku gives `postgres://`; SQLAlchemy wants `postgresql+psycopg://` for psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _resolve_secrets(settings: dict[str, Any]) -> list[str]:
    """Check the secrets; outside production fill the missing ones with the documented
    defaults and return their names."""
    production = settings["APP_ENV"] == "production"
    defaulted = []
    for name, default in DEV_SECRETS.items():
        value = settings.get(name)
        if production:
            if not value:
                raise ConfigError(f"{name} is not set: production needs a secret of its own")
            if value == default:
                raise ConfigError(f"{name} is the development default: set a secret of its own")
            if len(value) < MIN_SECRET_LENGTH:
                raise ConfigError(f"{name} must be at least {MIN_SECRET_LENGTH} characters long")
        elif not value:
            settings[name] = default
            defaulted.append(name)
    return defaulted


def _derive_api_settings(settings: dict[str, Any]) -> None:
    """flask-jwt-extended and Flask-Limiter read their own keys: fill them from ours."""
    from limits import parse

    for name in _RATE_SETTINGS:
        try:
            parse(str(settings[name]))
        except ValueError:
            raise ConfigError(f"{name} must be a rate like '5 per minute'") from None
    redis_url = settings.get("REDIS_URL")
    if redis_url and redis_url.startswith("rediss://") and not settings["REDIS_TLS_VERIFY"]:
        # Every Redis client (limiter, revocations, health) reads this one URL.
        redis_url += ("&" if "?" in redis_url else "?") + "ssl_cert_reqs=none"
        settings["REDIS_URL"] = redis_url
    settings["RATELIMIT_STORAGE_URI"] = (
        settings.get("RATELIMIT_STORAGE_URI") or redis_url or "memory://"
    )
    settings["TOKEN_BLOCKLIST_URI"] = settings.get("TOKEN_BLOCKLIST_URI") or redis_url
    if settings["RATELIMIT_STORAGE_URI"].startswith("redis"):
        # A Redis that stops answering fails the request in 2 s (a 503), not at the worker's
        # timeout; the revocation store uses the same timeouts.
        settings.setdefault(
            "RATELIMIT_STORAGE_OPTIONS", {"socket_timeout": 2, "socket_connect_timeout": 2}
        )
    settings.update(
        JWT_ALGORITHM="HS256",
        JWT_DECODE_ALGORITHMS=["HS256"],  # pinned: "none" or RS/HS confusion are refused
        JWT_TOKEN_LOCATION=["headers"],
        JWT_ACCESS_TOKEN_EXPIRES=timedelta(seconds=settings["JWT_ACCESS_TOKEN_SECONDS"]),
        JWT_REFRESH_TOKEN_EXPIRES=timedelta(seconds=settings["JWT_REFRESH_TOKEN_SECONDS"]),
        JWT_ENCODE_ISSUER=settings["JWT_ISSUER"],
        JWT_DECODE_ISSUER=settings["JWT_ISSUER"],
        JWT_ENCODE_AUDIENCE=settings["JWT_AUDIENCE"],
        JWT_DECODE_AUDIENCE=settings["JWT_AUDIENCE"],
    )


def _previous_keys(raw: str) -> dict[int, str]:
    """`2:key,1:older-key`: each rotated-out key after its version number."""
    keys = {}
    for item in filter(None, (part.strip() for part in raw.split(","))):
        version, _, key = item.partition(":")
        if not version.strip().isdigit() or not key.strip():
            raise ConfigError(
                "PSEUDONYMISATION_PREVIOUS_KEYS must list version:key pairs, e.g. 1:old-key"
            )
        keys[int(version)] = key.strip()
    return keys


def _check_previous_keys(settings: dict[str, Any]) -> None:
    current = settings["PSEUDONYMISATION_KEY_VERSION"]
    for version, key in settings["PSEUDONYMISATION_PREVIOUS_KEYS"].items():
        if not 1 <= version < current:
            raise ConfigError(
                f"PSEUDONYMISATION_PREVIOUS_KEYS: version {version} must be below "
                f"PSEUDONYMISATION_KEY_VERSION ({current})"
            )
        if settings["APP_ENV"] == "production" and len(key) < MIN_SECRET_LENGTH:
            raise ConfigError(
                f"PSEUDONYMISATION_PREVIOUS_KEYS: key {version} must be at least "
                f"{MIN_SECRET_LENGTH} characters long"
            )


def _origins(raw: str) -> tuple[str, ...]:
    """Comma-separated exact origins; "*" would open the API to every site, so it is refused."""
    origins = tuple(o.strip().rstrip("/") for o in raw.split(",") if o.strip())
    for origin in origins:
        if not origin.startswith(("https://", "http://")) or origin.count("/") != 2:
            raise ConfigError(
                f"CORS_ORIGINS must list origins like https://app.example, got {origin!r}"
            )
    return origins


def _model_lifecycle(settings: dict[str, Any], environ: Mapping[str, str]) -> None:
    """MODEL_SETTING_POLL_SECONDS: above 0 and at most 5 (a change is served within 5 s);
    MODEL_APPROVAL_REQUIRED: a boolean (production forces it on after the overrides)."""
    raw = environ.get("MODEL_SETTING_POLL_SECONDS")
    if raw:
        try:
            value = float(raw)
        except ValueError:
            value = float("nan")
        if not 0 < value <= 5:  # NaN and infinity fail this too
            raise ConfigError(
                f"MODEL_SETTING_POLL_SECONDS must be a number above 0 and at most 5, got {raw!r}"
            )
        settings["MODEL_SETTING_POLL_SECONDS"] = value
    if environ.get("MODEL_APPROVAL_REQUIRED"):
        settings["MODEL_APPROVAL_REQUIRED"] = _boolean(
            "MODEL_APPROVAL_REQUIRED", environ["MODEL_APPROVAL_REQUIRED"]
        )


def _boolean(name: str, raw: str) -> bool:
    if raw.strip().lower() in _TRUE:
        return True
    if raw.strip().lower() in _FALSE:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _fraction(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not 0 <= value < 1:
        raise ConfigError(f"{name} must be at least 0 and below 1, got {value}")
    return value


def _positive_int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value < 1:
        raise ConfigError(f"{name} must be at least 1, got {value}")
    return value
