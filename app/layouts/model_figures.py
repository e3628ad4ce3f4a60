"""The model page's charts: pure functions from the registered metadata to plotly figures."""

from __future__ import annotations

import plotly.graph_objects as go

from app.layouts.figures import chart_style, risk_points
from app.texts import FR, t
from modelling.features import BY_NAME

PERCENT_AXIS = {"tickformat": ".0%", "hoverformat": ".1%"}


def model_name(algorithm: str, entry: dict, lang: str) -> str:
    """A candidate's name in the reader's language (the registry's label is English)."""
    key = f"model_name_{algorithm}"
    return t(key, lang) if key in FR else entry["label"]


def roc_figure(meta: dict, lang: str):
    figure = go.Figure()
    for name, entry in meta["candidates"].items():
        points = entry["curves"]["roc"]
        figure.add_scatter(
            x=[p["fpr"] for p in points],
            y=[p["tpr"] for p in points],
            mode="lines",
            name=model_name(name, entry, lang),
            line={"width": 3, "color": "#1f3a5f"} if name == meta["algorithm"] else {"width": 1.5},
        )
    figure.add_scatter(
        x=[0, 1], y=[0, 1], mode="lines", line={"dash": "dot", "color": "#999"}, showlegend=False
    )
    figure.update_layout(
        height=320,
        margin={"l": 40, "r": 10, "t": 10, "b": 40},
        xaxis={"title": t("fpr", lang), **PERCENT_AXIS},
        yaxis={"title": t("tpr", lang), **PERCENT_AXIS},
        legend={"orientation": "h", "y": -0.25},
        plot_bgcolor="#fff",
        **chart_style(lang),
    )
    return figure


def calibration_figure(meta: dict, lang: str):
    points = meta["candidates"][meta["algorithm"]]["curves"]["reliability"]
    figure = go.Figure(
        go.Scatter(
            x=[p["mean_predicted"] for p in points],
            y=[p["observed_rate"] for p in points],
            mode="lines+markers",
            name=t("model_word", lang),
        )
    )
    top = max([p["mean_predicted"] for p in points] + [p["observed_rate"] for p in points] + [0.1])
    figure.add_scatter(
        x=[0, top],
        y=[0, top],
        mode="lines",
        name=t("perfect", lang),
        line={"dash": "dot", "color": "#999"},
    )
    figure.update_layout(
        height=320,
        margin={"l": 40, "r": 10, "t": 10, "b": 40},
        xaxis={"title": t("predicted", lang), **PERCENT_AXIS},
        yaxis={"title": t("observed", lang), **PERCENT_AXIS},
        legend={"orientation": "h", "y": -0.25},
        plot_bgcolor="#fff",
        **chart_style(lang),
    )
    return figure


def cost_figure(meta: dict, lang: str):
    points = meta["cost_curve"]
    figure = go.Figure(
        go.Scatter(x=[p["threshold"] for p in points], y=[p["cost"] for p in points], mode="lines")
    )
    figure.add_vline(
        x=meta["threshold"],
        line_color="#000",
        line_dash="dash",
        annotation_text=t("threshold", lang),
    )
    figure.update_layout(
        height=320,
        margin={"l": 40, "r": 10, "t": 10, "b": 40},
        xaxis={"title": t("threshold", lang), **PERCENT_AXIS},
        yaxis_title=t("cost_axis", lang),
        plot_bgcolor="#fff",
        **chart_style(lang),
    )
    return figure


def importance_figure(meta: dict, lang: str):
    rows = sorted(meta["shap_importance"], key=lambda r: r["mean_abs_contribution"])
    figure = go.Figure(
        go.Bar(
            x=[risk_points(r["mean_abs_contribution"]) for r in rows],  # as on client pages
            y=[BY_NAME[r["feature"]].label(lang) for r in rows],
            orientation="h",
            marker_color="#34495e",
        )
    )
    figure.update_layout(
        height=260,
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        xaxis_title=t("importance_axis", lang),
        yaxis={"automargin": True},
        plot_bgcolor="#fff",
        **chart_style(lang),
    )
    return figure
