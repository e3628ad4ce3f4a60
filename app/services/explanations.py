"""The explanation served with a score: contributions, principal reasons, counterfactual.

Contributions are the model's own SHAP values in log-odds, so base_value + sum(impact) equals
logit(probability_of_default) exactly. Principal reasons: at most four features that pushed the
risk up by at least REASON_MIN_CONTRIBUTION (a setting, in log-odds), strongest first, each a
specific sentence in the reader's language: a +0.01 effect is never "the" reason for a score.

Words agree with the numbers the pages show: an impact shown as 0,00 (two decimals) has no
notable effect, whatever its sign; `direction` says so for the API and the pages alike.

Age is never given as a reason (NEVER_A_REASON, the one place that says so): a client is not
told that their age weighed against them. Its effect stays in the contributions, where the
pages mark it as not a reason (`reason_allowed`).

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
# A protected characteristic (non-discrimination): shown in the chart, never a reason.
NEVER_A_REASON = frozenset({"age"})


def reason_allowed(feature: str) -> bool:
    """Whether a feature may be given as a reason for a score (to the client or the adviser)."""
    return feature not in NEVER_A_REASON


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
            "may_be_reason": reason_allowed(name),
        }
        for name, as_int, value, impact in zip(_NAMES, _AS_INT, row, impacts, strict=True)
    ]


def strongest_first(contributions: np.ndarray) -> list[list[int]]:
    """Per row, feature indices by decreasing impact; ties keep the schema's order (stable)."""
    return np.argsort(-contributions, axis=1, kind="stable").tolist()


def reasons(
    row: list[float], impacts: list[float], order: list[int], lang: str, minimum: float
) -> list[dict]:
    """The features that raised the risk by `minimum` (log-odds) or more, strongest first;
    never a feature of NEVER_A_REASON."""
    material = [
        j
        for j in order
        if impacts[j] >= minimum
        and direction(impacts[j]) == INCREASES
        and reason_allowed(_NAMES[j])
    ]
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


def in_language(stored: dict, recommendation: str, lang: str) -> dict:
    """A stored explanation with its sentences rebuilt in the reader's language (a score is
    kept once per state and read in either language); the reasons are chosen again by the
    current rule, so a record kept before it never gives age as a reason."""
    values = {c["feature"]: c["value"] for c in stored["contributions"]}
    row = [values[name] for name in _NAMES]
    impacts_by_name = {c["feature"]: c["impact"] for c in stored["contributions"]}
    impacts = [impacts_by_name[name] for name in _NAMES]
    rebuilt = contributions(row, impacts)  # as the current rules mark them
    order = strongest_first(np.array([impacts]))[0]
    counterfactual = dict(stored["counterfactual"] or {}) or None
    if counterfactual is not None:
        feature = counterfactual.get("feature")
        if feature:
            reached = counterfactual["recommendation"]
            counterfactual["text"] = i18n.counterfactual_text(
                feature, counterfactual["to"], reached, lang
            )
        else:
            code = "favourable" if recommendation == "favourable" else "none"
            counterfactual["message"] = i18n.no_counterfactual_text(code, lang)
    return stored | {
        "contributions": rebuilt,
        "reasons": reasons(row, impacts, order, lang, reason_minimum()),
        "counterfactual": counterfactual,
    }
