"""Training orchestration: data -> CV and tuning -> hold-out -> champion -> registry."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from modelling import energy, metrics, provenance, without_age
from modelling.candidates import select
from modelling.data import MAX_EXCLUDED_SHARE, Dataset, load_csv, synthetic
from modelling.evaluation import (
    FOLDS,
    HOLDOUT,
    MIN_AUC_GAIN_OVER_BASELINE,
    Result,
    check_gain_over_baseline,
    choose,
    fit_final,
    split,
    tune,
)
from modelling.explain import build_scorer
from modelling.fairness import BANDS, age_band, fairness_table
from modelling.features import FEATURE_NAMES
from modelling.metadata import candidate_entry, describe_run
from modelling.policy import DEFAULT_REVIEW_COST, DEFAULT_REVIEW_MARGIN, Policy, served_outcome
from modelling.registry import Registry
from modelling.report import model_card, report_html

log = logging.getLogger(__name__)
TUNING_BUDGET_S = {True: 20.0, False: 110.0}  # total tuning seconds, split between candidates
SYNTHETIC_ROWS = 50_000


@dataclass
class TrainConfig:
    data: Path | None = None
    target: str = "default"
    registry: Path | None = None
    quick: bool = False
    seed: int = 42
    cost_fn: float = 10.0
    cost_fp: float = 1.0
    margin: float = 0.005
    min_auc_gain: float = MIN_AUC_GAIN_OVER_BASELINE  # over the prior baseline, CV AUC
    review_margin: float = DEFAULT_REVIEW_MARGIN  # the served policy's band (REVIEW_MARGIN)
    cost_review: float = DEFAULT_REVIEW_COST  # one adviser review, in the unit of cost_fp
    max_excluded: float = MAX_EXCLUDED_SHARE  # share of a file's rows that may be excluded
    rows: int = SYNTHETIC_ROWS
    candidates: list[str] | None = None
    activate: bool = False  # the first version of an empty registry is always activated
    extra: dict = field(default_factory=dict)


def load_data(config: TrainConfig) -> Dataset:
    if config.data is not None:
        return load_csv(config.data, config.target, config.max_excluded)
    return synthetic(config.rows, config.seed)


def run(config: TrainConfig, dataset: Dataset | None = None) -> dict:
    """Train every candidate, pick the champion, register it; return the metadata."""
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    measuring = energy.Measurement().start()  # CodeCarbon; never stops the training
    dataset = dataset or load_data(config)
    log.info(
        "data: %s, %d rows used, %d excluded",
        dataset.source,
        dataset.rows_used,
        dataset.rows_read - dataset.rows_used,
    )
    data = split(dataset.X.to_numpy(float), dataset.y, config.seed, dataset.groups)
    results = []
    for candidate in select(config.candidates):
        budget = TUNING_BUDGET_S[config.quick] * candidate.budget_share
        result = tune(candidate, data, config.seed, config.quick, budget)
        fit_final(result, data, config.seed)
        results.append(result)
    champion, choice = choose(results, config.margin)
    choice = f"{choice} {check_gain_over_baseline(results, champion, config.min_auc_gain)}"
    log.info("champion: %s. %s", champion.candidate.name, choice)
    entries = {r.candidate.name: _evaluate(r, data, config) for r in results}
    threshold = entries[champion.candidate.name]["threshold"]
    meta = describe_run(config, dataset, data, entries, champion, choice)
    meta["choice"]["min_auc_gain_over_baseline"] = config.min_auc_gain
    meta["data"]["grouped_by"] = None if dataset.groups is None else "customer_ref"
    meta["data"]["customers"] = None if dataset.groups is None else len(set(dataset.groups))
    meta["data"]["max_excluded_share"] = config.max_excluded
    meta["provenance"] = provenance.describe()
    meta.update(_champion_figures(champion, data, dataset, threshold, config))
    meta["without_age"] = without_age.evaluate(champion, data, config)  # side by side
    meta["training"].update(
        wall_seconds=round(time.perf_counter() - started_wall, 2),
        cpu_seconds=round(time.process_time() - started_cpu, 2),
    )
    meta["environment"] = energy.environment_block(measuring.stop())
    registry = Registry(config.registry)
    activate = config.activate or registry.active_version() is None
    version = registry.register(
        champion.model,
        champion.candidate.name,
        meta,
        {"report.html": report_html, "model_card.md": model_card},
        activate,
    )
    log.info("registered version %s%s", version, " (active)" if activate else "")
    return registry.metadata(version)


def _evaluate(result: Result, data, config: TrainConfig) -> dict:
    """CV and hold-out metrics at the cost-minimising threshold found on OOF predictions."""
    threshold, _ = metrics.best_threshold(data.y_dev, result.oof, config.cost_fn, config.cost_fp)
    n_boot = 200 if config.quick else 1000
    ci = metrics.bootstrap_auc(data.y_hold, result.hold_pred, n_boot, config.seed)
    return candidate_entry(result, data, threshold, ci, config)


def _champion_figures(
    champion: Result, data, dataset: Dataset, threshold: float, config: TrainConfig
) -> dict:
    """Everything the dashboard plots about the served model, computed on the hold-out."""
    scorer = build_scorer(champion.candidate.name, champion.model)
    _, contributions = scorer.explain_raw(data.X_hold)
    ages = data.X_hold[:, FEATURE_NAMES.index("age")]
    policy = Policy(threshold, config.review_margin)
    costs = (config.cost_fn, config.cost_fp, config.cost_review)
    n_boot = 200 if config.quick else 1000
    bands = age_band(ages)
    age_effect = [
        {"band": label, "mean_contribution": float(contributions[bands == label, 0].mean())}
        for *_, label in BANDS
        if np.sum(bands == label) >= 30
    ]
    figures = {
        "shap_importance": [
            {"feature": name, "mean_abs_contribution": float(v)}
            for name, v in zip(FEATURE_NAMES, np.abs(contributions).mean(axis=0), strict=True)
        ],
        "age_effect": age_effect,
        "policy": policy.describe()
        | {
            "review_cost": config.cost_review,
            "holdout": served_outcome(policy, data.y_hold, champion.hold_pred, *costs),
            "cv": served_outcome(policy, data.y_dev, champion.oof, *costs),
        },
        "fairness": fairness_table(
            ages, data.y_hold, champion.hold_pred, policy, n_boot, config.seed
        ),
        "cost_curve": metrics.cost_curve(data.y_dev, champion.oof, config.cost_fn, config.cost_fp),
        "true_pd": None,
    }
    if dataset.true_pd is not None:
        true_auc = metrics.auc(data.y_hold, dataset.true_pd[data.hold_index])
        figures["true_pd"] = {
            "holdout_auc": true_auc,
            "champion_ratio": metrics.auc(data.y_hold, champion.hold_pred) / true_auc,
        }
    return figures


__all__ = ["FOLDS", "HOLDOUT", "TrainConfig", "run"]
