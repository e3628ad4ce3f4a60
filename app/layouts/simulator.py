"""Page 3, what-if: the five features within their ranges; the advice follows every change."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.layouts.common import card, decision_aid_banner, page_header
from app.texts import t
from modelling.features import FEATURES

# A typical client, used when the simulator is opened without one.
DEFAULTS = {"age": 40, "income": 32_000, "seniority": 6, "incidents": 0, "credit_score": 680}
# Sliders cover the typical ranges; the number inputs beside them go to the schema maximum.
SLIDER_MAX = {"income": 200_000, "seniority": 45, "incidents": 15}


def feature_control(feature, lang: str, value):
    top = SLIDER_MAX.get(feature.name, feature.maximum)
    return html.Div(
        [
            dbc.Label(
                f"{feature.label(lang)} ({feature.unit(lang)})",
                html_for=f"simulator-{feature.name}-input",
                className="mb-0 small fw-semibold",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Slider(
                            id=f"simulator-{feature.name}",
                            min=feature.minimum,
                            max=top,
                            step=feature.step,
                            value=min(value, top),
                            marks=None,
                            allow_direct_input=False,
                            updatemode="mouseup",
                        ),
                        width=8,
                    ),
                    dbc.Col(
                        dbc.Input(
                            id=f"simulator-{feature.name}-input",
                            type="number",
                            min=feature.minimum,
                            max=feature.maximum,
                            step=1 if feature.kind is int else "any",
                            value=value,
                            debounce=True,
                            size="sm",
                        ),
                        width=4,
                    ),
                ],
                className="align-items-center",
            ),
        ],
        className="mb-3",
    )


def layout(lang: str, user, query: dict, **_):
    return html.Div(
        [
            dcc.Store(id="simulator-client", data=query.get("client")),
            page_header(t("simulator_title", lang), t("simulator_subtitle", lang), "simulator"),
            decision_aid_banner(lang),
            dbc.Row(
                [
                    dbc.Col(
                        card(
                            t("simulator_inputs", lang),
                            [html.Div(id="simulator-source", className="small text-secondary mb-2")]
                            + [feature_control(f, lang, DEFAULTS[f.name]) for f in FEATURES],
                            "simulator-inputs-card",
                            "bi-sliders",
                        ),
                        lg=5,
                    ),
                    dbc.Col(
                        [
                            card(
                                t("advice_title", lang),
                                [
                                    html.Div(id="simulator-error"),
                                    dcc.Graph(
                                        id="simulator-gauge", config={"displayModeBar": False}
                                    ),
                                    html.Div(
                                        id="simulator-recommendation", className="text-center"
                                    ),
                                ],
                                "simulator-advice-card",
                                "bi-speedometer2",
                            ),
                            card(
                                t("why_title", lang),
                                [
                                    dcc.Graph(
                                        id="simulator-contributions",
                                        config={"displayModeBar": False},
                                    ),
                                    html.Div(id="simulator-contribution-list"),
                                    html.Ul(id="simulator-reasons"),
                                    html.Div(
                                        id="simulator-counterfactual",
                                        className="alert alert-light border",
                                    ),
                                ],
                                "simulator-why-card",
                                "bi-bar-chart",
                            ),
                        ],
                        lg=7,
                    ),
                ]
            ),
        ]
    )
