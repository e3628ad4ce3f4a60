"""API settings from the environment, the recommendation policy and the reason texts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app import i18n
from app.config import ConfigError, load_config
from app.services.policy import Policy, goes_against


def test_api_defaults():
    settings = load_config({})
    assert settings["JWT_ACCESS_TOKEN_EXPIRES"] == timedelta(minutes=15)
    assert settings["JWT_REFRESH_TOKEN_EXPIRES"] == timedelta(hours=8)
    assert settings["JWT_DECODE_ALGORITHMS"] == ["HS256"]
    assert settings["JWT_DECODE_AUDIENCE"] == "credit-scoring-api"
    assert settings["JWT_DECODE_ISSUER"] == "credit-scoring"
    assert settings["RATELIMIT_ENABLED"] is True
    assert settings["RATELIMIT_STORAGE_URI"] == "memory://"
    assert settings["TOKEN_BLOCKLIST_URI"] is None
    assert settings["RATELIMIT_LOGIN"] == "5 per minute"
    assert settings["RATELIMIT_SCORE"] == "6000 per minute"  # 100 scores a second
    assert settings["MAX_CONTENT_LENGTH"] == 1024 * 1024
    assert settings["REVIEW_MARGIN"] == 0.2


def test_api_settings_come_from_the_environment():
    settings = load_config(
        {
            "REDIS_URL": "redis://cache:6379/0",
            "RATELIMIT_ENABLED": "false",
            "RATELIMIT_SCORE": "100/second",
            "JWT_ACCESS_TOKEN_SECONDS": "300",
            "REVIEW_MARGIN": "0.1",
            "JWT_AUDIENCE": "partner-api",
        }
    )
    assert settings["RATELIMIT_STORAGE_URI"] == "redis://cache:6379/0"
    assert settings["TOKEN_BLOCKLIST_URI"] == "redis://cache:6379/0"
    assert settings["RATELIMIT_ENABLED"] is False
    assert settings["RATELIMIT_SCORE"] == "100/second"
    assert settings["JWT_ACCESS_TOKEN_EXPIRES"] == timedelta(minutes=5)
    assert settings["REVIEW_MARGIN"] == 0.1
    assert settings["JWT_ENCODE_AUDIENCE"] == settings["JWT_DECODE_AUDIENCE"] == "partner-api"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("RATELIMIT_LOGIN", "often"),
        ("RATELIMIT_ENABLED", "maybe"),
        ("REVIEW_MARGIN", "1.5"),
        ("REVIEW_MARGIN", "x"),
        ("JWT_ACCESS_TOKEN_SECONDS", "0"),
        ("MAX_CONTENT_LENGTH", "big"),
    ],
)
def test_bad_api_settings_name_the_variable(name, value):
    with pytest.raises(ConfigError, match=f"^{name}"):
        load_config({name: value})


@pytest.mark.parametrize(
    ("probability", "expected"),
    [
        (0.0, "favourable"),
        (0.079, "favourable"),
        (0.081, "review"),
        (0.1, "review"),
        (0.12, "unfavourable"),
        (0.9, "unfavourable"),
    ],
)
def test_the_policy_cuts_around_the_threshold(probability, expected):
    policy = Policy(threshold=0.1, margin=0.2)
    assert policy.recommend(probability) == expected
    assert (
        policy.band(probability)
        == {"favourable": "low", "review": "medium", "unfavourable": "high"}[expected]
    )


@pytest.mark.parametrize(
    ("recommendation", "decision", "against"),
    [
        ("favourable", "approve", False),
        ("favourable", "decline", True),
        ("unfavourable", "approve", True),
        ("unfavourable", "decline", False),
        ("review", "approve", False),
        ("review", "decline", False),
        ("favourable", "refer", False),
    ],
)
def test_which_decisions_go_against_the_advice(recommendation, decision, against):
    assert goes_against(recommendation, decision) is against


@pytest.mark.parametrize(
    ("feature", "value", "lang", "text"),
    [
        # CLDR: a narrow no-break space groups thousands, a no-break space keeps "€" on the line
        ("income", 12_500.0, "fr", "12\u202f500\u00a0€"),
        ("income", 12_500.5, "fr", "12\u202f500,50\u00a0€"),
        ("income", 12_500.0, "en", "€12,500"),
        ("seniority", 1.5, "fr", "1,5\u00a0an"),
        ("seniority", 3.0, "en", "3 years"),
        ("incidents", 1, "fr", "1 incident de paiement"),
        ("incidents", 3, "en", "3 payment incidents"),
    ],
)
def test_values_are_formatted_for_the_reader(feature, value, lang, text):
    assert i18n.format_value(feature, value, lang) == text


def test_a_reason_is_a_specific_sentence():
    assert i18n.reason("incidents", 3, 1.2, "fr") == (
        "3 incidents de paiement sur les 24 derniers mois augmentent nettement le risque."
    )
    assert i18n.reason("credit_score", 560, 0.2, "en") == (
        "A credit score of 560 points raises the risk."
    )
