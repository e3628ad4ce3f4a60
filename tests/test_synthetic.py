"""The synthetic portfolio: deterministic, in range, realistic, with a true PD."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from modelling.features import FEATURES, validate
from modelling.synthetic import generate

AS_OF = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def portfolio():
    return generate(50_000, seed=7, as_of=AS_OF)


def test_same_seed_same_portfolio_other_seed_other_portfolio():
    a, b = generate(500, seed=3, as_of=AS_OF), generate(500, seed=3, as_of=AS_OF)
    assert a.equals(b)
    assert not a.equals(generate(500, seed=4, as_of=AS_OF))


def test_every_client_passes_the_feature_schema(portfolio):
    for feature in FEATURES:
        column = portfolio[feature.name]
        assert column.between(feature.minimum, feature.maximum).all(), feature.name
    assert (portfolio.seniority <= portfolio.age - 14).all()
    sample = portfolio.sample(500, random_state=0)
    for row in sample[[f.name for f in FEATURES]].to_dict("records"):
        assert validate(row)[1] == {}


def test_default_rate_is_between_8_and_12_percent(portfolio):
    assert 0.08 <= portfolio["default"].mean() <= 0.12


def test_true_pd_is_returned_and_is_the_label_generating_probability(portfolio):
    pd_ = portfolio["true_pd"]
    assert pd_.between(0, 1).all()
    assert abs(pd_.mean() - portfolio["default"].mean()) < 0.01
    assert roc_auc_score(portfolio["default"], pd_) > 0.8


def test_correlations_are_plausible(portfolio):
    corr = portfolio.corr(numeric_only=True)
    assert corr.loc["income", "age"] > 0.1
    assert corr.loc["income", "seniority"] > 0.1
    assert corr.loc["credit_score", "incidents"] < -0.4


def test_about_15_percent_of_clients_are_stale(portfolio):
    stale = portfolio["data_updated_at"] < AS_OF - timedelta(days=183)
    assert 0.13 <= stale.mean() <= 0.17
    assert portfolio["data_updated_at"].min() >= AS_OF - timedelta(days=731)
    assert portfolio["data_updated_at"].max() <= AS_OF


def test_risk_is_non_linear_in_age(portfolio):
    """The young and the old are riskier than the middle-aged: a U the linear model misses."""
    bands = np.digitize(portfolio.age, [26, 36, 51, 66])
    rates = portfolio.groupby(bands)["true_pd"].mean()
    assert rates.iloc[0] > rates.iloc[2] < rates.iloc[4]
