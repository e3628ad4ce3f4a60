"""Outcomes of the served policy by age band on the hold-out (fairlearn MetricFrame).

The policy evaluated is the one the service answers with (modelling/policy.py): favourable,
review and unfavourable advice. Per age band: the share of each advice, the true- and
false-positive rates at the served cut-offs (a defaulter, or a good client, told "unfavourable";
and told anything but "favourable"), calibration (mean predicted probability vs observed default
rate), each with a percentile bootstrap 95 % interval resampled within the band (scipy).

Age is a legitimate credit variable but also a protected characteristic: the table shows whether
one band is advised favourably much less often than the best-treated one (four-fifths rule,
ratio < 0.8). Bands with fewer than MIN_GROUP clients are suppressed: their rates are noise and
could identify people.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from fairlearn.metrics import MetricFrame
from scipy.stats import bootstrap
from sklearn.metrics import roc_auc_score

from modelling.policy import Policy

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


RATES = ("favourable_rate", "review_rate", "unfavourable_rate")
CALIBRATION = ("predicted_default_rate", "observed_default_rate")
ERROR_RATES = ("tpr_unfavourable", "tpr_not_favourable", "fpr_unfavourable", "fpr_not_favourable")
FIGURES = (*RATES, *ERROR_RATES, *CALIBRATION, "auc")


def _shares(policy: Policy, p, axis=-1) -> list:
    """Share of favourable, review and unfavourable advice along `axis` (bootstrap-ready)."""
    favourable = p < policy.favourable_below
    unfavourable = p >= policy.unfavourable_from
    review = ~favourable & ~unfavourable
    return [np.mean(advice, axis=axis) for advice in (favourable, review, unfavourable)]


def _flag_rates(policy: Policy, p, axis=-1) -> list:
    """Share told "unfavourable", and told anything but "favourable" (the served cut-offs)."""
    return [
        np.mean(p >= policy.unfavourable_from, axis=axis),
        np.mean(p >= policy.favourable_below, axis=axis),
    ]


def _metrics(policy: Policy) -> dict:
    """Per-group point figures on (y, p) for MetricFrame."""

    def share(k):
        return lambda y, p: float(_shares(policy, p)[k])

    def flagged(k, outcome):
        def rate(y, p):
            if not np.any(y == outcome):
                return np.nan
            return float(_flag_rates(policy, p[y == outcome])[k])

        return rate

    def auc(y, p):
        return float(roc_auc_score(y, p)) if 0 < np.sum(y) < len(y) else np.nan

    return {
        "count": lambda y, p: float(len(y)),
        **{name: share(k) for k, name in enumerate(RATES)},
        "tpr_unfavourable": flagged(0, 1),
        "tpr_not_favourable": flagged(1, 1),
        "fpr_unfavourable": flagged(0, 0),
        "fpr_not_favourable": flagged(1, 0),
        "predicted_default_rate": lambda y, p: float(np.mean(p)),
        "observed_default_rate": lambda y, p: float(np.mean(y)),
        "auc": auc,
    }


def _intervals(y, p, policy: Policy, n_boot: int, seed: int) -> dict:
    """Percentile bootstrap 95 % intervals of one band's figures (AUC: point only).

    Advice shares and calibration resample the band; TPRs its defaulters, FPRs its good clients
    (an interval is None when the band has none of them).
    """

    def interval(data, statistic, names) -> dict:
        if len(data[0]) == 0:
            return dict.fromkeys(names)
        result = bootstrap(
            data,
            statistic,
            paired=len(data) > 1,
            vectorized=True,
            n_resamples=n_boot,
            method="percentile",
            rng=np.random.default_rng(seed),
        ).confidence_interval
        return {
            name: [float(low), float(high)]
            for name, low, high in zip(names, result.low, result.high, strict=True)
        }

    def band_figures(y, p, axis=-1):
        return np.stack([*_shares(policy, p, axis), np.mean(p, axis), np.mean(y, axis)])

    def flags(p, axis=-1):
        return np.stack(_flag_rates(policy, p, axis))

    return {
        **interval((y, p), band_figures, (*RATES, *CALIBRATION)),
        **interval((p[y == 1],), flags, ERROR_RATES[:2]),
        **interval((p[y == 0],), flags, ERROR_RATES[2:]),
    }


def fairness_table(age, y, p, policy: Policy, n_boot: int = 1000, seed: int = 0) -> list[dict]:
    """One row per age band, in band order, for the served policy; suppressed rows carry no
    figures. ``ci95`` maps each figure but the AUC to its [low, high] bootstrap interval."""
    y, p = np.asarray(y), np.asarray(p, float)
    bands = age_band(age)
    frame = MetricFrame(
        metrics=_metrics(policy),
        y_true=y,
        y_pred=p,
        sensitive_features=pd.Series(bands, name="age_band"),
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
        member = bands == label
        rows.append(
            {
                "band": label,
                "suppressed": False,
                "count": int(values["count"]),
                **{k: _clean(values[k]) for k in FIGURES},
                "ci95": _intervals(y[member], p[member], policy, n_boot, seed),
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
