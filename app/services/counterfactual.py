"""Counterfactuals in words: the search is modelling's (modelling/counterfactual.py); this module
turns each change it found, or its absence, into the sentence the API and the pages show."""

from __future__ import annotations

import numpy as np

from app import i18n
from app.services.policy import FAVOURABLE, Policy
from modelling import counterfactual


def search(model, X: np.ndarray, recommendations: list[str], policy: Policy, lang: str):
    """One counterfactual dict per row of X (features in FEATURE_NAMES order)."""
    changes = counterfactual.search(model, X, recommendations, policy)
    return [
        _words(change, recommendation, lang)
        for change, recommendation in zip(changes, recommendations, strict=True)
    ]


def _words(change: counterfactual.Change | None, recommendation: str, lang: str) -> dict:
    if change is None:
        reason = "favourable" if recommendation == FAVOURABLE else "none"
        return {"feature": None, "message": i18n.no_counterfactual_text(reason, lang)}
    return {
        "feature": change.feature,
        "from": change.before,
        "to": change.after,
        "recommendation": change.recommendation,
        "text": i18n.counterfactual_text(change.feature, change.after, change.recommendation, lang),
    }
