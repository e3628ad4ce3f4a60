"""The model page reads as the rest of the dashboard: French words on French pages (model and
metric names), rates in %, the champion's reason as the rule has it, and a fairness warning that
tells the reader what to do."""

from __future__ import annotations

import copy

import pytest
from dashboard_helpers import find, text_of

from app.callbacks.model import model_page
from app.layouts.model import content, fairness_table
from app.layouts.model_figures import calibration_figure, cost_figure, roc_figure
from app.texts import t

ENGLISH = (
    "Baseline",
    "Logistic regression",
    "Spline logistic",
    "(monotone)",
    "TPR",
    "FPR",
    "log-odds",
    "would have",
    "Cross-validated",
)


def served_metadata(dash_app) -> dict:
    model = dash_app.extensions["model_service"].model
    return model.metadata | {"version": model.version}


def figure_words(figure) -> str:
    layout = figure.layout
    names = " ".join(trace.name or "" for trace in figure.data)
    return " ".join([names, str(layout.xaxis.title.text), str(layout.yaxis.title.text)])


def test_the_french_model_page_has_no_english(acting, people, dash_app):
    with acting(people["adviser"], "fr"):
        page = model_page(1)
    meta = served_metadata(dash_app)
    words = text_of(page) + " ".join(
        figure_words(f(meta, "fr")) for f in (roc_figure, calibration_figure, cost_figure)
    )
    found = [w for w in ENGLISH if w in words]
    assert found == []
    assert t("model_name_catboost", "fr") in text_of(find(page, "model-candidates"))
    assert t("metric_auc", "fr") in text_of(find(page, "model-metrics"))


@pytest.mark.parametrize("figure", [roc_figure, calibration_figure, cost_figure])
def test_rates_are_charted_in_percent(dash_app, figure):
    chart = figure(served_metadata(dash_app), "fr")
    assert chart.layout.xaxis.tickformat == ".0%"
    if figure is not cost_figure:  # the cost is in money, per client
        assert chart.layout.yaxis.tickformat == ".0%"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_flagged_age_band_says_what_to_do(dash_app, lang):
    meta = copy.deepcopy(served_metadata(dash_app))
    for row in meta["fairness"]:
        row["flagged"] = False
    assert find(fairness_table(meta, lang), "model-fairness-warning") is None
    shown = next(row for row in meta["fairness"] if not row["suppressed"])
    shown["flagged"] = True
    warning = find(content(meta, lang), "model-fairness-warning")
    assert text_of(warning).strip() == t("fairness_flagged", lang, bands=shown["band"])
    assert shown["band"] in text_of(warning)
