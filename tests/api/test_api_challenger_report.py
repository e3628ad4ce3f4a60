"""GET /api/v1/models/challenger/report: the champion and its shadow challenger on the score
records that carry both, with agreement, rank correlation and both back-tests checked against
independent computations; and the clear refusals when there is nothing to compare."""

from __future__ import annotations

import numpy as np
import pytest
from outcome_helpers import case_ok, case_watch, set_challenger, store_cases
from scipy.stats import pearsonr, rankdata
from sklearn.metrics import roc_auc_score

from app.services.models import model_service
from app.services.policy import policy_for

REPORT = "/api/v1/models/challenger/report"
CHALLENGER = "20990101-000000-challenger"
CHALLENGER_THRESHOLD = 0.3


def publish_challenger() -> None:
    set_challenger(CHALLENGER, CHALLENGER_THRESHOLD)


def test_without_a_challenger_the_report_is_a_404(api, headers):
    response = api.get(REPORT, headers=headers["supervisor"])
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "no_challenger"


def test_without_shadow_scores_of_the_served_version_the_report_is_a_409(api, users, headers):
    publish_challenger()
    cases = [(p, y, p) for p, y in case_ok()]
    store_cases(users["adviser"], cases, "an-older-champion", challenger=CHALLENGER)
    response = api.get(REPORT, headers=headers["admin"])
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "no_shadow_scores"


def test_the_report_compares_both_models_on_the_same_scores(api, users, headers):
    publish_challenger()
    champion = model_service().version
    rng = np.random.default_rng(4)
    base = case_watch()
    # The challenger sees the same clients a little differently.
    shifted = np.clip([p + rng.normal(0, 0.05) for p, _ in base], 0.001, 0.999)
    cases = [(p, y, float(q)) for (p, y), q in zip(base, shifted, strict=True)]
    store_cases(users["adviser"], cases, champion, challenger=CHALLENGER)
    response = api.get(REPORT, headers=headers["supervisor"])
    assert response.status_code == 200, response.get_json()
    report = response.get_json()
    p = np.array([c[0] for c in cases])
    q = np.array([c[2] for c in cases])
    y = np.array([c[1] for c in cases], float)
    champion_policy = policy_for(model_service().model.threshold)
    challenger_policy = policy_for(CHALLENGER_THRESHOLD)
    same = [
        champion_policy.recommend(a) == challenger_policy.recommend(b)
        for a, b in zip(p, q, strict=True)
    ]
    assert (report["champion"], report["challenger"]) == (champion, CHALLENGER)
    assert report["scores"] == len(cases)
    assert report["agreement"] == pytest.approx(np.mean(same))
    assert report["rank_correlation"] == pytest.approx(pearsonr(rankdata(p), rankdata(q))[0])
    champion_bt, challenger_bt = report["backtest"]["champion"], report["backtest"]["challenger"]
    assert champion_bt["model_version"] == champion and champion_bt["status"] == "watch"
    assert challenger_bt["model_version"] == CHALLENGER
    assert champion_bt["outcomes"] == challenger_bt["outcomes"] == len(cases)
    assert champion_bt["auc"] == pytest.approx(roc_auc_score(y, p))
    assert challenger_bt["auc"] == pytest.approx(roc_auc_score(y, q))
    assert challenger_bt["predicted_rate"] == pytest.approx(q.mean())
