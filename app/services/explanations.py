"""The explanation served with a score: contributions, principal reasons, counterfactual.

Contributions are the model's own SHAP values in log-odds, so base_value + sum(impact) equals
logit(probability_of_default) exactly. Principal reasons: at most four features that pushed the
risk up, strongest first, each a specific sentence in the reader's language.
"""

from __future__ import annotations

import numpy as np

from app import i18n
from modelling.features import FEATURES

MAX_REASONS = 4


def contributions(row: np.ndarray, impacts: np.ndarray) -> list[dict]:
    return [
        {
            "feature": f.name,
            "value": int(row[j]) if f.kind is int else float(row[j]),
            "impact": float(impacts[j]),
            "direction": "increases_risk" if impacts[j] > 0 else "decreases_risk",
        }
        for j, f in enumerate(FEATURES)
    ]


def reasons(row: np.ndarray, impacts: np.ndarray, lang: str) -> list[dict]:
    order = [j for j in np.argsort(-impacts, kind="stable") if impacts[j] > 0][:MAX_REASONS]
    return [
        {
            "feature": FEATURES[j].name,
            "text": i18n.reason(FEATURES[j].name, float(row[j]), float(impacts[j]), lang),
        }
        for j in order
    ]


def explanation(row, impacts, base_value: float, counterfactual: dict | None, lang: str) -> dict:
    return {
        "base_value": float(base_value),
        "contributions": contributions(row, impacts),
        "reasons": reasons(row, impacts, lang),
        "counterfactual": counterfactual,
    }
