"""Reports describe the policy actually served (issue 12 §5, issue 15 §2): three advices, their
shares and cost, and the fairness table at the served cut-offs; and training refuses a champion
that does not beat the prior baseline (issue 12 §1)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from modelling.data import Dataset, synthetic
from modelling.evaluation import NoChampion, split
from modelling.fairness import fairness_table
from modelling.features import FEATURE_NAMES
from modelling.policy import (
    DEFAULT_REVIEW_COST,
    DEFAULT_REVIEW_MARGIN,
    FAVOURABLE,
    REVIEW,
    UNFAVOURABLE,
    Policy,
    served_outcome,
)
from modelling.registry import Registry
from modelling.train import TrainConfig, run


def test_the_vectorised_advice_is_the_services_advice_at_every_cut():
    policy = Policy(0.0963, 0.2)
    edges = [policy.favourable_below, policy.unfavourable_from]
    p = np.concatenate([np.linspace(0, 0.3, 3001), edges, np.nextafter(edges, 0)])
    assert list(policy.advise(p)) == [policy.recommend(x) for x in p.tolist()]
    assert policy.recommend(policy.favourable_below) == REVIEW
    assert policy.recommend(policy.unfavourable_from) == UNFAVOURABLE
    assert policy.recommend(np.nextafter(policy.favourable_below, 0)) == FAVOURABLE


def test_the_service_answers_with_the_same_policy_object(make_app):
    from app.services.policy import policy_for

    app = make_app(REVIEW_MARGIN=0.3)
    with app.app_context():
        served = policy_for(0.1)
    assert served == Policy(0.1, 0.3)


def test_the_reports_default_margin_is_the_services_default():
    from app.config import Config

    assert Config.REVIEW_MARGIN == DEFAULT_REVIEW_MARGIN


def test_served_outcome_counts_each_advice_and_its_cost():
    # threshold 0.5, margin 0.2: favourable below 0.3995, unfavourable from 0.5995
    p = np.array([0.1, 0.1, 0.45, 0.55, 0.9, 0.9])
    y = np.array([1, 0, 1, 0, 0, 1])
    out = served_outcome(Policy(0.5, 0.2), y, p, cost_fn=10, cost_fp=1, cost_review=0.3)
    assert out["clients"] == 6
    assert out["favourable_share"] == out["review_share"] == out["unfavourable_share"] == 1 / 3
    # sure losses: a missed default (10) and a refused good client (1); reviews 2 x 0.3;
    # the reviews, decided at the threshold, miss one default and refuse one good client.
    assert out["cost"] == pytest.approx((11 + 11 + 0.6) / 6)
    assert out["cost_if_review_perfect"] == pytest.approx((11 + 0.6) / 6)
    assert out["cost_single_threshold"] == pytest.approx((20 + 2) / 6)


def test_fairness_rows_at_the_served_cutoffs_with_intervals():
    rng = np.random.default_rng(5)
    n = 400
    age = np.where(np.arange(n) < 200, 30, 45)
    p = np.where(age == 30, rng.uniform(0.0, 1.0, n), 0.05)  # aged 45: all favourable
    y = (rng.random(n) < p).astype(int)
    y[age == 45] = 0  # and no defaulter among them
    policy = Policy(0.5, 0.2)
    rows = {r["band"]: r for r in fairness_table(age, y, p, policy, n_boot=300, seed=1)}
    young, older = rows["26-35"], rows["36-50"]
    mask = age == 30
    py, yy = p[mask], y[mask]
    assert young["favourable_rate"] == pytest.approx(np.mean(py < policy.favourable_below))
    assert young["review_rate"] == pytest.approx(
        np.mean((py >= policy.favourable_below) & (py < policy.unfavourable_from))
    )
    assert young["unfavourable_rate"] == pytest.approx(np.mean(py >= policy.unfavourable_from))
    assert young["tpr_unfavourable"] == pytest.approx(
        np.mean(py[yy == 1] >= policy.unfavourable_from)
    )
    assert young["fpr_not_favourable"] == pytest.approx(
        np.mean(py[yy == 0] >= policy.favourable_below)
    )
    assert young["predicted_default_rate"] == pytest.approx(py.mean())
    assert young["observed_default_rate"] == pytest.approx(yy.mean())
    for key, (low, high) in young["ci95"].items():
        assert low <= young[key] <= high, key
        assert high - low > 0.02, key  # a real spread on 200 clients
    assert older["favourable_rate"] == 1.0 and older["ci95"]["favourable_rate"] == [1.0, 1.0]
    assert older["tpr_unfavourable"] is None and older["ci95"]["tpr_unfavourable"] is None
    assert older["auc"] is None


def test_a_band_under_30_people_shows_no_figure():
    age = np.array([20] * 29 + [40] * 30)
    p = np.linspace(0.01, 0.9, 59)
    y = (np.arange(59) % 3 == 0).astype(int)
    rows = {r["band"]: r for r in fairness_table(age, y, p, Policy(0.3, 0.2), n_boot=20)}
    assert rows["18-25"] == {"band": "18-25", "suppressed": True}
    assert rows["36-50"]["count"] == 30


def test_the_trained_version_reports_the_served_policy(catboost_registry, served_catboost):
    meta = served_catboost.metadata
    policy = Policy(meta["threshold"], DEFAULT_REVIEW_MARGIN)
    assert meta["policy"]["favourable_below"] == policy.favourable_below
    assert meta["policy"]["unfavourable_from"] == policy.unfavourable_from
    assert meta["policy"]["review_cost"] == DEFAULT_REVIEW_COST
    # The hold-out figures are those of the registered model on the hold-out rows.
    dataset = synthetic(4000, 7)
    data = split(dataset.X.to_numpy(float), dataset.y, 7)
    p = served_catboost.predict_proba(data.X_hold)
    costs = meta["costs"]["missed_default"], meta["costs"]["refused_good_client"]
    expected = served_outcome(policy, data.y_hold, p, *costs, DEFAULT_REVIEW_COST)
    assert meta["policy"]["holdout"] == pytest.approx(expected, rel=1e-9)
    assert 0 < expected["review_share"] < 1
    shown = [r for r in meta["fairness"] if not r["suppressed"]]
    assert shown and all("review_rate" in r and r["ci95"]["review_rate"] for r in shown)
    card = (catboost_registry.path / served_catboost.version / "model_card.md").read_text()
    report = (catboost_registry.path / served_catboost.version / "report.html").read_text()
    share = f"{expected['review_share']:.1%} review"
    assert share in card and share in report
    assert "| Age band | Count | Favourable | Review | Unfavourable |" in card
    assert "Fairness of the served policy by age band" in report


def _noise(n: int = 1500, seed: int = 3) -> pd.DataFrame:
    """Valid clients whose default does not depend on anything they tell."""
    frame = synthetic(n, seed).X.copy()
    frame["default"] = (np.random.default_rng(seed).random(n) < 0.15).astype(int)
    return frame


def test_a_champion_no_better_than_the_prior_is_refused(tmp_path):
    frame = _noise()
    dataset = Dataset(
        X=frame[list(FEATURE_NAMES)],
        y=frame["default"].to_numpy(),
        source="noise",
        fingerprint="0" * 64,
        rows_read=len(frame),
    )
    config = TrainConfig(registry=tmp_path, quick=True, candidates=["catboost"])
    with pytest.raises(NoChampion, match=r"beats the prior baseline .* less than the 0\.05"):
        run(config, dataset)
    assert Registry(tmp_path).versions() == []


def _train(tmp_path, csv, *options):
    command = [sys.executable, "-m", "modelling", "train", "--data", str(csv), "--quick"]
    command += ["--candidates", "catboost", "--registry", str(tmp_path / "registry"), *options]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def test_the_cli_refuses_noise_with_the_reason_and_registers_nothing(tmp_path):
    csv = tmp_path / "noise.csv"
    _noise().to_csv(csv, index=False)
    proc = _train(tmp_path, csv)
    assert proc.returncode == 3, proc.stderr
    assert "error: no champion" in proc.stderr and "MIN_AUC_GAIN_OVER_BASELINE" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert Registry(tmp_path / "registry").versions() == []


def test_the_gain_required_is_a_setting(tmp_path):
    csv = tmp_path / "signal.csv"
    signal = synthetic(2000, 4)
    signal.X.assign(default=signal.y).to_csv(csv, index=False)
    refused = _train(tmp_path, csv, "--min-auc-gain", "0.6")
    assert refused.returncode == 3, refused.stderr
    assert "less than the 0.60 required" in refused.stderr
    assert Registry(tmp_path / "registry").versions() == []


def test_a_registered_champion_beat_the_baseline_by_the_gain(served_catboost):
    meta = served_catboost.metadata
    assert meta["choice"]["min_auc_gain_over_baseline"] == 0.05
    gain = meta["candidates"]["catboost"]["cv"]["auc"] - meta["candidates"]["baseline"]["cv"]["auc"]
    assert gain >= 0.05
    assert f"beats the prior baseline by {gain:.4f} CV AUC" in meta["choice"]["sentence"]
