"""Model page, section "observed outcomes" (issue 12 §3-4): the back-test of the served version,
calibration by risk grade with intervals, and the challenger beside the champion when one runs.
Pure functions of the services' reports (services/backtest, services/challenger_report)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import dcc, html

from app.i18n import format_number
from app.layouts.common import card, percent, status_badge
from app.layouts.figures import chart_style
from app.texts import t

GRAPH = {"displayModeBar": False}
OUTSIDE_COLOUR, INSIDE_COLOUR, PREDICTED_COLOUR = "#b02a37", "#1f3a5f", "#d08c00"


def _number(value, lang: str, decimals: int = 3) -> str:
    return "—" if value is None else format_number(value, lang, decimals)


def status_sentence(report: dict, lang: str) -> str:
    if report["status"] == "insufficient":
        return t(
            "bt_read_insufficient",
            lang,
            outcomes=format_number(report["outcomes"], lang),
            minimum=format_number(report["min_outcomes"], lang),
        )
    return t(f"bt_read_{report['status']}", lang)


def _colour(grade: dict) -> str:
    return OUTSIDE_COLOUR if grade["status"] == "outside" else INSIDE_COLOUR


def calibration_by_grade_figure(report: dict, lang: str):
    """Observed default rate per grade with its interval, against the predicted rate."""
    grades = report["grades"]
    x = [g["grade"] for g in grades]
    observed = [g["observed"] for g in grades]
    figure = go.Figure()
    figure.add_scatter(
        x=x,
        y=observed,
        mode="markers",
        name=t("bt_figure_observed", lang),
        marker={
            "size": 10,
            "color": [_colour(g) for g in grades],
        },
        error_y={
            "type": "data",
            "symmetric": False,
            "array": [g["interval"][1] - g["observed"] for g in grades],
            "arrayminus": [g["observed"] - g["interval"][0] for g in grades],
            "color": "#6c757d",
        },
    )
    figure.add_scatter(
        x=x,
        y=[g["predicted"] for g in grades],
        mode="lines+markers",
        name=t("bt_figure_predicted", lang),
        marker={"symbol": "diamond", "size": 9, "color": PREDICTED_COLOUR},
        line={"dash": "dot", "color": PREDICTED_COLOUR},
    )
    figure.update_layout(
        height=320,
        margin={"l": 50, "r": 10, "t": 10, "b": 40},
        xaxis={"title": t("bt_figure_grade", lang), "dtick": 1},
        yaxis={"title": t("bt_figure_rate", lang), "tickformat": ".0%", "hoverformat": ".1%"},
        legend={"orientation": "h", "y": -0.25},
        plot_bgcolor="#fff",
        **chart_style(lang),
    )
    return figure


def _interval(pair, lang: str) -> str:
    if pair is None:
        return ""
    return t("bt_interval", lang, low=percent(pair[0], lang), high=percent(pair[1], lang))


def headline(report: dict, lang: str, prefix: str):
    ci = report["auc_ci"]
    auc = _number(report["auc"], lang)
    if ci is not None:
        auc += f" [{_number(ci[0], lang)} ; {_number(ci[1], lang)}]"
    tiles = [
        (t("bt_outcomes", lang), format_number(report["outcomes"], lang), ""),
        (t("bt_auc", lang), auc, ""),
        (t("bt_brier", lang), _number(report["brier"], lang, 4), ""),
        (
            t("bt_rates", lang),
            f"{percent(report['predicted_rate'], lang)} / {percent(report['observed_rate'], lang)}",
            _interval(report["interval"], lang),
        ),
    ]
    return dbc.Row(
        [
            dbc.Col(
                [
                    html.Div(name, className="small text-secondary"),
                    html.Div(value, className="fs-5 fw-semibold"),
                    html.Div(note, className="small"),
                ],
                md=3,
                className="mb-2",
            )
            for name, value, note in tiles
        ],
        id=f"{prefix}-headline",
    )


def grades_table(report: dict, lang: str, table_id: str):
    header = [t(k, lang) for k in ("bt_grade", "count", "bt_range", "bt_predicted")]
    header += [t("bt_observed", lang), ""]
    rows = [
        html.Tr(
            [
                html.Td(str(g["grade"])),
                html.Td(format_number(g["n"], lang)),
                html.Td(
                    f"{percent(g['probability_range'][0], lang)} – "
                    f"{percent(g['probability_range'][1], lang)}"
                ),
                html.Td(percent(g["predicted"], lang)),
                html.Td(f"{percent(g['observed'], lang)} ({_interval(g['interval'], lang)})"),
                html.Td(t(f"bt_grade_{g['status']}", lang)),
            ],
            className="table-danger" if g["status"] == "outside" else None,
        )
        for g in report["grades"]
    ]
    return dbc.Table(
        [html.Thead(html.Tr([html.Th(h) for h in header])), html.Tbody(rows)],
        size="sm",
        responsive=True,
        id=table_id,
    )


def backtest_body(report: dict, lang: str, prefix: str, grade_min: int):
    children = [
        html.P(
            [
                status_badge("bt", report["status"], lang, f"{prefix}-status"),
                html.Span(status_sentence(report, lang), id=f"{prefix}-status-text"),
            ]
        ),
        headline(report, lang, prefix),
    ]
    if report["grades"]:
        children += [
            dcc.Graph(
                figure=calibration_by_grade_figure(report, lang),
                config=GRAPH,
                id=f"{prefix}-figure",
            ),
            grades_table(report, lang, f"{prefix}-grades"),
        ]
    children.append(html.P(t("bt_reading", lang, grade_min=grade_min), className="small"))
    return children


def backtest_card(report: dict, lang: str, grade_min: int):
    title = t("bt_title", lang) + " — " + t("bt_version", lang, version=report["model_version"])
    body = backtest_body(report, lang, "model-bt", grade_min)
    return card(title, body, "model-backtest-card", "bi-clipboard-check")


def challenger_card(report: dict, lang: str, grade_min: int):
    tiles = [
        (t("ch_scores", lang), format_number(report["scores"], lang)),
        (t("ch_agreement", lang), percent(report["agreement"], lang)),
        (t("ch_rank", lang), _number(report["rank_correlation"], lang)),
    ]
    columns = []
    for role in ("champion", "challenger"):
        result = report["backtest"][role]
        columns.append(
            dbc.Col(
                [
                    html.H3(f"{t(f'ch_{role}', lang)} — {result['model_version']}", className="h6"),
                    *backtest_body(result, lang, f"model-ch-{role}", grade_min)[:2],
                ],
                lg=6,
            )
        )
    body = [
        html.P(
            t("ch_versions", lang, champion=report["champion"], challenger=report["challenger"]),
            id="model-ch-versions",
        ),
        dbc.Row(
            [
                dbc.Col(
                    [
                        html.Div(name, className="small text-secondary"),
                        html.Div(value, className="fs-5 fw-semibold"),
                    ],
                    md=4,
                )
                for name, value in tiles
            ],
            id="model-ch-figures",
            className="mb-2",
        ),
        dbc.Row(columns),
        html.P(t("ch_reading", lang), className="small"),
    ]
    return card(t("ch_title", lang), body, "model-challenger-card", "bi-people")


def no_shadow_scores(challenger: str, lang: str):
    return card(
        t("ch_title", lang),
        html.P(t("ch_no_scores", lang, challenger=challenger), id="model-ch-empty"),
        "model-challenger-card",
        "bi-people",
    )
