"""The model page's fairness table evaluates the served policy (issue 15 §2): three advices per
age band with their 95 % intervals, the error rates at the served cut-offs, calibration, and the
policy's shares and cost above it; a version trained before this report still renders."""

from __future__ import annotations

import copy

import pytest
from dashboard_helpers import find, text_of

from app.callbacks.model import model_page
from app.layouts.common import percent
from app.layouts.model import fairness_table
from app.texts import t


def served_metadata(dash_app) -> dict:
    model = dash_app.extensions["model_service"].model
    return model.metadata | {"version": model.version}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_band_shows_the_three_advices_with_intervals(dash_app, lang):
    meta = served_metadata(dash_app)
    table = find(fairness_table(meta, lang), "model-fairness")
    words = text_of(table)
    for key in ("fair_favourable", "fair_review", "fair_unfavourable", "fair_tpr_unfavourable"):
        assert t(key, lang) in words
    shown = [row for row in meta["fairness"] if not row["suppressed"]]
    assert shown
    for row in shown:
        for key in ("review_rate", "observed_default_rate", "fpr_not_favourable"):
            low, high = row["ci95"][key]
            assert percent(row[key], lang) in words
            assert (
                t("fair_interval", lang, low=percent(low, lang), high=percent(high, lang)) in words
            )
    for row in meta["fairness"]:
        if row["suppressed"]:
            assert t("suppressed", lang) in words


def test_the_policy_paragraph_gives_the_shares_and_the_cost(dash_app):
    meta = served_metadata(dash_app)
    policy = find(fairness_table(meta, "fr"), "model-policy")
    out = meta["policy"]["holdout"]
    words = text_of(policy)
    assert percent(out["review_share"], "fr") + " à examiner" in words
    assert percent(meta["policy"]["unfavourable_from"], "fr") in words


def test_the_model_page_carries_the_served_policy(acting, people):
    with acting(people["adviser"], "en"):
        page = model_page(1)
    assert "to review" in text_of(find(page, "model-policy"))
    assert find(page, "model-fairness") is not None


def test_a_version_trained_before_the_report_still_renders(dash_app):
    meta = copy.deepcopy(served_metadata(dash_app))
    del meta["policy"]
    old = {"favourable_rate": 0.8, "tpr": 0.5, "fpr": 0.1, "auc": 0.7, "ratio_to_best": 1.0}
    meta["fairness"] = [{"band": "36-50", "suppressed": False, "count": 120, **old}]
    rendered = fairness_table(meta, "fr")
    assert t("fair_policy_missing", "fr") in text_of(find(rendered, "model-policy"))
    assert percent(0.8, "fr") in text_of(find(rendered, "model-fairness"))


def test_the_page_warns_when_the_service_bands_with_another_margin(acting, people, dash_app):
    with acting(people["adviser"], "fr"):
        assert find(model_page(1), "model-policy-margin") is None  # both 20 %
    dash_app.config["REVIEW_MARGIN"] = 0.3
    with acting(people["adviser"], "fr"):
        warning = find(model_page(1), "model-policy-margin")
    expected = t(
        "fair_policy_margin_differs",
        "fr",
        trained=percent(0.2, "fr", 0),
        served=percent(0.3, "fr", 0),
    )
    assert text_of(warning) == expected
