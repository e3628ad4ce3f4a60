"""The champion's family without age, trained side by side on the same split (issue 15 §2)."""

from __future__ import annotations

import numpy as np

from modelling.candidates import BY_NAME
from modelling.features import FEATURE_NAMES
from modelling.metrics import auc
from modelling.synthetic import generate
from modelling.without_age import AGE, build


def test_the_model_without_age_never_reads_age():
    frame = generate(1500, seed=3)
    X, y = frame[list(FEATURE_NAMES)].to_numpy(float), frame["default"].to_numpy(int)
    params = {"iterations": 60, "depth": 3}
    for family in ("logistic", "catboost"):
        model = build(BY_NAME[family], params, 0, len(y)).fit(X, y)
        p = model.predict_proba(X)[:, 1]
        for age in (18.0, 95.0):
            other = X.copy()
            other[:, AGE] = age
            # Equal to rounding: BLAS may sum the same numbers in another order.
            assert np.allclose(model.predict_proba(other)[:, 1], p, rtol=0, atol=1e-12), family
        assert auc(y, p) > 0.7, family


def test_metadata_holds_the_model_without_age_next_to_the_champion(catboost_registry):
    meta = catboost_registry.metadata(catboost_registry.active_version())
    other = meta["without_age"]
    assert other["algorithm"] == "catboost_without_age"
    assert other["params"] == meta["parameters"]
    assert other["features"] == [n for n in FEATURE_NAMES if n != "age"]
    hold = other["holdout"]
    assert 0.7 < hold["auc"] <= 1
    assert hold["auc_ci95"][0] <= hold["auc"] <= hold["auc_ci95"][1]
    assert 0 <= hold["ece"] < 0.05
    difference = other["auc_difference"]
    assert np.isclose(
        difference["with_minus_without"], meta["holdout"]["metrics"]["auc"] - hold["auc"]
    )
    low, high = difference["ci95"]
    assert low <= difference["with_minus_without"] <= high
    # Its own threshold and policy, and the fairness table over the same age bands.
    assert other["policy"]["threshold"] == other["threshold"]
    shares = other["policy"]["holdout"]
    total = shares["favourable_share"] + shares["review_share"] + shares["unfavourable_share"]
    assert np.isclose(total, 1.0)
    assert [r["band"] for r in other["fairness"]] == [r["band"] for r in meta["fairness"]]
    shown = [r for r in other["fairness"] if not r["suppressed"]]
    assert sum(r["count"] for r in other["fairness"] if not r["suppressed"]) <= shares["clients"]
    assert all(0 <= r["favourable_rate"] <= 1 and "ci95" in r for r in shown)


def test_report_and_model_card_show_both_models(catboost_registry):
    version = catboost_registry.active_version()
    meta = catboost_registry.metadata(version)
    folder = catboost_registry.path / version
    card = (folder / "model_card.md").read_text()
    report = (folder / "report.html").read_text()
    auc_without = f"{meta['without_age']['holdout']['auc']:.4f}"
    for text in (card, report):
        assert "without age" in text
        assert auc_without in text
        assert f"{meta['holdout']['metrics']['auc']:.4f}" in text
        assert "Fairness of the served policy without age, by age band" in text


def test_the_training_command_prints_the_comparison(cli_run):
    proc, registry = cli_run
    meta = registry.metadata(registry.active_version())
    difference = meta["without_age"]["auc_difference"]["with_minus_without"]
    assert "Without age: Same family" in proc.stdout
    assert f"{difference:+.4f}" in proc.stdout
