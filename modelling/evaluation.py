"""Cross-validation with tuning, hold-out evaluation and the choice of the champion.

The hold-out (20 %, stratified) is set aside before anything is fitted. Tuning and the
out-of-fold (OOF) predictions use stratified 5-fold CV on the remaining 80 % only. When the rows
carry a customer reference, every split is by customer (StratifiedGroupKFold): the rows of one
customer are never on both sides, so no customer is scored by a model that saw them.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.model_selection import (
    ParameterSampler,
    StratifiedGroupKFold,
    StratifiedKFold,
    train_test_split,
)

from modelling import metrics
from modelling.candidates import Candidate
from modelling.features import FEATURES

log = logging.getLogger(__name__)
FOLDS = 5
HOLDOUT = 0.2
# A champion must beat the prior baseline by this much CV AUC, or nothing is registered.
MIN_AUC_GAIN_OVER_BASELINE = 0.05


class NoChampion(Exception):
    """No candidate is good enough to serve; the message says why, for the user."""


@dataclass
class Split:
    X_dev: np.ndarray
    y_dev: np.ndarray
    X_hold: np.ndarray
    y_hold: np.ndarray
    hold_index: np.ndarray
    folds: list[tuple[np.ndarray, np.ndarray]]


@dataclass
class Result:
    """One candidate's best configuration, its OOF predictions and (later) its hold-out fit."""

    candidate: Candidate
    params: dict[str, Any]
    cv_auc: float
    oof: np.ndarray
    configs_tried: int
    seconds: float
    fold_aucs: list[float] = field(default_factory=list)
    model: Any = None
    hold_pred: np.ndarray | None = None
    monotone_ok: bool = True
    monotone_violations: list[str] = field(default_factory=list)


def split(X: np.ndarray, y: np.ndarray, seed: int, groups: np.ndarray | None = None) -> Split:
    """Stratified hold-out first, then stratified folds on the development part; by customer
    when ``groups`` is given (the hold-out is one of 1/HOLDOUT stratified group folds)."""
    index = np.arange(len(y))
    if groups is None:
        dev, hold = train_test_split(index, test_size=HOLDOUT, stratify=y, random_state=seed)
        folds = list(StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(dev, y[dev]))
    else:
        outer = StratifiedGroupKFold(round(1 / HOLDOUT), shuffle=True, random_state=seed)
        dev, hold = next(outer.split(index, y, groups))
        inner = StratifiedGroupKFold(FOLDS, shuffle=True, random_state=seed)
        folds = list(inner.split(dev, y[dev], groups[dev]))
    return Split(X[dev], y[dev], X[hold], y[hold], hold, folds)


def cross_validate(candidate: Candidate, params: dict, data: Split, seed: int):
    """OOF predictions of one configuration; logs one line per fold."""
    oof = np.zeros(len(data.y_dev))
    aucs = []
    for k, (train, valid) in enumerate(data.folds, start=1):
        model = candidate.build(params, seed, len(train))
        model.fit(data.X_dev[train], data.y_dev[train])
        oof[valid] = model.predict_proba(data.X_dev[valid])[:, 1]
        aucs.append(metrics.auc(data.y_dev[valid], oof[valid]))
        log.info("%-16s fold %d/%d  AUC %.4f  %s", candidate.name, k, FOLDS, aucs[-1], params)
    return oof, aucs


def tune(candidate: Candidate, data: Split, seed: int, quick: bool, budget_s: float) -> Result:
    """Random search over the candidate's space, scored by CV AUC, within a time budget."""
    space = candidate.quick_space if quick else candidate.space
    n_configs = 1 if quick else 12
    configs = list(ParameterSampler(space, n_iter=n_configs, random_state=seed)) if space else [{}]
    started, best = time.perf_counter(), None
    for i, params in enumerate(configs):
        if i and time.perf_counter() - started > budget_s:
            log.info("%-16s time budget reached after %d configurations", candidate.name, i)
            break
        oof, aucs = cross_validate(candidate, params, data, seed)
        auc = metrics.auc(data.y_dev, oof)
        if best is None or auc > best.cv_auc:
            best = Result(candidate, params, auc, oof, 0, 0.0, aucs)
        best.configs_tried = i + 1
    best.seconds = time.perf_counter() - started
    log.info("%-16s CV AUC %.4f  best %s", candidate.name, best.cv_auc, best.params)
    return best


def fit_final(result: Result, data: Split, seed: int) -> None:
    """Refit the chosen configuration on the whole development part; predict the hold-out."""
    result.model = result.candidate.build(result.params, seed, len(data.y_dev))
    result.model.fit(data.X_dev, data.y_dev)
    result.hold_pred = result.model.predict_proba(data.X_hold)[:, 1]
    result.monotone_violations = monotone_violations(result.model, data.X_dev)
    result.monotone_ok = not result.monotone_violations


def monotone_violations(model, X: np.ndarray, points: int = 60) -> list[str]:
    """Features whose risk direction the model breaks along a grid, others held at the median.

    For additive models (logistic, GAM) one slice is a proof over the observed range; CatBoost is
    monotone by construction and this only double-checks it.
    """
    centre = np.nanmedian(X, axis=0)
    broken = []
    for j, feature in enumerate(FEATURES):
        if not feature.monotone:
            continue
        grid = np.linspace(np.nanmin(X[:, j]), np.nanmax(X[:, j]), points)
        rows = np.tile(centre, (points, 1))
        rows[:, j] = grid
        steps = np.diff(model.predict_proba(rows)[:, 1]) * feature.monotone
        if np.any(steps < -1e-9):
            broken.append(feature.name)
    return broken


def choose(results: list[Result], margin: float) -> tuple[Result, str]:
    """Best CV AUC among eligible candidates; a simpler one within ``margin`` wins instead."""
    eligible = [r for r in results if r.monotone_ok]
    best = max(eligible, key=lambda r: r.cv_auc)
    champion = min(
        (r for r in eligible if r.cv_auc >= best.cv_auc - margin),
        key=lambda r: r.candidate.simplicity,
    )
    sentences = [
        f"{r.candidate.label} (CV AUC {r.cv_auc:.4f}) "
        + (
            "has a higher CV AUC"
            if r.cv_auc > best.cv_auc
            else f"is simpler and within {margin:.3f} AUC of the champion"
        )
        + f" but breaks the risk direction of {', '.join(r.monotone_violations)}, so it is not "
        "eligible."
        for r in results
        if not r.monotone_ok
        and r.cv_auc >= best.cv_auc - margin
        and (r.cv_auc > best.cv_auc or r.candidate.simplicity < champion.candidate.simplicity)
    ]
    if champion is best:
        sentences.append(f"{best.candidate.label} has the best CV AUC ({best.cv_auc:.4f}).")
    else:
        sentences.append(
            f"{champion.candidate.label} (CV AUC {champion.cv_auc:.4f}) is within the margin of "
            f"{margin:.3f} AUC of {best.candidate.label} ({best.cv_auc:.4f}), so the simpler "
            "model is the champion."
        )
    return champion, " ".join(sentences)


def check_gain_over_baseline(results: list[Result], champion: Result, min_gain: float) -> str:
    """Refuse a champion that does not beat the prior baseline by ``min_gain`` CV AUC.

    The baseline gives every client the training default rate: a champion that barely beats it
    has learnt nothing a bank should act on (the features carry no usable signal, or the target
    is wrong). Returns the sentence recorded with the version when the champion passes.
    """
    baseline = next(r for r in results if r.candidate.name == "baseline")
    gain = champion.cv_auc - baseline.cv_auc
    if gain < min_gain:
        ineligible = "".join(
            f" {r.candidate.label} (CV AUC {r.cv_auc:.4f}) is not eligible: it breaks the risk "
            f"direction of {', '.join(r.monotone_violations)}."
            for r in results
            if not r.monotone_ok
        )
        raise NoChampion(
            f"no champion: the best eligible model, {champion.candidate.label} "
            f"(CV AUC {champion.cv_auc:.4f}), beats the prior baseline (CV AUC "
            f"{baseline.cv_auc:.4f}) by {gain:.4f} AUC, less than the {min_gain:.2f} required "
            "(MIN_AUC_GAIN_OVER_BASELINE, --min-auc-gain): the features carry too little usable "
            f"signal about the target in this data; nothing was registered.{ineligible}"
        )
    return (
        f"{champion.candidate.label} beats the prior baseline by {gain:.4f} CV AUC "
        f"(at least {min_gain:.2f} required)."
    )
