"""Each metric against a case small enough to compute by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelling import metrics

Y = [0, 0, 1, 1]
P = [0.1, 0.4, 0.35, 0.8]  # pairs (pos, neg): 0.35>0.1, 0.35<0.4, 0.8>0.1, 0.8>0.4 -> 3/4


def test_auc_and_gini():
    assert metrics.auc(Y, P) == pytest.approx(0.75)
    assert metrics.gini(Y, P) == pytest.approx(0.5)


def test_ks():
    # threshold 0.8: TPR 1/2, FPR 0; threshold 0.35: TPR 1, FPR 1/2 -> max gap 1/2
    assert metrics.ks(Y, P) == pytest.approx(0.5)


def test_pr_auc_is_average_precision():
    # ranked: 0.8 (1) P=1 R=1/2; 0.4 (0); 0.35 (1) P=2/3 R=1 -> 1/2*1 + 1/2*2/3
    assert metrics.pr_auc(Y, P) == pytest.approx(0.5 + 1 / 3)


def test_brier():
    assert metrics.brier([0, 1], [0.2, 0.6]) == pytest.approx((0.04 + 0.16) / 2)


def test_log_loss():
    assert metrics.log_loss([0, 1], [0.5, 0.5]) == pytest.approx(math.log(2))
    assert metrics.log_loss([1, 0], [0.8, 0.2]) == pytest.approx(-math.log(0.8))
    assert math.isfinite(metrics.log_loss([1], [0.0]))  # clipped, not infinite


def test_ece_equal_width_bins():
    # bin 0: p .05, y 0 -> .05 (w 1/4); bin 1: p .15,.15, rate .5 -> .35 (w 1/2);
    # bin 9: p .95, y 1 -> .05 (w 1/4)  => .0125 + .175 + .0125
    assert metrics.ece([0, 0, 1, 1], [0.05, 0.15, 0.15, 0.95]) == pytest.approx(0.2)
    assert metrics.ece([1, 0], [1.0, 0.0]) == pytest.approx(0.0)  # 1.0 falls in the last bin


def test_reliability_curve_counts():
    curve = metrics.reliability_curve([0, 0, 1, 1], [0.05, 0.15, 0.15, 0.95])
    assert [(b["bin"], b["count"]) for b in curve] == [(0, 1), (1, 2), (9, 1)]
    assert curve[1]["observed_rate"] == pytest.approx(0.5)


def test_business_cost():
    # threshold .38 refuses .4 (good: 1) and .8 (default: 0), misses .35 (default: 10)
    assert metrics.business_cost(Y, P, 0.38, 10, 1) == pytest.approx((10 + 1) / 4)


@pytest.mark.parametrize(
    ("y", "p", "fn", "fp", "threshold", "cost"),
    [
        ([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4], 10, 1, 0.3, 0.0),
        ([0, 1, 0, 1], [0.1, 0.2, 0.3, 0.4], 10, 1, 0.2, 0.25),
        ([0, 1, 0, 1], [0.1, 0.2, 0.3, 0.4], 1, 10, 0.4, 0.25),
    ],
)
def test_best_threshold_known_answers(y, p, fn, fp, threshold, cost):
    found, found_cost = metrics.best_threshold(y, p, fn, fp)
    assert found == pytest.approx(threshold)
    assert found_cost == pytest.approx(cost)


def test_best_threshold_can_refuse_nobody():
    threshold, cost = metrics.best_threshold([1, 0, 0, 0], [0.1, 0.2, 0.3, 0.4], 0.1, 10)
    assert threshold > 0.4 and cost == pytest.approx(0.1 / 4)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 1), st.integers(0, 20)), min_size=2, max_size=40),
    st.floats(0.1, 20),
    st.floats(0.1, 20),
)
def test_best_threshold_matches_brute_force(rows, fn, fp):
    y = np.array([r[0] for r in rows])
    p = np.array([r[1] for r in rows]) / 20
    candidates = [*np.unique(p), 2.0]
    brute = min(metrics.business_cost(y, p, t, fn, fp) for t in candidates)
    threshold, cost = metrics.best_threshold(y, p, fn, fp)
    assert cost == pytest.approx(brute)
    assert metrics.business_cost(y, p, threshold, fn, fp) == pytest.approx(cost)


def test_bootstrap_is_seeded_and_brackets_the_auc():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 400)
    p = np.clip(y * 0.3 + rng.random(400) * 0.7, 0, 1)
    low, high = metrics.bootstrap_auc(y, p, 300, seed=1)
    assert (low, high) == metrics.bootstrap_auc(y, p, 300, seed=1)
    assert low < metrics.auc(y, p) < high


def test_all_metrics_keys():
    found = metrics.all_metrics(Y, P, 0.38, 10, 1)
    assert set(found) == {"auc", "gini", "pr_auc", "brier", "log_loss", "ece", "ks", "cost"}


def test_bootstrap_resample_auc_matches_sklearn():
    """The fast weighted AUC equals roc_auc_score on the expanded resample (ties included)."""
    rng = np.random.default_rng(4)
    y = rng.integers(0, 2, 200)
    p = np.round(rng.random(200), 1)  # many ties
    low, high = metrics.bootstrap_auc(y, p, 1, seed=9)
    assert low == pytest.approx(high)
    idx = np.random.default_rng(9).integers(0, 200, 200)
    assert low == pytest.approx(metrics.auc(y[idx], p[idx]))
