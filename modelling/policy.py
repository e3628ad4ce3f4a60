"""The served policy's three bands, in one place for training reports and the service.

With t the model's cost-minimising threshold on p(default) and m the review margin (setting
REVIEW_MARGIN, default DEFAULT_REVIEW_MARGIN): favourable below t(1-m), unfavourable from t(1+m)
on, review in between. The cuts are read to the precision the pages show a probability (0.1
percentage point), and a probability is judged as it is shown: two clients both shown at 9,5 %
always get the same advice. The training report, the model card and the fairness table evaluate
this same policy (app/services/policy.py adds the app's setting and the decision rules).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FAVOURABLE, REVIEW, UNFAVOURABLE = "favourable", "review", "unfavourable"
RECOMMENDATIONS = (FAVOURABLE, REVIEW, UNFAVOURABLE)  # best first
BANDS = {FAVOURABLE: "low", REVIEW: "medium", UNFAVOURABLE: "high"}  # the portfolio's risk bands
ADVICE_OF_BAND = {band: advice for advice, band in BANDS.items()}  # one word per band
SHOWN_DECIMALS = 3  # a probability is shown to 0.1 percentage point (9,5 %)
DEFAULT_REVIEW_MARGIN = 0.2  # relative half-width of the review band around the threshold
# Cost of one adviser review, in the unit of the other costs (a refused good client costs 1).
DEFAULT_REVIEW_COST = 0.1


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

    def advise(self, probabilities) -> np.ndarray:
        """`recommend` over an array: one advice per probability (same cuts, vectorised)."""
        p = np.asarray(probabilities, float)
        advice = np.full(p.shape, REVIEW, dtype=object)
        advice[p < self.favourable_below] = FAVOURABLE
        advice[p >= self.unfavourable_from] = UNFAVOURABLE
        return advice

    def describe(self) -> dict:
        """The policy as metadata.json records it."""
        return {
            "threshold": self.threshold,
            "review_margin": self.margin,
            "favourable_below": self.favourable_below,
            "unfavourable_from": self.unfavourable_from,
        }


def rank(recommendation: str) -> int:
    """0 for the best recommendation; a smaller rank is better."""
    return RECOMMENDATIONS.index(recommendation)


def served_outcome(policy: Policy, y, p, cost_fn: float, cost_fp: float, cost_review: float):
    """Shares of each advice and the expected cost per client of the three-band policy.

    Favourable is approved (a defaulter costs ``cost_fn``), unfavourable declined (a good client
    costs ``cost_fp``), and each review costs ``cost_review``. What the adviser then decides is
    not modelled, so two bounds are given: ``cost`` when the review ends as the single threshold
    would have decided (the review adds its cost and nothing else), ``cost_if_review_perfect``
    when every reviewed client is decided right. ``cost_single_threshold`` is the single
    threshold's cost on the same clients.
    """
    y, p = np.asarray(y), np.asarray(p, float)
    advice = policy.advise(p)
    favourable, unfavourable = advice == FAVOURABLE, advice == UNFAVOURABLE
    review = advice == REVIEW
    refused = p >= policy.threshold
    bad, good = y == 1, y == 0
    sure_losses = cost_fn * np.sum(favourable & bad) + cost_fp * np.sum(unfavourable & good)
    review_losses = cost_fn * np.sum(review & bad & ~refused) + cost_fp * np.sum(
        review & good & refused
    )
    reviews = cost_review * np.sum(review)
    single = cost_fn * np.sum(bad & ~refused) + cost_fp * np.sum(good & refused)
    n = len(y)
    return {
        "clients": int(n),
        "favourable_share": float(np.mean(favourable)),
        "review_share": float(np.mean(review)),
        "unfavourable_share": float(np.mean(unfavourable)),
        "cost": float((sure_losses + review_losses + reviews) / n),
        "cost_if_review_perfect": float((sure_losses + reviews) / n),
        "cost_single_threshold": float(single / n),
    }
