"""Settings checked together or derived from others once the environment is read: the secrets,
what production requires, the keys the API libraries read, drift and the model lifecycle."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from app.settings_values import ConfigError, parse_boolean, parse_fraction
from modelling.signing import DEV_SIGNING_KEY

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
RATE_SETTINGS = ("RATELIMIT_LOGIN", "RATELIMIT_SCORE", "RATELIMIT_EXPORT", "RATELIMIT_DEFAULT")


def production_platform(environ: Mapping[str, str], overrides: Mapping[str, Any]) -> str | None:
    """What says this process runs in production: Heroku's DYNO, Render's RENDER, a server DB."""
    for marker in ("DYNO", "RENDER"):
        if environ.get(marker):
            return f"{marker} is set"
    url = str(overrides.get("DATABASE_URL") or environ.get("DATABASE_URL") or "")
    if url and not url.startswith("sqlite"):
        return "DATABASE_URL names a database server"
    return None


def require_shared_store(settings: dict[str, Any]) -> None:
    """Several workers must share rate limits and revocations: each worker's memory would not."""
    workers = settings["WEB_CONCURRENCY"]
    if workers > 1 and not settings.get("REDIS_URL"):
        raise ConfigError(
            f"REDIS_URL is not set: production with {workers} workers (WEB_CONCURRENCY) "
            "needs Redis to share rate limits and token revocations"
        )


def resolve_secrets(settings: dict[str, Any]) -> list[str]:
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


def check_previous_keys(settings: dict[str, Any]) -> None:
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


def derive_api_settings(settings: dict[str, Any]) -> None:
    """flask-jwt-extended and Flask-Limiter read their own keys: fill them from ours."""
    from limits import parse

    for name in RATE_SETTINGS:
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


def read_drift_thresholds(settings: dict[str, Any], environ: Mapping[str, str]) -> None:
    for name in ("DRIFT_WATCH_PSI", "DRIFT_ALERT_PSI"):
        if environ.get(name):
            settings[name] = parse_fraction(name, environ[name])
    if not 0 < settings["DRIFT_WATCH_PSI"] < settings["DRIFT_ALERT_PSI"]:
        raise ConfigError("DRIFT_WATCH_PSI must be above 0 and below DRIFT_ALERT_PSI")


def read_model_lifecycle(settings: dict[str, Any], environ: Mapping[str, str]) -> None:
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
        settings["MODEL_APPROVAL_REQUIRED"] = parse_boolean(
            "MODEL_APPROVAL_REQUIRED", environ["MODEL_APPROVAL_REQUIRED"]
        )
