"""The champion's family refitted without age, side by side on the same split (issue 15 §2).

Same family, same tuned parameters, same hold-out and folds as the champion; the only difference
is that the age column is dropped before the model sees the data. Its cost-minimising threshold
comes from its own out-of-fold predictions, like the champion's, so the served-policy fairness
table compares the two policies a bank could actually serve. It is measured, not registered: the
bank's choice between the two is documented in docs/modelling.md.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from modelling import metrics
from modelling.candidates import Candidate
from modelling.evaluation import Result, Split, cross_validate, fit_final
from modelling.fairness import fairness_table
from modelling.features import FEATURE_NAMES, monotone_constraints
from modelling.policy import Policy, served_outcome

AGE = FEATURE_NAMES.index("age")


def drop_age(X: np.ndarray) -> np.ndarray:
    return np.delete(np.asarray(X, float), AGE, axis=1)


def build(candidate: Candidate, params: dict, seed: int, n_train: int) -> Pipeline:
    """The candidate's pipeline behind a step that drops age (monotone constraints follow)."""
    pipeline = candidate.build(params, seed, n_train)
    model = pipeline.steps[-1][1]
    if "monotone_constraints" in model.get_params():
        kept = [m for i, m in enumerate(monotone_constraints()) if i != AGE]
        model.set_params(monotone_constraints=kept)
    return Pipeline([("drop_age", FunctionTransformer(drop_age)), *pipeline.steps])


def variant(candidate: Candidate) -> Candidate:
    return replace(
        candidate,
        name=f"{candidate.name}_without_age",
        label=f"{candidate.label}, without age",
        build=lambda params, seed, n_train: build(candidate, params, seed, n_train),
    )


def auc_difference(y, p_with, p_without, n_boot: int, seed: int) -> dict:
    """Hold-out AUC with age minus without, and its paired percentile bootstrap 95 % interval."""
    y, p_with, p_without = np.asarray(y), np.asarray(p_with), np.asarray(p_without)
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n_boot):
        rows = rng.integers(0, len(y), len(y))
        if 0 < y[rows].sum() < len(rows):
            values.append(
                roc_auc_score(y[rows], p_with[rows]) - roc_auc_score(y[rows], p_without[rows])
            )
    low, high = np.percentile(values, [2.5, 97.5])
    point = metrics.auc(y, p_with) - metrics.auc(y, p_without)
    return {"with_minus_without": float(point), "ci95": [float(low), float(high)]}


def evaluate(champion: Result, data: Split, config) -> dict:
    """The without-age variant's CV and hold-out figures, served policy and fairness table."""
    candidate = variant(champion.candidate)
    oof, fold_aucs = cross_validate(candidate, champion.params, data, config.seed)
    result = Result(
        candidate, champion.params, metrics.auc(data.y_dev, oof), oof, 1, 0.0, fold_aucs
    )
    fit_final(result, data, config.seed)
    threshold, _ = metrics.best_threshold(data.y_dev, oof, config.cost_fn, config.cost_fp)
    n_boot = 200 if config.quick else 1000
    holdout = metrics.all_metrics(
        data.y_hold, result.hold_pred, threshold, config.cost_fn, config.cost_fp
    )
    holdout["auc_ci95"] = list(
        metrics.bootstrap_auc(data.y_hold, result.hold_pred, n_boot, config.seed)
    )
    policy = Policy(threshold, config.review_margin)
    costs = (config.cost_fn, config.cost_fp, config.cost_review)
    ages = data.X_hold[:, AGE]
    return {
        "algorithm": candidate.name,
        "label": candidate.label,
        "params": champion.params,
        "features": [name for name in FEATURE_NAMES if name != "age"],
        "cv": {"auc": result.cv_auc, "fold_aucs": fold_aucs},
        "holdout": holdout,
        "auc_difference": auc_difference(
            data.y_hold, champion.hold_pred, result.hold_pred, n_boot, config.seed
        ),
        "threshold": threshold,
        "monotone_violations": result.monotone_violations,
        "policy": policy.describe()
        | {"holdout": served_outcome(policy, data.y_hold, result.hold_pred, *costs)},
        "fairness": fairness_table(
            ages, data.y_hold, result.hold_pred, policy, n_boot, config.seed
        ),
    }
