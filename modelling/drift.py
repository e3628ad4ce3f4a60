"""Population stability: a reference distribution per input, and the PSI against recent shares.

Training stores, for each feature and for the predicted probability, the decile edges of the
development sample and each bin's share (metadata.json, "drift_reference"). Bins are closed on
the right: a value v falls in bin i when edges[i-1] < v <= edges[i] (the first bin takes every
v <= edges[0], the last every v > edges[-1]). Edges are values of the sample (inverted CDF), so
a discrete feature such as the incident count gets whole-number edges; tied deciles are merged
and a bin the sample leaves empty is merged into its neighbour, so every reference share is
positive. Pure functions: numpy in, plain lists out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from modelling.features import FEATURE_NAMES

DECILES = np.arange(1, 10) / 10  # exact tenths (linspace gives 0.30000000000000004)
EPSILON = 1e-4  # stands for an empty recent (or reference) bin: ln(0) is undefined
BIN_RULE = "right-closed: edges[i-1] < v <= edges[i]; open-ended first and last bins"


def bin_index(edges: Sequence[float], values) -> np.ndarray:
    """The bin of each value (0 .. len(edges)) under the right-closed rule."""
    return np.searchsorted(np.asarray(edges, dtype=float), np.asarray(values, dtype=float))


def reference_distribution(values) -> dict:
    """Decile edges of a sample (ties merged, empty bins merged away) and each bin's share."""
    sample = np.asarray(values, dtype=float)
    sample = sample[np.isfinite(sample)]
    if sample.size == 0:
        raise ValueError("a reference distribution needs at least one finite value")
    edges = np.unique(np.quantile(sample, DECILES, method="inverted_cdf"))
    counts = np.bincount(bin_index(edges, sample), minlength=len(edges) + 1)
    while edges.size and (counts == 0).any():
        empty = int(np.flatnonzero(counts == 0)[0])
        # Removing the edge on the empty bin's side joins it to its neighbour.
        drop = min(empty, edges.size - 1)
        edges = np.delete(edges, drop)
        counts = np.bincount(bin_index(edges, sample), minlength=len(edges) + 1)
    return {
        "edges": [float(e) for e in edges],
        "shares": [float(c) / sample.size for c in counts],
    }


def reference_profile(X_dev, probability) -> dict:
    """The reference of every feature (columns in FEATURE_NAMES order) and of the probability."""
    X_dev = np.asarray(X_dev, dtype=float)
    return {
        "sample": "development (training folds; probability out-of-fold)",
        "rows": int(X_dev.shape[0]),
        "bins": BIN_RULE,
        "features": {
            name: reference_distribution(X_dev[:, i]) for i, name in enumerate(FEATURE_NAMES)
        },
        "probability": reference_distribution(probability),
    }


def shares(counts: Sequence[int]) -> list[float]:
    """Counts per bin as shares (all zero when there is nothing to count)."""
    total = float(sum(counts))
    return [c / total if total else 0.0 for c in counts]


def psi(reference: Sequence[float], recent: Sequence[float], epsilon: float = EPSILON) -> float:
    """Population stability index: sum over bins of (recent - reference) * ln(recent/reference),
    each share floored at `epsilon` so that an empty bin counts as a large (finite) change."""
    if len(reference) != len(recent):
        raise ValueError("the reference and the recent shares must have the same bins")
    ref = np.maximum(np.asarray(reference, dtype=float), epsilon)
    now = np.maximum(np.asarray(recent, dtype=float), epsilon)
    return float(np.sum((now - ref) * np.log(now / ref)))
