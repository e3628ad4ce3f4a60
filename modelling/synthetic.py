"""Seeded synthetic portfolio: realistic clients, their true probability of default, a label.

The data-generating process is documented in docs/data.md. It has correlated marginals, non-linear
effects and an interaction, so that a linear model is honestly beatable, and it returns each
client's true probability of default so that training can report the best AUC reachable.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd

from modelling.features import BY_NAME, MIN_WORKING_AGE

# Intercept of the true log-odds, tuned so that the default rate is about 10 %.
INTERCEPT = -3.15
STALE_SHARE = 0.15
STALE_AFTER_DAYS = 183
HISTORY_DAYS = 730


def generate(n: int, seed: int = 42, as_of: datetime | None = None) -> pd.DataFrame:
    """Return n clients: the five features, ``true_pd``, ``default`` and ``data_updated_at``."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = np.random.default_rng(seed)
    as_of = as_of or datetime.now(UTC)

    # A hidden "financial discipline" factor drives incidents, credit score and default together.
    discipline = rng.normal(0.0, 1.0, n)

    age = np.clip(np.round(rng.gamma(shape=7.0, scale=3.6, size=n) + 18), 18, 95).astype(int)
    working_years = np.maximum(age - 18, 0)
    seniority = np.round(working_years * rng.beta(1.6, 2.6, n), 1)
    seniority = np.minimum(seniority, age - MIN_WORKING_AGE)

    # Income rises with age (concave, peaks in the fifties) and with seniority; log-normal noise.
    years = age - 18
    log_income = 9.85 + 0.032 * years - 0.00045 * years**2 + 0.012 * seniority + 0.12 * discipline
    income = np.exp(log_income + rng.normal(0.0, 0.45, n))
    income = np.clip(np.round(income, -2), 0, BY_NAME["income"].maximum)

    # Incidents: rarer with discipline and income.
    incident_rate = np.exp(-1.5 - 0.9 * discipline - 0.45 * np.log(income / 30_000 + 0.05))
    incidents = np.clip(rng.poisson(np.clip(incident_rate, 0, 20)), 0, 100)

    # Credit score falls with incidents, rises with discipline and seniority.
    score = (
        690
        + 45 * discipline
        - 38 * np.sqrt(incidents) * 1.6
        + 2.0 * np.minimum(seniority, 20)
        + rng.normal(0, 35, n)
    )
    credit_score = np.clip(np.round(score), 300, 850).astype(int)

    true_pd = _true_probability(age, income, seniority, incidents, credit_score, discipline)
    default = (rng.random(n) < true_pd).astype(int)

    days_ago = np.where(
        rng.random(n) < STALE_SHARE,
        rng.uniform(STALE_AFTER_DAYS + 1, HISTORY_DAYS, n),
        rng.uniform(0, STALE_AFTER_DAYS - 1, n),
    )
    updated = pd.Timestamp(as_of) - pd.to_timedelta(np.round(days_ago * 24), unit="h")

    return pd.DataFrame(
        {
            "age": age,
            "income": income.astype(float),
            "seniority": seniority.astype(float),
            "incidents": incidents.astype(int),
            "credit_score": credit_score,
            "true_pd": true_pd,
            "default": default,
            "data_updated_at": updated,
        }
    )


def _true_probability(age, income, seniority, incidents, credit_score, discipline):
    """The true log-odds: non-linear in each feature, with an incidents x seniority interaction.

    The hidden discipline factor also enters directly, so even the best model on the five
    observed features cannot reach an AUC of 1.
    """
    logit = (
        INTERCEPT
        # U-shape in age: the young and the very old are riskier.
        + 0.0022 * (age - 42) ** 2
        # Income: diminishing protection (log).
        - 0.55 * np.log(income / 30_000 + 0.1)
        # A precarity step: below 18 kEUR a year, every shock becomes a missed payment.
        + 0.8 * (income < 18_000)
        # Credit score: steep below 600, flat above 720 (piecewise-linear hinge).
        - 0.02 * (np.minimum(credit_score, 600) - 600)
        - 0.004 * (np.minimum(credit_score, 720) - 600).clip(min=0)
        # Incidents saturate.
        + 0.9 * np.log1p(incidents)
        # Interaction: incidents hurt more in a new job.
        + 1.1 * np.log1p(incidents) * (seniority < 2)
        - 0.45 * discipline
    )
    return 1.0 / (1.0 + np.exp(-logit))


def stale_cutoff(as_of: datetime, stale_after_days: int = STALE_AFTER_DAYS) -> datetime:
    return as_of - timedelta(days=stale_after_days)
