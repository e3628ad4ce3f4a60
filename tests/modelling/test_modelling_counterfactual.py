"""The counterfactual search moved into modelling/ (issue 12 §7) gives the same answers as the
search it replaced, recorded on 3,000 fixed clients (counterfactual_cases.py), in a batch and
one client at a time (the two probe strategies); the service only adds the words."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from counterfactual_cases import CLIENTS, MARGIN, THRESHOLD, fixed_model, load

from app import i18n
from app.services import counterfactual as service
from modelling import counterfactual
from modelling.policy import FAVOURABLE, Policy


@pytest.fixture(scope="module")
def recorded():
    return load()


@pytest.fixture(scope="module")
def model():
    return fixed_model()


def plain(change, recommendation: str) -> dict:
    """A Change in the fixture's form (what the old search returned, without the words)."""
    if change is None:
        return {"feature": None, "reason": "favourable" if recommendation == FAVOURABLE else "none"}
    return {
        "feature": change.feature,
        "from": change.before,
        "to": change.after,
        "recommendation": change.recommendation,
    }


def test_the_recorded_clients_are_served_the_recorded_advice(recorded, model):
    X = np.array(recorded["clients"])
    assert X.shape == (CLIENTS, 5)
    policy = Policy(THRESHOLD, MARGIN)
    assert [policy.recommend(p) for p in model.predict_proba(X).tolist()] == recorded[
        "recommendations"
    ]
    found = {a["feature"] or a["reason"] for a in recorded["batch"]}
    assert {"income", "incidents", "credit_score", "none", "favourable"} <= found


def test_same_answers_in_a_batch_of_3000(recorded, model):
    X, recommendations = np.array(recorded["clients"]), recorded["recommendations"]
    changes = counterfactual.search(model, X, recommendations, Policy(THRESHOLD, MARGIN))
    answers = [plain(c, r) for c, r in zip(changes, recommendations, strict=True)]
    assert answers == recorded["batch"]
    changed = [(a, b) for a, b in zip(answers, recorded["batch"], strict=True) if b["feature"]]
    assert all(type(a[k]) is type(b[k]) for a, b in changed for k in ("from", "to"))  # int/float


def test_same_answers_one_client_at_a_time(recorded, model):
    X, recommendations = np.array(recorded["clients"]), recorded["recommendations"]
    policy = Policy(THRESHOLD, MARGIN)
    answers = [
        plain(counterfactual.search(model, X[[i]], [r], policy)[0], r)
        for i, r in enumerate(recommendations)
    ]
    assert answers == recorded["one_by_one"]


def test_the_service_only_puts_the_search_into_words(recorded, model):
    X, recommendations = np.array(recorded["clients"][:300]), recorded["recommendations"][:300]
    policy = Policy(THRESHOLD, MARGIN)
    worded = service.search(model, X, recommendations, policy, "fr")
    for answer, expected in zip(worded, recorded["batch"][:300], strict=True):
        if expected["feature"] is None:
            assert answer == {
                "feature": None,
                "message": i18n.no_counterfactual_text(expected["reason"], "fr"),
            }
            continue
        assert {k: answer[k] for k in expected} == expected
        text = i18n.counterfactual_text(
            expected["feature"], expected["to"], expected["recommendation"], "fr"
        )
        assert answer["text"] == text


def test_a_change_is_a_named_result_confirmed_by_the_served_score(recorded, model):
    X, recommendations = np.array(recorded["clients"]), recorded["recommendations"]
    policy = Policy(THRESHOLD, MARGIN)
    changes = counterfactual.search(model, X, recommendations, policy)
    some = [(i, c) for i, c in enumerate(changes) if c is not None][:200]
    assert some and all(dataclasses.is_dataclass(c) for _, c in some)
    moved = X[[i for i, _ in some]].copy()
    names = ["age", "income", "seniority", "incidents", "credit_score"]
    for k, (_, change) in enumerate(some):
        moved[k, names.index(change.feature)] = change.after
    rescored = [policy.recommend(p) for p in model.predict_proba(moved).tolist()]
    assert rescored == [c.recommendation for _, c in some]
