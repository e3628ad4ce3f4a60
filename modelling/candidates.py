"""The candidate model families, simplest first, each a scikit-learn Pipeline.

Every preprocessing step (imputation, quantile mapping, splines, scaling) lives inside the
pipeline, so cross-validation refits it on the training folds only. All four families are
servable with an exact explanation (see modelling/explain.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from catboost import CatBoostClassifier
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import QuantileTransformer, SplineTransformer, StandardScaler

from modelling.features import monotone_constraints

THREADS = 2


@dataclass(frozen=True)
class Candidate:
    """A model family: how to build it from parameters, and what to search."""

    name: str
    label: str
    simplicity: int  # lower is simpler; breaks near-ties in favour of the simpler family
    build: Callable[[dict[str, Any], int, int], Pipeline]  # (params, seed, n_train) -> pipeline
    space: dict[str, list] = field(default_factory=dict)
    quick_space: dict[str, list] = field(default_factory=dict)
    budget_share: float = 0.0  # share of the tuning time budget


def _baseline(params: dict, seed: int, n_train: int) -> Pipeline:
    return Pipeline([("model", DummyClassifier(strategy="prior"))])


def _logistic(params: dict, seed: int, n_train: int) -> Pipeline:
    return Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
            ("model", LogisticRegression(C=params.get("C", 1.0), max_iter=2000)),
        ]
    )


def _spline_logistic(params: dict, seed: int, n_train: int) -> Pipeline:
    """A GAM: cubic splines on each feature's rank (robust to skewed income), then logistic."""
    return Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("rank", QuantileTransformer(n_quantiles=min(200, n_train), random_state=seed)),
            ("spline", SplineTransformer(n_knots=params.get("n_knots", 5), degree=3)),
            ("scale", StandardScaler()),
            ("model", LogisticRegression(C=params.get("C", 1.0), max_iter=2000)),
        ]
    )


def _catboost(params: dict, seed: int, n_train: int) -> Pipeline:
    """Monotone CatBoost; NaN handled natively (missing = below every split, 'Min')."""
    model = CatBoostClassifier(
        iterations=params.get("iterations", 200),
        depth=params.get("depth", 4),
        learning_rate=params.get("learning_rate", 0.08),
        l2_leaf_reg=params.get("l2_leaf_reg", 3.0),
        monotone_constraints=monotone_constraints(),
        thread_count=THREADS,
        random_seed=seed,
        verbose=0,
        allow_writing_files=False,
    )
    return Pipeline([("model", model)])


CANDIDATES: tuple[Candidate, ...] = (
    Candidate("baseline", "Baseline (prior)", 0, _baseline),
    Candidate("logistic", "Logistic regression", 1, _logistic),
    Candidate(
        "spline_logistic",
        "Spline logistic (GAM)",
        2,
        _spline_logistic,
        space={"n_knots": [4, 5, 6, 8], "C": [0.1, 1.0, 10.0]},
        quick_space={"n_knots": [5], "C": [1.0]},
        budget_share=0.25,
    ),
    Candidate(
        "catboost",
        "CatBoost (monotone)",
        3,
        _catboost,
        space={
            "iterations": [150, 250, 400],
            "depth": [3, 4, 5],
            "learning_rate": [0.05, 0.08, 0.12],
            "l2_leaf_reg": [1.0, 3.0, 10.0],
        },
        quick_space={
            "iterations": [120],
            "depth": [4],
            "learning_rate": [0.1],
            "l2_leaf_reg": [3.0],
        },
        budget_share=0.75,
    ),
)

BY_NAME: dict[str, Candidate] = {c.name: c for c in CANDIDATES}


def select(names: list[str] | None) -> list[Candidate]:
    """The requested families in simplicity order; the baseline is always included."""
    if not names:
        return list(CANDIDATES)
    unknown = sorted(set(names) - set(BY_NAME))
    if unknown:
        raise ValueError(f"unknown candidate(s): {', '.join(unknown)}; known: {', '.join(BY_NAME)}")
    return [c for c in CANDIDATES if c.name in set(names) | {"baseline"}]
