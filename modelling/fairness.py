"""Outcomes by age band on the hold-out (fairlearn MetricFrame).

Age is a legitimate credit variable but also a protected characteristic: the table shows whether
one band is refused much more often than the best-treated one (four-fifths rule, ratio < 0.8).
Bands with fewer than MIN_GROUP clients are suppressed: their rates are noise and could identify
people.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from fairlearn.metrics import MetricFrame
from sklearn.metrics import roc_auc_score

BANDS = (
    (18, 25, "18-25"),
    (26, 35, "26-35"),
    (36, 50, "36-50"),
    (51, 65, "51-65"),
    (66, 200, "66+"),
)
MIN_GROUP = 30
FLAG_RATIO = 0.8


def age_band(age: np.ndarray) -> np.ndarray:
    """Band label of each age; missing ages get their own band."""
    age = np.asarray(age, float)
    labels = np.full(len(age), "missing", dtype=object)
    for low, high, label in BANDS:
        labels[(age >= low) & (age <= high)] = label
    return labels


def _metrics(threshold: float) -> dict:
    """Per-group metrics on (y, p): p is the probability, refusal means p >= threshold."""

    def favourable(y, p):
        return float(np.mean(p < threshold))

    def tpr(y, p):
        return float(np.mean(p[y == 1] >= threshold)) if np.any(y == 1) else np.nan

    def fpr(y, p):
        return float(np.mean(p[y == 0] >= threshold)) if np.any(y == 0) else np.nan

    def auc(y, p):
        return float(roc_auc_score(y, p)) if 0 < np.sum(y) < len(y) else np.nan

    return {
        "count": lambda y, p: float(len(y)),
        "favourable_rate": favourable,
        "tpr": tpr,
        "fpr": fpr,
        "auc": auc,
    }


def fairness_table(age, y, p, threshold: float) -> list[dict]:
    """One row per age band, in band order; suppressed rows carry no figures."""
    y, p = np.asarray(y), np.asarray(p, float)
    frame = MetricFrame(
        metrics=_metrics(threshold),
        y_true=y,
        y_pred=p,
        sensitive_features=pd.Series(age_band(age), name="age_band"),
    )
    by_group = frame.by_group
    order = [label for *_, label in BANDS] + ["missing"]
    rows = []
    for label in order:
        if label not in by_group.index:
            continue
        values = by_group.loc[label]
        if values["count"] < MIN_GROUP:
            rows.append({"band": label, "suppressed": True})
            continue
        rows.append(
            {
                "band": label,
                "suppressed": False,
                "count": int(values["count"]),
                **{k: _clean(values[k]) for k in ("favourable_rate", "tpr", "fpr", "auc")},
            }
        )
    shown = [r for r in rows if not r["suppressed"]]
    best = max((r["favourable_rate"] for r in shown), default=0.0)
    for row in shown:
        row["ratio_to_best"] = row["favourable_rate"] / best if best else None
        row["flagged"] = bool(best and row["ratio_to_best"] < FLAG_RATIO)
    return rows


def _clean(value) -> float | None:
    return None if pd.isna(value) else float(value)
