"""The recommendation policy, in one place for the API and the dashboard.

With t the model's cost-minimising threshold on p(default) and m the REVIEW_MARGIN setting:
favourable if p < t(1-m), unfavourable if p >= t(1+m), review in between. The portfolio's risk
bands use the same cuts: low / medium / high.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

FAVOURABLE, REVIEW, UNFAVOURABLE = "favourable", "review", "unfavourable"
RECOMMENDATIONS = (FAVOURABLE, REVIEW, UNFAVOURABLE)  # best first
BANDS = {FAVOURABLE: "low", REVIEW: "medium", UNFAVOURABLE: "high"}
RISK_BANDS = ("low", "medium", "high")
# The decision that follows each recommendation; another one needs a justification.
EXPECTED_DECISION = {FAVOURABLE: "approve", UNFAVOURABLE: "decline"}


@dataclass(frozen=True)
class Policy:
    threshold: float
    margin: float

    @property
    def lower(self) -> float:
        """Below this probability the advice is favourable."""
        return self.threshold * (1 - self.margin)

    @property
    def upper(self) -> float:
        """From this probability on the advice is unfavourable."""
        return self.threshold * (1 + self.margin)

    def recommend(self, probability: float) -> str:
        if probability < self.lower:
            return FAVOURABLE
        if probability >= self.upper:
            return UNFAVOURABLE
        return REVIEW

    def band(self, probability: float | None) -> str | None:
        return None if probability is None else BANDS[self.recommend(probability)]

    def band_range(self, band: str) -> tuple[float | None, float | None]:
        """[low, high) probability range of a risk band (None: unbounded)."""
        return {
            "low": (None, self.lower),
            "medium": (self.lower, self.upper),
            "high": (self.upper, None),
        }[band]


def policy_for(threshold: float, margin: float | None = None) -> Policy:
    if margin is None:
        margin = float(current_app.config.get("REVIEW_MARGIN", 0.2))
    return Policy(threshold=float(threshold), margin=margin)


def rank(recommendation: str) -> int:
    """0 for the best recommendation; a smaller rank is better."""
    return RECOMMENDATIONS.index(recommendation)


def goes_against(recommendation: str, decision: str) -> bool:
    """Approving an unfavourable or declining a favourable advice must be justified."""
    expected = EXPECTED_DECISION.get(recommendation)
    return expected is not None and decision in ("approve", "decline") and decision != expected
