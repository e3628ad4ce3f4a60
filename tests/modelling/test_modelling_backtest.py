"""The back-test's numbers, each against an independent computation: scikit-learn's AUC, a
pairwise DeLong variance, scipy's Beta distribution, a bootstrap; and each status by design."""

from __future__ import annotations

import numpy as np
import pytest
from outcome_helpers import RATES, STATUS_CASES, calibrated
from scipy.stats import beta
from sklearn.metrics import roc_auc_score

from modelling.backtest import (
    ALERT,
    INSUFFICIENT,
    OK,
    OUTSIDE,
    WATCH,
    auc_interval,
    backtest,
    delong,
    grade_index,
    jeffreys_interval,
    status_of,
)


def _arrays(cases):
    return np.array([c[1] for c in cases], float), np.array([c[0] for c in cases], float)


def _sample(n: int, seed: int):
    rng = np.random.default_rng(seed)
    p = np.round(rng.beta(1.5, 8, n), 3)  # rounded: ties, as stored probabilities have
    return (rng.random(n) < p).astype(float), p


def _pairwise_delong(y, p):
    """DeLong's structural components by explicit comparison of every pair (O(m n))."""
    pos, neg = p[y == 1], p[y == 0]
    psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    v10, v01 = psi.mean(axis=1), psi.mean(axis=0)
    return psi.mean(), v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_auc_and_its_variance_match_independent_computations(seed):
    y, p = _sample(400, seed)
    auc, variance = delong(y, p)
    expected_auc, expected_variance = _pairwise_delong(y, p)
    assert auc == pytest.approx(roc_auc_score(y, p), abs=1e-12)
    assert auc == pytest.approx(expected_auc, abs=1e-12)
    assert variance == pytest.approx(expected_variance, rel=1e-9)


def test_the_delong_interval_agrees_with_a_bootstrap():
    y, p = _sample(3000, 5)
    auc, (low, high) = auc_interval(y, p)
    rng = np.random.default_rng(9)
    draws = []
    for _ in range(400):
        index = rng.integers(0, len(y), len(y))
        draws.append(roc_auc_score(y[index], p[index]))
    assert low < auc < high
    assert (high - low) / 2 == pytest.approx(1.96 * np.std(draws), rel=0.15)


@pytest.mark.parametrize(("defaults", "n"), [(0, 40), (3, 40), (17, 60), (60, 60), (250, 1000)])
def test_the_jeffreys_interval_has_its_tails_under_the_beta_posterior(defaults, n):
    low, high = jeffreys_interval(defaults, n)
    posterior = beta(defaults + 0.5, n - defaults + 0.5)
    assert low == (0.0 if defaults == 0 else pytest.approx(low))
    assert high == (1.0 if defaults == n else pytest.approx(high))
    if defaults > 0:
        assert posterior.cdf(low) == pytest.approx(0.025, abs=1e-9)
    if defaults < n:
        assert posterior.sf(high) == pytest.approx(0.025, abs=1e-9)
    assert low <= defaults / n <= high


def test_grades_are_deciles_merged_to_the_minimum_count():
    _, p = _sample(1000, 3)
    index = grade_index(p, min_grade=30)
    counts = np.bincount(index)
    assert len(counts) == 10 and counts.min() >= 30 and counts.sum() == 1000
    # Grades follow the probability: every probability of a grade is below the next grade's.
    for g in range(len(counts) - 1):
        assert p[index == g].max() < p[index == g + 1].min()
    merged = np.bincount(grade_index(p[:150], min_grade=30))
    assert merged.min() >= 30 and merged.sum() == 150 and len(merged) <= 5
    few = grade_index(p[:20], min_grade=30)
    assert set(few) == {0}


def test_equal_probabilities_share_a_grade():
    p = np.array([0.1] * 70 + [0.2] * 40 + [0.3] * 40)
    index = grade_index(p, min_grade=30)
    for value in (0.1, 0.2, 0.3):
        assert len(set(index[p == value])) == 1


@pytest.mark.parametrize("expected", STATUS_CASES)
def test_each_status_by_design(expected):
    y, p = _arrays(STATUS_CASES[expected]())
    result = backtest(y, p, min_outcomes=100, min_grade=30)
    assert result.status == expected
    assert result.outcomes == len(y) and result.defaults == int(y.sum())
    assert result.brier == pytest.approx(np.mean((p - y) ** 2))
    assert result.auc == pytest.approx(roc_auc_score(y, p))
    assert result.predicted_rate == pytest.approx(p.mean())
    assert result.observed_rate == pytest.approx(y.mean())
    for grade in result.grades:
        low, high = grade.interval
        inside = low <= grade.predicted <= high
        assert (grade.status != OUTSIDE) is inside
        assert grade.n >= 30 or len(result.grades) == 1


def test_the_overall_rate_alone_raises_an_alert():
    """Every grade slightly under-predicted, each within its own interval, but together the
    overall predicted rate lies outside the overall interval."""
    rates = RATES[1:]  # 10 % to 50 %
    cases = calibrated(200, rates, shifted={r: int(200 * (r + 0.035) + 0.5) for r in rates})
    y, p = _arrays(cases)
    result = backtest(y, p, min_outcomes=100, min_grade=30)
    assert all(g.status != OUTSIDE for g in result.grades)
    low, high = result.interval
    assert not low <= result.predicted_rate <= high
    assert result.status == ALERT


def test_status_rules():
    assert status_of(99, True, 0, 100) == INSUFFICIENT
    assert status_of(99, False, 5, 100) == INSUFFICIENT
    assert status_of(100, True, 0, 100) == OK
    assert status_of(100, True, 1, 100) == WATCH
    assert status_of(100, True, 2, 100) == ALERT
    assert status_of(100, False, 0, 100) == ALERT


def test_one_class_only_gives_no_auc_and_no_outcome_gives_nothing():
    result = backtest(np.zeros(150), np.full(150, 0.01), 100, 30)
    assert result.auc is None and result.auc_ci is None and result.brier == pytest.approx(1e-4)
    empty = backtest([], [], 100, 30)
    assert (empty.outcomes, empty.grades, empty.status) == (0, [], INSUFFICIENT)
