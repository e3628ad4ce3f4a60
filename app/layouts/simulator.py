"""Page 3, what-if: the five features within their ranges; the advice follows every change.

The fields take numbers as the reader writes them ("38 000", "2,5" on a French page): text
fields, read by app/feature_text.py, since a browser's number field refuses both.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.feature_text import MAX_INPUT_LENGTH, input_text
from app.layouts.common import card, decision_aid_banner, page_header
from app.texts import t
from modelling.features import FEATURES

# A typical client, used when the simulator is opened without one.
DEFAULTS = {"age": 40, "income": 32_000, "seniority": 6, "incidents": 0, "credit_score": 680}
# Sliders cover the typical ranges; the fields beside them go to the schema maximum.
SLIDER_MAX = {"income": 200_000, "seniority": 45, "incidents": 15}


def slider_top(feature) -> float:
    return SLIDER_MAX.get(feature.name, feature.maximum)


def feature_control(feature, lang: str, value):
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
                        html.Div(
                            dcc.Slider(
                                id=f"simulator-{feature.name}",
                                min=feature.minimum,
                                max=slider_top(feature),
                                step=feature.step,
                                value=min(value, slider_top(feature)),
                                marks=None,
                                allow_direct_input=False,
                                updatemode="mouseup",
                            ),
                            # The thumb's accessible name (assets/a11y.js).
                            **{"data-slider-label": feature.label(lang)},
                        ),
                        width=8,
                    ),
                    dbc.Col(
                        dbc.Input(
                            id=f"simulator-{feature.name}-input",
                            type="text",
                            inputmode="numeric" if feature.kind is int else "decimal",
                            autocomplete="off",
                            maxLength=MAX_INPUT_LENGTH,
                            value=input_text(feature, value, lang),
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


def inputs_card(lang: str, client_id: str | None):
    reset = t("simulator_reset_client" if client_id else "simulator_reset_defaults", lang)
    return card(
        t("simulator_inputs", lang),
        [
            html.Div(id="simulator-stale"),
            html.Div(
                [
                    html.Div(id="simulator-source", className="small text-secondary"),
                    dbc.Button(
                        [
                            html.I(
                                className="bi bi-arrow-counterclockwise me-1",
                                **{"aria-hidden": "true"},
                            ),
                            reset,
                        ],
                        id="simulator-reset",
                        color="outline-secondary",
                        size="sm",
                    ),
                ],
                className="d-flex justify-content-between align-items-center gap-2 mb-2",
            ),
            *[feature_control(f, lang, DEFAULTS[f.name]) for f in FEATURES],
        ],
        "simulator-inputs-card",
        "bi-sliders",
        className="h-100",
    )


def advice_card(lang: str):
    return card(
        t("advice_title", lang),
        [
            html.Div(id="simulator-error", role="alert"),
            dcc.Graph(id="simulator-gauge", config={"displayModeBar": False}),
            html.Div(id="simulator-recommendation", className="text-center"),
        ],
        "simulator-advice-card",
        "bi-speedometer2",
        className="h-100",
    )


def why_card(lang: str):
    """Full width under the controls and the gauge: the bars beside the reasons, so that no
    column stays empty at 1366 px."""
    return card(
        t("why_title", lang),
        dbc.Row(
            [
                dbc.Col(
                    [
                        dcc.Graph(id="simulator-contributions", config={"displayModeBar": False}),
                        html.Div(id="simulator-contribution-list"),
                    ],
                    lg=7,
                ),
                dbc.Col(
                    [
                        html.Ul(id="simulator-reasons"),
                        html.Div(id="simulator-counterfactual"),
                    ],
                    lg=5,
                ),
            ]
        ),
        "simulator-why-card",
        "bi-bar-chart",
    )


def layout(lang: str, user, query: dict, **_):
    client_id = query.get("client")
    return html.Div(
        [
            dcc.Store(id="simulator-client", data=client_id),
            page_header(t("simulator_title", lang), t("simulator_subtitle", lang), "simulator"),
            decision_aid_banner(lang),
            dbc.Row(
                [
                    dbc.Col(inputs_card(lang, client_id), lg=5, className="mb-3"),
                    dbc.Col(advice_card(lang), lg=7, className="mb-3"),
                ]
            ),
            why_card(lang),
        ]
    )
