"""The model lifecycle's settings (issue 12): production always requires an approval; the poll
interval keeps the promise that a change is served within 5 seconds."""

from __future__ import annotations

import pytest

from app.config import ConfigError, load_config

PRODUCTION = {
    "APP_ENV": "production",
    "SECRET_KEY": "s" * 40,
    "JWT_SECRET_KEY": "j" * 40,
    "PSEUDONYMISATION_KEY": "p" * 40,
    "MODEL_SIGNING_KEY": "m" * 40,
    "AUDIT_KEY": "a" * 40,
    "DATABASE_URL": "postgres://u:pw@db.example:5432/prod",
    "REDIS_URL": "redis://cache.example:6379/0",
}


def test_production_requires_an_approval_whatever_the_settings_say():
    assert load_config(PRODUCTION)["MODEL_APPROVAL_REQUIRED"] is True
    environ = {**PRODUCTION, "MODEL_APPROVAL_REQUIRED": "false"}
    assert load_config(environ)["MODEL_APPROVAL_REQUIRED"] is True
    overridden = load_config(PRODUCTION, {"MODEL_APPROVAL_REQUIRED": False})
    assert overridden["MODEL_APPROVAL_REQUIRED"] is True


def test_development_approves_automatically_unless_told_otherwise():
    assert load_config({"APP_ENV": "development"})["MODEL_APPROVAL_REQUIRED"] is False
    strict = load_config({"APP_ENV": "development", "MODEL_APPROVAL_REQUIRED": "true"})
    assert strict["MODEL_APPROVAL_REQUIRED"] is True


@pytest.mark.parametrize("raw", ["0", "-1", "5.5", "nan", "inf", "two"])
def test_a_poll_interval_outside_zero_to_five_seconds_is_refused(raw):
    environ = {"APP_ENV": "development", "MODEL_SETTING_POLL_SECONDS": raw}
    with pytest.raises(ConfigError, match="MODEL_SETTING_POLL_SECONDS must be a number above 0"):
        load_config(environ)


def test_a_poll_interval_is_read_from_the_environment():
    environ = {"APP_ENV": "development", "MODEL_SETTING_POLL_SECONDS": "0.5"}
    assert load_config(environ)["MODEL_SETTING_POLL_SECONDS"] == 0.5
    assert load_config({"APP_ENV": "development"})["MODEL_SETTING_POLL_SECONDS"] == 2.0


def test_a_bad_boolean_is_named():
    environ = {"APP_ENV": "development", "MODEL_APPROVAL_REQUIRED": "sometimes"}
    with pytest.raises(ConfigError, match="MODEL_APPROVAL_REQUIRED must be true or false"):
        load_config(environ)
