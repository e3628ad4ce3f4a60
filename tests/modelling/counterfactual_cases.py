"""3,000 fixed clients and a fixed CatBoost model whose counterfactual answers were recorded.

The answers in fixtures/counterfactual_answers.json were recorded with the search as it stood in
app/services/counterfactual.py at commit 49cbfa7, before its core moved into modelling/ (issue 12
section 7). The clients and the model are stored with them, so a later change of the synthetic
generator or of training cannot move the reference. Record again only on purpose:
``.venv/bin/python tests/modelling/counterfactual_cases.py`` (from the repository root).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from catboost import CatBoostClassifier

from modelling.explain import ServedModel, build_scorer
from modelling.features import FEATURE_NAMES, FEATURES, MIN_WORKING_AGE

FIXTURES = Path(__file__).parent / "fixtures"
MODEL = FIXTURES / "counterfactual_model.cbm"
ANSWERS = FIXTURES / "counterfactual_answers.json"
THRESHOLD = 0.09630274193789967  # the cost-minimising threshold recorded when it was trained
MARGIN = 0.2  # REVIEW_MARGIN's default
CLIENTS = 3000


def fixed_model() -> ServedModel:
    """The recorded model (quick CatBoost, 4,000 synthetic rows, seed 7) as the app serves it."""
    estimator = CatBoostClassifier().load_model(str(MODEL))
    metadata = {"threshold": THRESHOLD, "algorithm": "catboost"}
    return ServedModel("counterfactual-fixture", build_scorer("catboost", estimator), metadata)


def generated_clients(seed: int = 2026) -> np.ndarray:
    """2,500 clients like the synthetic portfolio and 500 spread over every range, rounded."""
    from modelling.synthetic import generate

    portfolio = generate(2500, seed)[list(FEATURE_NAMES)].to_numpy(float)
    rng = np.random.default_rng(seed)
    spread = np.column_stack([rng.uniform(f.minimum, f.maximum, 500) for f in FEATURES])
    spread[:, FEATURE_NAMES.index("income")] = rng.lognormal(10.2, 1.0, 500)
    spread[:, FEATURE_NAMES.index("incidents")] = rng.poisson(1.5, 500)
    age = np.round(spread[:, FEATURE_NAMES.index("age")])
    spread[:, FEATURE_NAMES.index("age")] = age
    seniority = spread[:, FEATURE_NAMES.index("seniority")]
    spread[:, FEATURE_NAMES.index("seniority")] = np.minimum(seniority, age - MIN_WORKING_AGE)
    clients = np.vstack([portfolio, spread])
    for j, feature in enumerate(FEATURES):
        clients[:, j] = np.round(clients[:, j], 0 if feature.kind is int else 1)
        clients[:, j] = np.clip(clients[:, j], feature.minimum, feature.maximum)
    return clients


def load() -> dict:
    return json.loads(ANSWERS.read_text())


def _record() -> None:
    """Run the search as it stands and write the fixture."""
    from app import i18n
    from app.services.counterfactual import search
    from app.services.policy import Policy

    model, X = fixed_model(), generated_clients()
    policy = Policy(THRESHOLD, MARGIN)
    recommendations = [policy.recommend(p) for p in model.predict_proba(X).tolist()]
    messages = {i18n.no_counterfactual_text(code, "en"): code for code in ("none", "favourable")}

    def plain(answer: dict) -> dict:
        if answer["feature"] is None:
            return {"feature": None, "reason": messages[answer["message"]]}
        keys = ("feature", "from", "to", "recommendation")
        return {k: answer[k] for k in keys}

    batch = search(model, X, recommendations, policy, "en")
    alone = [search(model, X[[i]], [r], policy, "en")[0] for i, r in enumerate(recommendations)]
    ANSWERS.write_text(
        json.dumps(
            {
                "clients": X.tolist(),
                "recommendations": recommendations,
                "batch": [plain(a) for a in batch],
                "one_by_one": [plain(a) for a in alone],
            },
            separators=(",", ":"),
        )
        + "\n"
    )


if __name__ == "__main__":
    _record()
