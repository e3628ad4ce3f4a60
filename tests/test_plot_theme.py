"""One plotly template for the whole project: the dashboard's charts and the training report
draw with the same font and calm colours (modelling/plot_theme), in both languages."""

from __future__ import annotations

import json

import pytest

from app.layouts.figures import contribution_bars, gauge
from app.layouts.model_figures import calibration_figure, roc_figure
from modelling.plot_theme import CALM_COLOURS, FONT
from modelling.report import _figures, report_html


@pytest.fixture(scope="module")
def meta(model_registry):
    path = next(model_registry.glob("*/metadata.json"))
    return json.loads(path.read_text(encoding="utf-8"))


def drawn_with_the_theme(figure) -> bool:
    layout = figure.layout.template.layout
    return list(layout.colorway) == CALM_COLOURS and layout.font.family == FONT


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_dashboards_charts_use_the_project_template(meta, lang):
    contributions = [{"feature": "income", "impact": -0.4, "direction": "decreases_risk"}]
    charts = [
        gauge(0.12, 0.3, 0.2, 0.4, lang),
        contribution_bars(contributions, lang),
        roc_figure(meta, lang),
        calibration_figure(meta, lang),
    ]
    assert all(drawn_with_the_theme(chart) for chart in charts)
    assert {chart.layout.separators for chart in charts} == {",\u202f" if lang == "fr" else ".,"}


def test_the_training_report_uses_the_same_template(meta):
    figures = _figures(meta)
    assert figures and all(drawn_with_the_theme(figure) for figure in figures)
    colours = json.dumps(CALM_COLOURS, separators=(",", ":"))
    assert colours in report_html(meta)  # the colours reach the file
