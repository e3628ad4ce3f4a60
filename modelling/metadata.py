"""The content of metadata.json: what was trained, on what, how well, and with which libraries."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

import numpy as np
from sklearn.metrics import precision_recall_curve

from modelling import drift, metrics
from modelling.evaluation import FOLDS, HOLDOUT
from modelling.features import FEATURES, MIN_WORKING_AGE

LIBRARIES = (
    "numpy",
    "pandas",
    "scipy",
    "scikit-learn",
    "catboost",
    "fairlearn",
    "plotly",
    "joblib",
)

EXPLANATION = {
    "units": "log-odds",
    "rule": "base_value + sum(contributions) = logit(probability)",
    "methods": {
        "catboost": "exact path-dependent TreeSHAP, precomputed per leaf of each oblivious tree",
        "logistic": "coef * standardised value (closed form, exact)",
        "spline_logistic": "sum of coef * standardised spline basis of each feature (exact)",
        "baseline": "no contributions: every client gets the prior",
    },
    "post_hoc_calibration": False,
}


def feature_schema() -> list[dict]:
    """The feature contract, read from modelling/features.py."""
    return [
        {
            "name": f.name,
            "kind": f.kind.__name__,
            "minimum": f.minimum,
            "maximum": f.maximum,
            "monotone": f.monotone,
            "unit": f.unit_en,
            "label": f.label_en,
            "description": f.description,
        }
        for f in FEATURES
    ]


def library_versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def pr_points(y, p, max_points: int = 200) -> list[dict]:
    precision, recall, _ = precision_recall_curve(y, p)
    keep = np.unique(np.linspace(0, len(recall) - 1, min(max_points, len(recall))).astype(int))
    return [{"recall": float(recall[i]), "precision": float(precision[i])} for i in keep]


def candidate_entry(result, data, threshold: float, ci: tuple[float, float], config) -> dict:
    """One candidate's parameters, CV (OOF) and hold-out metrics, and curves."""
    costs = (config.cost_fn, config.cost_fp)
    holdout = metrics.all_metrics(data.y_hold, result.hold_pred, threshold, *costs)
    holdout["auc_ci95"] = list(ci)
    return {
        "label": result.candidate.label,
        "simplicity": result.candidate.simplicity,
        "params": result.params,
        "configs_tried": result.configs_tried,
        "tuning_seconds": round(result.seconds, 2),
        "fold_aucs": result.fold_aucs,
        "threshold": threshold,
        "cv": metrics.all_metrics(data.y_dev, result.oof, threshold, *costs),
        "holdout": holdout,
        "monotone_violations": result.monotone_violations,
        "eligible": result.monotone_ok,
        "curves": {
            "roc": metrics.roc_points(data.y_hold, result.hold_pred),
            "pr": pr_points(data.y_hold, result.hold_pred),
            "reliability": metrics.reliability_curve(data.y_hold, result.hold_pred),
        },
    }


def describe_run(config, dataset, data, entries: dict, champion, choice: str) -> dict:
    """Metadata shared by every version (the registry adds version, dates and artefact)."""
    name = champion.candidate.name
    return {
        "algorithm": name,
        "label": champion.candidate.label,
        "parameters": champion.params,
        "threshold": entries[name]["threshold"],
        "costs": {"missed_default": config.cost_fn, "refused_good_client": config.cost_fp},
        "choice": {
            "margin": config.margin,
            "rule": "best CV AUC among eligible candidates; a simpler one within the margin wins",
            "sentence": choice,
        },
        "cv": entries[name]["cv"],
        "holdout": {"metrics": entries[name]["holdout"]},
        "candidates": entries,
        "feature_schema": feature_schema(),
        "drift_reference": drift.reference_profile(data.X_dev, champion.oof),
        "consistency_rules": [f"seniority <= age - {MIN_WORKING_AGE}"],
        "explanation": EXPLANATION,
        "metric_definitions": {
            "ece": f"equal-width bins on [0, 1] ({metrics.ECE_BINS}), count-weighted "
            "|observed default rate - mean predicted probability|",
            "pr_auc": "average precision",
            "cost": "expected cost per client; refuse when p >= threshold",
        },
        "data": {
            "source": dataset.source,
            "target": config.target if config.data is not None else "default",
            "fingerprint_sha256": dataset.fingerprint,
            "rows_read": dataset.rows_read,
            "rows_used": dataset.rows_used,
            "rows_excluded": dataset.rows_read - dataset.rows_used,
            "excluded_by_rule": dataset.excluded,
            "missing_cells": {c: int(v) for c, v in dataset.X.isna().sum().items()},
            "default_rate": float(np.mean(dataset.y)),
            "rows_development": len(data.y_dev),
            "rows_holdout": len(data.y_hold),
        },
        "training": {
            "seed": config.seed,
            "quick": config.quick,
            "folds": FOLDS,
            "holdout_share": HOLDOUT,
        },
        "libraries": library_versions(),
    }
