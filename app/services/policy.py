"""The recommendation policy, in one place for the API and the dashboard.

The three bands and their cuts live in modelling/policy.py (training's reports evaluate the same
policy); this module adds the app's REVIEW_MARGIN setting and the decision rules. The
portfolio's risk bands (API codes low / medium / high) are the same three advices under the same
rule, and the pages name them with the same three words (texts reco_favourable / reco_review /
reco_unfavourable).
"""

from __future__ import annotations

from flask import current_app

from modelling.policy import (
    DEFAULT_REVIEW_MARGIN,
    FAVOURABLE,
    UNFAVOURABLE,
    Policy,
    rank,
)

__all__ = ["FAVOURABLE", "UNFAVOURABLE", "Policy", "goes_against", "policy_for", "rank"]
# The decision that follows each recommendation; another one needs a justification.
EXPECTED_DECISION = {FAVOURABLE: "approve", UNFAVOURABLE: "decline"}


def policy_for(threshold: float, margin: float | None = None) -> Policy:
    if margin is None:
        margin = float(current_app.config.get("REVIEW_MARGIN", DEFAULT_REVIEW_MARGIN))
    return Policy(threshold=float(threshold), margin=margin)


def goes_against(recommendation: str, decision: str) -> bool:
    """Approving an unfavourable or declining a favourable advice must be justified."""
    expected = EXPECTED_DECISION.get(recommendation)
    return expected is not None and decision in ("approve", "decline") and decision != expected
