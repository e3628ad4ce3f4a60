"""The states the design gallery shows (scripts/design_gallery.py): plain data shaped as the
services return it, so that each variant is drawn by the pages' own functions from a state's
data. The probabilities sit in each advice zone of the served policy (modelling/policy.py)."""

from __future__ import annotations

import numpy as np

from app import i18n
from app.config import Config
from app.services import explanations
from app.services.explanations import strongest_first
from modelling.features import FEATURE_NAMES
from modelling.policy import Policy

THRESHOLD = 0.08
POLICY = Policy(threshold=THRESHOLD, margin=Config.REVIEW_MARGIN)
# One probability inside each zone of the gauge: favourable < 6,4 % <= review < 9,6 % <= ...
PROBABILITIES = {"favourable": 0.031, "review": 0.082, "unfavourable": 0.236}
MODEL_VERSION = "20261203T101500"
CLIENT_ID = "3f2a9c1e-5b7d-4e20-9a61-0c8d2b4f7e13"

# A safe and a risky client (age, income, seniority, incidents, credit score) with their
# contributions on the model's additive risk scale; age is drawn, never a reason.
SAFE_ROW = [44, 52_000.0, 12.0, 0, 780]
SAFE_IMPACTS = [0.06, -0.42, -0.21, -0.18, -0.004]
RISKY_ROW = [23, 14_500.0, 0.5, 4, 410]
RISKY_IMPACTS = [0.12, 0.48, 0.22, 0.61, 0.35]


def explanation_of(recommendation: str, lang: str) -> dict:
    """The explanation as services/explanations builds it (contributions with their direction,
    the reasons by the setting's minimum, never age) with the counterfactual's sentence."""
    if recommendation == "favourable":
        row, impacts = SAFE_ROW, SAFE_IMPACTS
        counterfactual = {"message": i18n.no_counterfactual_text("favourable", lang)}
    else:  # what services/counterfactual finds by re-scoring: one incident instead of four
        row, impacts = RISKY_ROW, RISKY_IMPACTS
        counterfactual = {"text": i18n.counterfactual_text("incidents", 1, "review", lang)}
    order = strongest_first(np.array([impacts]))[0]
    base_value = -2.4  # the model's average log-odds; not drawn
    minimum = Config.REASON_MIN_CONTRIBUTION
    return explanations.explanation(row, impacts, order, base_value, counterfactual, lang, minimum)


def summary(stale: bool, with_features: bool = False) -> dict:
    """The client's data as services/portfolio.view_client gives it: its date and age (and,
    `with_features`, the five features of the safe client)."""
    if stale:
        dates = {"data_updated_at": "2025-09-14T08:00:00+00:00", "data_age_days": 445}
    else:
        dates = {"data_updated_at": "2026-11-20T08:00:00+00:00", "data_age_days": 13}
    features = dict(zip(FEATURE_NAMES, SAFE_ROW, strict=True)) if with_features else {}
    return {**dates, "stale": stale, **features}


def header(state: str) -> dict:
    """The sticky header's facts (callbacks/client._header) for a named state."""
    stale = state in ("stale", "model_off")
    probability = None if state == "model_off" else PROBABILITIES["review"]
    recommendation = "manual_review" if probability is None else POLICY.recommend(probability)
    review = {"pending": "pending", "answered": "answered"}.get(state)
    return {"probability": probability, "recommendation": recommendation, **summary(stale)} | {
        "review": review
    }


def comparison() -> dict:
    """services/cohorts.compare: shares of clients with a lower value, risky and safe ranks."""
    return {
        "portfolio": {
            "size": 1240,
            "percentiles": {
                "age": 0.12,
                "income": 0.08,
                "seniority": 0.55,
                "incidents": 0.91,
                "credit_score": 0.74,
            },
            # The share of clients holding the very same value (services/cohorts).
            "ties": {
                "age": 0.03,
                "income": 0.01,
                "seniority": 0.04,
                "incidents": 0.07,
                "credit_score": 0.005,
            },
        },
        "similar": {
            "size": 96,
            "percentiles": {
                "age": 0.47,
                "income": 0.29,
                "seniority": 0.41,
                "incidents": 0.83,
                "credit_score": 0.81,
            },
            "ties": {
                "age": 0.06,
                "income": 0.02,
                "seniority": 0.05,
                "incidents": 0.1,
                "credit_score": 0.01,
            },
        },
        "histogram": {
            "edges": [i / 20 for i in range(11)],
            "counts": [310, 402, 221, 130, 80, 44, 27, 14, 8, 4],
        },
    }


def history(empty: bool) -> dict:
    """services/decisions.history: decisions, review requests and scores, newest first."""
    if empty:
        return {"decisions": [], "review_requests": [], "scores": [], "reviews": []}
    return {
        "decisions": [
            {
                "decision": "refer",
                "adviser_email": "conseiller1@demo.example",
                "created_at": "2026-12-02T14:05:00+00:00",
                "justification": "Revenus en baisse depuis trois mois, à confirmer.",
                "human_review": False,
            }
        ],
        "review_requests": [
            {
                "created_at": "2026-11-28T10:12:00+00:00",
                "recorded_by_email": "conseiller1@demo.example",
            }
        ],
        "scores": [
            {
                "created_at": "2026-12-02T14:01:00+00:00",
                "probability_of_default": PROBABILITIES["review"],
                "recommendation": "review",
                "model_version": MODEL_VERSION,
            }
        ],
        "reviews": [],
    }


MODELS = {MODEL_VERSION: {"algorithm": "catboost", "trained_on": "2026-12-03"}}


def review_cases() -> list[dict]:
    """services/reviews.queue items: a referral (overdue) and a client's own request."""
    return [
        {
            "client_id": "3f2a9c1e-5b7d-4e20-9a61-0c8d2b4f7e13",
            "reason": "referred",
            "since": "2026-10-21T09:00:00+00:00",
            "due": "2026-11-21T09:00:00+00:00",
            "overdue": True,
            "referred_by_email": "conseiller1@demo.example",
            "justification": "Incidents récents, revenus stables : avis d'un superviseur.",
            "client_view": None,
        },
        {
            "client_id": "a81c44d0-2e6f-4b8a-b3c5-7f19e0d2a6b4",
            "reason": "client_request",
            "since": "2026-11-30T16:20:00+00:00",
            "due": "2026-12-30T16:20:00+00:00",
            "overdue": False,
            "referred_by_email": "conseiller2@demo.example",
            "justification": None,
            "client_view": "Mon nouveau contrat commence en janvier.",
        },
    ]


def portfolio_items() -> list[dict]:
    """services/portfolio.list_clients items: one per band, a stale one, the review marks."""
    rows = [
        ("0b6f3d2a", [29, 21_000.0, 1.5, 3, 455], 0.236, "high", True, "pending", ["stale"]),
        ("5c1e7a90", [51, 38_500.0, 9.0, 1, 610], 0.082, "medium", False, "answered", []),
        ("9d4b2f61", [44, 52_000.0, 12.0, 0, 780], 0.031, "low", False, None, ["undecided"]),
    ]
    return [
        {
            "id": f"{short}-1111-4222-8333-444455556666",
            **dict(zip(FEATURE_NAMES, values, strict=True)),
            "probability_of_default": p,
            "risk_band": band,
            "data_updated_at": summary(stale)["data_updated_at"],
            "stale": stale,
            "review": review,
            "to_do": to_do,
        }
        for short, values, p, band, stale, review, to_do in rows
    ]
