"""What is served is what is explained: one call returns the probability and its SHAP split.

Every scorer returns a base value and per-feature contributions in log-odds; the probability is
computed *from* them (sigmoid(base + sum)), so the explanation adds up by construction, and tests
check that it matches the fitted model's own prediction. Explainers are built once, at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from modelling.features import FEATURE_NAMES
from modelling.treeshap import ObliviousForest, from_catboost


@dataclass(frozen=True)
class Explanation:
    """Probability of default and its additive explanation, features in FEATURE_NAMES order."""

    probability: np.ndarray  # (n,)
    contributions: np.ndarray  # (n, 5) log-odds
    base_value: float
    feature_names: tuple[str, ...] = FEATURE_NAMES


class Scorer(Protocol):
    def explain_raw(self, X: np.ndarray) -> tuple[float, np.ndarray]: ...


def logit(p):
    p = np.asarray(p, float)
    return np.log(p) - np.log1p(-p)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, float)))


class ConstantScorer:
    """The prior: every client gets the training default rate, nothing to attribute."""

    def __init__(self, pipeline: Pipeline):
        self.base = float(logit(pipeline[-1].class_prior_[1]))

    def explain_raw(self, X):
        return self.base, np.zeros((X.shape[0], len(FEATURE_NAMES)))


class LinearScorer:
    """Logistic regression on imputed, standardised features: contribution = coef * z (exact)."""

    def __init__(self, pipeline: Pipeline):
        self.median = pipeline.named_steps["impute"].statistics_
        scaler = pipeline.named_steps["scale"]
        self.mean, self.scale = scaler.mean_, scaler.scale_
        self.coef = pipeline[-1].coef_[0]
        self.base = float(pipeline[-1].intercept_[0])

    def explain_raw(self, X):
        X = np.where(np.isnan(X), self.median, X)
        return self.base, (X - self.mean) / self.scale * self.coef


class AdditiveScorer:
    """A GAM: each basis column belongs to one feature; contribution = sum of its coef * z."""

    def __init__(self, pipeline: Pipeline):
        self.transform = pipeline[:-1]
        names = self.transform.get_feature_names_out([f"x{i}" for i in range(len(FEATURE_NAMES))])
        owner = np.array([int(name.split("_")[0][1:]) for name in names])
        self.weights = np.zeros((len(names), len(FEATURE_NAMES)))
        self.weights[np.arange(len(names)), owner] = pipeline[-1].coef_[0]
        self.base = float(pipeline[-1].intercept_[0])

    def explain_raw(self, X):
        return self.base, self.transform.transform(X) @ self.weights


class ForestScorer:
    """CatBoost through its precomputed exact TreeSHAP tables (modelling/treeshap.py)."""

    def __init__(self, forest: ObliviousForest):
        self.forest = forest
        self.base = forest.base

    def explain_raw(self, X):
        return self.base, self.forest.contributions(X)

    def raw_scores(self, X):
        return self.forest.raw_scores(X)


def build_scorer(algorithm: str, model: Any) -> Scorer:
    """The exact explainer for a fitted model (a Pipeline, or a bare CatBoostClassifier)."""
    if algorithm == "catboost":
        estimator = model[-1] if isinstance(model, Pipeline) else model
        return ForestScorer(from_catboost(estimator))
    scorers = {
        "baseline": ConstantScorer,
        "logistic": LinearScorer,
        "spline_logistic": AdditiveScorer,
    }
    if algorithm not in scorers:
        raise ValueError(f"no exact explainer for algorithm {algorithm!r}")
    return scorers[algorithm](model)


def as_matrix(X) -> np.ndarray:
    """FEATURE_NAMES columns of a DataFrame, or a 2-D array already in that order, as float."""
    if isinstance(X, pd.DataFrame):
        missing = [c for c in FEATURE_NAMES if c not in X.columns]
        if missing:
            raise ValueError(f"missing feature column(s): {', '.join(missing)}")
        X = X[list(FEATURE_NAMES)]
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X.reshape(1, -1)
    if X.ndim != 2 or X.shape[1] != len(FEATURE_NAMES):
        raise ValueError(f"expected shape (n, {len(FEATURE_NAMES)}), got {X.shape}")
    return X


class ServedModel:
    """A registered model ready to score: probability, explanation, threshold, metadata."""

    def __init__(self, version: str, scorer: Scorer, metadata: dict):
        self.version = version
        self.scorer = scorer
        self.metadata = metadata
        self.threshold = float(metadata["threshold"])
        self.algorithm = metadata["algorithm"]

    def predict_proba(self, X) -> np.ndarray:
        """Probability of default, shape (n,)."""
        return self.explain(X).probability

    def screening_proba(self, X) -> np.ndarray:
        """Probability for searches over many candidates, never served: equal to
        predict_proba up to float rounding (~1e-15), cheaper where the scorer allows it."""
        raw_scores = getattr(self.scorer, "raw_scores", None)
        if raw_scores is None:
            return self.predict_proba(X)
        return sigmoid(raw_scores(as_matrix(X)))

    def explain(self, X) -> Explanation:
        """Probability and log-odds contributions with base + sum = logit(probability)."""
        base, contributions = self.scorer.explain_raw(as_matrix(X))
        probability = sigmoid(base + contributions.sum(axis=1))
        return Explanation(probability, contributions, float(base))

    def __repr__(self) -> str:
        return f"ServedModel(version={self.version!r}, algorithm={self.algorithm!r})"
