"""Parsers of one setting's text from the environment: each bad value becomes a ConfigError that
names the variable and the rule (app/config.py reads the environment with them)."""

from __future__ import annotations


class ConfigError(RuntimeError):
    """A setting is missing or invalid; the message names the variable."""


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def parse_boolean(name: str, raw: str) -> bool:
    if raw.strip().lower() in _TRUE:
        return True
    if raw.strip().lower() in _FALSE:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def parse_fraction(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not 0 <= value < 1:
        raise ConfigError(f"{name} must be at least 0 and below 1, got {value}")
    return value


def parse_positive_int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value < 1:
        raise ConfigError(f"{name} must be at least 1, got {value}")
    return value


def parse_origins(raw: str) -> tuple[str, ...]:
    """Comma-separated exact origins; "*" would open the API to every site, so it is refused."""
    origins = tuple(o.strip().rstrip("/") for o in raw.split(",") if o.strip())
    for origin in origins:
        if not origin.startswith(("https://", "http://")) or origin.count("/") != 2:
            raise ConfigError(
                f"CORS_ORIGINS must list origins like https://app.example, got {origin!r}"
            )
    return origins


def parse_previous_keys(raw: str) -> dict[int, str]:
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


def normalise_database_url(url: str) -> str:
    """Heroku gives `postgres://`; SQLAlchemy wants `postgresql+psycopg://` for psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
