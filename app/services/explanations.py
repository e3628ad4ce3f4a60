"""The explanation served with a score: contributions, principal reasons, counterfactual.

Contributions are the model's own SHAP values in log-odds, so base_value + sum(impact) equals
logit(probability_of_default) exactly. Principal reasons: at most four features that pushed the
risk up by at least REASON_MIN_CONTRIBUTION (a setting, in log-odds), strongest first, each a
specific sentence in the reader's language: a +0.01 effect is never "the" reason for a score.

Words agree with the numbers the pages show: an impact shown as 0,00 (two decimals) has no
notable effect, whatever its sign; `direction` says so for the API and the pages alike.

Rows and impacts arrive as plain lists (one `tolist()` per batch): building a 1,000-client
answer element by element from numpy scalars cost more than the model itself.
"""

from __future__ import annotations

import numpy as np
from flask import current_app

from app import i18n
from modelling.features import FEATURES

MAX_REASONS = 4
IMPACT_DECIMALS = 2  # impacts are shown as +0,48 / −0,44
INCREASES, DECREASES, NO_EFFECT = "increases_risk", "decreases_risk", "no_notable_effect"
_AS_INT = tuple(f.kind is int for f in FEATURES)
_NAMES = tuple(f.name for f in FEATURES)


def direction(impact: float) -> str:
    """The risk direction of an impact as it is shown: one that rounds to 0,00 has no effect."""
    if round(abs(impact), IMPACT_DECIMALS) == 0:
        return NO_EFFECT
    return INCREASES if impact > 0 else DECREASES


def contributions(row: list[float], impacts: list[float]) -> list[dict]:
    return [
        {
            "feature": name,
            "value": int(value) if as_int else value,
            "impact": impact,
            "direction": direction(impact),
        }
        for name, as_int, value, impact in zip(_NAMES, _AS_INT, row, impacts, strict=True)
    ]


def strongest_first(contributions: np.ndarray) -> list[list[int]]:
    """Per row, feature indices by decreasing impact; ties keep the schema's order (stable)."""
    return np.argsort(-contributions, axis=1, kind="stable").tolist()


def reasons(
    row: list[float], impacts: list[float], order: list[int], lang: str, minimum: float
) -> list[dict]:
    """The features that raised the risk by `minimum` (log-odds) or more, strongest first."""
    material = [j for j in order if impacts[j] >= minimum and direction(impacts[j]) == INCREASES]
    return [
        {"feature": _NAMES[j], "text": i18n.reason(_NAMES[j], row[j], impacts[j], lang)}
        for j in material[:MAX_REASONS]
    ]


def reason_minimum() -> float:
    """The materiality threshold of a reason, from the REASON_MIN_CONTRIBUTION setting."""
    return float(current_app.config["REASON_MIN_CONTRIBUTION"])


def explanation(
    row, impacts, order, base_value: float, counterfactual, lang: str, minimum: float
) -> dict:
    """`row` and `impacts` in FEATURE_NAMES order as lists, `order` from strongest_first;
    `minimum` from reason_minimum() (read once per batch)."""
    return {
        "base_value": base_value,
        "contributions": contributions(row, impacts),
        "reasons": reasons(row, impacts, order, lang, minimum),
        "counterfactual": counterfactual,
    }
