"""The explanation served with a score: contributions, principal reasons, counterfactual.

Contributions are the model's own SHAP values in log-odds, so base_value + sum(impact) equals
logit(probability_of_default) exactly. Principal reasons: at most four features that pushed the
risk up, strongest first, each a specific sentence in the reader's language.

Rows and impacts arrive as plain lists (one `tolist()` per batch): building a 1,000-client
answer element by element from numpy scalars cost more than the model itself.
"""

from __future__ import annotations

import numpy as np

from app import i18n
from modelling.features import FEATURES

MAX_REASONS = 4
_AS_INT = tuple(f.kind is int for f in FEATURES)
_NAMES = tuple(f.name for f in FEATURES)


def contributions(row: list[float], impacts: list[float]) -> list[dict]:
    return [
        {
            "feature": name,
            "value": int(value) if as_int else value,
            "impact": impact,
            "direction": "increases_risk" if impact > 0 else "decreases_risk",
        }
        for name, as_int, value, impact in zip(_NAMES, _AS_INT, row, impacts, strict=True)
    ]


def strongest_first(contributions: np.ndarray) -> list[list[int]]:
    """Per row, feature indices by decreasing impact; ties keep the schema's order (stable)."""
    return np.argsort(-contributions, axis=1, kind="stable").tolist()


def reasons(row: list[float], impacts: list[float], order: list[int], lang: str) -> list[dict]:
    pushing_up = [j for j in order if impacts[j] > 0][:MAX_REASONS]
    return [
        {"feature": _NAMES[j], "text": i18n.reason(_NAMES[j], row[j], impacts[j], lang)}
        for j in pushing_up
    ]


def explanation(row, impacts, order, base_value: float, counterfactual, lang: str) -> dict:
    """`row` and `impacts` in FEATURE_NAMES order as lists, `order` from strongest_first."""
    return {
        "base_value": base_value,
        "contributions": contributions(row, impacts),
        "reasons": reasons(row, impacts, order, lang),
        "counterfactual": counterfactual,
    }
