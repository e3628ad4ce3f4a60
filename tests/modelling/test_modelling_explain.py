"""The explanation is exact for every servable model type, on single rows and batches."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from modelling.candidates import BY_NAME
from modelling.explain import ServedModel, build_scorer, logit
from modelling.features import FEATURE_NAMES
from modelling.synthetic import generate
from modelling.treeshap import _SPARSE_FROM, from_catboost, tree_table

PARAMS = {"catboost": {"iterations": 60, "depth": 4}, "spline_logistic": {"n_knots": 5}}


@pytest.fixture(scope="module")
def frame():
    data = generate(2500, seed=5)
    X = data[list(FEATURE_NAMES)].astype(float)
    X.iloc[::37, 1] = np.nan  # missing income
    X.iloc[::53, 4] = np.nan  # missing credit score
    return X, data["default"].to_numpy()


@pytest.fixture(scope="module")
def fitted(frame):
    X, y = frame
    models = {}
    for name in ("baseline", "logistic", "spline_logistic", "catboost"):
        models[name] = BY_NAME[name].build(PARAMS.get(name, {}), 0, len(y)).fit(X.to_numpy(), y)
    return models


@pytest.mark.parametrize("name", ["baseline", "logistic", "spline_logistic", "catboost"])
@pytest.mark.parametrize("rows", [slice(0, 1), slice(36, 38), slice(0, 500)])
def test_explanation_adds_up_and_matches_the_model(fitted, frame, name, rows):
    X = frame[0].iloc[rows]
    served = ServedModel(
        "test", build_scorer(name, fitted[name]), {"threshold": 0.1, "algorithm": name}
    )
    explained = served.explain(X)
    assert explained.contributions.shape == (len(X), len(FEATURE_NAMES))
    total = explained.base_value + explained.contributions.sum(axis=1)
    np.testing.assert_allclose(total, logit(explained.probability), rtol=0, atol=1e-6)
    expected = fitted[name].predict_proba(X.to_numpy())[:, 1]
    np.testing.assert_allclose(explained.probability, expected, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(served.predict_proba(X.to_numpy()), explained.probability)


def test_baseline_and_linear_contributions(fitted, frame):
    X = frame[0].iloc[:5].to_numpy()
    base = build_scorer("baseline", fitted["baseline"])
    assert not base.explain_raw(X)[1].any()
    pipe = fitted["logistic"]
    z = pipe[:-1].transform(X)
    np.testing.assert_allclose(
        build_scorer("logistic", pipe).explain_raw(X)[1], z * pipe[-1].coef_[0], atol=1e-12
    )


def _brute_force_tree(values, weights, feats, n_features):
    """Shapley values by definition, v(S) from Algorithm 1 of Lundberg et al. (root = last)."""
    depth = len(feats)

    def v(subset, leaf_of_x):
        def walk(level, prefix, weight):  # prefix: bits of levels > level, as a leaf offset
            if level < 0:
                return weight * values[prefix]
            bit_x = (leaf_of_x >> level) & 1
            if feats[level] in subset:
                return walk(level - 1, prefix | (bit_x << level), weight)
            cover = [
                weights[
                    [
                        leaf
                        for leaf in range(len(values))
                        if (leaf >> level) == ((prefix >> level) | b)
                    ]
                ].sum()
                for b in (0, 1)
            ]
            total = sum(cover)
            return sum(
                walk(
                    level - 1, prefix | (b << level), weight * (cover[b] / total if total else 0.5)
                )
                for b in (0, 1)
            )

        return walk(depth - 1, 0, 1.0)

    table = np.zeros((len(values), n_features))
    players = range(n_features)
    for leaf in range(len(values)):
        for i in players:
            others = [j for j in players if j != i]
            for size in range(n_features):
                w = (
                    math.factorial(size)
                    * math.factorial(n_features - size - 1)
                    / math.factorial(n_features)
                )
                for s in itertools.combinations(others, size):
                    table[leaf, i] += w * (v(set(s) | {i}, leaf) - v(set(s), leaf))
    return table


def test_tree_tables_equal_shapley_by_definition():
    rng = np.random.default_rng(3)
    for feats in ([1, 4, 1], [0, 2, 3], [4, 4, 4], [2, 0, 2, 3]):
        values = rng.normal(size=1 << len(feats))
        weights = rng.integers(0, 50, size=1 << len(feats)).astype(float)
        table, expected = tree_table(values, weights, feats, 5)
        np.testing.assert_allclose(table, _brute_force_tree(values, weights, feats, 5), atol=1e-12)
        if weights.sum():
            assert expected == pytest.approx(values @ weights / weights.sum())


def test_forest_reproduces_catboost_raw_scores_with_missing_values(fitted, frame):
    model = fitted["catboost"][-1]
    forest = from_catboost(model)
    X = frame[0].to_numpy()
    raw = model.predict(X, prediction_type="RawFormulaVal")
    np.testing.assert_allclose(forest.base + forest.contributions(X).sum(axis=1), raw, atol=1e-9)


def test_explanation_is_independent_of_the_batch(fitted, frame):
    served = ServedModel(
        "t",
        build_scorer("catboost", fitted["catboost"]),
        {"threshold": 0.1, "algorithm": "catboost"},
    )
    X = frame[0].iloc[:300]
    batch = served.explain(X).contributions
    single = np.vstack([served.explain(X.iloc[[i]]).contributions for i in range(0, 300, 37)])
    np.testing.assert_array_equal(single, batch[::37])


def test_forest_contributions_do_not_depend_on_the_batch_size(fitted, frame):
    """Small batches are gathered, large ones go through a sparse product: same bits."""
    forest = from_catboost(fitted["catboost"][-1])
    X = frame[0].to_numpy()
    everyone = forest.contributions(X)
    for size in (1, 2, _SPARSE_FROM - 1, _SPARSE_FROM, 3 * _SPARSE_FROM + 1):
        for start in range(0, len(X) - size, 97):
            np.testing.assert_array_equal(
                forest.contributions(X[start : start + size]), everyone[start : start + size]
            )


@pytest.mark.parametrize("name", ["logistic", "catboost"])
def test_screening_probability_is_the_served_one_and_ignores_the_batch(fitted, frame, name):
    served = ServedModel(
        "t", build_scorer(name, fitted[name]), {"threshold": 0.1, "algorithm": name}
    )
    X = frame[0].to_numpy()
    screened = served.screening_proba(X)
    np.testing.assert_allclose(screened, served.predict_proba(X), rtol=0, atol=1e-12)
    alone = np.concatenate([served.screening_proba(X[i : i + 1]) for i in range(0, len(X), 41)])
    np.testing.assert_array_equal(alone, screened[::41])


def test_input_validation(fitted):
    served = ServedModel(
        "t",
        build_scorer("logistic", fitted["logistic"]),
        {"threshold": 0.1, "algorithm": "logistic"},
    )
    assert served.predict_proba(np.array([40, 30000, 5, 0, 700])).shape == (1,)
    with pytest.raises(ValueError, match="credit_score"):
        served.explain(pd.DataFrame({"age": [40]}).assign(income=1, seniority=1, incidents=0))
    with pytest.raises(ValueError, match="shape"):
        served.explain(np.zeros((2, 4)))
