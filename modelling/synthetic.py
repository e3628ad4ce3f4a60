"""Seeded synthetic portfolio: a French neo-bank's clients, their true probability of default.

The data-generating process and the published figures it is calibrated on are documented in
docs/data.md. It has correlated marginals, non-linear effects and an interaction, so that a linear
model is honestly beatable, and it returns each client's true probability of default so that
training can report the best AUC reachable.

Age never enters the true risk: it shapes income, seniority and retirement (and through them the
other features), so any difference between age bands that a model reports is carried by the other
features, not created by the generator (issue 15).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd

from modelling.features import BY_NAME, MIN_WORKING_AGE

# Age pyramid of the neo-bank's clients: (first age, last age, share). An assumption, younger
# than the French adult population (docs/data.md says why).
AGE_PYRAMID = (
    (18, 25, 0.20),
    (26, 35, 0.26),
    (36, 50, 0.28),
    (51, 65, 0.17),
    (66, 95, 0.09),
)
# Retirement age drawn per client, uniform on these whole years (legal age 62 to 64 after the
# 2023 reform, full-rate age 67; early retirement for long careers from 60).
RETIREMENT_AGES = (60, 67)
# Pension over the last net income (assumption, docs/data.md).
REPLACEMENT_RATE = (0.60, 0.80)
# Calibration targets: INSEE 2021 median annual standard of living and interdecile ratio.
TARGET_MEDIAN_INCOME = 23_160
TARGET_D9_D1 = 3.41
# Intercept of the true log-odds, tuned so that the default rate is just under 10 % (docs/data.md).
INTERCEPT = -3.32
STALE_SHARE = 0.15
STALE_AFTER_DAYS = 183
HISTORY_DAYS = 730


def generate(n: int, seed: int = 42, as_of: datetime | None = None) -> pd.DataFrame:
    """Return n clients: the five features, ``retired``, ``true_pd``, ``default`` and
    ``data_updated_at`` (``retired`` describes the generator, it is not a scoring input)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = np.random.default_rng(seed)
    as_of = as_of or datetime.now(UTC)

    # A hidden "financial discipline" factor drives incidents, credit score and default together.
    discipline = rng.normal(0.0, 1.0, n)
    age = _ages(rng, n)

    # Retirees keep the seniority of their last job, frozen at retirement (docs/data.md).
    retirement_age = rng.integers(RETIREMENT_AGES[0], RETIREMENT_AGES[1] + 1, n)
    retired = age >= retirement_age
    career_end = np.where(retired, retirement_age, age)
    seniority = np.round((career_end - 18) * rng.beta(1.6, 2.6, n), 1)
    seniority = np.minimum(seniority, age - MIN_WORKING_AGE)

    # Earnings rise with experience (concave, peak in the fifties) and seniority; a pension
    # replaces a share of the last earnings; log-normal noise.
    years = career_end - 18
    log_income = 9.64 + 0.030 * years - 0.00042 * years**2 + 0.010 * seniority + 0.12 * discipline
    pension = np.log(rng.uniform(*REPLACEMENT_RATE, n))
    log_income = log_income + np.where(retired, pension, 0.0) + rng.normal(0.0, 0.42, n)
    income = np.clip(np.round(np.exp(log_income), -2), 0, BY_NAME["income"].maximum)

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

    frame = pd.DataFrame(
        {
            "age": age,
            "income": income.astype(float),
            "seniority": seniority.astype(float),
            "incidents": incidents.astype(int),
            "credit_score": credit_score,
            "retired": retired,
        }
    )
    frame["true_pd"] = true_probability(frame, discipline)
    frame["default"] = (rng.random(n) < frame["true_pd"].to_numpy()).astype(int)

    days_ago = np.where(
        rng.random(n) < STALE_SHARE,
        rng.uniform(STALE_AFTER_DAYS + 1, HISTORY_DAYS, n),
        rng.uniform(0, STALE_AFTER_DAYS - 1, n),
    )
    frame["data_updated_at"] = pd.Timestamp(as_of) - pd.to_timedelta(
        np.round(days_ago * 24), unit="h"
    )
    return frame


def _ages(rng: np.random.Generator, n: int) -> np.ndarray:
    """Whole ages drawn from AGE_PYRAMID: uniform within a band, thinning out after 66."""
    shares = np.array([share for *_, share in AGE_PYRAMID])
    band = rng.choice(len(AGE_PYRAMID), size=n, p=shares / shares.sum())
    low = np.array([lo for lo, _, _ in AGE_PYRAMID])[band]
    high = np.array([hi for _, hi, _ in AGE_PYRAMID])[band]
    age = low + np.floor(rng.random(n) * (high - low + 1))
    oldest = band == len(AGE_PYRAMID) - 1
    age[oldest] = np.minimum(
        low[oldest] + np.floor(rng.exponential(7.0, oldest.sum())), high[oldest]
    )
    return age.astype(int)


def true_probability(features: pd.DataFrame, discipline: np.ndarray) -> np.ndarray:
    """The true probability of default from the observed features and the hidden discipline.

    Non-linear in each feature, with an incidents x seniority interaction; the hidden discipline
    enters directly, so even the best model on the five observed features cannot reach an AUC
    of 1. Age is deliberately absent: it acts only through the other features.
    """
    income = features["income"].to_numpy(float)
    seniority = features["seniority"].to_numpy(float)
    incidents = features["incidents"].to_numpy(float)
    credit_score = features["credit_score"].to_numpy(float)
    logit = (
        INTERCEPT
        # Income: diminishing protection (log).
        - 0.55 * np.log(income / 30_000 + 0.1)
        # A precarity step: below 15 kEUR a year, every shock becomes a missed payment.
        + 0.8 * (income < 15_000)
        # Credit score: steep below 600, flat above 720 (piecewise-linear hinge).
        - 0.02 * (np.minimum(credit_score, 600) - 600)
        - 0.004 * (np.minimum(credit_score, 720) - 600).clip(min=0)
        # Incidents saturate.
        + 0.9 * np.log1p(incidents)
        # Interaction: incidents hurt more in a new job.
        + 1.1 * np.log1p(incidents) * (seniority < 2)
        - 0.45 * np.asarray(discipline, float)
    )
    return 1.0 / (1.0 + np.exp(-logit))


def stale_cutoff(as_of: datetime, stale_after_days: int = STALE_AFTER_DAYS) -> datetime:
    return as_of - timedelta(days=stale_after_days)
