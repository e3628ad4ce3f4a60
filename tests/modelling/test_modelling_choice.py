"""The champion rule: best CV AUC among eligible candidates, simpler wins within the margin."""

from __future__ import annotations

import numpy as np

from modelling.candidates import BY_NAME
from modelling.evaluation import Result, choose


def _result(name, auc, violations=()):
    result = Result(BY_NAME[name], {}, auc, np.zeros(1), 1, 0.0)
    result.monotone_violations = list(violations)
    result.monotone_ok = not violations
    return result


def test_best_auc_wins_outside_the_margin():
    champion, sentence = choose(
        [_result("baseline", 0.5), _result("logistic", 0.80), _result("catboost", 0.82)],
        margin=0.005,
    )
    assert champion.candidate.name == "catboost" and "best CV AUC" in sentence


def test_simpler_wins_within_the_margin():
    champion, sentence = choose(
        [_result("baseline", 0.5), _result("logistic", 0.818), _result("catboost", 0.82)],
        margin=0.005,
    )
    assert champion.candidate.name == "logistic"
    assert "within the margin of 0.005" in sentence and "simpler" in sentence


def test_non_monotone_candidate_is_not_eligible_and_said_so():
    champion, sentence = choose(
        [
            _result("baseline", 0.5),
            _result("logistic", 0.80),
            _result("spline_logistic", 0.819, ["income"]),
            _result("catboost", 0.82),
        ],
        margin=0.005,
    )
    assert champion.candidate.name == "catboost"
    assert "breaks the risk direction of income" in sentence
