"""Model page, section "Surveillance" (issue 12 §2): drift of the clients scored in a period
against the active version's training data, per feature in colour, with the reference and
recent shares side by side. Pure functions of the drift report (services/drift)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import dcc, html

from app.i18n import format_number
from app.layouts.common import STATUS_COLOURS, card, percent, status_badge
from app.layouts.common import number_or_dash as _number
from app.layouts.figures import chart_style
from app.texts import t
from modelling.features import BY_NAME

GRAPH = {"displayModeBar": False}
WINDOWS = (7, 30, 90, 365)
DEFAULT_WINDOW = 30
REFERENCE_COLOUR, RECENT_COLOUR = "#9aa5b1", "#1f3a5f"


def section(lang: str, watch: float, alert: float):
    """The frame drawn for who may read the drift: the period selector and the report's place."""
    selector = dbc.Row(
        [
            dbc.Col(dbc.Label(t("drift_window", lang), html_for="model-drift-days"), width="auto"),
            dbc.Col(
                # A native select (Dash 4's dropdown keeps a focusable aria-hidden input: axe-core
                # refuses it); the service reads the days as the API's query string does.
                dbc.Select(
                    id="model-drift-days",
                    options=[
                        {"label": t("drift_window_days", lang, days=d), "value": str(d)}
                        for d in WINDOWS
                    ],
                    value=str(DEFAULT_WINDOW),
                    size="sm",
                ),
                md=3,
            ),
        ],
        className="align-items-center mb-2",
    )
    meaning = html.P(
        t("drift_psi_meaning", lang, watch=_number(watch, lang, 2), alert=_number(alert, lang, 2)),
        className="small text-secondary",
        id="model-drift-meaning",
    )
    body = [selector, meaning, dcc.Loading(html.Div(id="model-drift-report"))]
    return card(t("drift_title", lang), body, "model-drift-card", "bi-activity")


def _label(name: str, lang: str) -> str:
    return t("drift_probability", lang) if name == "probability" else BY_NAME[name].label(lang)


def bin_labels(name: str, bins: list[dict], lang: str) -> list[str]:
    """Each bin as a reader names it: a whole-number feature by the values it holds ("26 – 30"
    for 25 < v <= 30), the others by their edges ("≤ 2,4", "2,4 – 3,1", "> 18,2")."""
    feature = BY_NAME.get(name)
    if feature is not None and feature.kind is int:
        return [_whole_numbers(b, i, len(bins), lang) for i, b in enumerate(bins)]
    if feature is None:
        show = lambda v: percent(v, lang)  # noqa: E731
    else:
        show = lambda v: _number(v, lang, 0 if feature.step >= 1 else 1)  # noqa: E731
    if len(bins) == 1:
        return [f"{show(bins[0]['edge_low'])} – {show(bins[0]['edge_high'])}"]
    middle = [f"{show(b['edge_low'])} – {show(b['edge_high'])}" for b in bins[1:-1]]
    return [f"≤ {show(bins[0]['edge_high'])}", *middle, f"> {show(bins[-1]['edge_low'])}"]


def _whole_numbers(bin_: dict, index: int, count: int, lang: str) -> str:
    """The whole numbers a right-closed bin holds: "≤ 25", "26 – 30", "1", "≥ 71"."""
    low = _number(bin_["edge_low"] + (1 if index else 0), lang, 0)
    high = _number(bin_["edge_high"], lang, 0)
    if count == 1:
        return f"{low} – {high}"
    if index == 0:
        return high if bin_["edge_low"] == bin_["edge_high"] else f"≤ {high}"
    if index == count - 1:
        return f"≥ {low}"
    return low if low == high else f"{low} – {high}"


def shares_figure(name: str, part: dict, lang: str):
    """Reference and recent shares of each bin, side by side."""
    bins = part["bins"]
    labels = bin_labels(name, bins, lang)
    figure = go.Figure()
    for key, colour in (("reference", REFERENCE_COLOUR), ("recent", RECENT_COLOUR)):
        figure.add_bar(
            x=labels,
            y=[b[key] for b in bins],
            name=t(f"drift_{key}", lang),
            marker_color=colour,
        )
    figure.update_layout(
        barmode="group",
        height=220,
        margin={"l": 40, "r": 10, "t": 30, "b": 60},
        title={"text": _label(name, lang), "font": {"size": 13}},
        yaxis={"title": t("drift_share_axis", lang), "tickformat": ".0%", "hoverformat": ".1%"},
        xaxis={"tickangle": -30, "tickfont": {"size": 9}},
        legend={"orientation": "h", "y": 1.15, "x": 1, "xanchor": "right"},
        plot_bgcolor="#fff",
        **chart_style(lang),
    )
    return figure


def _table(parts: list[tuple[str, dict]], lang: str):
    rows = [
        html.Tr(
            [
                html.Td(_label(name, lang)),
                html.Td(_number(part["psi"], lang)),
                html.Td(status_badge("drift", part["status"], lang, f"model-drift-status-{name}")),
            ],
            className=f"table-{STATUS_COLOURS[part['status']]}"
            if part["status"]
            in (
                "watch",
                "alert",
            )
            else None,
        )
        for name, part in parts
    ]
    header = html.Tr([html.Th(t(k, lang)) for k in ("drift_feature", "drift_psi", "drift_status")])
    return dbc.Table(
        [html.Thead(header), html.Tbody(rows)], size="sm", responsive=True, id="model-drift-table"
    )


def report_view(report: dict, lang: str, minimum: int):
    """The report: overall status and its reading, then each variable's PSI and shares."""
    status = report["status"]
    scores = report["window"]["scores"]
    reading = (
        t("drift_read_insufficient", lang, scores=format_number(scores, lang), minimum=minimum)
        if status == "insufficient"
        else t(f"drift_read_{status}", lang)
    )
    head = html.P(
        [
            status_badge("drift", status, lang, "model-drift-status"),
            t(
                "drift_version",
                lang,
                version=report["model_version"],
                scores=format_number(scores, lang),
            ),
        ],
        className="mb-1",
    )
    children = [head, html.P(reading, className="small", id="model-drift-reading")]
    if status == "no_reference":
        return html.Div(children, id="model-drift-view")
    parts = [(f["feature"], f) for f in report["features"]] + [("probability", report["score"])]
    charts = dbc.Row(
        [
            dbc.Col(
                dcc.Graph(
                    figure=shares_figure(name, part, lang),
                    config=GRAPH,
                    id=f"model-drift-chart-{name}",
                ),
                md=6,
                lg=4,
            )
            for name, part in parts
        ]
    )
    return html.Div([*children, _table(parts, lang), charts], id="model-drift-view")
