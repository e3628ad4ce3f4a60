"""Scoring metrics for a probability of default, each defined the way the credit team reads it.

Conventions: ``y`` is 1 for a defaulted client, ``p`` the predicted probability of default, and a
client is refused when ``p >= threshold`` (so "favourable" means ``p < threshold``).
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve

ECE_BINS = 10
_EPS = 1e-15


def auc(y, p) -> float:
    """ROC AUC: chance that a random defaulter is scored riskier than a random good client."""
    return float(roc_auc_score(y, p))


def gini(y, p) -> float:
    """Gini (accuracy ratio) = 2 AUC - 1, the figure credit risk teams usually quote."""
    return 2.0 * auc(y, p) - 1.0


def pr_auc(y, p) -> float:
    """Area under the precision-recall curve as average precision (step-wise, no interpolation)."""
    return float(average_precision_score(y, p))


def brier(y, p) -> float:
    """Mean squared error of the probability: accuracy and calibration together."""
    y, p = np.asarray(y, float), np.asarray(p, float)
    return float(np.mean((p - y) ** 2))


def log_loss(y, p) -> float:
    """Mean negative log-likelihood (natural log), probabilities clipped to [1e-15, 1 - 1e-15]."""
    y, p = np.asarray(y, float), np.clip(np.asarray(p, float), _EPS, 1 - _EPS)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _bin_index(p: np.ndarray, bins: int) -> np.ndarray:
    """Equal-width bins on [0, 1]: [0, 0.1), [0.1, 0.2), ..., [0.9, 1.0] (1.0 in the last)."""
    return np.minimum((np.asarray(p, float) * bins).astype(int), bins - 1)


def reliability_curve(y, p, bins: int = ECE_BINS) -> list[dict]:
    """Per non-empty equal-width bin: mean predicted probability, observed default rate, count."""
    y, p = np.asarray(y, float), np.asarray(p, float)
    index = _bin_index(p, bins)
    rows = []
    for b in range(bins):
        mask = index == b
        if mask.any():
            rows.append(
                {
                    "bin": b,
                    "lower": b / bins,
                    "upper": (b + 1) / bins,
                    "mean_predicted": float(p[mask].mean()),
                    "observed_rate": float(y[mask].mean()),
                    "count": int(mask.sum()),
                }
            )
    return rows


def ece(y, p, bins: int = ECE_BINS) -> float:
    """Expected calibration error: count-weighted mean |observed rate - mean predicted| per bin."""
    n = len(p)
    return float(
        sum(
            r["count"] / n * abs(r["observed_rate"] - r["mean_predicted"])
            for r in reliability_curve(y, p, bins)
        )
    )


def ks(y, p) -> float:
    """Kolmogorov-Smirnov: largest gap between the score distributions of defaulters and goods."""
    fpr, tpr, _ = roc_curve(y, p)
    return float(np.max(tpr - fpr))


def business_cost(y, p, threshold: float, cost_fn: float, cost_fp: float) -> float:
    """Expected cost per client: a missed default costs ``cost_fn``, a refused good ``cost_fp``."""
    y, refused = np.asarray(y), np.asarray(p) >= threshold
    missed = np.sum((y == 1) & ~refused)
    wrongly_refused = np.sum((y == 0) & refused)
    return float((cost_fn * missed + cost_fp * wrongly_refused) / len(y))


def best_threshold(y, p, cost_fn: float, cost_fp: float) -> tuple[float, float]:
    """Threshold minimising the expected cost, and that cost; exact over every observed score.

    Candidate thresholds are the distinct scores plus one above the maximum (refuse nobody);
    ties go to the lowest threshold.
    """
    y, p = np.asarray(y), np.asarray(p, float)
    order = np.argsort(p, kind="stable")
    p_sorted, y_sorted = p[order], y[order]
    candidates, first = np.unique(p_sorted, return_index=True)
    positives_below = np.concatenate([[0], np.cumsum(y_sorted == 1)])
    negatives_below = np.concatenate([[0], np.cumsum(y_sorted == 0)])
    starts = np.append(first, len(p))  # refuse rows from this sorted index on
    missed = positives_below[starts]
    wrongly_refused = negatives_below[-1] - negatives_below[starts]
    costs = (cost_fn * missed + cost_fp * wrongly_refused) / len(p)
    best = int(np.argmin(costs))
    thresholds = np.append(candidates, np.nextafter(candidates[-1], np.inf))
    return float(thresholds[best]), float(costs[best])


def cost_curve(y, p, cost_fn: float, cost_fp: float, points: int = 101) -> list[dict]:
    """Expected cost per client on a regular threshold grid, for the cost-vs-threshold plot."""
    grid = np.linspace(0.0, 1.0, points)
    return [{"threshold": float(t), "cost": business_cost(y, p, t, cost_fn, cost_fp)} for t in grid]


def roc_points(y, p, max_points: int = 200) -> list[dict]:
    """ROC curve thinned to at most ``max_points`` points (kept in metadata for the dashboard)."""
    fpr, tpr, _ = roc_curve(y, p)
    keep = np.unique(np.linspace(0, len(fpr) - 1, min(max_points, len(fpr))).astype(int))
    return [{"fpr": float(fpr[i]), "tpr": float(tpr[i])} for i in keep]


def all_metrics(y, p, threshold: float, cost_fn: float, cost_fp: float) -> dict[str, float]:
    """Every headline metric of one set of predictions at a given decision threshold."""
    return {
        "auc": auc(y, p),
        "gini": gini(y, p),
        "pr_auc": pr_auc(y, p),
        "brier": brier(y, p),
        "log_loss": log_loss(y, p),
        "ece": ece(y, p),
        "ks": ks(y, p),
        "cost": business_cost(y, p, threshold, cost_fn, cost_fp),
    }


def bootstrap_auc(y, p, n_boot: int, seed: int) -> tuple[float, float]:
    """Percentile 95 % interval of the AUC over seeded bootstrap resamples of the rows.

    Each resample is a vector of row counts; its AUC (ties count one half) comes from cumulative
    sums over the scores sorted once, so 1,000 resamples of 10,000 rows take well under a second.
    """
    y, p = np.asarray(y), np.asarray(p, float)
    order = np.argsort(p, kind="stable")
    positive = y[order] == 1
    _, group = np.unique(p[order], return_inverse=True)
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n_boot):
        counts = np.bincount(rng.integers(0, len(y), len(y)), minlength=len(y))[order]
        pos = np.bincount(group, weights=counts * positive)
        neg = np.bincount(group, weights=counts * ~positive)
        if pos.sum() and neg.sum():
            below = np.cumsum(neg) - neg
            values.append(float(pos @ (below + 0.5 * neg)) / (pos.sum() * neg.sum()))
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)
