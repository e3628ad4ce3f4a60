"""The model page's words for the served policy and its fairness table (issue 12 §5, issue 15
§2)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "fair_favourable": "Favourable advice",
    "fair_review": "To review",
    "fair_unfavourable": "Unfavourable advice",
    "fair_tpr_unfavourable": "Defaulters advised unfavourably",
    "fair_fpr_unfavourable": "Good payers advised unfavourably",
    "fair_tpr_not_favourable": "Defaulters not advised favourably",
    "fair_fpr_not_favourable": "Good payers not advised favourably",
    "fair_predicted": "Predicted default (mean)",
    "fair_observed": "Observed default",
    "fair_interval": "95% CI {low} – {high}",
    "fair_policy": "Served policy: favourable advice below {lower}, unfavourable from {upper}, "
    "to review in between (review margin {margin}). On the test sample ({clients} clients): "
    "{favourable} favourable, {review} to review, {unfavourable} unfavourable. Expected cost "
    "per client: {cost} if each review ends as the single threshold would have decided, "
    "{cost_perfect} if each review decides right (single threshold alone: {cost_single}). "
    "A review costs {review_cost} (a refused good client costs {fp}, a missed default {fn}).",
    "fair_policy_margin_differs": "Warning: these figures were computed with a review margin of "
    "{trained}, but the service now applies {served} (REVIEW_MARGIN setting): they do not exactly "
    "describe the advice given.",
    "fair_policy_missing": "This version predates the served-policy report: the table below "
    "knows the single threshold only.",
    "read_fairness_served": "For each age band: the share of each advice, the share of "
    "defaulters and of good payers advised unfavourably (or not favourably), and the predicted "
    "default rate against the observed one. Under each figure, its 95% confidence interval "
    "(bootstrap).",
}
