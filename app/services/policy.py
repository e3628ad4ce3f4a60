"""The recommendation policy, in one place for the API and the dashboard.

With t the model's cost-minimising threshold on p(default) and m the REVIEW_MARGIN setting:
favourable below t(1-m), unfavourable from t(1+m) on, review in between. The cuts are read to
the precision the pages show a probability (0.1 percentage point), and a probability is judged as
it is shown: two clients both shown at 9,5 % always get the same advice. The portfolio's risk
bands (API codes low / medium / high) are the same three advices under the same rule, and the
pages name them with the same three words (texts reco_favourable / reco_review /
reco_unfavourable).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

FAVOURABLE, REVIEW, UNFAVOURABLE = "favourable", "review", "unfavourable"
RECOMMENDATIONS = (FAVOURABLE, REVIEW, UNFAVOURABLE)  # best first
BANDS = {FAVOURABLE: "low", REVIEW: "medium", UNFAVOURABLE: "high"}
RISK_BANDS = ("low", "medium", "high")
ADVICE_OF_BAND = {band: advice for advice, band in BANDS.items()}  # one word per band
SHOWN_DECIMALS = 3  # a probability is shown to 0.1 percentage point (9,5 %)
# The decision that follows each recommendation; another one needs a justification.
EXPECTED_DECISION = {FAVOURABLE: "approve", UNFAVOURABLE: "decline"}


@dataclass(frozen=True)
class Policy:
    threshold: float
    margin: float

    @property
    def lower(self) -> float:
        """Below this probability, as shown, the advice is favourable (t(1-m) to 0.1 point)."""
        return round(self.threshold * (1 - self.margin), SHOWN_DECIMALS)

    @property
    def upper(self) -> float:
        """From this probability on, as shown, the advice is unfavourable (t(1+m) to 0.1 point)."""
        return round(self.threshold * (1 + self.margin), SHOWN_DECIMALS)

    @property
    def favourable_below(self) -> float:
        """The raw probability cut of `lower`: the smallest probability shown as `lower`."""
        return self.lower - 0.5 * 10**-SHOWN_DECIMALS

    @property
    def unfavourable_from(self) -> float:
        """The raw probability cut of `upper` (0.0945 is shown as 9,5 %)."""
        return self.upper - 0.5 * 10**-SHOWN_DECIMALS

    def recommend(self, probability: float) -> str:
        if probability < self.favourable_below:
            return FAVOURABLE
        if probability >= self.unfavourable_from:
            return UNFAVOURABLE
        return REVIEW

    def band(self, probability: float | None) -> str | None:
        return None if probability is None else BANDS[self.recommend(probability)]

    def band_range(self, band: str) -> tuple[float | None, float | None]:
        """[low, high) probability range of a risk band (None: unbounded), as `recommend` cuts."""
        lower, upper = self.favourable_below, self.unfavourable_from
        return {"low": (None, lower), "medium": (lower, upper), "high": (upper, None)}[band]


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
